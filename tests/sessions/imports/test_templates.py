"""The XLSX templates: bilingual headers, drop-down lists, instructions; filled in, they import."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sessions.imports.kinds import KINDS
from sessions.models import (
    Attendance,
    Headcount,
    ImportLog,
    PeerEducator,
    TrainingSession,
    YouthGroup,
)
from tests.factories import commune_in

from .helpers import confirm, upload

pytestmark = pytest.mark.django_db


def download(client, kind):
    response = client.get(reverse("trainings_imports:template", args=[kind]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def fill(workbook, kind, rows: list[dict]) -> bytes:
    """Write rows under the template's headers, by column key, as an officer would."""
    sheet = workbook[KINDS[kind].resource.sheet_name]
    columns = {column.header: column.key for column in KINDS[kind].resource.columns()}
    positions = {columns[cell.value]: cell.column for cell in sheet[1]}
    for offset, values in enumerate(rows, start=2):
        for key, value in values.items():
            sheet.cell(row=offset, column=positions[key], value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_template_has_bilingual_headers_lists_and_instructions(officer_client, kind):
    workbook = download(officer_client, kind)
    assert workbook.sheetnames == [KINDS[kind].resource.sheet_name, "instructions", "lists"]
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [column.header for column in KINDS[kind].resource.columns()]
    assert all(" / " in header for header in headers)
    formulas = {validation.formula1 for validation in sheet.data_validations.dataValidation}
    assert any("lists!$A$" in formula for formula in formulas)  # provinces
    lists = workbook["lists"]
    assert lists["A1"].value == "provinces"
    assert lists.max_row == 26  # 25 provinces under the heading
    assert "Instructions" in [cell.value for cell in workbook["instructions"][1]]


def test_sex_and_age_band_lists_are_offered_for_attendance(officer_client):
    sheet = download(officer_client, "attendance").worksheets[0]
    formulas = {validation.formula1 for validation in sheet.data_validations.dataValidation}
    assert "=lists!$B$2:$B$4" in formulas  # sex
    assert "=lists!$C$2:$C$5" in formulas  # age bands


def test_filled_templates_import(officer_client, club):
    commune = commune_in("17")
    groups = fill(
        download(officer_client, "youth_groups"),
        "youth_groups",
        [
            {
                "name": "ក្លឹបថ្មី",
                "province": "សៀមរាប",
                "commune": commune.name_km,
                "founded_on": datetime.date(2024, 1, 15),
                "active": "បាទ/ចាស",
            }
        ],
    )
    __, log = upload(officer_client, "youth_groups", groups)
    assert log.rows_created == 1, log.errors
    confirm(officer_client, log)
    assert YouthGroup.objects.filter(name="ក្លឹបថ្មី", commune=commune).exists()

    educators = fill(
        download(officer_client, "peer_educators"),
        "peer_educators",
        [{"province": "សៀមរាប", "group": "ក្លឹបថ្មី", "name_km": "សុខ ដារ៉ា", "sex": "ស្រី"}],
    )
    __, log = upload(officer_client, "peer_educators", educators)
    confirm(officer_client, log)
    assert PeerEducator.objects.get().group.name == "ក្លឹបថ្មី"

    sessions = fill(
        download(officer_client, "sessions"),
        "sessions",
        [
            {
                "external_id": "T-1",
                "province": "សៀមរាប",
                "group": club.name,
                "date": datetime.date(2025, 3, 1),
                "duration_minutes": 90,
                "audience": "យុវជន",
                "female_15-17": 5,
                "male_18-24": 4,
            }
        ],
    )
    __, log = upload(officer_client, "sessions", sessions)
    assert log.rows_created == 1, log.errors
    confirm(officer_client, log)
    session = TrainingSession.objects.get(external_id="T-1")
    assert session.audience == "youth"
    assert Headcount.objects.filter(session=session).count() == 2

    attendance = fill(
        download(officer_client, "attendance"),
        "attendance",
        [
            {
                "external_id": "T-2",
                "province": "សៀមរាប",
                "group": club.name,
                "date": datetime.date(2025, 3, 2),
                "duration_minutes": 60,
                "name": "ចាន់ ស្រីមុំ",
                "sex": "ស្រី",
                "age_band": "18-24",
                "consent_given_on": datetime.date(2025, 3, 2),
                "consent_collected_by": "សុខ ដារ៉ា",
                "post_test_score": 80,
            }
        ],
    )
    __, log = upload(officer_client, "attendance", attendance)
    assert log.status == ImportLog.Status.CHECKED and log.rows_created == 1, log.errors
    confirm(officer_client, log)
    attended = Attendance.objects.get(session__external_id="T-2")
    assert (attended.age_band, attended.post_test_score) == ("18-24", 80)


def test_an_empty_template_is_refused_with_a_message(officer_client):
    __, log = upload(
        officer_client, "attendance", fill(download(officer_client, "attendance"), "attendance", [])
    )
    assert log.status == ImportLog.Status.FAILED
    assert log.file_error


def test_the_templates_rows_take_dates_as_dates_under_a_frozen_header(officer_client):
    workbook = download(officer_client, "attendance")
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    headers = {column.key: column.header for column in KINDS["attendance"].resource.columns()}
    date_column = [cell.value for cell in sheet[1]].index(headers["date"]) + 1
    assert sheet.cell(row=2, column=date_column).number_format == "DD/MM/YYYY"
    assert sheet.cell(row=201, column=date_column).number_format == "DD/MM/YYYY"
    assert workbook["instructions"]["A1"].font.sz == 14
