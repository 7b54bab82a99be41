"""After verifying or returning a session the officer is back on the remaining queue: the
session list filtered to sessions awaiting review, with the filters they had."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from sessions.models import TrainingSession
from tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(siem_reap_club):
    group = siem_reap_club["group"]
    sessions = [siem_reap_club["session"], TrainingSessionFactory(group=group)]
    for session in sessions:
        session.status = TrainingSession.Status.SUBMITTED
        session.save()
    return sessions


def list_url(**filters) -> str:
    return f"{reverse('training_sessions:index')}?{urlencode(filters)}"


def query_of(url: str) -> dict:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.parametrize(
    "decision", [{"action": "verify"}, {"action": "return", "reason": "Add the lessons"}]
)
def test_after_a_decision_the_officer_is_back_on_the_queue_with_their_filters(
    client, users, queue, decision
):
    client.force_login(users["officer_x"])
    province = queue[0].group.commune.district.province
    listing = list_url(province=province.pk, source="club", p=2)
    page = client.get(listing).content.decode()
    review = reverse("training_sessions:review", args=[queue[0].pk])
    # The list's "Verify or return" link carries the list's address to the review screen.
    assert f"{review}?{urlencode({'list': listing})}".replace("&", "&amp;") in page
    shown = client.get(review, {"list": listing}).content.decode()
    assert 'name="list"' in shown
    response = client.post(review, {**decision, "list": listing})
    location = response["Location"]
    assert urlsplit(location).path == reverse("training_sessions:index")
    assert query_of(location) == {
        "province": str(province.pk),
        "source": "club",
        "status": TrainingSession.Status.SUBMITTED,
    }
    remaining = client.get(location).content.decode()
    assert reverse("training_sessions:review", args=[queue[1].pk]) in remaining
    assert review not in remaining


def test_from_the_session_page_a_decision_leads_to_the_whole_queue(client, users, queue):
    client.force_login(users["national"])
    response = client.post(
        reverse("training_sessions:review", args=[queue[0].pk]), {"action": "verify"}
    )
    assert response["Location"] == list_url(status=TrainingSession.Status.SUBMITTED)


def test_a_list_address_pointing_elsewhere_still_leads_to_the_session_list(client, users, queue):
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("training_sessions:review", args=[queue[0].pk]),
        {"action": "verify", "list": "https://attacker.example/phish?source=club"},
    )
    assert response["Location"] == list_url(source="club", status="submitted")


def test_another_provinces_officer_cannot_decide_from_a_queue_link(client, users, queue):
    client.force_login(users["officer_y"])
    review = reverse("training_sessions:review", args=[queue[0].pk])
    response = client.post(review, {"action": "verify", "list": list_url(source="club")})
    assert response.status_code == 404
    queue[0].refresh_from_db()
    assert queue[0].status == TrainingSession.Status.SUBMITTED
