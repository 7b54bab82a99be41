"""In Chromium: an officer imports a spreadsheet with a bad row, fixes it, imports it."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from sessions.models import ImportLog, TrainingSession
from tests.factories import YouthGroupFactory, officer_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
HEADERS = [
    "លេខសម្គាល់ / external id",
    "ខេត្ត / province",
    "ក្រុមយុវជន / youth group",
    "កាលបរិច្ឆេទ / date",
    "រយៈពេល (នាទី) / duration in minutes",
    "ឈ្មោះ / name",
    "ភេទ / sex",
    "ឆ្នាំកំណើត / year of birth",
    "ថ្ងៃយល់ព្រម / consent given on",
    "អ្នកទទួលការយល់ព្រម / consent collected by",
]


@pytest.fixture
def club(geography):
    """A Siem Reap club and its officer, made before the browser starts."""
    officer_of("17", username="officer.siemreap")
    return YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")


def workbook_file(tmp_path, name: str, date_of_second_session: str) -> str:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "attendance"
    sheet.append(HEADERS)
    for external_id, date, person, sex in [
        ("BS-1", "01/03/2025", "ចាន់ ស្រីមុំ", "ស្រី"),
        ("BS-1", "01/03/2025", "គឹម វិចិត្រ", "ប្រុស"),
        ("BS-2", date_of_second_session, "ហេង សុភា", "ស្រី"),
    ]:
        sheet.append(
            [external_id, "សៀមរាប", "ក្លឹបយុវជនបន្ទាយស្រី", date, 90, person, sex, 2001, date, "សុខ"]
        )
    path = tmp_path / name
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_an_officer_fixes_a_bad_row_and_imports_the_sessions(
    club, browser, live_server, tmp_path, screenshot_path
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer.siemreap")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}{reverse('trainings_imports:index')}")
    page.select_option("#id_kind", "attendance")
    page.set_input_files("#id_file", workbook_file(tmp_path, "bad.xlsx", "31/02/2025"))
    page.click("main form button[type=submit]")
    page.wait_for_selector(".import-errors")
    errors = page.locator(".import-errors tbody tr")
    assert errors.count() >= 1
    first = errors.first.locator("td")
    assert first.nth(0).inner_text() == "4"  # the spreadsheet's row number
    assert "31/02/2025" in first.nth(2).inner_text()
    assert page.locator("form[action$='/confirm/']").count() == 0
    page.screenshot(path=screenshot_path("import-bad-row"), full_page=True)
    assert not TrainingSession.objects.exists()

    page.goto(f"{live_server.url}{reverse('trainings_imports:index')}")
    page.select_option("#id_kind", "attendance")
    page.set_input_files("#id_file", workbook_file(tmp_path, "fixed.xlsx", "02/03/2025"))
    page.click("main form button[type=submit]")
    page.wait_for_selector("form[action$='/confirm/']")
    assert page.locator(".import-created").inner_text() == "3"
    page.click("form[action$='/confirm/'] button")
    page.wait_for_selector(".import-status[data-status='done']")
    page.screenshot(path=screenshot_path("import-done"), full_page=True)

    page.click("a[href*='source=import']")
    page.wait_for_url(f"{live_server.url}/admin/training_sessions/**")
    listing = page.locator("table.listing tbody tr")
    assert listing.count() == 2
    assert "ក្លឹបយុវជនបន្ទាយស្រី" in listing.first.inner_text()
    assert ImportLog.objects.filter(status=ImportLog.Status.DONE).count() == 1
    assert set(TrainingSession.objects.values_list("external_id", flat=True)) == {"BS-1", "BS-2"}
