"""The programme report in the admin: who may open it, what it shows, and its exports."""

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/programme/"


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def test_a_national_officer_sees_every_figure_with_charts_and_the_map(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    report = response.context["report"]
    assert report["totals"]["sessions"] == 4
    assert report["totals"]["people"] == 3
    assert html.count('<figure class="report-chart') == 3  # sex, age band, period
    assert html.count('<figure class="report-map"') == 1
    assert 'data-province="17"' in html
    assert "សៀមរាប" in html  # Siem Reap's name in Khmer, the default language


def test_the_results_fragment_and_filters(client, programme, national):
    client.force_login(national)
    club_b = programme["clubs"]["b"]
    province = club_b.commune.district.province
    response = client.get(
        reverse("trainings_reports:programme_results"),
        {"province": province.pk, "group": club_b.pk},
    )
    assert response.status_code == 200
    assert response.context["report"]["totals"]["sessions"] == 2
    response = client.get(
        REPORT, {"date_from": "2026-01-01", "date_to": "2026-01-31", "period": "quarter"}
    )
    totals = response.context["report"]["totals"]
    assert (totals["sessions"], totals["attendances"]) == (2, 11)
    assert [row.label for row in response.context["report"]["by_period"]] == ["2026 Q1"]


def test_an_officer_sees_only_their_provinces_even_with_another_typed_in(client, programme):
    officer = officer_of("17")
    client.force_login(officer)
    battambang = programme["clubs"]["b"].commune.district.province
    response = client.get(REPORT, {"province": battambang.pk})
    assert response.status_code == 200
    report = response.context["report"]
    assert report["totals"]["sessions"] == 2  # an invalid choice is ignored, scope stays
    assert [row.key for row in report["by_province"]] == ["17"]
    assert 'data-province="02"' not in response.content.decode()


@pytest.mark.parametrize("role", ["Editors", "Club leaders", "Moderators"])
def test_others_get_no_report(client, programme, role):
    client.force_login(UserFactory(role=role))
    for url in (REPORT, REPORT + "?export=xlsx", REPORT + "?export=pdf"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] in ("/admin/", "/admin/login/?next=" + url) or response[
                "Location"
            ].startswith("/admin/login/")


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_xlsx_has_a_sheet_per_breakdown_with_the_figures(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "xlsx", "language": "en"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-en.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Summary",
        "By province",
        "By district",
        "By month",
        "By sex",
        "By age band",
        "Destinations",
        "Lessons taught",
        "Downloads",
    ]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["Sessions held"] == 4
    assert summary["Attendances"] == 14
    assert summary["People reached"] == 3
    assert summary["Knowledge gain (points)"] == 30
    provinces = {row[0]: row[2:5] for row in workbook["By province"].iter_rows(values_only=True)}
    assert provinces["17"] == (2, 5, 3)
    assert provinces["02"] == (2, 9, 1)
    sexes = {row[0]: row[1:] for row in workbook["By sex"].iter_rows(values_only=True)}
    assert sexes["female"] == (9, 2)
    months = [row for row in workbook["By month"].iter_rows(values_only=True)][1:]
    assert months == [("2025-12", 1, 2, 2), ("2026-01", 2, 11, 3), ("2026-02", 1, 1, 1)]


def test_xlsx_in_khmer(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "xlsx", "language": "km"})
    workbook = load_workbook(io.BytesIO(response.content))
    provinces = [row[1] for row in workbook.worksheets[1].iter_rows(values_only=True)]
    assert "សៀមរាប" in provinces


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_pdf_report_in_khmer_reads_back_as_khmer(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "pdf", "language": "km"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "សៀមរាប" in text
    assert "បាត់ដំបង" in text


def test_pdf_report_in_english(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "pdf", "language": "en"})
    text = pdf_text(response.content)
    assert "Programme reach" in text
    assert "Siem" in text or "Siemreap" in text
    assert "Battambang" in text


def test_a_province_typed_in_is_ignored_but_the_dates_still_apply(client, programme):
    client.force_login(officer_of("17"))
    battambang = programme["clubs"]["b"].commune.district.province
    response = client.get(
        REPORT, {"province": battambang.pk, "date_from": "2026-01-01", "date_to": "2026-01-31"}
    )
    totals = response.context["report"]["totals"]
    assert (totals["sessions"], totals["attendances"], totals["people"]) == (1, 3, 3)


def test_csv_is_the_table_by_province(client, programme, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 26
    assert "17,សៀមរាប,2,5,3" in lines


def test_typed_destinations_and_lesson_titles_come_out_of_the_xlsx_as_text(
    client, programme, national
):
    """The attack: a club leader types a destination, an editor a lesson title, that a
    spreadsheet would run; the officer who opens the report must see text."""
    from curriculum.models import LessonPage
    from sessions.models import Participant

    hyperlink, total = '=HYPERLINK("http://x","click")', "@SUM(1+1)"
    first, second = programme["lessons"][:2]
    LessonPage.objects.filter(pk=first.pk).update(title=hyperlink)
    LessonPage.objects.filter(pk=second.pk).update(title=total)
    p1, __, p3, __ = programme["participants"]
    Participant.objects.filter(pk=p1.pk).update(destination=hyperlink)
    Participant.objects.filter(pk=p3.pk).update(destination=total)
    client.force_login(national)
    response = client.get(REPORT, {"export": "xlsx", "language": "en"})
    workbook = load_workbook(io.BytesIO(response.content))
    for sheet_name in ("Destinations", "Lessons taught", "Downloads"):
        cells = [
            cell
            for row in workbook[sheet_name].iter_rows()
            for cell in row
            if cell.value in (hyperlink, total)
        ]
        assert cells, sheet_name
        for cell in cells:
            assert (cell.data_type, cell.quotePrefix) == ("s", True), (sheet_name, cell.value)
    assert not [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
