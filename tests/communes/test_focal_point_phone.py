"""A focal point records departures, returns and recruiters from a phone, in Khmer."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from communes.models import CommunesLogEntry, Movement, RecruitmentActivity

pytestmark = pytest.mark.django_db


def departure_data(village, **overrides):
    data = {
        "date": "2025-04-01",
        "village": village.pk,
        "sex": "female",
        "age_band": "18-24",
        "age": "19",
        "destination_country": "",
        "destination_province": "",
        "sector": "T",
        "channel": "broker",
        "agency": "",
        "currency": "KHR",
        "fees_paid": "2000000",
        "debt_taken": "1200000",
        "has_passport": "yes",
        "passport_holder": "recruiter",
        "has_work_permit": "no",
        "has_contract_they_read": "no",
        "orientation_received": "no",
    }
    data.update(overrides)
    return data


def test_a_focal_point_lands_on_their_commune_after_logging_in(client, focal_point_a):
    response = client.post(
        reverse("login"), {"username": "focal.a", "password": "correct horse battery"}
    )
    assert response["Location"] == reverse("communes:home")


def test_a_departure_through_a_broker_holding_the_passport_is_recorded_with_a_code_only(
    client, communes, focal_point_a
):
    from agencies.models import Country

    client.force_login(focal_point_a)
    village = communes["A"].villages.first()
    thailand = Country.objects.get(code="TH")
    response = client.post(
        reverse("communes:departure_create"),
        departure_data(village, destination_country=thailand.pk),
    )
    assert response.status_code == 302
    movement = Movement.objects.get()
    assert movement.commune == communes["A"] and movement.recorded_by == focal_point_a
    assert movement.passport_holder == "recruiter" and movement.channel == "broker"
    assert movement.fees_paid_usd == 500  # 2,000,000 riel at 4,000 riel a dollar
    assert movement.name == "" and movement.person_code.startswith("M-")
    assert CommunesLogEntry.objects.filter(action="wagtail.create").count() == 1


def test_a_returned_migrant_who_wants_help_is_recorded_with_consent_for_follow_up(
    client, communes, focal_point_a
):
    client.force_login(focal_point_a)
    data = departure_data(
        communes["A"].villages.first(),
        destination_province="12",
        return_reason="exploitation",
        help_wanted="on",
        contact_consent="on",
        name="Chan Sophea",
        phone="012 345 678",
    )
    response = client.post(reverse("communes:return_create"), data)
    assert response.status_code == 302
    movement = Movement.objects.get()
    assert movement.kind == "return" and movement.help_wanted
    assert movement.consent_recorded_on == timezone.localdate()
    assert movement.name == "Chan Sophea"
    home = client.get(reverse("communes:home")).content.decode()
    assert "Chan Sophea" in home


def test_a_name_without_consent_is_refused_in_khmer_and_nothing_is_saved(
    client, communes, focal_point_a
):
    client.force_login(focal_point_a)
    data = departure_data(
        communes["A"].villages.first(), destination_province="12", name="Chan Sophea"
    )
    with translation.override("km"):
        response = client.post(reverse("communes:departure_create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    with translation.override("km"):
        expected = translation.gettext(
            "A name or phone is kept only if the person agreed to be contacted."
        )
    assert expected in page and expected != (
        "A name or phone is kept only if the person agreed to be contacted."
    )
    assert not Movement.objects.exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"destination_province": ""}, "destination_country"),
        ({"channel": "agency"}, "agency"),
        ({"age": "40"}, "age"),
        ({"fees_paid": "1.000.000"}, "fees_paid"),
        ({"date": "2999-01-01"}, "date"),
        ({"sex": "robot"}, "sex"),
    ],
)
def test_bad_answers_get_a_message_on_their_field_and_save_nothing(
    client, communes, focal_point_a, overrides, field
):
    client.force_login(focal_point_a)
    data = departure_data(communes["A"].villages.first(), destination_province="12")
    data.update(overrides)
    response = client.post(reverse("communes:departure_create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Movement.objects.exists()


def test_a_recruiter_seen_is_recorded_and_a_report_before_the_sighting_is_refused(
    client, communes, focal_point_a, licensed_agency
):
    client.force_login(focal_point_a)
    data = {
        "seen_on": "2025-04-02",
        "village": communes["A"].villages.first().pk,
        "recruiter_kind": "agency",
        "agency": licensed_agency.pk,
        "promised": "Factory work in Malaysia, 400 dollars a month",
        "sector": "C",
        "currency": "USD",
        "fees_asked": "800",
        "licensed": "yes",
        "reported_to": "labour_department",
        "reported_on": "2025-04-01",
    }
    response = client.post(reverse("communes:recruitment_activity_create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["reported_on"]
    assert not RecruitmentActivity.objects.exists()
    data["reported_on"] = "2025-04-03"
    assert client.post(reverse("communes:recruitment_activity_create"), data).status_code == 302
    assert RecruitmentActivity.objects.get().commune == communes["A"]


def test_the_phone_pages_are_never_stored_by_the_browser(client, focal_point_a):
    client.force_login(focal_point_a)
    response = client.get(reverse("communes:home"))
    assert "no-store" in response["Cache-Control"]
