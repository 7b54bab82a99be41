"""Translation progress in the untranslated-pages report: texts done, behind, live and complete.

The hand-worked fixture is the short lesson "កិច្ចសន្យា": wagtail-localize reads exactly five
texts from it (title, slug, summary, learning objectives, safeguarding note; its body is
empty), so its English translation goes 0/5, 3/5, 5/5.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from curriculum.translation_progress import pages_with_translation_progress
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = ["Contracts", "contracts", "Read the contract before signing.", "Know it.", "Listen."]


@pytest.fixture
def english_translation(curriculum_tree, en_locale, en_home):
    """The short lesson as "Translate this page" leaves it: an English draft, nothing translated."""
    source, __ = TranslationSource.get_or_create_from_instance(curriculum_tree["short_lesson"])
    translation = Translation.objects.create(source=source, target_locale=en_locale)
    translation.save_target(publish=False)
    return translation


def translate_texts(translation, how_many):
    segments = StringSegment.objects.filter(source=translation.source).order_by("order")
    for segment, english in list(zip(segments, ENGLISH, strict=True))[:how_many]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=english,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )


def progress(page, language_code="en"):
    pages = Page.objects.filter(pk=page.pk)
    return pages_with_translation_progress(pages, language_code=language_code).get()


def english_page(translation):
    return translation.get_target_instance()


def test_a_translation_just_started_has_none_of_its_five_texts_done(
    curriculum_tree, english_translation
):
    row = progress(curriculum_tree["short_lesson"])
    assert (row.segments_translated, row.segments_total) == (0, 5)
    assert row.translation_page_id == english_page(english_translation).pk
    assert not row.translation_live
    assert not row.behind_source
    assert not row.translated


def test_three_texts_translated_show_three_of_five(curriculum_tree, english_translation):
    translate_texts(english_translation, 3)
    row = progress(curriculum_tree["short_lesson"])
    assert (row.segments_translated, row.segments_total) == (3, 5)
    assert not row.translated


def test_a_text_whose_translation_has_an_error_is_not_done(curriculum_tree, english_translation):
    translate_texts(english_translation, 5)
    StringTranslation.objects.filter(data="Listen.").update(has_error=True)
    assert progress(curriculum_tree["short_lesson"]).segments_translated == 4


def test_a_complete_translation_waiting_for_a_moderator_is_not_yet_translated(
    curriculum_tree, english_translation
):
    translate_texts(english_translation, 5)
    english = english_page(english_translation)
    english.get_workflow().start(english, UserFactory(role="Editors"))
    row = progress(curriculum_tree["short_lesson"])
    assert (row.segments_translated, row.segments_total) == (5, 5)
    assert row.translation_in_moderation
    assert not row.translated


def test_a_live_complete_translation_is_translated(curriculum_tree, english_translation):
    translate_texts(english_translation, 5)
    english_translation.save_target(publish=True)
    english_page(english_translation).get_latest_revision().publish()
    row = progress(curriculum_tree["short_lesson"])
    assert row.translation_live
    assert row.translated


def test_a_live_translation_missing_a_text_is_not_translated(curriculum_tree, english_translation):
    translate_texts(english_translation, 4)
    english_page(english_translation).get_latest_revision().publish()
    row = progress(curriculum_tree["short_lesson"])
    assert row.translation_live
    assert (row.segments_translated, row.segments_total) == (4, 5)
    assert not row.translated


def test_a_source_published_again_since_the_sync_is_behind_until_synced(
    curriculum_tree, english_translation
):
    translate_texts(english_translation, 5)
    english_page(english_translation).get_latest_revision().publish()
    khmer = curriculum_tree["short_lesson"]
    khmer.save_revision().publish()
    row = progress(khmer)
    assert row.behind_source
    assert not row.translated

    english_translation.source.update_from_db()
    row = progress(khmer)
    assert not row.behind_source
    assert row.translated


def test_the_report_shows_progress_and_status_per_page_and_language(
    client, curriculum_tree, english_translation
):
    translate_texts(english_translation, 3)
    client.force_login(UserFactory(role="Editors"))
    response = client.get(reverse("untranslated_pages_report"), {"missing_language": "en"})
    rows = {
        row.select_one("td.title").get_text(strip=True): row
        for row in BeautifulSoup(response.content, "html.parser").select("tbody tr")
    }
    short_lesson = rows[curriculum_tree["short_lesson"].title]
    assert short_lesson.select_one("td.translation-progress").get_text(strip=True) == "3 / 5"
    assert curriculum_tree["lesson"].title in rows  # not started: no English page at all

    StringTranslation.objects.all().delete()
    translate_texts(english_translation, 5)
    english_page(english_translation).get_latest_revision().publish()
    response = client.get(reverse("untranslated_pages_report"), {"missing_language": "en"})
    assert curriculum_tree["short_lesson"].title not in response.content.decode()
