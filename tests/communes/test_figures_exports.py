"""The register figures' spreadsheet and PDF, asked for by each kind of user.

Each file holds what its asker's screen holds: whole for a national officer, small counts
hidden (with the same word) for everyone else, never another province's communes; each is
logged before it leaves; focal points, editors and anonymous readers get no file.
"""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from communes.models import RegisterExportLog
from tests.communes.conftest import focal_point_of, movement
from tests.fixtures.pdf import assert_khmer_font_only, pdf_text

pytestmark = pytest.mark.django_db

URL = "communes_figures:index"


@pytest.fixture
def register(communes):
    """Siem Reap's commune A: 7 departures and 2 returns; Battambang's commune B: 3 and 1."""
    for _number in range(7):
        movement(communes["A"])
    for _number in range(2):
        movement(communes["A"], kind="return")
    for _number in range(3):
        movement(communes["B"])
    movement(communes["B"], kind="return")
    return communes


def sheets(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def screen_rows(client, key: str, language: str = "en") -> list[tuple]:
    response = client.get(reverse(URL), HTTP_ACCEPT_LANGUAGE=language)
    figure = next(figure for figure in response.context["figures"] if figure.key == key)
    return [row.values for row in figure.rows]


def test_an_officers_spreadsheet_hides_what_their_screen_hides(client, register, officer_siem_reap):
    client.force_login(officer_siem_reap)
    on_screen = screen_rows(client, "commune")
    response = client.get(reverse(URL), {"export": "xlsx", "language": "en"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = sheets(response.content)
    by_commune = next(rows for title, rows in workbook.items() if title.endswith("By commune"))
    in_file = [
        tuple(None if value == "hidden" else value for value in row[1:]) for row in by_commune[2:]
    ]
    assert in_file == on_screen
    # 2 returns hidden, so the 7 departures with them; the row total 9 stays.
    assert by_commune[2][1:] == ("hidden", "hidden", 9)
    text = repr(workbook)
    assert register["B"].name_en not in text and register["B"].name_km not in text
    logged = RegisterExportLog.objects.get()
    assert (logged.user, logged.what, logged.export_format, logged.exact_figures) == (
        officer_siem_reap,
        "figures",
        "xlsx",
        False,
    )
    assert logged.filters == {"year": 2025}


def test_a_national_officers_spreadsheet_is_whole(client, register, national):
    client.force_login(national)
    response = client.get(reverse(URL), {"export": "xlsx", "language": "en"})
    workbook = sheets(response.content)
    by_province = next(rows for title, rows in workbook.items() if title.endswith("By province"))
    assert [row[1:] for row in by_province[2:]] == [(3, 1, 4), (7, 2, 9), (10, 3, 13)]
    assert RegisterExportLog.objects.get().exact_figures is True


def test_another_provinces_officer_gets_only_their_own_communes_in_the_file(
    client, register, officer_battambang
):
    client.force_login(officer_battambang)
    response = client.get(
        reverse(URL),
        {"export": "xlsx", "language": "en", "province": register["A"].district.province_id},
    )
    text = repr(sheets(response.content))
    assert register["B"].name_en in text
    assert register["A"].name_en not in text and register["A"].name_km not in text


def test_an_officers_pdf_is_in_khmer_with_the_screens_hidden_counts(
    client, register, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL), {"export": "pdf", "language": "km"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert_khmer_font_only(response.content)
    text = pdf_text(response.content)
    with translation.override("km"):
        assert translation.gettext("Commune register figures") in text
        hidden = translation.gettext("hidden")
    assert hidden != "hidden" and hidden in text
    assert register["A"].name_km in text and register["B"].name_km not in text
    # The province's line: departures and returns hidden, the total of 9 shown.
    province_line = next(
        line for line in text.splitlines() if register["A"].district.province.name_km in line
    )
    assert province_line.split()[-3:] == [hidden, hidden, "9"]
    assert RegisterExportLog.objects.get().export_format == "pdf"


@pytest.mark.parametrize("who", ["focal_point", "editor"])
def test_focal_points_and_editors_get_no_file(client, register, editor, who):
    user = editor if who == "editor" else focal_point_of(register["A"])
    client.force_login(user)
    for export in ("xlsx", "pdf"):
        response = client.get(reverse(URL), {"export": export})
        assert response.status_code in (302, 403)
        assert not response.get("Content-Disposition")
    assert not RegisterExportLog.objects.exists()


def test_anonymous_readers_get_no_file(client, register):
    response = client.get(reverse(URL), {"export": "xlsx"})
    assert response.status_code == 302 and "login" in response.url
    assert not RegisterExportLog.objects.exists()


def test_a_tampered_year_gets_the_page_with_its_message_not_a_file(
    client, register, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL), {"export": "xlsx", "year": "1999"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors["year"]
    assert not RegisterExportLog.objects.exists()


def test_the_page_links_to_its_files_with_its_filters(client, register, national):
    client.force_login(national)
    response = client.get(reverse(URL), {"date_from": "2025-01-01"})
    links = [url for _label, url in response.context["export_links"]]
    assert len(links) == 4
    assert all("date_from=2025-01-01" in url for url in links)
    assert any("export=pdf" in url and "language=km" in url for url in links)
