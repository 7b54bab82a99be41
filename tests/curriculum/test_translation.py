"""Translation with wagtail-localize: a Khmer lesson gets its English version."""

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from wagtail_localize.models import Translation, TranslationSource

from curriculum.slugs import readable_slug

pytestmark = pytest.mark.django_db

ENGLISH = {
    "ពិនិត្យភ្នាក់ងារជ្រើសរើស": "Check the recruitment agency",
    "យុវជនត្រូវពិនិត្យមើលថាភ្នាក់ងារជ្រើសរើសមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ។": (
        "Young people should check that the recruitment agency is licensed by the "
        "Ministry of Labour."
    ),
    "ល្បែងតួនាទី៖ ភ្នាក់ងារមកភូមិ": "Role play: a recruiter comes to the village",
    "កុំប្រគល់លិខិតឆ្លងដែនរបស់អ្នកឱ្យនិយោជក។": "Never hand your passport to an employer.",
}


@pytest.fixture
def translate_with_wagtail_localize(django_capture_on_commit_callbacks):
    """What a translator does: export the strings as PO, translate them, import, publish."""

    def translate(instance, locale, english=ENGLISH):
        source, __ = TranslationSource.get_or_create_from_instance(instance)
        source.update_from_db()
        translation, __ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = translation.export_po()
        for entry in po:
            entry.msgstr = english.get(entry.msgid, entry.msgid)
        translation.import_po(po)
        # wagtail-localize publishes the translation once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return instance.get_translation(locale).specific

    return translate


def test_a_lesson_translated_with_wagtail_localize_renders_in_both_languages(
    client, curriculum_tree, en_locale, translate_with_wagtail_localize
):
    khmer_lesson = curriculum_tree["lesson"]
    english_lesson = translate_with_wagtail_localize(khmer_lesson, en_locale)

    assert english_lesson.live
    assert english_lesson.url.startswith("/en/")
    english = BeautifulSoup(client.get(english_lesson.url).content, "html.parser")
    assert english.html["lang"] == "en"
    assert english.h1.get_text(strip=True) == "Check the recruitment agency"
    assert "licensed by the Ministry of Labour" in english.get_text()
    assert "Role play: a recruiter comes to the village" in english.get_text()

    khmer = BeautifulSoup(client.get(khmer_lesson.url).content, "html.parser")
    assert khmer.html["lang"] == "km"
    assert khmer.h1.get_text(strip=True) == "ពិនិត្យភ្នាក់ងារជ្រើសរើស"


def test_the_language_switcher_leads_to_the_translated_lesson(
    client, curriculum_tree, en_locale, translate_with_wagtail_localize
):
    english_lesson = translate_with_wagtail_localize(curriculum_tree["lesson"], en_locale)
    khmer = BeautifulSoup(client.get(curriculum_tree["lesson"].url).content, "html.parser")
    link = khmer.select_one('nav.language-switcher a[hreflang="en"]')
    assert link["href"] == english_lesson.url
    assert "not yet translated" not in link.parent.get_text()


def test_a_lesson_not_yet_translated_says_so(client, curriculum_tree):
    khmer = BeautifulSoup(client.get(curriculum_tree["lesson"].url).content, "html.parser")
    link = khmer.select_one('nav.language-switcher a[hreflang="en"]')
    assert "មិនទាន់បានបកប្រែ" in link.parent.get_text()


def test_updating_the_khmer_lesson_flows_into_the_english_translation(
    client, curriculum_tree, en_locale, translate_with_wagtail_localize
):
    khmer_lesson = curriculum_tree["lesson"]
    translate_with_wagtail_localize(khmer_lesson, en_locale)
    khmer_lesson.summary = "សេចក្ដីសង្ខេបថ្មី។"
    khmer_lesson.save_revision().publish()
    english_lesson = translate_with_wagtail_localize(
        khmer_lesson, en_locale, {**ENGLISH, "សេចក្ដីសង្ខេបថ្មី។": "A new summary."}
    )
    assert english_lesson.summary == "A new summary."


def test_a_lesson_with_a_khmer_slug_gets_an_english_slug_in_english(
    client, curriculum_tree, en_locale, translate_with_wagtail_localize
):
    khmer_lesson = curriculum_tree["lesson"]
    khmer_lesson.slug = readable_slug(khmer_lesson.title)
    khmer_lesson.save_revision().publish()
    khmer_lesson.refresh_from_db()

    # The translator leaves the slug as it is; its English title makes the English slug.
    english_lesson = translate_with_wagtail_localize(khmer_lesson, en_locale)

    assert unquote(khmer_lesson.url) == "/km/curriculum/preparing/ពិនិត្យភ្នាក់ងារជ្រើសរើស/"
    assert english_lesson.slug == "check-the-recruitment-agency"
    assert client.get(khmer_lesson.url).status_code == 200
    assert client.get(english_lesson.url).status_code == 200
