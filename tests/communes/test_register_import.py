"""An officer imports movements from a spreadsheet: checked first, then all rows or none."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from communes.models import CommunesLogEntry, Movement
from tests.communes.conftest import focal_point_of
from tests.sessions.imports.helpers import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

URL = "communes_movement:import"
HEADERS = ["Movement", "Date", "Commune", "Village", "Sex", "Age band", "Exact age"]
HEADERS += ["Destination country", "Work", "Went through", "Fees paid", "Currency"]


def km(text: str) -> str:
    """What an officer reads: the admin speaks Khmer to them."""
    with translation.override("km"):
        return gettext(text)


def row(commune, **values):
    line = {
        "kind": "departure",
        "date": "2025-06-01",
        "commune": commune.name_en,
        "village": commune.villages.order_by("code").first().name_en,
        "sex": "female",
        "age_band": "18–24",
        "age": "",
        "country": "Thailand",
        "work": "C",
        "channel": "an unlicensed broker",
        "fees": "300",
        "currency": "USD",
    }
    line.update(values)
    return list(line.values())


def upload(client, data: bytes, name: str = "movements.xlsx"):
    return client.post(reverse(URL), {"file": SimpleUploadedFile(name, data)})


def confirm(client, response):
    return client.post(reverse(URL), {"token": response.context["token"]})


def export(client) -> bytes:
    response = client.get(reverse("communes_movement:index"), {"export": "xlsx"})
    return b"".join(response.streaming_content)


SNAPSHOT = ["person_code", "kind", "date", "commune_id", "village_id", "sex", "age_band", "age"]
SNAPSHOT += ["destination_country_id", "destination_province_id", "sector", "channel"]
SNAPSHOT += ["agency_id", "currency", "fees_paid", "debt_taken", "has_passport"]
SNAPSHOT += ["passport_holder", "has_work_permit", "has_contract_they_read"]
SNAPSHOT += ["orientation_received", "return_reason", "help_wanted", "departure_id", "is_sample"]


def snapshot():
    return sorted(Movement.objects.values_list(*SNAPSHOT))


def test_an_exported_file_imports_again_with_its_links_and_history(
    client, records, communes, national, licensed_agency
):
    from tests.communes.conftest import movement

    back = movement(
        communes["A"],
        kind="return",
        departure=records["A"],
        date=records["A"].date,
        help_wanted=True,
    )
    movement(communes["B"], channel="agency", agency=licensed_agency, currency="KHR", fees_paid=9)
    client.force_login(national)
    before = snapshot()
    # The departure id is the only thing that changes: compare by code.
    codes = {m.pk: m.person_code for m in Movement.objects.all()}
    before = [(*line[:-2], codes.get(line[-2]), line[-1]) for line in before]
    data = export(client)
    Movement.objects.all().delete()
    response = upload(client, data)
    assert response.status_code == 200, response.context["check"].errors
    assert confirm(client, response).status_code == 302
    codes = {m.pk: m.person_code for m in Movement.objects.all()}
    after = [(*line[:-2], codes.get(line[-2]), line[-1]) for line in snapshot()]
    assert after == before
    assert Movement.objects.get(person_code=back.person_code).departure.person_code == (
        records["A"].person_code
    )
    assert set(Movement.objects.values_list("name", "phone")) == {("", "")}
    assert set(Movement.objects.values_list("recorded_by", flat=True)) == {national.pk}
    logged = CommunesLogEntry.objects.filter(action="wagtail.create", user=national)
    assert logged.count() == 4


def test_every_problem_of_a_row_is_shown_with_its_column_and_nothing_saved(
    client, communes, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    bad = row(communes["A"], date="31/02/2025", sex="woman", fees="a lot")
    good = row(communes["A"])
    response = upload(client, xlsx_bytes([HEADERS, good, bad]))
    assert response.status_code == 400
    errors = response.context["check"].errors
    assert {(error["row"], error["column"]) for error in errors} >= {
        (3, km("date")),
        (3, km("sex")),
        (3, km("fees paid")),
    }
    assert all(error["row"] == 3 for error in errors)
    page = response.content.decode()
    assert "woman" in page and km("female") in page  # the accepted values are listed
    assert "token" not in response.context or not response.context["token"]
    assert not Movement.objects.exists()


def test_a_commune_of_another_province_is_refused(client, communes, officer_siem_reap):
    client.force_login(officer_siem_reap)
    response = upload(client, xlsx_bytes([HEADERS, row(communes["A"]), row(communes["B"])]))
    assert response.status_code == 400
    (error,) = response.context["check"].errors
    assert (error["row"], error["column"]) == (3, km("commune"))
    assert error["message"] == km("“%(value)s” is not a commune of your provinces.") % {
        "value": communes["B"].name_en
    }
    assert not Movement.objects.exists()


def test_a_formula_is_kept_as_text_or_refused_never_run(client, communes, national):
    client.force_login(national)
    headers = ["Code", *HEADERS]
    data = csv_bytes([headers, ["=SUM(A1:A9)", *row(communes["A"])]])
    response = upload(client, data, "movements.csv")
    assert response.status_code == 200, response.context["check"].errors
    confirm(client, response)
    assert Movement.objects.get().person_code == "=SUM(A1:A9)"
    # Exported, it is text (XLSX) or escaped (CSV); the CSV imported again loses the quote.
    sheet = load_workbook(io.BytesIO(export(client))).worksheets[0]
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=SUM(A1:A9)", "s")
    response = client.get(reverse("communes_movement:index"), {"export": "csv"})
    exported = b"".join(response.streaming_content)
    assert b"'=SUM(A1:A9)" in exported
    Movement.objects.all().delete()
    response = upload(client, exported, "movements.csv")
    assert response.status_code == 200, response.context["check"].errors
    confirm(client, response)
    assert Movement.objects.get().person_code == "=SUM(A1:A9)"
    # A formula where a number goes is refused, not computed.
    response = upload(client, csv_bytes([HEADERS, row(communes["A"], fees="=1+1")]), "m.csv")
    assert response.status_code == 400
    assert [error["column"] for error in response.context["check"].errors] == [km("fees paid")]


def test_names_and_phones_are_not_imported(client, communes, national):
    client.force_login(national)
    response = upload(client, xlsx_bytes([[*HEADERS, "Name"], [*row(communes["A"]), "Dara"]]))
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        km(
            "The file has a name, phone or consent column. Names and phones are recorded "
            "only on the phone, with the person's consent: remove the column and upload "
            "the file again."
        )
    ]
    assert not Movement.objects.exists()


def test_a_confirm_with_another_users_token_is_refused(
    client, communes, officer_siem_reap, national
):
    client.force_login(national)
    response = upload(client, xlsx_bytes([HEADERS, row(communes["A"])]))
    token = response.context["token"]
    client.force_login(officer_siem_reap)
    assert client.post(reverse(URL), {"token": token}).status_code in (302, 403)
    assert client.post(reverse(URL), {"token": token + "x"}).status_code == 302
    assert not Movement.objects.exists()
    # The owner's confirm still works: the refusal did not spend their file.
    client.force_login(national)
    assert client.post(reverse(URL), {"token": token}).status_code == 302
    assert Movement.objects.count() == 1


def test_nothing_is_saved_when_the_register_changed_before_the_confirm(client, communes, national):
    client.force_login(national)
    response = upload(client, xlsx_bytes([["Code", *HEADERS], ["M-TAKEN01", *row(communes["A"])]]))
    assert response.status_code == 200
    Movement.objects.create(
        person_code="M-TAKEN01",
        kind="departure",
        date="2025-01-01",
        commune=communes["B"],
        village=communes["B"].villages.first(),
        sex="male",
        age_band="25+",
        sector="A",
        channel="alone",
        destination_province=communes["B"].district.province,
    )
    response = confirm(client, response)
    assert response.status_code == 302
    assert Movement.objects.count() == 1
    assert not CommunesLogEntry.objects.filter(action="wagtail.create").exists()


@pytest.mark.parametrize("who", ["anonymous", "editor", "focal_point"])
def test_anonymous_readers_editors_and_focal_points_may_not_import(client, communes, editor, who):
    if who == "editor":
        client.force_login(editor)
    elif who == "focal_point":
        client.force_login(focal_point_of(communes["A"]))
    data = xlsx_bytes([HEADERS, row(communes["A"])])
    for response in (client.get(reverse(URL)), upload(client, data)):
        assert response.status_code in (302, 403)
    assert not Movement.objects.exists()


def test_officers_see_the_import_button_and_page(client, officer_siem_reap, editor):
    client.force_login(officer_siem_reap)
    assert reverse(URL) in client.get(reverse("communes_movement:index")).content.decode()
    assert client.get(reverse(URL)).status_code == 200
