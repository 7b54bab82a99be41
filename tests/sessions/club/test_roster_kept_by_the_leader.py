"""A club leader keeps the roster on "My club": adds a member with consents, marks one as left.

Written also as the attacks: another club's member id, a tampered form, another club's
leader, an officer and the anonymous reader.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from sessions.models import Attendance, Membership, Participant
from tests.factories import AttendanceFactory, TrainingSessionFactory, officer_of, roster_of

pytestmark = pytest.mark.django_db

ROSTER_URL = "/km/club/members/"


def left_url(membership) -> str:
    return f"/km/club/members/{membership.pk}/left/"


def member_data(**overrides):
    data = {
        "member-name": "ស្រី ពៅ",
        "member-sex": "female",
        "member-year_of_birth": str(timezone.localdate().year - 20),
        "member-age_band": "",
        "member-consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_leader_adds_an_adult_with_consent(client, clubs):
    client.force_login(clubs["leader_a"])
    response = client.post(ROSTER_URL, member_data())
    assert response.status_code == 302
    person = Participant.objects.get(name="ស្រី ពៅ")
    assert person.consent_given_on == timezone.localdate()
    assert person.consent_collected_by  # the leader who asked
    membership = Membership.objects.get(participant=person)
    assert (membership.group, membership.joined_on) == (clubs["a"], timezone.localdate())
    assert person.home_commune == clubs["a"].commune
    assert "ស្រី ពៅ" in client.get(ROSTER_URL).content.decode()


def test_a_minor_needs_assent_and_a_guardians_consent_and_nothing_is_half_saved(client, clubs):
    client.force_login(clubs["leader_a"])
    minor = member_data(
        **{
            "member-year_of_birth": str(timezone.localdate().year - 15),
            "member-consent": None,
            "member-assent": "on",
        }
    )
    response = client.post(ROSTER_URL, minor)
    assert response.status_code == 400
    page = response.content.decode()
    # The Khmer message names the tick to ask for: the guardian's consent.
    assert "អាណាព្យាបាល" in page
    assert "សូមកែកំហុសខាងក្រោម" in page
    assert not Participant.objects.exists()
    assert not Membership.objects.exists()

    minor["member-guardian_consent"] = "on"
    assert client.post(ROSTER_URL, minor).status_code == 302
    person = Participant.objects.get()
    assert person.assent_given_on and person.guardian_consent_on


def test_a_member_with_no_name_is_refused_in_khmer(client, clubs):
    client.force_login(clubs["leader_a"])
    response = client.post(ROSTER_URL, member_data(**{"member-name": ""}))
    assert response.status_code == 400
    assert "ត្រូវតែបំពេញចន្លោះនេះ" in response.content.decode()
    assert not Participant.objects.exists()


def test_marking_a_member_as_left_keeps_their_history(client, clubs):
    member = roster_of(clubs["a"], 1)[0]
    session = TrainingSessionFactory(group=clubs["a"])
    AttendanceFactory(session=session, participant=member)
    membership = Membership.objects.get(participant=member)
    client.force_login(clubs["leader_a"])
    response = client.post(left_url(membership))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.left_on == timezone.localdate()
    assert Participant.objects.filter(pk=member.pk).exists()
    assert Attendance.objects.filter(participant=member, session=session).exists()
    # Off the roll and off the roster page (the message above the list names them once).
    page = BeautifulSoup(client.get(ROSTER_URL).content, "html.parser")
    assert member.name in page.select_one(".messages").get_text()
    assert not page.select(".club-roster__name")
    roll = client.get("/km/club/sessions/new/").context["roll_form"]
    assert member.pk not in roll.initial["present"]


def test_another_clubs_member_cannot_be_marked_as_left(client, clubs):
    member = roster_of(clubs["b"], 1)[0]
    membership = Membership.objects.get(participant=member)
    client.force_login(clubs["leader_a"])
    assert client.post(left_url(membership)).status_code == 404
    membership.refresh_from_db()
    assert membership.left_on is None


def test_a_tampered_post_cannot_add_to_another_club(client, clubs):
    client.force_login(clubs["leader_a"])
    tampered = member_data(group=str(clubs["b"].pk), **{"member-group": str(clubs["b"].pk)})
    assert client.post(ROSTER_URL, tampered).status_code == 302
    assert Membership.objects.get().group == clubs["a"]
    assert not clubs["b"].memberships.exists()


def test_marking_as_left_is_a_post_only(client, clubs):
    membership = Membership.objects.get(participant=roster_of(clubs["a"], 1)[0])
    client.force_login(clubs["leader_a"])
    assert client.get(left_url(membership)).status_code == 405


@pytest.mark.parametrize("who", ["officer", "anonymous"])
def test_no_one_but_a_club_leader_keeps_a_roster(client, clubs, who):
    membership = Membership.objects.get(participant=roster_of(clubs["a"], 1)[0])
    if who == "officer":
        client.force_login(officer_of("17"))
    responses = [
        client.get(ROSTER_URL),
        client.post(ROSTER_URL, member_data()),
        client.post(left_url(membership)),
    ]
    for response in responses:
        if who == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.left_on is None
    assert Participant.objects.count() == 1
