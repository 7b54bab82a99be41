"""The cross-tabulation page: who may open it, bad dimensions, and its XLSX and PDF."""

import io
import subprocess

import pytest
from openpyxl import load_workbook

from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db

CROSSTAB = "/admin/reports/programme/crosstab/"


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def test_a_national_officer_sees_both_tables_with_totals(client, programme, national):
    client.force_login(national)
    response = client.get(CROSSTAB, {"rows": "province", "columns": "month"})
    assert response.status_code == 200
    html = response.content.decode()
    table = response.context["crosstab"]
    assert table.column_labels == ("2025-12", "2026-01", "2026-02")
    assert table.people.column_totals == (2, 3, 1)
    assert html.count('class="listing report-table crosstab-table"') == 2
    assert "សៀមរាប" in html
    assert "បានលាក់" not in html  # nothing hidden from a national officer


def test_the_results_fragment_keeps_the_filters(client, programme, national):
    client.force_login(national)
    response = client.get(
        "/admin/reports/programme/crosstab/results/",
        {"rows": "sex", "columns": "age_band", "date_from": "2026-01-01", "date_to": "2026-01-31"},
    )
    assert response.status_code == 200
    assert response.context["crosstab"].attendances.grand_total == 11


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"rows": "planet", "columns": "sex"}, "“planet” មិនមែនជាវិធីបំបែកតួលេខទេ"),
        ({"rows": "sex", "columns": "sex"}, "សូមជ្រើសរើសវិធីបំបែកតួលេខពីរផ្សេងគ្នា"),
        ({"rows": "sex", "columns": "<script>", "export": "xlsx"}, "“&lt;script&gt;”"),
    ],
)
def test_a_bad_dimension_in_the_url_gets_a_khmer_message(
    client, programme, national, query, message
):
    client.force_login(national)
    response = client.get(CROSSTAB, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["crosstab"] is None


def test_a_province_officer_sees_small_counts_hidden_and_only_their_province(client, programme):
    client.force_login(officer_of("17"))
    battambang = programme["clubs"]["b"].commune.district.province
    response = client.get(
        CROSSTAB, {"rows": "province", "columns": "sex", "province": battambang.pk}
    )
    assert response.status_code == 200
    table = response.context["crosstab"]
    assert table.row_labels == ("សៀមរាប",)  # the typed-in province is ignored, scope stays
    assert table.people.cells == ((None, None, 0),)
    html = response.content.decode()
    assert "បានលាក់" in html
    assert "បាត់ដំបង</th>" not in html


@pytest.mark.parametrize("role", ["Editors", "Club leaders", "Moderators"])
def test_others_get_no_crosstab(client, programme, role):
    client.force_login(UserFactory(role=role))
    for query in ("", "?export=xlsx", "?export=pdf"):
        response = client.get(CROSSTAB + query)
        assert response.status_code in (302, 403)


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(CROSSTAB + "?export=xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_xlsx_has_a_sheet_per_measure_with_hidden_counts_hidden(client, programme, national):
    client.force_login(national)
    response = client.get(
        CROSSTAB, {"rows": "province", "columns": "sex", "export": "xlsx", "language": "en"}
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    siem_reap = programme["clubs"]["a"].commune.district.province.name_en
    battambang = programme["clubs"]["b"].commune.district.province.name_en
    assert workbook.sheetnames == ["People reached", "Attendances"]
    rows = {row[0]: row[1:] for row in workbook["People reached"].iter_rows(values_only=True)}
    assert rows[siem_reap] == (2, 1, 0, 3)
    assert rows[battambang] == (1, 0, 0, 1)
    assert rows["Total"] == (2, 1, 0, 3)
    rows = {row[0]: row[1:] for row in workbook["Attendances"].iter_rows(values_only=True)}
    assert rows["Total"] == (9, 5, 0, 14)

    client.force_login(officer_of("17"))
    response = client.get(
        CROSSTAB, {"rows": "province", "columns": "sex", "export": "xlsx", "language": "en"}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    rows = {row[0]: row[1:] for row in workbook["People reached"].iter_rows(values_only=True)}
    assert rows[siem_reap] == ("hidden", "hidden", 0, "hidden")
    assert battambang not in rows


def test_typed_lesson_titles_come_out_of_the_xlsx_as_text(client, programme, national):
    from curriculum.models import LessonPage

    formula = '=HYPERLINK("http://x","click")'
    LessonPage.objects.filter(pk=programme["lessons"][0].pk).update(title=formula)
    client.force_login(national)
    response = client.get(CROSSTAB, {"rows": "lesson", "columns": "sex", "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [
        cell for row in workbook.worksheets[0].iter_rows() for cell in row if cell.value == formula
    ]
    assert cells and all((cell.data_type, cell.quotePrefix) == ("s", True) for cell in cells)


def test_pdf_in_khmer_reads_back_as_khmer(client, programme):
    client.force_login(officer_of("17", "02"))
    response = client.get(
        CROSSTAB, {"rows": "province", "columns": "age_band", "export": "pdf", "language": "km"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "តារាងឆ្លងនៃវិសាលភាពកម្មវិធី" in text
    assert "សៀមរាប" in text and "បាត់ដំបង" in text
    assert "បានលាក់" in text  # an officer's PDF hides small counts too
