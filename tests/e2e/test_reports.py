"""In Chromium: the programme report in Khmer, its charts and map drawn without JavaScript."""

import pytest

from tests.e2e.conftest import local_page
from tests.factories import UserFactory
from tests.reports.conftest import programme  # noqa: F401 - the hand-worked programme

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORT = "/admin/reports/programme/"


def report_page(browser, live_server, **options):
    return local_page(browser, live_server, viewport={"width": 1280, "height": 900}, **options)


def log_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "national")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_the_khmer_programme_report_shows_charts_and_map(
    programme,  # noqa: F811
    browser,
    live_server,
    screenshot_path,
):
    UserFactory(username="national", role="National program officers")
    page = report_page(browser, live_server)
    log_in(page, live_server.url)
    assert page.locator(".programme-panel").is_visible()  # the dashboard panel
    page.screenshot(path=screenshot_path("admin-dashboard-programme-panel-km"))
    page.set_viewport_size({"width": 1280, "height": 4200})  # the admin scrolls inside
    page.goto(f"{live_server.url}{REPORT}")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.reload()  # the font now comes from the cache, before the first layout
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="ចំនួនសំខាន់ៗ").is_visible()
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    assert page.locator(".report-map .tile[data-province]").count() == 25
    assert page.locator("figure.report-chart").count() == 3
    page.screenshot(path=screenshot_path("programme-report-km"))
    assert page.outside_requests == []
    page.context.close()

    # Without JavaScript the charts and the map are there all the same: drawn on the server.
    page = report_page(browser, live_server, java_script_enabled=False)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{REPORT}?period=quarter")
    bars = page.locator("figure.report-chart svg").first.bounding_box()
    assert bars and bars["width"] > 0 and bars["height"] > 0
    siem_reap = page.locator('.report-map .tile[data-province="17"]')
    assert siem_reap.bounding_box()["width"] > 40
    assert siem_reap.inner_text().split() == ["សៀមរាប", "3"]
    page.screenshot(path=screenshot_path("programme-report-km-no-javascript"))
    page.context.close()
