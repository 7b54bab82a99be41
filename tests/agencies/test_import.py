"""A national officer imports the ministry's list: checked first, then all rows or none."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from agencies.models import Agency, AgencyStatus
from tests.sessions.imports.helpers import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADERS = [
    "លេខអាជ្ញាប័ណ្ណ / Licence number",
    "ឈ្មោះជាភាសាខ្មែរ / Name in Khmer",
    "Name in English",
    "Status",
    "Licence issued on",
    "Licence expires on",
    "Destinations",
    "Provincial branches",
]
GOOD_ROWS = [
    # The register has Sokha's number in Khmer digits with a slash; the file with a dash.
    ["045-22", "ក្រុមហ៊ុន សុខា ម៉ានផៅវ័រ ឯ.ក", "Sokha Manpower Co., Ltd.", "suspended",
     "01/03/2022", "01/03/2099", "Malaysia, Thailand", "សៀមរាប"],
    ["២០១/២៤", "ពន្លឺ ការងារ", "Ponleu Jobs", "មានអាជ្ញាប័ណ្ណ", "2024-01-15", "2027-01-15",
     "KR; JP", "Phnom Penh, Battambang"],
    ["112-19", "អង្គរ ការងារ អន្តរជាតិ", "Angkor Overseas Recruitment", "suspended",
     "", "", "South Korea", ""],
]  # fmt: skip


def upload(client, data: bytes, name: str = "list.xlsx", date="2025-09-01"):
    return client.post(
        reverse("agencies:import"),
        {
            "file": SimpleUploadedFile(name, data),
            "source": "Ministry of Labour and Vocational Training",
            "source_date": date,
        },
    )


def confirm(client, response):
    return client.post(reverse("agencies:import"), {"token": response.context["token"]})


@pytest.fixture
def national_client(client, national):
    client.force_login(national)
    return client


def test_the_list_is_checked_then_imported_updating_agencies_by_licence_number(
    national_client, agencies
):
    response = upload(national_client, xlsx_bytes([HEADERS, *GOOD_ROWS]))
    assert response.status_code == 200
    check = response.context["check"]
    assert (check.count_created, check.count_updated, check.count_unchanged) == (1, 1, 1)
    assert Agency.objects.count() == 3  # nothing written by the check

    response = confirm(national_client, response)
    assert response.status_code == 302

    sokha = Agency.objects.get(pk=agencies["sokha"].pk)
    assert sokha.status == AgencyStatus.SUSPENDED
    assert sokha.source_date == datetime.date(2025, 9, 1)
    ponleu = Agency.objects.get(licence_key="20124")
    assert ponleu.licence_issued_on == datetime.date(2024, 1, 15)
    assert sorted(ponleu.destinations.values_list("code", flat=True)) == ["JP", "KR"]
    assert sorted(ponleu.branch_provinces.values_list("code", flat=True)) == ["02", "12"]
    assert Agency.objects.count() == 4
    # Mekong is not in the file: kept as it was, with its older list date.
    assert Agency.objects.get(pk=agencies["mekong"].pk).source_date == datetime.date(2025, 6, 30)


def test_every_change_of_the_import_is_in_the_history_with_who_and_the_list(
    national_client, national, agencies
):
    confirm(national_client, upload(national_client, xlsx_bytes([HEADERS, *GOOD_ROWS])))
    entries = ModelLogEntry.objects.filter(content_type__app_label="agencies")
    actions = {Agency.objects.get(pk=entry.object_id).name_en: entry.action for entry in entries}
    assert actions == {
        "Sokha Manpower Co., Ltd.": "agencies.import_update",
        "Ponleu Jobs": "agencies.import_create",
        "Angkor Overseas Recruitment": "agencies.import_confirm",
    }
    assert {entry.user_id for entry in entries} == {national.pk}
    assert {entry.data["source_date"] for entry in entries} == {"2025-09-01"}
    UserProfile.get_for_user(national)
    UserProfile.objects.filter(user=national).update(preferred_language="en")
    history = national_client.get(reverse("agencies:history", args=[agencies["sokha"].pk]))
    assert history.status_code == 200
    assert "Updated from the official list" in history.content.decode()


def test_importing_the_same_list_again_creates_nothing_twice(national_client, agencies):
    data = xlsx_bytes([HEADERS, *GOOD_ROWS])
    confirm(national_client, upload(national_client, data))
    response = upload(national_client, data)
    assert response.context["check"].count_created == 0
    confirm(national_client, response)
    assert Agency.objects.count() == 4


BAD_ROWS = [
    ["301/25", "ថ្មី", "New One", "licensed", "31/02/2025", "", "", ""],
    ["302/25", "ពីរ", "Two", "maybe", "", "", "", ""],
    ["303/25", "បី", "Three", "licensed", "", "", "Atlantis", "Gotham"],
    ["301-25", "ស្ទួន", "Duplicate", "licensed", "", "", "", ""],
    ["304/25", "", "", "licensed", "", "", "", ""],
    ["305/25", "ប្រាំ", "Five", "licensed", "2025-05-01", "2024-05-01", "", ""],
    ["045/22", "ចម្លង", "Copy", "licensed", "", "", "", ""],
]


def test_a_file_with_bad_rows_is_refused_row_by_row_and_nothing_is_saved(national_client, agencies):
    before = list(Agency.objects.order_by("pk").values())
    response = upload(national_client, csv_bytes([HEADERS, *BAD_ROWS]), "list.csv")
    assert response.status_code == 400
    by_row: dict[int, list[str]] = {}
    for error in response.context["check"].errors:
        by_row.setdefault(error["row"], []).append(error["message"])
    # The good rows of a bad file are not written either.
    assert set(by_row) == {2, 3, 4, 5, 6, 7}
    assert "31/02/2025" in by_row[2][0]
    assert "maybe" in by_row[3][0]
    assert len(by_row[4]) == 2  # the country and the province
    assert "2" in by_row[5][0]  # the licence number is also on row 2
    assert response.context["token"] == ""
    assert "agency-import-errors" in response.content.decode()
    assert list(Agency.objects.order_by("pk").values()) == before


def test_row_messages_are_in_khmer_for_a_khmer_officer(national_client, national, agencies):
    UserProfile.get_for_user(national)
    UserProfile.objects.filter(user=national).update(preferred_language="km")
    response = upload(national_client, csv_bytes([HEADERS, BAD_ROWS[1]]), "list.csv")
    with translation.override("km"):
        expected = translation.gettext("Status")
    assert response.context["check"].errors[0]["column"] == expected
    assert "មិនមែនជាស្ថានភាពដែលយើងស្គាល់" in response.context["check"].errors[0]["message"]


def test_a_file_with_wrong_columns_is_refused_with_a_message(national_client, agencies):
    response = upload(national_client, xlsx_bytes([["Company", "Phone"], ["A", "012"]]))
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert Agency.objects.count() == 3


def test_a_tampered_confirmation_is_refused(national_client, agencies):
    response = national_client.post(
        reverse("agencies:import"), {"token": "eyJmaWxlIjoiLi4vLi4vZXRjL3Bhc3N3ZCJ9:x:y"}
    )
    assert response.status_code == 302
    assert Agency.objects.count() == 3


def test_a_licence_number_in_other_digits_and_spacing_is_the_same_number(agencies):
    copy = Agency(name_en="Copy", licence_number="045 22", status=AgencyStatus.LICENSED)
    with pytest.raises(ValidationError) as error:
        copy.full_clean()
    assert "licence_number" in error.value.message_dict


def test_a_licence_cannot_expire_before_it_was_issued(db):
    agency = Agency(
        name_en="Backwards",
        licence_issued_on=datetime.date(2025, 1, 1),
        licence_expires_on=datetime.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "licence_expires_on" in error.value.message_dict
