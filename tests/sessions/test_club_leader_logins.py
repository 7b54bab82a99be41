"""Club leaders' logins are created from the educator's page; no officer links other accounts."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sessions.models import PeerEducator
from tests.factories import PeerEducatorFactory, UserFactory, YouthGroupFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def admin_account(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def educator_form_data(educator, **changes):
    data = {
        "name_km": educator.name_km,
        "name_latin": educator.name_latin,
        "sex": educator.sex,
        "year_of_birth": str(educator.year_of_birth),
        "phone": educator.phone,
        "group": str(educator.group_id),
        "trained_on": educator.trained_on.isoformat(),
    }
    data.update(changes)
    return data


def follow_404(client, response):
    while response.status_code == 302 and response["Location"].startswith("/km/"):
        response = client.get(response["Location"])
    return response


def test_the_educator_form_lists_no_user_accounts(client, users, siem_reap_club, admin_account):
    client.force_login(users["officer_x"])
    response = client.get(reverse("peer_educators:edit", args=[siem_reap_club["educator"].pk]))
    assert response.status_code == 200
    assert "user" not in response.context["form"].fields
    content = response.content.decode()
    for username in ["admin", "national", "officer.battambang"]:
        assert f">{username}<" not in content


@pytest.mark.parametrize("target", ["admin", "other_province_leader"])
def test_an_officer_cannot_link_an_account_by_posting_its_id(
    client, users, siem_reap_club, admin_account, target
):
    other_province_leader = UserFactory(username="leader.battambang", role="Club leaders")
    account = {"admin": admin_account, "other_province_leader": other_province_leader}[target]
    educator = siem_reap_club["educator"]
    client.force_login(users["officer_x"])
    url = reverse("peer_educators:edit", args=[educator.pk])
    response = client.post(url, educator_form_data(educator, user=str(account.pk)))
    assert response.status_code == 302
    educator.refresh_from_db()
    assert educator.user_id is None


def test_an_officer_creates_a_club_leader_login_and_the_leader_sets_a_password(
    client, users, siem_reap_club
):
    educator = siem_reap_club["educator"]
    client.force_login(users["officer_x"])
    url = reverse("peer_educators:login", args=[educator.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"username": "sok.dara", "email": ""})
    assert response.status_code == 200
    account = User.objects.get(username="sok.dara")
    educator.refresh_from_db()
    assert educator.user == account
    assert not account.has_usable_password()
    assert not (account.is_staff or account.is_superuser)
    assert list(account.groups.values_list("name", flat=True)) == ["Club leaders"]
    link = response.context["password_link"]
    assert link.startswith("http://testserver/km/accounts/password/")

    client.logout()
    form_url = client.get(link)["Location"]  # Django moves the token into the session
    response = client.post(
        form_url, {"new_password1": "river boat 2031", "new_password2": "river boat 2031"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("login"), {"username": "sok.dara", "password": "river boat 2031"}
    )
    assert response["Location"] == reverse("club:home")
    # The link works once.
    client.logout()
    assert client.get(link, follow=True).context["validlink"] is False


def test_a_taken_username_is_a_message_on_the_form(client, users, siem_reap_club, admin_account):
    educator = siem_reap_club["educator"]
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("peer_educators:login", args=[educator.pk]), {"username": "admin"}
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    educator.refresh_from_db()
    assert educator.user_id is None
    assert User.objects.filter(username="admin").count() == 1


@pytest.mark.parametrize("role", ["officer_y", "editor", "club_leader"])
def test_no_login_for_an_educator_outside_the_users_provinces(client, users, siem_reap_club, role):
    educator = siem_reap_club["educator"]
    client.force_login(users[role])
    url = reverse("peer_educators:login", args=[educator.pk])
    for response in [client.get(url), client.post(url, {"username": "intruder"})]:
        response = follow_404(client, response)
        assert response.status_code in (302, 403, 404)
        assert "password_link" not in (response.context or {})
    assert not User.objects.filter(username="intruder").exists()


def test_no_password_link_for_an_account_that_is_not_only_a_club_leaders(
    client, users, admin_account
):
    """An educator linked to the admin account before this change: no takeover link."""
    educator = PeerEducatorFactory(group=YouthGroupFactory(province="17"), user=admin_account)
    client.force_login(users["officer_x"])
    url = reverse("peer_educators:login", args=[educator.pk])
    assert client.get(url).context["can_make_link"] is False
    response = client.post(url)
    assert "password_link" not in response.context
    content = response.content.decode()
    assert not re.search(r"/accounts/password/[^/]+/[^/]+/", content)
    assert PeerEducator.objects.get(pk=educator.pk).user == admin_account


def test_an_existing_club_leader_gets_a_new_password_link(client, users, siem_reap_club):
    from tests.factories import club_leader_of

    leader = club_leader_of(siem_reap_club["group"], username="leader.a")
    educator = leader.peer_educator
    client.force_login(users["officer_x"])
    response = client.post(reverse("peer_educators:login", args=[educator.pk]))
    assert "/km/accounts/password/" in response.context["password_link"]


@pytest.mark.parametrize("power", ["wagtailadmin.access_admin", "trainings.export_personal_data"])
def test_no_password_link_for_a_club_leader_given_more_power_of_their_own(
    client, users, siem_reap_club, power
):
    """A club leader's account that holds more than a club leader may: not the officer's."""
    from django.contrib.auth.models import Permission

    from tests.factories import club_leader_of

    leader = club_leader_of(siem_reap_club["group"], username="leader.powerful")
    app_label, codename = power.split(".")
    leader.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    client.force_login(users["officer_x"])
    url = reverse("peer_educators:login", args=[leader.peer_educator.pk])
    assert client.get(url).context["can_make_link"] is False
    response = client.post(url)
    assert "password_link" not in response.context
    assert not re.search(r"/accounts/password/[^/]+/[^/]+/", response.content.decode())


def test_club_leaders_keep_their_password_links_when_the_role_is_renamed(
    client, users, siem_reap_club
):
    from django.contrib.auth.models import Group

    from tests.factories import club_leader_of

    leader = club_leader_of(siem_reap_club["group"], username="leader.renamed")
    Group.objects.filter(name="Club leaders").update(name="ប្រធានក្លឹប")
    client.force_login(users["officer_x"])
    response = client.post(reverse("peer_educators:login", args=[leader.peer_educator.pk]))
    assert "/km/accounts/password/" in response.context["password_link"]
