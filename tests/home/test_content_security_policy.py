"""The Content-Security-Policy of real responses: what injected scripts and framing sites meet."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories import UserFactory


def policy_of(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_a_script_injected_into_a_public_page_would_not_run(
    client, curriculum_tree, campaign, help_page
):
    for page in [curriculum_tree["index"], curriculum_tree["lesson"], campaign, help_page]:
        response = client.get(page.url)
        assert response.status_code == 200
        policy = policy_of(response)
        assert policy["script-src"] == ["'self'"], page.url
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert not [name for name, sources in policy.items() if "'unsafe-inline'" in sources]


@pytest.mark.django_db
def test_another_site_cannot_frame_a_lesson_or_the_admin(client, curriculum_tree):
    client.force_login(UserFactory(username="editor", role="Editors"))
    lesson = curriculum_tree["lesson"]
    for url in [lesson.url, reverse("wagtailadmin_pages:edit", args=[lesson.pk])]:
        response = client.get(url)
        assert response.status_code == 200
        assert policy_of(response)["frame-ancestors"] == ["'none'"], url


@pytest.mark.django_db
def test_the_page_editor_preview_may_be_framed_by_the_admin_alone(client, help_page):
    client.force_login(UserFactory(username="editor", role="Editors"))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[help_page.pk])
    form = nested_form_data(
        {
            "title": "កន្លែងទទួលជំនួយ",
            "slug": "help",
            "introduction": rich_text("<p>PREVIEWED-INTRODUCTION</p>"),
            "comments": inline_formset([]),
        }
    )
    assert client.post(preview_url, form).json()["is_valid"] is True

    response = client.get(preview_url)

    assert b"PREVIEWED-INTRODUCTION" in response.content
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    # One header, set for the preview itself, not for the page rendered inside it.
    assert policy_of(response)["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_an_uploaded_document_keeps_wagtails_stricter_policy(client, publication):
    response = client.get(publication.document.url)

    assert response.status_code == 200
    # Wagtail refuses everything inside served documents; the site's policy does not
    # loosen it to 'self'.
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
