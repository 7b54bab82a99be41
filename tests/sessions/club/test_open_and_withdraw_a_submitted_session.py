"""A club leader opens a session they reported (lessons, who came) and, while no officer has
verified it, withdraws it to change it. Written also as the attack: another club's leader."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied

from sessions.models import AccessLogEntry, TrainingSession, TrainingsLogEntry
from sessions.services import training_session_withdraw
from tests.factories import AttendanceFactory, TrainingSessionFactory, roster_of

pytestmark = pytest.mark.django_db

SUBMITTED = TrainingSession.Status.SUBMITTED


def detail_url(session) -> str:
    return f"/km/club/sessions/{session.pk}/"


def withdraw_url(session) -> str:
    return f"/km/club/sessions/{session.pk}/withdraw/"


@pytest.fixture
def submitted(clubs):
    session = TrainingSessionFactory(group=clubs["a"], status=SUBMITTED)
    for member in roster_of(clubs["a"], 2):
        AttendanceFactory(session=session, participant=member)
    return session


def test_a_leader_opens_a_submitted_session_and_sees_who_came(client, clubs, submitted):
    client.force_login(clubs["leader_a"])
    response = client.get(detail_url(submitted))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = [item.get_text(strip=True) for item in soup.select(".club-session__attendance li")]
    assert names == ["Member 01", "Member 02"]
    assert soup.select_one(f'form[action="{withdraw_url(submitted)}"]') is not None
    # Names were shown: the leader's view of each is logged.
    assert (
        AccessLogEntry.objects.filter(
            user=clubs["leader_a"], action=AccessLogEntry.Action.VIEWED
        ).count()
        == 2
    )
    assert f'href="{detail_url(submitted)}"' in client.get("/km/club/").content.decode()


def test_withdrawing_makes_it_a_draft_again_with_a_history_entry(client, clubs, submitted):
    client.force_login(clubs["leader_a"])
    response = client.post(withdraw_url(submitted))
    assert response.status_code == 302
    assert response["Location"] == f"/km/club/sessions/{submitted.pk}/edit/"
    submitted.refresh_from_db()
    assert submitted.status == TrainingSession.Status.DRAFT
    assert submitted.submitted_at is None
    entry = TrainingsLogEntry.objects.for_instance(submitted).get(action="trainings.withdraw")
    assert entry.user == clubs["leader_a"]
    assert client.get(response["Location"]).status_code == 200


def test_a_verified_session_cannot_be_withdrawn(client, clubs, submitted):
    TrainingSession.objects.filter(pk=submitted.pk).update(status=TrainingSession.Status.VERIFIED)
    client.force_login(clubs["leader_a"])
    assert b"withdraw" not in client.get(detail_url(submitted)).content
    response = client.post(withdraw_url(submitted), follow=True)
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.status == TrainingSession.Status.VERIFIED
    assert not TrainingsLogEntry.objects.filter(action="trainings.withdraw").exists()
    assert [str(message) for message in response.context["messages"]]


def test_another_clubs_leader_gets_404_on_opening_or_withdrawing(client, clubs, submitted):
    client.force_login(clubs["leader_b"])
    assert client.get(detail_url(submitted)).status_code == 404
    assert client.post(withdraw_url(submitted)).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == SUBMITTED
    assert not AccessLogEntry.objects.exists()


def test_withdrawing_is_a_post_only(client, clubs, submitted):
    client.force_login(clubs["leader_a"])
    assert client.get(withdraw_url(submitted)).status_code == 405
    submitted.refresh_from_db()
    assert submitted.status == SUBMITTED


def test_the_withdraw_service_refuses_another_clubs_leader(clubs, submitted):
    # Any future screen calling the service gets the same rule as the club's page.
    with pytest.raises(PermissionDenied):
        training_session_withdraw(session=submitted, user=clubs["leader_b"])
    submitted.refresh_from_db()
    assert submitted.status == SUBMITTED
