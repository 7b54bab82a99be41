"""`load_demo_content`: builds the demo site once, keeps edits, demo accounts in dev only."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from wagtail.models import Page

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_create
from home.models import HomePage
from sessions.scoping import provinces_for_user

pytestmark = pytest.mark.django_db


def login_request():
    # Logins are checked against the lockout (django-axes), which needs the request.
    return RequestFactory().post("/km/accounts/login/")


def load_demo_content():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


@override_settings(DEMO_ACCOUNTS_ALLOWED=True)
def test_demo_content_builds_both_home_pages_and_an_account_per_role():
    output = load_demo_content()
    homes = HomePage.objects.live()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == ["en", "km"]
    assert DEMO_PASSWORD in output
    for account in DEMO_ACCOUNTS:
        assert account.username in output
        user = authenticate(login_request(), username=account.username, password=DEMO_PASSWORD)
        assert user is not None, account.username
        if account.role:
            assert user.groups.filter(name=account.role).exists()
    officer = get_user_model().objects.get(username="officer.siemreap")
    assert set(provinces_for_user(officer).values_list("code", flat=True)) == {"17", "22"}


@override_settings(DEMO_ACCOUNTS_ALLOWED=True)
def test_loading_demo_content_twice_keeps_what_is_there():
    load_demo_content()
    english_home = HomePage.objects.get(locale__language_code="en")
    english_home.introduction = "Edited by an editor"
    english_home.save_revision().publish()
    user = get_user_model().objects.get(username="editor")
    user.set_password("a new password of theirs")
    user.save()
    pages_before = Page.objects.count()

    output = load_demo_content()

    assert Page.objects.count() == pages_before
    english_home.refresh_from_db()
    assert english_home.introduction == "Edited by an editor"
    assert (
        authenticate(login_request(), username="editor", password="a new password of theirs")
        is not None
    )
    assert "password kept" in output


@override_settings(DEMO_ACCOUNTS_ALLOWED=False)
def test_demo_accounts_are_never_created_outside_development_settings():
    with pytest.raises(ImproperlyConfigured):
        demo_accounts_create()
    output = load_demo_content()
    assert DEMO_PASSWORD not in output
    assert not get_user_model().objects.filter(username="admin").exists()


@override_settings(DEMO_ACCOUNTS_ALLOWED=True)
def test_demo_sessions_give_each_demo_officer_their_own_province_s_sessions():
    from sessions.models import TrainingSession
    from sessions.scoping import training_sessions_for_user

    load_demo_content()
    sessions = TrainingSession.objects.all()
    statuses = set(sessions.values_list("status", flat=True))
    assert statuses == {"verified", "submitted", "returned"}
    assert set(sessions.values_list("attendance_mode", flat=True)) == {"named", "headcount"}
    users = get_user_model().objects
    for username, province in [("officer.siemreap", "17"), ("officer.battambang", "02")]:
        visible = training_sessions_for_user(users.get(username=username))
        codes = set(visible.values_list("group__commune__district__province__code", flat=True))
        assert codes == {province}
    count = sessions.count()
    load_demo_content()
    assert TrainingSession.objects.count() == count
