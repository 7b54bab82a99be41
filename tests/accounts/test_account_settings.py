"""Changing one's language in the admin's account settings needs nothing else: an account
without a first or last name (as the demo's and `createsuperuser`'s are) saves it."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db


def settings_form_as_sent(client) -> dict:
    """What the browser sends back from the settings page, unchanged."""
    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                if field.name == "avatar":
                    continue  # a file field: the browser sends nothing when none is chosen
                value = field.value()
                if value is True:
                    data[field.html_name] = "on"
                elif value not in (None, False):
                    data[field.html_name] = value
    return data


@pytest.mark.parametrize("role", ["Program officers", "National program officers", "Editors"])
def test_a_nameless_account_changes_its_language_and_nothing_else(client, role):
    user = officer_of("17", role=role, username="nameless", first_name="", last_name="")
    client.force_login(user)
    data = settings_form_as_sent(client)
    data["locale-preferred_language"] = "en"
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302, response.context and [
        form.errors
        for panels in response.context["panels_by_tab"].values()
        for form in (panel.get_form() for panel in panels)
        if form.errors
    ]
    assert UserProfile.get_for_user(user).preferred_language == "en"
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("", "")


def test_a_name_given_is_still_saved(client):
    user = UserFactory(username="named", role="Program officers")
    client.force_login(user)
    data = settings_form_as_sent(client)
    data.update({"name_email-first_name": "Dara", "name_email-last_name": "Sok"})
    assert client.post(reverse("wagtailadmin_account"), data).status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Dara", "Sok")


def test_the_settings_page_is_still_for_staff_only(client):
    client.force_login(UserFactory(username="leader", role="Club leaders"))
    response = client.post(reverse("wagtailadmin_account"), {"locale-preferred_language": "en"})
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]
    assert UserProfile.get_for_user(UserFactory(username="leader")).preferred_language != "en"
