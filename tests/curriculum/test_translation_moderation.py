"""Translations reach readers only through a moderator, as every page does (issue 13)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import resolve, reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from curriculum.models import LessonPage
from curriculum.translation_workflow import ModeratedUpdateTranslationsView
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SCAM = "Call the recruiter on 099 000 000 and pay the fee first."


@pytest.fixture
def editor():
    return UserFactory(role="Editors")


@pytest.fixture
def moderator():
    return UserFactory(role="Moderators")


def translate_this_page(client, page, locale, django_capture_on_commit_callbacks):
    """What "Translate this page" posts, with the on-commit publishing wagtail-localize queues."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return LessonPage.objects.get(translation_key=page.translation_key, locale=locale)


def type_translation(english_lesson, text):
    """The translator types `text` for every segment of the lesson in the translation editor."""
    translation = Translation.objects.get(
        source__object_id=english_lesson.translation_key, target_locale=english_lesson.locale
    )
    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english_lesson.locale,
            context=segment.context,
            defaults={"data": text},
        )
    return translation


def test_an_editors_translate_this_page_leaves_the_new_page_not_live(
    client, curriculum_tree, en_locale, en_home, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    english.refresh_from_db()
    assert not english.live
    assert english.has_unpublished_changes
    client.logout()
    assert client.get("/en/curriculum/preparing/check-agency/").status_code == 404


def test_an_editors_publish_immediately_on_update_translations_publishes_nothing(
    client,
    curriculum_tree,
    en_locale,
    en_home,
    editor,
    moderator,
    django_capture_on_commit_callbacks,
):
    # A moderator translated and published the English lesson once.
    client.force_login(moderator)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    english.save_revision(user=moderator).publish(user=moderator)
    english.refresh_from_db()
    live_revision = english.live_revision_id

    # An editor types a scam into the translation editor and posts "Publish immediately".
    translation = type_translation(english, SCAM)
    client.force_login(editor)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})

    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".help-critical")
    english.refresh_from_db()
    assert english.live_revision_id == live_revision
    client.logout()
    assert SCAM not in client.get(english.url).content.decode()


def test_the_update_translations_form_offers_publishing_only_to_those_who_may_publish(
    client,
    curriculum_tree,
    en_locale,
    en_home,
    editor,
    moderator,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    translation = type_translation(english, "Check the agency")
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert 'name="publish_translations"' not in client.get(url).content.decode()

    # Without the choice the editor's update is applied to the draft, never published.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {}).status_code == 302
    english.refresh_from_db()
    assert not english.live

    client.force_login(moderator)
    assert 'name="publish_translations"' in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    english.refresh_from_db()
    assert english.live
    assert english.title == "Check the agency"


def test_our_update_translations_view_answers_wagtail_localizes_address():
    # The view is put in front of wagtail-localize's by its address: if wagtail-localize
    # moves it, this fails rather than leaving its unguarded view in charge.
    url = reverse("wagtail_localize:update_translations", args=[1])
    assert url == "/admin/localize/update/1/"
    assert resolve(url).func.view_class is ModeratedUpdateTranslationsView


def submit_from_translation_editor(client, page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"action": "submit-for-moderation"},
    )


def test_an_editor_submits_a_translation_and_the_moderators_approval_publishes_it(
    client,
    curriculum_tree,
    en_locale,
    en_home,
    editor,
    moderator,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    form = BeautifulSoup(editor_page.content, "html.parser").select_one(
        "form.translation-moderation"
    )
    assert form.select_one('button[value="submit-for-moderation"]') is not None

    type_translation(english, "Check the recruitment agency")
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_from_translation_editor(client, english)
    assert response.status_code == 302
    english.refresh_from_db()
    assert not english.live
    assert english.workflow_in_progress
    assert english.current_workflow_task.name == "Moderators approval"

    client.force_login(moderator)
    task_state = english.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": ""})
    english.refresh_from_db()
    assert english.live
    client.logout()
    page = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert page.h1.get_text(strip=True) == "Check the recruitment agency"


def test_an_editors_publish_from_the_translation_editor_is_refused(
    client, curriculum_tree, en_locale, en_home, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    type_translation(english, SCAM)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code in (302, 403)  # Wagtail's "permission denied" goes home
    assert not Page.objects.get(pk=english.pk).live


def translation_editor_perms(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(editor["data-props"])["perms"]


def test_the_translation_editor_offers_an_editor_no_delete_as_its_primary_button(
    client,
    curriculum_tree,
    en_locale,
    en_home,
    editor,
    moderator,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    english = translate_this_page(
        client, curriculum_tree["lesson"], en_locale, django_capture_on_commit_callbacks
    )
    assert translation_editor_perms(client, english)["canDelete"] is False

    client.force_login(moderator)
    perms = translation_editor_perms(client, english)
    assert perms["canPublish"] is True
    assert perms["canDelete"] is True
