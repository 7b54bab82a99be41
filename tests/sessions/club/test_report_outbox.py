"""The report sent from a phone's outbox: each key is taken once per leader, so a report sent
again (a reload, Back, the outbox after a lost reply, two sendings at once) is one session."""

import threading
import time
import uuid
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import Client

from sessions.club import views as club_views
from sessions.models import Membership, Participant, TrainingSession
from tests.factories import TrainingSessionFactory, officer_of, roster_of
from tests.sessions.test_club_pages import NEW, adult, edit_url, report_data

pytestmark = pytest.mark.django_db

OUTBOX = {"HTTP_X_CLUB_OUTBOX": "1"}
CHECK = "/km/club/outbox/"


def keyed(club, key, **kwargs):
    data = report_data(club, **kwargs)
    data.pop("save_draft")
    data["submit"] = "1"
    data["submission_key"] = str(key)
    return data


def test_the_form_carries_a_key_made_for_it_and_keeps_it_when_errors_are_shown(client, clubs):
    client.force_login(clubs["leader_a"])
    first = BeautifulSoup(client.get(NEW).content, "html.parser")
    second = BeautifulSoup(client.get(NEW).content, "html.parser")
    key = first.select_one("input[name=submission_key]")["value"]
    assert uuid.UUID(key)
    assert key != second.select_one("input[name=submission_key]")["value"]

    response = client.post(NEW, keyed(clubs["a"], key, duration_minutes="x"))

    shown = BeautifulSoup(response.content, "html.parser")
    assert shown.select_one("input[name=submission_key]")["value"] == key
    assert not TrainingSession.objects.exists()


def test_a_report_sent_twice_with_its_key_is_one_session(client, clubs):
    members = roster_of(clubs["a"], 3)
    client.force_login(clubs["leader_a"])
    key = uuid.uuid4()
    data = keyed(clubs["a"], key, present=members, newcomers=[adult("Sokha")])

    first = client.post(NEW, data, **OUTBOX)
    again = client.post(NEW, data, **OUTBOX)

    assert first.status_code == again.status_code == 200
    session = TrainingSession.objects.get()
    assert (session.submission_key, session.reported_by) == (key, clubs["leader_a"])
    assert session.status == TrainingSession.Status.SUBMITTED
    assert first.json()["duplicate"] is False
    assert again.json()["duplicate"] is True
    assert again.json()["session"]["url"] == first.json()["session"]["url"]
    assert again.json()["session"]["url"] == f"/km/club/sessions/{session.pk}/"
    assert again.json()["session"]["status_label"] == "បានដាក់ស្នើ"
    assert session.attendances.count() == 4
    assert Participant.objects.filter(name="Sokha").count() == 1


def test_a_reload_of_the_form_after_it_was_saved_says_so_in_khmer(client, clubs):
    client.force_login(clubs["leader_a"])
    data = keyed(clubs["a"], uuid.uuid4())
    client.post(NEW, data)

    response = client.post(NEW, data, follow=True)

    assert TrainingSession.objects.count() == 1
    assert response.redirect_chain[-1][0] == "/km/club/"
    assert "របាយការណ៍នេះបានមកដល់រួចហើយ" in response.content.decode()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"[data-submission-key='{data['submission_key']}']") is not None


def test_an_edit_sent_again_after_it_was_submitted_is_received_not_refused(client, clubs):
    session = TrainingSessionFactory(group=clubs["a"], status="draft")
    client.force_login(clubs["leader_a"])
    data = keyed(clubs["a"], uuid.uuid4(), notes="as typed")
    assert client.post(edit_url(session), data, **OUTBOX).json()["duplicate"] is False

    again = client.post(edit_url(session), data, **OUTBOX)

    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert TrainingSession.objects.get().notes == "as typed"


def test_another_leaders_key_answers_nothing_of_the_first_leaders_report(client, clubs):
    key = uuid.uuid4()
    client.force_login(clubs["leader_a"])
    client.post(NEW, keyed(clubs["a"], key), **OUTBOX)

    client.force_login(clubs["leader_b"])
    answer = client.post(NEW, keyed(clubs["b"], key), **OUTBOX).json()

    theirs = TrainingSession.objects.get(group=clubs["b"])
    assert answer == {**answer, "duplicate": False}
    assert answer["session"]["url"] == f"/km/club/sessions/{theirs.pk}/"
    assert TrainingSession.objects.filter(submission_key=key).count() == 2


