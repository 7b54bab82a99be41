"""In Chromium at 360 px: an officer's cross-tabulation in Khmer, small counts hidden, the
table scrolling sideways inside its box rather than widening the page."""

import pytest

from tests.e2e.conftest import local_page
from tests.factories import officer_of
from tests.reports.conftest import programme  # noqa: F401 - the hand-worked programme

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_officer_picks_two_dimensions_and_sees_small_counts_hidden(
    programme,  # noqa: F811
    browser,
    live_server,
    screenshot_path,
):
    officer_of("17", "02", username="officer")
    page = local_page(browser, live_server, viewport={"width": 360, "height": 2400})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/reports/programme/crosstab/")
    page.select_option("#id_rows", "month")
    page.select_option("#id_columns", "age_band")
    page.get_by_role("button", name="បង្ហាញរបាយការណ៍").click()
    page.wait_for_load_state("networkidle")
    heading = page.get_by_role("heading", name="ការចូលរួម: ខែ × ក្រុមអាយុ")
    heading.wait_for()
    tables = page.locator("table.crosstab-table")
    assert tables.count() == 2
    assert tables.first.locator("text=បានលាក់").count() > 0
    assert "2026-01" in tables.first.inner_text()
    # The page keeps the phone's width; the wide table scrolls in its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=screenshot_path("crosstab-officer-km-360"))
    assert page.outside_requests == []
    page.context.close()
