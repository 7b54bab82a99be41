"""The permission walk of the commune registers, written as the requests an attacker sends.

A focal point of commune A asks for commune B's records by URL, on the phone and in the
admin; an officer of another province, an editor and an anonymous reader try every screen.
Nothing of another commune or province may come back: not the record, its code, its name.
"""

import pytest
from django.urls import reverse

from communes.models import Movement, RecruitmentActivity

pytestmark = pytest.mark.django_db


def phone_urls(records, key):
    return [
        reverse("communes:movement_edit", args=[records[key].pk]),
        reverse("communes:recruitment_activity_edit", args=[records[f"{key}-sighting"].pk]),
    ]


def admin_urls(records, key):
    movement, sighting = records[key], records[f"{key}-sighting"]
    return [
        reverse("communes_movement:inspect", args=[movement.pk]),
        reverse("communes_movement:edit", args=[movement.pk]),
        reverse("communes_movement:history", args=[movement.pk]),
        reverse("communes_movement:delete", args=[movement.pk]),
        reverse("communes_movement:erase", args=[movement.pk]),
        reverse("communes_recruitment:inspect", args=[sighting.pk]),
        reverse("communes_recruitment:edit", args=[sighting.pk]),
        reverse("communes_recruitment:history", args=[sighting.pk]),
    ]


def list_urls():
    return [
        reverse("communes_movement:index"),
        reverse("communes_recruitment:index"),
        reverse("wagtailadmin_reports:site_history"),
    ]


def secrets_of(records, key):
    return [records[key].person_code, records[key].name, records[key].phone, f"Broker of {key}"]


def test_a_focal_point_cannot_open_or_change_another_communes_records(
    client, records, focal_point_a
):
    client.force_login(focal_point_a)
    for url in phone_urls(records, "B"):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"date": "2025-01-01", "seen_on": "2025-01-01"}).status_code == 404
    records["B"].refresh_from_db()
    assert records["B"].date.isoformat() == "2025-05-10"
    home = client.get(reverse("communes:home")).content.decode()
    for secret in secrets_of(records, "B"):
        assert secret not in home
    assert records["A"].person_code in home and records["A"].name in home


def test_a_focal_point_cannot_record_in_a_village_of_another_commune(
    client, communes, focal_point_a
):
    client.force_login(focal_point_a)
    village_of_b = communes["B"].villages.first()
    response = client.post(
        reverse("communes:departure_create"),
        {
            "date": "2025-01-01",
            "village": village_of_b.pk,
            "sex": "male",
            "age_band": "25+",
            "destination_country": "",
            "destination_province": "12",
            "sector": "F",
            "channel": "alone",
            "currency": "USD",
            "has_passport": "unknown",
            "passport_holder": "unknown",
            "has_work_permit": "unknown",
            "has_contract_they_read": "unknown",
            "orientation_received": "unknown",
        },
    )
    assert response.status_code == 400
    assert not Movement.objects.filter(commune=communes["B"]).exists()


def test_a_focal_point_never_enters_the_admin(client, records, focal_point_a):
    client.force_login(focal_point_a)
    for url in [*admin_urls(records, "A"), *list_urls()]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/login/" in response["Location"] or response["Location"] == "/admin/"