def test_two_sendings_at_once_the_database_takes_the_first_and_answers_it_to_both(client, clubs):
    """The second sending's look-up ran before the first was saved: the constraint catches it,
    its newcomers are rolled back with it, and it is answered with the first session."""
    client.force_login(clubs["leader_a"])
    key = uuid.uuid4()
    data = keyed(clubs["a"], key, newcomers=[adult("Sokha")])
    client.post(NEW, data, **OUTBOX)
    first = TrainingSession.objects.get()

    looked_up = club_views.club_session_sent_with_key
    with mock.patch.object(
        club_views, "club_session_sent_with_key", side_effect=[None, first]
    ) as lookup:
        again = client.post(NEW, data, **OUTBOX)

    assert lookup.call_count == 2
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["session"]["url"] == f"/km/club/sessions/{first.pk}/"
    assert TrainingSession.objects.count() == 1
    assert Participant.objects.filter(name="Sokha").count() == 1
    assert Membership.objects.count() == 1
    assert looked_up(clubs["leader_a"], key) == first


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sendings_at_the_same_moment_make_one_session(geography, clubs):
    """Two tabs (or a reload and the outbox) post the same report in two threads at once.

    On PostgreSQL both look the key up before either is saved: the unique constraint makes
    the second wait, then fail, and it is answered with the first. SQLite refuses a second
    writer outright ("table is locked"): that sending fails as a dropped connection would,
    and is sent again, as the phone's outbox does.
    """
    key = uuid.uuid4()
    data = keyed(clubs["a"], key, newcomers=[adult("Sokha")])
    clients = []
    for _sender in range(2):
        client = Client()
        client.force_login(clubs["leader_a"])
        clients.append(client)
    connection.close()
    start = threading.Barrier(2, timeout=60)
    answers = []

    def send(client):
        start.wait()
        try:
            for _attempt in range(50):
                try:
                    answers.append(client.post(NEW, data, **OUTBOX).json())
                    return
                except OperationalError:
                    time.sleep(0.1)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=[client]) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    session = TrainingSession.objects.get()
    assert len(answers) == 2
    # On SQLite a sending may fail after its report was saved (the reply lost): sent again,
    # it too is answered as a duplicate. Never two sessions, never two "saved now".
    assert [answer["duplicate"] for answer in answers].count(False) <= 1
    assert {answer["session"]["url"] for answer in answers} == {f"/km/club/sessions/{session.pk}/"}
    assert Participant.objects.filter(name="Sokha").count() == 1


def test_a_report_the_server_refuses_is_answered_with_its_khmer_errors(client, clubs):
    client.force_login(clubs["leader_a"])

    response = client.post(NEW, keyed(clubs["a"], uuid.uuid4(), duration_minutes="x"), **OUTBOX)

    assert response.status_code == 422
    assert response.json()["status"] == "invalid"
    assert any(error.startswith("រយៈពេល") for error in response.json()["errors"]), response.json()
    assert not TrainingSession.objects.exists()


def test_a_tampered_key_is_no_key(client, clubs):
    client.force_login(clubs["leader_a"])
    data = keyed(clubs["a"], "not-a-key")
    client.post(NEW, data)
    client.post(NEW, data)
    assert TrainingSession.objects.filter(submission_key=None).count() == 2


def test_the_outbox_asks_who_is_logged_in_before_sending(client, clubs):
    anonymous = client.get(CHECK)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/km/accounts/login/")

    client.force_login(officer_of("17"))
    assert client.get(CHECK).status_code == 403

    client.force_login(clubs["leader_a"])
    answer = client.get(CHECK)
    assert answer.json()["user"] == clubs["leader_a"].pk
    assert answer.json()["csrf_token"]
    assert "no-store" in answer["Cache-Control"]
    assert client.post(CHECK).status_code == 405


def test_a_sending_with_a_stale_token_is_refused_and_saves_nothing(clubs):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clubs["leader_a"])
    data = keyed(clubs["a"], uuid.uuid4(), csrfmiddlewaretoken="stale")
    assert client.post(NEW, data, **OUTBOX).status_code == 403
    assert not TrainingSession.objects.exists()

    token = client.get(CHECK).json()["csrf_token"]
    data["csrfmiddlewaretoken"] = token
    assert client.post(NEW, data, **OUTBOX).status_code == 200
    assert TrainingSession.objects.count() == 1
