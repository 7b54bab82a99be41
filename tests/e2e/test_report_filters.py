"""In Chromium: the programme report's filters are all in view, and choosing a province lists
its youth groups at once, without reloading the page, under the admin's security policy."""

import pytest

from tests.e2e.test_content_security_policy import PASSWORD, recording_page
from tests.factories import YouthGroupFactory, officer_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPORT = "/admin/reports/programme/"


def test_an_officer_picks_a_group_of_the_province_chosen_without_a_reload(
    geography, browser, live_server, screenshot_path
):
    officer_of("17", "22", username="officer.siemreap")
    club = YouthGroupFactory(name="Banteay Srei youth club", province="17")
    YouthGroupFactory(name="Samraong club", province="22")
    YouthGroupFactory(name="Battambang club", province="02")  # not the officer's

    page = recording_page(browser, live_server, viewport={"width": 1280, "height": 1000})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer.siemreap")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}{REPORT}", wait_until="networkidle")

    filters = page.locator("form[data-report-filters]")
    for name in ("date_from", "date_to", "province", "district", "group", "period"):
        assert filters.locator(f'[name="{name}"]').is_visible(), name
    group = filters.locator('select[name="group"]')
    assert group.locator("option").count() == 1  # nothing to choose before a place

    page.evaluate("window.notReloaded = true")
    filters.locator('select[name="province"]').select_option(str(club.commune.district.province.pk))
    expect = pytest.importorskip("playwright.sync_api").expect
    # Polled through the page's elements: the policy forbids a string evaluated as script.
    expect(group.locator("option", has_text="Banteay Srei youth club")).to_have_count(1)
    assert page.evaluate("window.notReloaded") is True
    names = group.locator("option").all_inner_texts()
    assert "Banteay Srei youth club" in names
    assert "Samraong club" not in names and "Battambang club" not in names
    page.screenshot(path=screenshot_path("programme-report-filters-km"))

    group.select_option(str(club.pk))
    filters.get_by_role("button", name="បង្ហាញរបាយការណ៍").click()
    page.wait_for_url(f"**group={club.pk}**")
    assert filters.locator('select[name="group"]').input_value() == str(club.pk)
    assert page.csp_violations == []
    assert page.outside_requests == []
    page.context.close()