def test_an_officer_of_another_province_reaches_no_record_of_commune_a(
    client, records, officer_battambang
):
    client.force_login(officer_battambang)
    for url in admin_urls(records, "A"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert records["A"].person_code not in response.content.decode(), url
    client.post(reverse("communes_movement:erase", args=[records["A"].pk]))
    client.post(reverse("communes_movement:delete", args=[records["A"].pk]))
    records["A"].refresh_from_db()
    assert records["A"].name == "Secret name A"
    for url in list_urls():
        page = client.get(url).content.decode()
        for secret in secrets_of(records, "A"):
            assert secret not in page, (url, secret)
    # The officer's own province's records are there.
    assert records["B"].person_code in client.get(list_urls()[0]).content.decode()


def test_an_officer_sees_the_records_of_their_province_but_no_name_or_phone(
    client, records, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    record = records["A"]
    for url in [
        reverse("communes_movement:inspect", args=[record.pk]),
        reverse("communes_movement:edit", args=[record.pk]),
        reverse("communes_movement:index") + "?q=Secret",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert record.name not in response.content.decode(), url
        assert record.phone not in response.content.decode(), url
    # A search by name tells nothing: only codes are searched.
    found = client.get(reverse("communes_movement:index") + "?q=Secret+name").content.decode()
    assert record.person_code not in found
    # Erasure is for national officers.
    assert client.get(reverse("communes_movement:erase", args=[record.pk])).status_code == 404


def test_an_officer_saving_the_edit_form_keeps_the_names_they_cannot_see(
    client, records, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    record = records["A"]
    form = client.get(reverse("communes_movement:edit", args=[record.pk])).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"date": "2025-05-11", "name": "Overwritten", "phone": ""})
    response = client.post(reverse("communes_movement:edit", args=[record.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    record.refresh_from_db()
    assert record.date.isoformat() == "2025-05-11"
    assert record.name == "Secret name A" and record.phone == "01234567A"


def test_national_officers_see_every_commune_with_names(client, records, national):
    client.force_login(national)
    listing = client.get(reverse("communes_movement:index")).content.decode()
    assert records["A"].person_code in listing and records["B"].person_code in listing
    inspect = client.get(reverse("communes_movement:inspect", args=[records["B"].pk]))
    assert records["B"].name in inspect.content.decode()


@pytest.mark.parametrize("role", ["editor", "officer_siem_reap"])
def test_staff_who_are_not_focal_points_get_no_phone_screens(client, records, request, role):
    client.force_login(request.getfixturevalue(role))
    for url in [reverse("communes:home"), reverse("communes:departure_create")]:
        assert client.get(url).status_code == 403, url
    for url in phone_urls(records, "A"):
        assert client.get(url).status_code == 403, url


def test_editors_reach_no_admin_screen_of_the_registers(client, records, editor):
    client.force_login(editor)
    for url in [*admin_urls(records, "A"), *list_urls()[:2]]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert records["A"].person_code not in response.content.decode(), url
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert records["A"].person_code not in page


def test_anonymous_readers_are_sent_to_log_in_everywhere(client, records):
    for url in [
        reverse("communes:home"),
        reverse("communes:departure_create"),
        reverse("communes:return_create"),
        reverse("communes:recruitment_activity_create"),
        *phone_urls(records, "A"),
        *admin_urls(records, "A"),
        *list_urls()[:2],
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"], url
    assert RecruitmentActivity.objects.count() == 2


def test_the_history_of_a_record_is_read_only_in_its_province(
    client, records, focal_point_a, officer_siem_reap, officer_battambang
):
    client.force_login(officer_siem_reap)
    client.post(
        reverse("communes_recruitment:edit", args=[records["A-sighting"].pk]),
        {
            "seen_on": "2025-05-10",
            "recruiter_kind": "broker",
            "recruiter_description": "Broker of A, seen again",
            "sector": "unknown",
            "currency": "USD",
            "licensed": "unknown",
            "reported_to": "police",
            "reported_on": "2025-05-12",
        },
    )
    records["A-sighting"].refresh_from_db()
    assert records["A-sighting"].reported_to == "police"
    client.force_login(officer_battambang)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "officer.17" not in page


def test_only_national_officers_give_communes_to_focal_points(
    client, communes, national, officer_siem_reap, editor
):
    from communes.models import FocalPointAssignment
    from tests.communes.conftest import focal_point_of

    focal_point = focal_point_of(username="focal.new")
    url = reverse("communes_focal_points:add")
    for user in (officer_siem_reap, editor):
        client.force_login(user)
        assert client.get(reverse("communes_focal_points:index")).status_code in (302, 403)
        client.post(url, {"focal_point": focal_point.pk, "commune": communes["A"].pk})
    assert not FocalPointAssignment.objects.exists()
    client.force_login(national)
    form = client.get(url).context["form"]
    assert list(form.fields["focal_point"].queryset) == [focal_point]
    client.post(url, {"focal_point": focal_point.pk, "commune": communes["A"].pk})
    assert FocalPointAssignment.objects.get().commune == communes["A"]
