"""In the admin, the roster's (and the attendance's) person chooser makes a new person in place.

The person is made with their consents and a home commune of the officer's own provinces,
so the chooser may return them; written also as the attacks: another province's commune
posted by hand, a minor without consents, an editor and a club leader.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions.models import Participant
from tests.factories import commune_in

pytestmark = pytest.mark.django_db

CREATE_URL = "/admin/trainings/choose-participant/create/"


def person(commune, **overrides) -> dict:
    data = {
        "name": "ម៉ៅ សុខា",
        "sex": "female",
        "year_of_birth": timezone.localdate().year - 19,
        "age_band": "",
        "home_commune": commune.pk,
        "consent_given_on": datetime.date(2026, 1, 5).isoformat(),
        "consent_collected_by": "Sok Dara",
    }
    data.update(overrides)
    return data


def test_the_chooser_has_a_new_person_tab_for_an_officer(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    html = client.get(reverse("participant_chooser:choose")).json()["html"]
    assert CREATE_URL in html
    assert 'name="consent_given_on"' in html


def test_an_officer_makes_a_person_who_is_then_chosen(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    response = client.post(CREATE_URL, person(commune_in("17")))
    assert response.status_code == 200
    created = Participant.objects.get(name="ម៉ៅ សុខា")
    assert response.json()["step"] == "chosen"
    assert response.json()["result"]["id"] == str(created.pk)
    assert created.home_commune.district.province.code == "17"
    # Within the officer's provinces: the chooser's "chosen" view returns them.
    chosen = client.get(reverse("participant_chooser:chosen", args=[created.pk]))
    assert chosen.status_code == 200


def test_another_provinces_commune_typed_by_hand_is_refused(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    response = client.post(CREATE_URL, person(commune_in("02")))
    assert response.json()["step"] == "reshow_creation_form"
    assert "home_commune" in response.json()["htmlFragment"]
    assert not Participant.objects.filter(name="ម៉ៅ សុខា").exists()


def test_a_minor_without_assent_and_guardians_consent_is_refused_in_khmer(
    client, users, siem_reap_club
):
    client.force_login(users["officer_x"])
    minor = person(commune_in("17"), year_of_birth=timezone.localdate().year - 15)
    response = client.post(CREATE_URL, minor)
    assert response.json()["step"] == "reshow_creation_form"
    # The model's Khmer message for a missing guardian's consent.
    assert "អាណាព្យាបាល" in response.json()["htmlFragment"]
    assert not Participant.objects.filter(name="ម៉ៅ សុខា").exists()


@pytest.mark.parametrize("who", ["editor", "club_leader", "anonymous"])
def test_no_one_else_makes_a_person(client, users, siem_reap_club, who):
    if who != "anonymous":
        client.force_login(users[who])
    response = client.post(CREATE_URL, person(commune_in("17")))
    assert response.status_code in (302, 403)
    assert not Participant.objects.filter(name="ម៉ៅ សុខា").exists()
