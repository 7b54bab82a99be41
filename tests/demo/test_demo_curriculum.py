"""The demo curriculum: every page and snippet in Khmer and English, built once, kept after."""

import html
import json
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision

from curriculum.models import (
    Audience,
    CampaignIndexPage,
    CampaignPage,
    CurriculumIndexPage,
    HelpEntry,
    HelpPage,
    LessonPage,
    ModulePage,
    PublicationIndexPage,
    PublicationPage,
    Topic,
)
from demo.curriculum import demo_curriculum_build
from demo.home_pages import demo_home_pages_build
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KHMER = re.compile("[\u1780-\u17ff]")


@pytest.fixture
def locales():
    return {code: Locale.objects.get(language_code=code) for code in ("km", "en")}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo home pages and curriculum, as `load_demo_content` builds them.

    Built once for the module (it takes seconds) in a transaction rolled back after the
    last test; each test still runs in its own savepoint, so what one changes is undone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        demo_home_pages_build()
        yield demo_curriculum_build()
        transaction.set_rollback(True)


def snapshot() -> dict:
    """What a rebuild must leave alone: counts, and each page's latest revision."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest revisions": sorted(Page.objects.values_list("pk", "latest_revision_id")),
        "topics": Topic.objects.count(),
        "audiences": Audience.objects.count(),
        "help entries": HelpEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_load_demo_content_reports_the_curriculum():
    # Defined first so that it runs before the module's shared build (the `built` fixture).
    assert not CurriculumIndexPage.objects.exists(), "run before the shared build"
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert re.search(r"Curriculum: built 30 pages, \d+ topics", output.getvalue())
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert "Curriculum: kept as it is" in output.getvalue()


def test_every_section_exists_live_in_both_languages(built, locales):
    for page_class in (CurriculumIndexPage, CampaignIndexPage, PublicationIndexPage, HelpPage):
        for locale in locales.values():
            assert page_class.objects.live().filter(locale=locale).count() == 1, page_class
    khmer_help = HelpPage.objects.get(locale=locales["km"])
    assert khmer_help.title == "កន្លែងទទួលជំនួយ"
    assert khmer_help.get_translation(locales["en"]).title == "Where to get help"
    assert built["pages"] == Page.objects.filter(depth__gt=2).count() == 30  # below the homes


def test_two_lesson_packs_and_six_live_lessons_in_each_language(built, locales):
    for locale in locales.values():
        assert ModulePage.objects.live().filter(locale=locale).count() == 2
        assert LessonPage.objects.live().filter(locale=locale).count() == 6


def test_each_khmer_lesson_has_an_english_translation(built, locales):
    for khmer in LessonPage.objects.filter(locale=locales["km"]):
        english = khmer.get_translation(locales["en"])
        assert KHMER.search(khmer.title)
        assert english.title != khmer.title
        stored_body = json.dumps(list(english.body.raw_data), ensure_ascii=False)
        assert not KHMER.search(english.title + english.summary + stored_body)
        assert english.get_parent().locale == locales["en"]
        assert english.live


def test_english_lessons_use_english_snippets(built, locales):
    for language, locale in locales.items():
        for lesson in LessonPage.objects.filter(locale=locale):
            assert lesson.topics.exists() and lesson.audiences.exists(), lesson.title
            assert {topic.locale_id for topic in lesson.topics.all()} == {locale.pk}, language
            assert {audience.locale_id for audience in lesson.audiences.all()} == {locale.pk}
            help_blocks = [
                block for block in lesson.body if block.block_type == "where_to_get_help"
            ]
            entries = [entry for block in help_blocks for entry in block.value["entries"]]
            assert entries and {entry.locale_id for entry in entries} == {locale.pk}


def test_every_lesson_has_a_safeguarding_note_and_a_full_lesson_plan(built):
    for lesson in LessonPage.objects.all():
        assert "117" in lesson.safeguarding_note or "១១៧" in lesson.safeguarding_note
        block_types = [block.block_type for block in lesson.body]
        for needed in ("activity", "discussion_questions", "key_messages", "case_story"):
            assert needed in block_types, (lesson.title, needed)
        assert {"callout", "where_to_get_help"} <= set(block_types)
        quizzes = [block.value for block in lesson.body if block.block_type == "quiz_question"]
        assert len(quizzes) >= 2, lesson.title
        for quiz in quizzes:
            assert 1 <= quiz["correct_option"] <= len(quiz["options"])
        # The lesson plan is valid as the admin would check it.
        lesson.body.stream_block.clean(lesson.body)


def facilitator_fragments(lesson) -> list[str]:
    """The opening words of each part of a lesson meant for facilitators only."""
    parts = [lesson.safeguarding_note]
    for block in lesson.body:
        if block.block_type == "activity":
            parts.append(block.value["facilitator_tip"])
        elif block.block_type == "quiz_question":
            parts.append(block.value["explanation"])
        elif block.block_type == "callout" and block.value["kind"] == "safeguarding":
            parts.append(block.value["text"].source)
    texts = [" ".join(html.unescape(strip_tags(str(part))).split()) for part in parts if part]
    return [text[:40] for text in texts]


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_a_new_reader_sees_no_facilitator_text_on_the_demo_lessons(built, client):
    lessons = list(LessonPage.objects.live().order_by("path"))
    assert len(lessons) == 12
    for lesson in lessons:
        fragments = facilitator_fragments(lesson)
        assert len(fragments) >= 4, lesson.title  # the note, tips and quiz explanations
        text = page_text(client.get(lesson.url))
        for fragment in fragments:
            assert fragment not in text, (lesson.title, fragment)
    client.force_login(UserFactory(role="Club leaders"))
    for lesson in lessons[:2]:
        text = page_text(client.get(lesson.url))
        for fragment in facilitator_fragments(lesson):
            assert fragment in text, (lesson.title, fragment)


def test_lessons_of_every_length_for_the_duration_filter(built, locales):
    index = CurriculumIndexPage.objects.get(locale=locales["km"])
    for shortest, longest in ((None, 30), (31, 60), (61, None)):
        assert index.lessons(duration_range=(shortest, longest)).exists()
    assert index.lessons(topic_slug="fees-debt").exists()


def test_topics_and_audiences_share_slugs_across_languages(built, locales):
    for model in (Topic, Audience):
        khmer = set(model.objects.filter(locale=locales["km"]).values_list("slug", flat=True))
        english = set(model.objects.filter(locale=locales["en"]).values_list("slug", flat=True))
        assert khmer == english and len(khmer) >= 4
        for snippet in model.objects.filter(locale=locales["km"]):
            assert snippet.get_translation(locales["en"]).slug == snippet.slug


def test_help_entries_are_all_marked_as_invented(built, locales):
    entries = HelpEntry.objects.all()
    assert entries.count() >= 8
    assert all(entry.is_demo for entry in entries)
    for entry in entries:
        assert entry.name.startswith(("[DEMO]", "[គំរូ]")), entry.name
        assert entry.phone.startswith("012 000 "), entry.phone
    khmer = entries.filter(locale=locales["km"])
    assert {entry.category for entry in khmer} >= {"hotline", "shelter", "legal_aid", "counselling"}
    assert any(entry.serves_whole_country for entry in khmer)
    assert any(not entry.serves_whole_country for entry in khmer)
    for entry in khmer:
        english = entry.get_translation(locales["en"])
        assert set(english.provinces.all()) == set(entry.provinces.all())


def test_two_campaigns_in_five_provinces_one_current_one_past(built, locales):
    for language, locale in locales.items():
        campaigns = CampaignPage.objects.live().filter(locale=locale)
        assert campaigns.count() == 2
        provinces = {code for c in campaigns for code in c.provinces.values_list("code", flat=True)}
        assert len(provinces) == 5
        index = CampaignIndexPage.objects.get(locale=locale)
        current, past = index.campaigns_current_and_past(today=timezone.localdate())
        assert current.count() == 1 and past.count() == 1
        today = timezone.localdate()
        assert current[0].start_date <= today <= current[0].end_date
        for campaign in campaigns:
            lessons = [link.lesson for link in campaign.related_lessons.all()]
            assert lessons and {lesson.locale_id for lesson in lessons} == {locale.pk}, language
            assert campaign.gallery_images.exists()
            assert campaign.key_messages and campaign.call_to_action_phone
            assert campaign.call_to_action_page.locale_id == locale.pk


def test_publication_has_a_one_page_pdf(built, locales):
    for locale in locales.values():
        publication = PublicationPage.objects.live().get(locale=locale)
        assert publication.document.title.startswith("[DEMO]")
    with publication.document.file.open("rb") as pdf:
        content = pdf.read()
    assert content.startswith(b"%PDF")


def test_demo_images_are_marked_and_sized(built):
    images = get_image_model().objects.all()
    assert images.count() == 3
    for image in images:
        assert image.title.startswith("[DEMO]")
        assert (image.width, image.height) == (1200, 675)


def test_building_twice_changes_nothing(built):
    before = snapshot()
    assert demo_curriculum_build() == {}
    assert snapshot() == before


def test_rebuilding_keeps_what_editors_changed_and_removed(built, locales):
    index = CurriculumIndexPage.objects.get(locale=locales["en"])
    index.introduction = "<p>Edited by an editor</p>"
    index.save_revision().publish()
    LessonPage.objects.get(locale=locales["en"], slug="staying-in-touch").delete()
    topic = Topic.objects.get(locale=locales["en"], slug="fees-debt")
    topic.name = "Money and debt"
    topic.save()
    pages_before = Page.objects.count()

    demo_curriculum_build()

    assert Page.objects.count() == pages_before
    index.refresh_from_db()
    assert index.introduction == "<p>Edited by an editor</p>"
    assert Topic.objects.get(locale=locales["en"], slug="fees-debt").name == "Money and debt"
