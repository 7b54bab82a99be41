"""A club leader's login ends after a day without use, and logging out is one tap from "My club".

Phones are shared in families: a leader who put the phone down must not leave the club's
members' names open for whoever picks it up next.
"""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.factories import club_leader_of

RIGHT_PASSWORD = "correct horse battery"
A_DAY = datetime.timedelta(days=1)


@pytest.fixture
def logged_in_leader(client, siem_reap_club):
    club_leader_of(siem_reap_club["group"], username="leader.sokha")
    response = client.post(
        "/km/accounts/login/", {"username": "leader.sokha", "password": RIGHT_PASSWORD}
    )
    assert response.status_code == 302
    return Session.objects.filter(session_key=client.session.session_key)


def time_left(sessions) -> datetime.timedelta:
    return sessions.get().expire_date - timezone.now()


def test_a_club_leaders_login_lasts_a_day_not_two_weeks(logged_in_leader):
    assert A_DAY - datetime.timedelta(minutes=1) < time_left(logged_in_leader) <= A_DAY


def test_using_the_site_moves_the_end_a_day_on(client, logged_in_leader):
    # 23 hours after the last page, the leader opens "My club" again.
    logged_in_leader.update(expire_date=timezone.now() + datetime.timedelta(hours=1))

    assert client.get("/km/club/").status_code == 200

    assert time_left(logged_in_leader) > A_DAY - datetime.timedelta(minutes=1)


def test_after_a_day_idle_the_club_pages_ask_to_log_in_again(client, logged_in_leader):
    logged_in_leader.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/km/club/")

    assert response.status_code == 302
    assert response["Location"].startswith("/km/accounts/login/")


@pytest.mark.parametrize("url", ["/km/club/", "/km/club/sessions/new/"])
def test_the_club_pages_have_a_log_out_button_that_logs_out(client, logged_in_leader, url):
    content = client.get(url).content.decode()
    # A form, since Django logs out on POST only (a link could be followed by anyone's page).
    assert 'action="/km/accounts/logout/"' in content
    assert "ចាកចេញ" in content

    client.post("/km/accounts/logout/")

    assert not logged_in_leader.exists()
    assert client.get("/km/club/").status_code == 302
