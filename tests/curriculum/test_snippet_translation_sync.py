"""Translating a page never changes a live snippet it uses (issue 13).

Submitting a Khmer lesson for translation into English made wagtail-localize sync the help
entries the lesson chose into English, over the live English entries: readers got the Khmer
text under /en/.
"""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

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
    assert [entry.name for entry in HelpEntry.objects.serving(locale=en_locale)] == [ENGLISH_NAME]
    # What the sync wrote waits as a draft, for a translator and a moderator.
    assert english_help_entry.has_unpublished_changes
    draft = english_help_entry.latest_revision.as_object()
    assert draft.name == help_entries["national"].name


def test_a_help_entry_first_translated_with_a_lesson_is_a_draft_not_shown_to_readers(
    client,
    curriculum_tree,
    help_entries,
    en_locale,
    en_home,
    editor,
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


def translate_help_entry(client, user, lesson, entry, locale, django_capture_on_commit_callbacks):
    """A lesson using `entry` is submitted for translation, then the translator types the
    entry's texts in the translation editor."""
    submit_for_translation(client, user, lesson, locale, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(
        source__object_id=entry.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"TYPED {segment.context.path}"},
        )
    return HelpEntry.objects.get(translation_key=entry.translation_key, locale=locale)


def english_edit_url(entry):
    return reverse("wagtailsnippets_curriculum_helpentry:edit", args=[entry.pk])


def test_a_translator_submits_a_help_entry_translation_and_it_goes_live_when_approved(
    client,
    curriculum_tree,
    help_entries,
    english_help_entry,
    en_locale,
    en_home,
    editor,
    django_capture_on_commit_callbacks,
):
    english = translate_help_entry(
        client,
        editor,
        curriculum_tree["lesson"],
        help_entries["national"],
        en_locale,
        django_capture_on_commit_callbacks,
    )
    page = client.get(english_edit_url(english)).content.decode()
    assert 'value="submit-for-moderation"' in page

    response = client.post(english_edit_url(english), {"action": "submit-for-moderation"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.name == ENGLISH_NAME
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert english.latest_revision.as_object().name == "TYPED name"

    task_state = english.current_workflow_task_state
    client.force_login(UserFactory(role="Moderators"))
    url = reverse(
        "wagtailsnippets_curriculum_helpentry:workflow_action",
        args=[english.pk, "approve", task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    english.refresh_from_db()
    assert english.live and english.name == "TYPED name"


def test_an_editors_publish_from_the_translation_editor_publishes_no_help_entry(
    client,
    curriculum_tree,
    help_entries,
    english_help_entry,
    en_locale,
    en_home,
    editor,
    django_capture_on_commit_callbacks,
):
    english = translate_help_entry(
        client,
        editor,
        curriculum_tree["lesson"],
        help_entries["national"],
        en_locale,
        django_capture_on_commit_callbacks,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english_edit_url(english), {"action": "publish"})
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert english.live and english.name == ENGLISH_NAME
    assert [entry.name for entry in HelpEntry.objects.serving(locale=en_locale)] == [ENGLISH_NAME]
