"""Exports of the officers' lists: scoped, filtered, personal data for national officers only,
formulas neutralised, Khmer readable, every export logged."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from geography.models import Province
from sessions.admin import exports
from sessions.models import ExportLog, TrainingSession
from tests.factories import (
    AttendanceFactory,
    TrainingSessionFactory,
)
from tests.sessions.conftest import EXPORT_FORMULAS

pytestmark = pytest.mark.django_db

ALL_COLUMNS = [
    *exports.TRAINING_SESSION_COLUMNS,
    *exports.ATTENDANCE_COLUMNS,
    *exports.YOUTH_GROUP_COLUMNS,
    *exports.PEER_EDUCATOR_COLUMNS,
    *exports.PARTICIPANT_COLUMNS,
]

LISTS = ["training_sessions", "youth_groups", "peer_educators", "participants", "attendance"]
FORMULAS = EXPORT_FORMULAS


def export_url(list_name, export_format, **params):
    if list_name == "attendance":
        url = reverse("training_sessions:export_attendance")
    else:
        url = reverse(f"{list_name}:index")
    query = "&".join(f"{key}={value}" for key, value in {**params, "export": export_format}.items())
    return f"{url}?{query}"


def content_of(response) -> bytes:
    return b"".join(response.streaming_content)


def in_english(heading: str) -> str:
    """A heading of the (Khmer-first) export as its English msgid, for readable tests."""
    for column in ALL_COLUMNS:
        with translation.override("km"):
            if str(column.heading) == heading:
                with translation.override("en"):
                    return str(column.heading)
    return heading


def csv_rows(response) -> list[dict]:
    content = content_of(response)
    assert content.startswith("\ufeff".encode()), "Excel needs the BOM to read Khmer"
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return [{in_english(key): value for key, value in row.items()} for row in rows]


def xlsx_sheet(response):
    workbook = load_workbook(io.BytesIO(content_of(response)))
    return workbook.worksheets[0]


def xlsx_rows(response) -> list[dict]:
    rows = list(xlsx_sheet(response).iter_rows(values_only=True))
    headings = [in_english(heading) for heading in rows[0]]
    return [dict(zip(headings, row, strict=True)) for row in rows[1:]]


ID_COLUMN = {
    "training_sessions": ("session", "session ID"),
    "youth_groups": ("group", "ID"),
    "peer_educators": ("educator", "ID"),
    "participants": ("participant", "ID"),
    "attendance": ("session", "session ID"),
}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("list_name", LISTS)
def test_an_officers_export_holds_only_the_rows_of_their_provinces(
    client, users, two_provinces, list_name, export_format
):
    client.force_login(users["officer_x"])
    response = client.get(export_url(list_name, export_format))
    assert response.status_code == 200
    rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
    key, column = ID_COLUMN[list_name]
    ids = {str(row[column]) for row in rows}
    assert ids == {str(two_provinces["x"][key].pk)}
    assert str(two_provinces["y"][key].pk) not in ids


@pytest.mark.parametrize("list_name", LISTS)
def test_a_national_officers_export_holds_every_province(client, users, two_provinces, list_name):
    client.force_login(users["national"])
    rows = csv_rows(client.get(export_url(list_name, "csv")))
    key, column = ID_COLUMN[list_name]
    assert {row[column] for row in rows} == {
        str(two_provinces["x"][key].pk),
        str(two_provinces["y"][key].pk),
    }


def test_an_export_honours_the_lists_filters_and_search(client, users, two_provinces):
    client.force_login(users["national"])
    battambang = Province.objects.get(code="02")
    rows = csv_rows(client.get(export_url("training_sessions", "csv", province=battambang.pk)))
    assert [row["session ID"] for row in rows] == [str(two_provinces["y"]["session"].pk)]
    rows = csv_rows(client.get(export_url("youth_groups", "csv", q="Banteay")))
    assert [row["name"] for row in rows] == ["Banteay Srei youth club"]
    rows = csv_rows(client.get(export_url("attendance", "csv", province=battambang.pk)))
    assert [row["participant code"] for row in rows] == [two_provinces["y"]["participant"].code]


def test_an_id_of_another_province_typed_as_a_filter_exports_nothing(client, users, two_provinces):
    client.force_login(users["officer_x"])
    battambang = Province.objects.get(code="02")
    group = two_provinces["y"]["group"]
    for params in [{"province": battambang.pk}, {"group": group.pk}]:
        response = client.get(export_url("training_sessions", "csv", **params))
        # The filter refuses a choice it does not offer: the list is not narrowed to it.
        ids = {row["session ID"] for row in csv_rows(response)}
        assert str(two_provinces["y"]["session"].pk) not in ids
        response = client.get(export_url("attendance", "xlsx", **params))
        codes = {row["participant code"] for row in xlsx_rows(response)}
        assert two_provinces["y"]["participant"].code not in codes


PERSONAL = {
    "participants": ["name", "contact phone", "year of birth", "consent collected by"],
    "attendance": ["name", "year of birth"],
    "youth_groups": ["contact name", "contact phone"],
    "peer_educators": ["name in Khmer", "phone"],
    "training_sessions": ["facilitators", "submitted by"],
}


@pytest.mark.parametrize("list_name", LISTS)
def test_personal_data_columns_are_exported_only_to_national_officers(
    client, users, siem_reap_club, list_name
):
    client.force_login(users["officer_x"])
    officer_rows = csv_rows(client.get(export_url(list_name, "csv")))
    client.force_login(users["national"])
    national_rows = csv_rows(client.get(export_url(list_name, "csv")))
    for column in PERSONAL[list_name]:
        assert column not in officer_rows[0]
        assert column in national_rows[0]
    officer_text = str(officer_rows)
    assert "Chan Sreymom" not in officer_text
    assert "Sok Dara" not in officer_text
    if list_name in ("participants", "attendance"):
        assert "Chan Sreymom" in str(national_rows)


def test_a_participants_names_never_leave_with_a_program_officer_given_the_export_permission(
    client, users, siem_reap_club
):
    from django.contrib.auth.models import Permission

    officer = users["officer_x"]
    officer.user_permissions.add(Permission.objects.get(codename="export_personal_data"))
    client.force_login(officer)
    rows = xlsx_rows(client.get(export_url("participants", "xlsx")))
    assert "name" not in rows[0]
    assert "Chan Sreymom" not in str(rows)


def test_formulas_are_escaped_in_csv(client, users, formula_session):
    client.force_login(users["national"])
    participant = csv_rows(client.get(export_url("participants", "csv")))[0]
    assert participant["name"] == "'" + FORMULAS[0]
    assert participant["destination"] == "'" + FORMULAS[1]
    session = csv_rows(client.get(export_url("training_sessions", "csv")))[0]
    assert session["notes"] == "'" + FORMULAS[2]
    assert session["reason for returning"] == "'" + FORMULAS[3]
    assert session["youth group"] == "'" + FORMULAS[4] + "club"
    group = csv_rows(client.get(export_url("youth_groups", "csv")))[0]
    assert group["contact phone"] == "'+855 12 345 678"
    # No cell of any export starts with a formula character.
    for list_name in LISTS:
        for row in csv_rows(client.get(export_url(list_name, "csv"))):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (list_name, value)


def test_formulas_are_plain_text_cells_in_xlsx(client, users, formula_session):
    client.force_login(users["national"])
    for list_name in LISTS:
        sheet = xlsx_sheet(client.get(export_url(list_name, "xlsx")))
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s", (list_name, cell.value)
                    assert cell.quotePrefix, (list_name, cell.value)
    sheet = xlsx_sheet(client.get(export_url("participants", "xlsx")))
    headings = [in_english(cell.value) for cell in sheet[1]]
    name = sheet.cell(row=2, column=headings.index("name") + 1)
    assert (name.value, name.data_type) == (FORMULAS[0], "s")
    sheet = xlsx_sheet(client.get(export_url("youth_groups", "xlsx")))
    headings = [in_english(cell.value) for cell in sheet[1]]
    phone = sheet.cell(row=2, column=headings.index("contact phone") + 1)
    # The phone number stays as typed, as text.
    assert (phone.value, phone.data_type) == ("+855 12 345 678", "s")


def test_khmer_headers_and_values_read_right_in_csv_and_xlsx(client, users, siem_reap_club):
    client.force_login(users["national"])
    educator = siem_reap_club["educator"]
    with_khmer = {"HTTP_ACCEPT_LANGUAGE": "km"}
    response = client.get(export_url("peer_educators", "csv"), **with_khmer)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    row = csv_rows(response)[0]
    assert educator.name_km in row.values()
    assert "សៀមរាប" in row.values()
    rows = xlsx_rows(client.get(export_url("peer_educators", "xlsx")))
    assert rows[0]["name in Khmer"] == educator.name_km
    assert rows[0]["province (Khmer)"] == "សៀមរាប"


def test_headings_are_in_the_officers_language_khmer_first(client, users, siem_reap_club):
    client.force_login(users["national"])
    response = client.get(export_url("youth_groups", "xlsx"))
    headings = [cell.value for cell in xlsx_sheet(response)[1]]
    with translation.override("km"):
        expected = [str(column.heading) for column in exports.YOUTH_GROUP_COLUMNS]
    assert headings == expected
    assert "ខេត្ត (ជាភាសាខ្មែរ)" in headings


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_officer_who_works_in_english_gets_english_headings_and_labels(
    client, users, siem_reap_club, export_format
):
    from wagtail.users.models import UserProfile

    user = users["national"]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    response = client.get(export_url("training_sessions", export_format))
    if export_format == "csv":
        content = content_of(response).decode("utf-8-sig")
        headings, first = list(csv.reader(io.StringIO(content)))[:2]
    else:
        headings, first = list(xlsx_sheet(response).iter_rows(values_only=True, max_row=2))
    assert "province (Khmer)" in headings
    assert "submitted" in first


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("list_name", LISTS)
def test_every_export_is_logged(client, users, two_provinces, list_name, export_format):
    client.force_login(users["officer_x"])
    response = client.get(export_url(list_name, export_format, q=""))
    assert response.status_code == 200
    content_of(response)
    entry = ExportLog.objects.get()
    assert entry.user == users["officer_x"]
    assert entry.username == "officer.siemreap"
    assert entry.list_name == list_name
    assert entry.export_format == export_format
    assert entry.row_count == 1
    assert entry.personal_data is False
    assert entry.filters == {"q": ""}


def test_a_national_officers_export_is_logged_with_personal_data_and_filters(
    client, users, two_provinces
):
    client.force_login(users["national"])
    siem_reap = Province.objects.get(code="17")
    content_of(client.get(export_url("participants", "xlsx", province=siem_reap.pk)))
    entry = ExportLog.objects.get()
    assert (entry.personal_data, entry.row_count) == (True, 1)
    assert entry.filters == {"province": str(siem_reap.pk)}


@pytest.mark.parametrize("role", ["anonymous", "club_leader", "editor"])
@pytest.mark.parametrize("list_name", LISTS)
def test_anonymous_club_leaders_and_editors_get_no_export(
    client, users, siem_reap_club, role, list_name
):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(export_url(list_name, "csv"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(("/admin/login/", "/admin/"))
        assert response["Location"] != export_url(list_name, "csv")
    assert not ExportLog.objects.exists()


def test_the_session_list_offers_its_exports_with_its_filters(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:index") + "?status=verified")
    content = response.content.decode()
    for export_format in ["xlsx", "csv"]:
        assert f"status=verified&amp;export={export_format}" in content
        attendance = reverse("training_sessions:export_attendance")
        assert f"{attendance}?status=verified&amp;export={export_format}" in content


def test_the_list_page_is_not_logged_as_an_export(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    assert client.get(reverse("training_sessions:index")).status_code == 200
    assert not ExportLog.objects.exists()


def test_session_export_counts_named_attendees_and_headcount(client, users, siem_reap_club):
    from sessions.models import Headcount

    group = siem_reap_club["group"]
    headcount_session = TrainingSessionFactory(
        group=group, attendance_mode=TrainingSession.AttendanceMode.HEADCOUNT
    )
    Headcount.objects.create(session=headcount_session, sex="female", age_band="15-17", count=7)
    Headcount.objects.create(session=headcount_session, sex="male", age_band="15-17", count=5)
    client.force_login(users["officer_x"])
    rows = {
        row["session ID"]: row
        for row in csv_rows(client.get(export_url("training_sessions", "csv")))
    }
    assert rows[str(siem_reap_club["session"].pk)]["named participants"] == "1"
    assert rows[str(headcount_session.pk)]["headcount"] == "12"
    assert rows[str(headcount_session.pk)]["named participants"] == "0"


def test_the_export_reads_rows_in_chunks_with_a_constant_number_of_queries(
    client, users, siem_reap_club, django_assert_max_num_queries
):
    group = siem_reap_club["group"]
    for __ in range(30):
        AttendanceFactory(session__group=group)
    client.force_login(users["national"])
    for list_name in LISTS:
        with django_assert_max_num_queries(25):
            content_of(client.get(export_url(list_name, "csv")))


def test_the_export_log_is_shown_read_only_to_national_officers(client, users, siem_reap_club):
    client.force_login(users["national"])
    content_of(client.get(export_url("participants", "csv")))
    entry = ExportLog.objects.get()
    response = client.get(reverse("export_logs:index"))
    assert response.status_code == 200
    assert "national" in response.content.decode()
    assert client.get(reverse("export_logs:inspect", args=[entry.pk])).status_code == 200
    for action in ["edit", "delete"]:
        response = client.get(reverse(f"export_logs:{action}", args=[entry.pk]))
        assert response.status_code in (302, 403)
    assert client.get(reverse("export_logs:add")).status_code in (302, 403)
    for role in ["officer_x", "editor"]:
        client.force_login(users[role])
        response = client.get(reverse("export_logs:index"))
        assert response.status_code in (302, 403)
        assert "/admin/export_logs/" not in response.get("Location", "")


def test_rows_are_read_from_the_database_in_chunks(client, users, siem_reap_club, monkeypatch):
    """Each chunk of rows prefetches its own lessons: more chunks, one more query each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    group = siem_reap_club["group"]
    for __ in range(29):
        TrainingSessionFactory(group=group)
    client.force_login(users["national"])

    def queries_with_chunks_of(size):
        monkeypatch.setattr(exports, "EXPORT_CHUNK_SIZE", size)
        with CaptureQueriesContext(connection) as queries:
            rows = csv_rows(client.get(export_url("training_sessions", "csv")))
        assert len(rows) == 30
        return len(queries)

    # Two prefetches (lessons, facilitators) per chunk: 3 chunks of 10 against 1 of 1000.
    assert queries_with_chunks_of(10) - queries_with_chunks_of(1000) == 4


def test_an_xlsx_larger_than_a_sheet_is_refused_with_a_message(
    client, users, siem_reap_club, monkeypatch
):
    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 0)
    client.force_login(users["officer_x"])
    response = client.get(export_url("training_sessions", "xlsx", status="submitted"))
    assert response.status_code == 302
    assert response["Location"] == reverse("training_sessions:index") + "?status=submitted"
    page = client.get(response["Location"])
    assert "CSV" in " ".join(str(message) for message in page.context["messages"])
    assert not ExportLog.objects.exists()
    assert client.get(export_url("training_sessions", "csv")).status_code == 200


def test_control_characters_do_not_break_the_xlsx(client, users, siem_reap_club):
    session = siem_reap_club["session"]
    session.notes = "line\x0bbreak\x1f"
    session.save()
    client.force_login(users["officer_x"])
    rows = xlsx_rows(client.get(export_url("training_sessions", "xlsx")))
    assert rows[0]["notes"] == "linebreak"
    assert csv_rows(client.get(export_url("training_sessions", "csv")))[0]["notes"] == (
        "line\x0bbreak\x1f"
    )
