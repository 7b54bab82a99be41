"""Pages and files with personal data are never stored by a browser or a proxy.

Walks the admin (lists, a participant's page, exports, imports, the unlock screen), the club
leaders' pages and the login pages: each answers `Cache-Control: private, no-store`, so the
back button on a shared phone after logging out, or a proxy in between, shows nothing.
"""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, club_leader_of


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def admin_urls(siem_reap_club) -> list[str]:
    participant = siem_reap_club["participant"]
    return [
        reverse("wagtailadmin_home"),
        reverse("training_sessions:index"),
        reverse("training_sessions:edit", args=[siem_reap_club["session"].pk]),
        reverse("participants:index"),
        reverse("participants:inspect", args=[participant.pk]),
        reverse("youth_groups:index"),
        reverse("training_sessions:index") + "?export=csv",
        reverse("participants:index") + "?export=xlsx",
        reverse("training_sessions:export_attendance") + "?export=csv",
        reverse("trainings_imports:index"),
        reverse("trainings_imports:template", args=["attendance"]),
        reverse("export_logs:index"),
        reverse("locked_accounts"),
    ]


@pytest.mark.django_db
def test_every_admin_screen_and_export_says_private_no_store(client, siem_reap_club, users):
    client.force_login(users["national"])
    for url in admin_urls(siem_reap_club):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_directives(response), url


@pytest.mark.django_db
def test_admin_login_and_password_reset_say_private_no_store(client):
    for url in ["/admin/login/", reverse("wagtailadmin_password_reset")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_directives(response), url


@pytest.mark.django_db
def test_club_pages_and_login_say_private_no_store(client, siem_reap_club):
    leader = club_leader_of(siem_reap_club["group"], username="leader.sokha")
    for url in ["/km/accounts/login/", "/en/accounts/login/"]:
        assert {"private", "no-store"} <= cache_directives(client.get(url)), url
    client.force_login(leader)
    for url in ["/km/club/", "/en/club/", "/km/club/sessions/new/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_directives(response), url


@pytest.mark.django_db
def test_a_public_page_is_left_cacheable(client):
    # The rule is for personal data, not the whole site: the public pages stay cacheable.
    response = client.get("/km/search/?q=migration")
    assert "no-store" not in cache_directives(response)


@pytest.mark.django_db
def test_a_public_page_made_for_a_logged_in_person_is_not_for_shared_caches(
    client, curriculum_tree
):
    """A pack's page for a club leader holds their log-out form and its CSRF token: a shared
    cache (or the offline worker's shared copies) must not hand it to the next reader."""
    module_url = curriculum_tree["module"].url
    anonymous = cache_directives(client.get(module_url))
    assert "private" not in anonymous
    client.force_login(UserFactory(role="Club leaders"))
    directives = cache_directives(client.get(module_url))
    assert "private" in directives
    assert "public" not in directives
