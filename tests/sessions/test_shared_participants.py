"""A person who attended trainings in two provinces: either officer reads, neither alone changes."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sessions.models import Participant
from sessions.services import participant_erase, participants_merge
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(siem_reap_club):
    """Chan Sreymom of Siem Reap also came to a session of a Battambang club."""
    participant = siem_reap_club["participant"]
    battambang_session = TrainingSessionFactory(group=YouthGroupFactory(province="02"))
    AttendanceFactory(session=battambang_session, participant=participant)
    return participant


def final_response(client, response):
    """The page a refused request ends on (Wagtail's 404s are redirected to /km/ first)."""
    while response.status_code == 302 and response["Location"].startswith("/km/"):
        response = client.get(response["Location"])
    return response


@pytest.mark.parametrize("role", ["officer_x", "officer_y"])
def test_officer_of_either_province_reads_a_shared_participant(client, users, shared, role):
    client.force_login(users[role])
    response = client.get(reverse("participants:inspect", args=[shared.pk]))
    assert response.status_code == 200
    assert "Chan Sreymom" in response.content.decode()


@pytest.mark.parametrize("role", ["officer_x", "officer_y"])
def test_officer_of_one_province_cannot_edit_a_shared_participant(client, users, shared, role):
    client.force_login(users[role])
    url = reverse("participants:edit", args=[shared.pk])
    shown = client.get(url)
    assert shown.status_code == 302
    assert shown["Location"] == reverse("participants:inspect", args=[shared.pk])
    warnings = [str(message) for message in get_messages(shown.wsgi_request)]
    # Said in the officer's admin language (Khmer first), naming the person's code.
    assert any(shared.code in message for message in warnings), warnings

    posted = client.post(url, {"name": "Changed by one province", "sex": "male"})
    assert posted.status_code == 302
    shared.refresh_from_db()
    assert shared.name == "Chan Sreymom"


@pytest.mark.parametrize("role", ["officer_x", "officer_y"])
def test_officer_of_one_province_cannot_merge_a_shared_participant(client, users, shared, role):
    other = ParticipantFactory(name="Chan Sreymom", home_commune=shared.home_commune)
    AttendanceFactory(
        session=TrainingSessionFactory(group=YouthGroupFactory(province="17")), participant=other
    )
    client.force_login(users[role])
    # The shared person as the record kept, then as the duplicate merged away.
    response = client.post(reverse("participants:duplicates", args=[shared.pk]), {"duplicate": 0})
    assert final_response(client, response).status_code == 404
    response = client.post(
        reverse("participants:duplicates", args=[other.pk]), {"duplicate": shared.pk}
    )
    assert final_response(client, response).status_code == 404
    with pytest.raises(PermissionDenied):
        participants_merge(keep=other, duplicate=shared, user=users[role])
    assert Participant.objects.filter(pk__in=[shared.pk, other.pk]).count() == 2


def test_officer_of_one_province_cannot_erase_a_shared_participant(client, users, shared):
    """Even an officer given the erase permission by mistake."""
    officer = users["officer_x"]
    officer.user_permissions.add(Permission.objects.get(codename="erase_participant"))
    officer = type(officer).objects.get(pk=officer.pk)  # a fresh permission cache
    client.force_login(officer)
    response = client.post(reverse("participants:erase", args=[shared.pk]))
    assert final_response(client, response).status_code == 404
    with pytest.raises(PermissionDenied):
        participant_erase(participant=shared, user=officer)
    shared.refresh_from_db()
    assert shared.name == "Chan Sreymom"


def test_officer_of_every_province_the_person_appears_in_edits_them(client, shared):
    client.force_login(officer_of("17", "02"))
    url = reverse("participants:edit", args=[shared.pk])
    assert client.get(url).status_code == 200


def test_national_officer_edits_a_shared_participant(client, users, shared):
    client.force_login(users["national"])
    assert client.get(reverse("participants:edit", args=[shared.pk])).status_code == 200


def test_a_participant_of_the_officers_province_only_stays_editable(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    url = reverse("participants:edit", args=[siem_reap_club["participant"].pk])
    assert client.get(url).status_code == 200
