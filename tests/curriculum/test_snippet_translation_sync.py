"""Translating a page never changes a live snippet it uses (issue 13).

Submitting a Khmer lesson for translation into English made wagtail-localize sync the help
entries the lesson chose into English, over the live English entries: readers got the Khmer
text under /en/.
"""

import pytest
from django.urls import reverse

from curriculum.models import HelpEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH_NAME = "National helpline"


@pytest.fixture
def editor():
    return UserFactory(role="Editors")


@pytest.fixture
def english_help_entry(help_entries, en_locale):
    """The live English translation of the national hotline, written by hand."""
    entry = help_entries["national"].copy_for_translation(en_locale)
    entry.name = ENGLISH_NAME
    entry.hours = "24 hours"
    entry.live = True
    entry.save()
    return entry


def submit_for_translation(client, user, page, locale, django_capture_on_commit_callbacks):
    """What "Translate this page" posts, with what wagtail-localize runs on commit."""
    client.force_login(user)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["Editors", "Moderators"])
def test_translating_a_lesson_leaves_the_live_english_help_entry_it_uses_as_it_is(
    role,
    client,
    curriculum_tree,
    help_entries,
    english_help_entry,
    en_locale,
    en_home,
    django_capture_on_commit_callbacks,
):
    submit_for_translation(
        client,
        UserFactory(role=role),
        curriculum_tree["lesson"],
        en_locale,
        django_capture_on_commit_callbacks,
    )

    english_help_entry.refresh_from_db()
    assert english_help_entry.live
    assert (english_help_entry.name, english_help_entry.hours) == (ENGLISH_NAME, "24 hours")
    assert [entry.name for entry in HelpEntry.objects.serving(locale=en_locale)] == [
        ENGLISH_NAME
    ]
    # What the sync wrote waits as a draft, for a translator and a moderator.
    assert english_help_entry.has_unpublished_changes
    draft = english_help_entry.latest_revision.as_object()
    assert draft.name == help_entries["national"].name


def test_a_help_entry_first_translated_with_a_lesson_is_a_draft_not_shown_to_readers(
    client, curriculum_tree, help_entries, en_locale, en_home, editor,
    django_capture_on_commit_callbacks,
):
    submit_for_translation(
        client, editor, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )

    english = HelpEntry.objects.get(
        translation_key=help_entries["national"].translation_key, locale=en_locale
    )
    assert not english.live
    assert not HelpEntry.objects.serving(locale=en_locale).exists()
