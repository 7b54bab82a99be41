"""Login lockout: ten wrong passwords in a row lock a username for 30 minutes, on every login form.

Written as the attack: someone guessing a club leader's or an officer's password, then the
right password arriving too late; and as the people who deal with it: the national officer
who unlocks, the program officer who may not.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db.models import F
from django.urls import reverse

from tests.factories import UserFactory, officer_of

RIGHT_PASSWORD = "correct horse battery"
LOCKED_KM = "ពាក្យសម្ងាត់ខុសច្រើនដងពេក"
LOCKED_EN = "Too many wrong passwords: this account is locked for 30 minutes."
WRONG_PASSWORD_EN = "Please enter a correct username and password."

# The public login (club leaders) in each language, and the admin's, whose language for a
# visitor not yet logged in is the language cookie's, else Khmer.
LOGIN_FORMS = {
    "public-km": ("/km/accounts/login/", None, LOCKED_KM),
    "public-en": ("/en/accounts/login/", None, LOCKED_EN),
    "admin-km": ("/admin/login/", None, LOCKED_KM),
    "admin-en": ("/admin/login/", "en", LOCKED_EN),
}


@pytest.fixture
def person(db):
    return UserFactory(username="leader.sokha", role="Club leaders")


def log_in(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


def is_logged_in(client) -> bool:
    return SESSION_KEY in client.session


@pytest.mark.parametrize("form", LOGIN_FORMS.values(), ids=LOGIN_FORMS.keys())
def test_the_right_password_is_refused_after_ten_wrong_ones_with_a_message(client, person, form):
    url, language_cookie, locked_message = form
    if language_cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language_cookie
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, url, "leader.sokha", "guess")

    response = log_in(client, url, "leader.sokha", RIGHT_PASSWORD)

    assert not is_logged_in(client)
    assert response.status_code == 429
    # The login page itself, with the form, says why.
    content = response.content.decode()
    assert locked_message in content
    assert 'name="password"' in content


def test_nine_wrong_passwords_then_the_right_one_still_logs_in(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "/en/accounts/login/", "leader.sokha", "guess")
        assert WRONG_PASSWORD_EN in response.content.decode()

    log_in(client, "/en/accounts/login/", "leader.sokha", RIGHT_PASSWORD)

    assert is_logged_in(client)
    # A success starts the count again: "in a row" means in a row.
    assert not AccessAttempt.objects.filter(username="leader.sokha").exists()


def test_one_persons_wrong_passwords_do_not_lock_others_behind_the_same_address(client, person):
    # Club leaders of a commune come from one carrier-grade NAT address.
    neighbour = UserFactory(username="leader.dara", role="Club leaders")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/km/accounts/login/", "leader.sokha", "guess")

    log_in(client, "/km/accounts/login/", neighbour.username, RIGHT_PASSWORD)

    assert is_logged_in(client)


def test_the_lock_lifts_by_itself_after_the_cool_off(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/km/accounts/login/", "leader.sokha", "guess")
    # Half an hour later.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(seconds=1)
    )

    log_in(client, "/km/accounts/login/", "leader.sokha", RIGHT_PASSWORD)

    assert is_logged_in(client)


def minutes_pass(minutes: int) -> None:
    """Move every recorded attempt back in time, as if the minutes had passed."""
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes)
    )


def test_trying_again_while_locked_does_not_keep_the_account_locked(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/km/accounts/login/", "leader.sokha", "guess")
    minutes_pass(29)
    # The owner tries their right password, and someone else keeps guessing.
    log_in(client, "/km/accounts/login/", "leader.sokha", RIGHT_PASSWORD)
    log_in(client, "/km/accounts/login/", "leader.sokha", "guess")
    assert not is_logged_in(client)

    minutes_pass(2)  # 31 minutes after the tenth wrong password
    log_in(client, "/km/accounts/login/", "leader.sokha", RIGHT_PASSWORD)

    assert is_logged_in(client)


@pytest.fixture
def locked_person(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/admin/login/", "leader.sokha", "guess")
    client.cookies.clear()
    return person


def test_national_officer_unlocks_a_locked_account(client, locked_person):
    national = UserFactory(username="national", role="National program officers")
    client.force_login(national)

    listing = client.get(reverse("locked_accounts"))
    assert listing.status_code == 200
    assert "leader.sokha" in listing.content.decode()

    response = client.post(reverse("locked_accounts"), {"username": "leader.sokha"}, follow=True)
    assert "leader.sokha" in response.content.decode()  # the "can log in again" message
    assert "leader.sokha" not in [row["username"] for row in response.context["locked_accounts"]]

    client.logout()
    log_in(client, "/km/accounts/login/", "leader.sokha", RIGHT_PASSWORD)
    assert is_logged_in(client)


def test_locked_accounts_screen_is_in_the_national_officers_menu_only(client, db):
    client.force_login(UserFactory(username="national", role="National program officers"))
    assert reverse("locked_accounts") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(officer_of("17", username="officer.siemreap"))
    assert (
        reverse("locked_accounts") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_program_officer_cannot_open_or_use_the_unlock_screen(client, locked_person, method):
    client.force_login(officer_of("17", username="officer.siemreap"))

    response = getattr(client, method)(reverse("locked_accounts"), {"username": "leader.sokha"})

    # Wagtail answers a refused admin screen with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403)
    assert response.get("Location", "") != reverse("locked_accounts")
    assert "leader.sokha" not in response.content.decode()
    assert AccessAttempt.objects.filter(username="leader.sokha").exists()


def test_club_leader_cannot_reach_the_unlock_screen(client, locked_person):
    client.force_login(UserFactory(username="leader.other", role="Club leaders"))

    response = client.post(reverse("locked_accounts"), {"username": "leader.sokha"})

    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="leader.sokha").exists()
