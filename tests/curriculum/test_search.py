"""Site search: Khmer words inside Khmer sentences, English words, filters, the search page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.search.query import And, Phrase, PlainText

from curriculum.khmer import khmer_cluster_tokens, khmer_index_text, khmer_word_tokens
from curriculum.models import (
    CampaignIndexPage,
    CampaignPage,
    CurriculumIndexPage,
    LessonPage,
    ModulePage,
    PublicationIndexPage,
    PublicationPage,
    Topic,
)
from curriculum.search import build_search_query, site_search
from demo.home_pages import demo_home_pages_build

pytestmark = pytest.mark.django_db

AGENCY_SENTENCE = "យុវជនត្រូវពិនិត្យមើលថាភ្នាក់ងារជ្រើសរើសមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ"


def add_live(parent, page):
    """Add the page under `parent` and publish it, which also indexes it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def a_lesson(title, summary, **fields):
    return LessonPage(
        title=title,
        summary=summary,
        duration_minutes=30,
        learning_objectives="<p>ស្គាល់សិទ្ធិរបស់ខ្លួន។</p>",
        safeguarding_note="<p>ស្ដាប់ ហើយបញ្ជូនទៅខ្សែទូរស័ព្ទជំនួយ។</p>",
        body=[],
        **fields,
    )


def found(query, locale, **filters):
    return list(site_search(query=query, locale=locale, **filters))


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in ("km", "en")}


@pytest.fixture
def khmer_module(db):
    home = Site.objects.get(is_default_site=True).root_page
    index = add_live(home, CurriculumIndexPage(title="កម្មវិធីសិក្សា", slug="curriculum"))
    return add_live(
        index,
        ModulePage(
            title="ការរៀបចំខ្លួនមុនចេញដំណើរ",
            slug="before-leaving",
            introduction="<p>កញ្ចប់មេរៀនអំពីលិខិតឆ្លងដែន និងកិច្ចសន្យាការងារ។</p>",
        ),
    )


@pytest.fixture
def topics(locales):
    return {
        slug: Topic.objects.create(locale=locales["km"], name=name, slug=slug)
        for slug, name in (("agencies", "ភ្នាក់ងារជ្រើសរើស"), ("money", "ប្រាក់"))
    }


@pytest.fixture
def agency_lesson(khmer_module, topics):
    lesson = a_lesson("ពិនិត្យភ្នាក់ងារ", AGENCY_SENTENCE + "។", slug="check-agency")
    lesson.topics.set([topics["agencies"]])
    return add_live(khmer_module, lesson)


@pytest.fixture
def english_lesson(locales):
    demo_home_pages_build()
    home = Site.objects.get(is_default_site=True).root_page
    english_home = home.get_translation(locales["en"])
    index = add_live(english_home, CurriculumIndexPage(title="Curriculum", slug="curriculum"))
    english_module = add_live(
        index, ModulePage(title="Before leaving", slug="before", introduction="<p>Papers.</p>")
    )
    return add_live(
        english_module,
        a_lesson(
            "Check the agency",
            "Young people should check that the recruitment agency is licensed.",
            slug="check-agency",
        ),
    )


@pytest.fixture
def radio_campaign(db):
    home = Site.objects.get(is_default_site=True).root_page
    index = add_live(home, CampaignIndexPage(title="យុទ្ធនាការ", slug="campaigns"))
    return add_live(
        index,
        CampaignPage(
            title="យុទ្ធនាការវិទ្យុ",
            slug="radio",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 3, 31),
            introduction="ផ្សាយតាមវិទ្យុអំពីការពិនិត្យអាជ្ញាប័ណ្ណភ្នាក់ងារ។",
            key_messages=[("message", "ហៅទូរស័ព្ទមុនពេលចេញដំណើរ")],
        ),
    )


@pytest.fixture
def survey_publication(db):
    home = Site.objects.get(is_default_site=True).root_page
    index = add_live(home, PublicationIndexPage(title="ឯកសារបោះពុម្ព", slug="publications"))
    document = get_document_model().objects.create(
        title="Survey", file=ContentFile(b"%PDF-1.4 demo", name="survey.pdf")
    )
    return add_live(
        index,
        PublicationPage(
            title="ការស្ទង់មតិ",
            slug="survey",
            summary="របាយការណ៍អំពីភ្នាក់ងារជ្រើសរើសដែលគ្មានអាជ្ញាប័ណ្ណ។",
            publication_date=datetime.date(2026, 6, 1),
            document=document,
        ),
    )


# How Khmer is indexed and queried


def test_khmer_text_is_indexed_as_ascii_tokens_of_its_clusters():
    assert khmer_cluster_tokens("ការងារ") == ["kh178017b6", "kh179a", "kh178417b6", "kh179a"]
    assert khmer_word_tokens("ការងារ") == [
        "kh178017b6kh179akh178417b6",
        "kh179akh178417b6kh179a",
    ]
    assert khmer_word_tokens("ការ") == ["kh178017b6kh179a"]
    assert khmer_word_tokens("ទៅ") == ["kh179117c5"]
    indexed = khmer_index_text("<p>ការងារ</p>", "Labour ទៅ")
    assert indexed.isascii()
    assert "kh178017b6kh179akh178417b6 kh179akh178417b6kh179a khsep" in indexed
    assert {"kh178017b6kh179a", "kh179117c5"} <= set(indexed.split())


def test_spellings_that_look_the_same_are_indexed_the_same():
    # Subscript da and ta, subscript ro before or after another subscript, zero-width
    # spaces and joiners all look alike on screen.
    assert khmer_cluster_tokens("សេចក្ដី") == khmer_cluster_tokens("សេចក្តី")
    assert khmer_cluster_tokens("ស្រ្តី") == khmer_cluster_tokens("ស្ត្រី")
    assert khmer_cluster_tokens("ការ\u200bងារ") == khmer_cluster_tokens("ការងារ")
    assert khmer_index_text("ការ\u200bងារ") == khmer_index_text("ការងារ")


def test_the_query_is_khmer_phrases_and_the_other_words_together():
    query = build_search_query("ការងារ")
    assert isinstance(query, Phrase)
    assert query.query_string == " ".join(khmer_word_tokens("ការងារ"))
    query = build_search_query("ILO ការងារ  licence ទៅ")
    assert isinstance(query, And)
    assert [type(part) for part in query.subqueries] == [Phrase, Phrase, PlainText]
    assert query.subqueries[2].query_string == "ILO licence"
    assert query.subqueries[2].operator == "and"


@pytest.mark.parametrize("typed", ["", "   ", "\u200b", "\u17d2", "។ ? ! \" ' * ( )", "🙂"])
def test_a_query_with_nothing_to_search_for_is_none(typed):
    assert build_search_query(typed) is None


# What site_search finds


@pytest.mark.parametrize("word", ["អាជ្ញាប័ណ្ណ", "ភ្នាក់ងារ", "ក្រសួងការងារ", "ពិនិត្យមើល"])
def test_a_khmer_word_inside_a_sentence_is_found(agency_lesson, locales, word):
    assert found(word, locales["km"]) == [agency_lesson]


def test_a_khmer_word_not_in_the_page_is_not_found(agency_lesson, locales):
    assert found("ប្រាក់ខែ", locales["km"]) == []
    # Each of its clusters is in the sentence, but not one after the other.
    assert found("ការពិនិត្យ", locales["km"]) == []


def test_every_khmer_word_of_the_query_must_be_in_the_page(agency_lesson, locales):
    assert found("ភ្នាក់ងារ អាជ្ញាប័ណ្ណ", locales["km"]) == [agency_lesson]
    assert found("ភ្នាក់ងារ ប្រាក់ខែ", locales["km"]) == []


def test_a_khmer_word_is_found_whichever_way_it_is_spelt(khmer_module, locales):
    lesson = add_live(khmer_module, a_lesson("សិទ្ធិស្ត្រី", "សេចក្ដីណែនាំសម្រាប់ស្ត្រីធ្វើការនៅបរទេស។"))
    assert found("សេចក្តីណែនាំ", locales["km"]) == [lesson]
    assert found("ស្រ្តី", locales["km"]) == [lesson]
    assert found("សេចក្ដី\u200bណែនាំ", locales["km"]) == [lesson]


def test_a_word_at_the_end_of_a_long_lesson_is_found(khmer_module, locales):
    # PostgreSQL keeps 256 positions of a token: far past that for "រ" and "ការ".
    filler = "កសិករធ្វើការនៅស្រែរៀងរាល់ថ្ងៃ " * 600
    lesson = add_live(khmer_module, a_lesson("មេរៀនវែង", filler + "ពួកគេស្វែងរកការងារនៅថៃ។"))
    assert found("ការងារ", locales["km"], page_type="lesson") == [lesson]
    assert found("ស្វែងរក", locales["km"]) == [lesson]
    assert found("ប្រាក់ខែ", locales["km"]) == []


def test_modules_campaigns_and_publications_are_found(
    agency_lesson, khmer_module, radio_campaign, survey_publication, locales
):
    assert set(found("អាជ្ញាប័ណ្ណ", locales["km"])) == {
        agency_lesson,
        radio_campaign,
        survey_publication,
    }
    assert found("លិខិតឆ្លងដែន", locales["km"]) == [khmer_module]
    assert found("ស្ទង់មតិ", locales["km"]) == [survey_publication]


def test_results_are_the_pages_themselves(agency_lesson, locales):
    (result,) = found("អាជ្ញាប័ណ្ណ", locales["km"])
    assert isinstance(result, LessonPage)
    assert result.summary.startswith("យុវជន")


def test_an_english_word_finds_the_english_lesson(agency_lesson, english_lesson, locales):
    assert found("licensed", locales["en"]) == [english_lesson]
    assert found("Recruitment AGENCY", locales["en"]) == [english_lesson]
    assert found("licensed passport", locales["en"]) == []


def test_results_are_only_in_the_requested_language(agency_lesson, english_lesson, locales):
    assert found("licensed", locales["km"]) == []
    assert found("អាជ្ញាប័ណ្ណ", locales["en"]) == []


def test_the_page_type_filter_keeps_one_kind_of_page(
    agency_lesson, khmer_module, radio_campaign, survey_publication, locales
):
    khmer = locales["km"]
    assert found("អាជ្ញាប័ណ្ណ", khmer, page_type="lesson") == [agency_lesson]
    assert found("អាជ្ញាប័ណ្ណ", khmer, page_type="campaign") == [radio_campaign]
    assert found("អាជ្ញាប័ណ្ណ", khmer, page_type="publication") == [survey_publication]
    assert found("អាជ្ញាប័ណ្ណ", khmer, page_type="module") == []
    assert found("លិខិតឆ្លងដែន", khmer, page_type="module") == [khmer_module]
    # An unknown kind of page is no filter at all.
    assert len(found("អាជ្ញាប័ណ្ណ", khmer, page_type="video")) == 3


def test_the_topic_filter_keeps_lessons_on_that_topic(
    agency_lesson, radio_campaign, topics, locales
):
    khmer = locales["km"]
    assert found("អាជ្ញាប័ណ្ណ", khmer, topic_slug="agencies") == [agency_lesson]
    assert found("អាជ្ញាប័ណ្ណ", khmer, topic_slug="money") == []
    assert found("អាជ្ញាប័ណ្ណ", khmer, topic_slug="agencies", page_type="campaign") == []


def test_drafts_unpublished_and_private_pages_are_not_found(agency_lesson, khmer_module, locales):
    draft = a_lesson("សេចក្តីព្រាង", "ព័ត៌មានអំពីប្រាក់ខែ។", live=False)
    khmer_module.add_child(instance=draft)
    draft.save_revision()
    agency_lesson.summary = "ការផ្លាស់ប្ដូរថ្មីអំពីបំណុល។"
    agency_lesson.save_revision()  # a newer draft of a live page, not published
    private = add_live(khmer_module, a_lesson("ឯកជន", "មេរៀនឯកជនអំពីអាជ្ញាប័ណ្ណ។"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert found("ប្រាក់ខែ", locales["km"]) == []
    assert found("បំណុល", locales["km"]) == []
    assert found("អាជ្ញាប័ណ្ណ", locales["km"]) == [agency_lesson]
    agency_lesson.unpublish()
    assert found("អាជ្ញាប័ណ្ណ", locales["km"]) == []
    draft.get_latest_revision().publish()
    assert found("ប្រាក់ខែ", locales["km"]) == [draft]


@pytest.mark.parametrize("typed", ["", "   ", "\t\n", "។"])
def test_an_empty_query_finds_nothing_rather_than_everything(agency_lesson, locales, typed):
    assert found(typed, locales["km"]) == []


# The search page


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def search_url(language="km"):
    with translation.override(language):
        return reverse("search")


def test_the_search_page_lists_what_it_found(client, agency_lesson, radio_campaign):
    assert search_url() == "/km/search/"
    page = parse(client.get(search_url(), {"q": "អាជ្ញាប័ណ្ណ", "type": "lesson"}))
    assert page.html["lang"] == "km"
    form = page.select_one('form[role="search"]')
    assert form["method"] == "get"
    search_box = form.select_one('input[name="q"]')
    assert search_box["value"] == "អាជ្ញាប័ណ្ណ"
    assert form.select_one(f'label[for="{search_box["id"]}"]') is not None
    assert form.select_one('select[name="type"] option[selected]')["value"] == "lesson"
    assert form.select_one('select[name="topic"] option[value="agencies"]') is not None
    (result,) = page.select("ol.card-list > li")
    link = result.select_one("h3 a")
    assert link.get_text(strip=True) == "ពិនិត្យភ្នាក់ងារ"
    assert link["href"] == agency_lesson.url
    assert "យុវជនត្រូវពិនិត្យមើល" in result.get_text()


def test_the_search_page_in_english(client, english_lesson):
    page = parse(client.get(search_url("en"), {"q": "licensed"}))
    assert page.html["lang"] == "en"
    (result,) = page.select("ol.card-list > li")
    assert result.select_one("h3 a").get_text(strip=True) == "Check the agency"
    assert "Lesson" in result.get_text()


def test_the_search_page_says_when_nothing_matches(client, agency_lesson):
    page = parse(client.get(search_url(), {"q": "ប្រាក់ខែ"}))
    assert page.select("ol.card-list") == []
    assert page.select_one('[role="status"]').get_text(strip=True)


def test_the_search_page_without_a_query_shows_only_the_form(client, agency_lesson):
    for params in ({}, {"q": "    "}, {"type": "lesson"}):
        page = parse(client.get(search_url(), params))
        assert page.select_one('form[role="search"]') is not None
        assert page.select("ol.card-list") == []
        assert page.select('[role="status"]') == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "អាជ្ញាប័ណ្ណ", "type": "nonsense"},
        {"q": "អាជ្ញាប័ណ្ណ", "topic": "no-such-topic"},
        {"q": "អាជ្ញាប័ណ្ណ", "page": "nine"},
        {"q": "អាជ្ញាប័ណ្ណ", "page": "99999"},
        {"q": "ការ" * 5000},
        {"q": "licence " * 1000},
        {"q": "\x00"},
        {"q": "\u17d2\u17d2\u17b6\u200b\u200d"},
        {"q": "ក" + "\u17c6" * 3000},
        {"q": "\u202e\ufeff𝔸🙂 中文 עברית"},
        {"q": "\"unbalanced OR NEAR(x * - : ^ 'quote\\"},
        {"q": "%s %% {} ; DROP TABLE"},
        {"q": ["ភ្នាក់ងារ", "second"]},
    ],
)
def test_the_search_page_copes_with_odd_input(client, agency_lesson, params):
    response = client.get(search_url(), params)
    assert response.status_code == 200


def test_results_come_ten_to_a_page(client, khmer_module):
    for number in range(12):
        add_live(khmer_module, a_lesson(f"មេរៀន {number}", "ភ្នាក់ងារមិនអាចយកលិខិតឆ្លងដែនបានទេ។"))
    first = parse(client.get(search_url(), {"q": "លិខិតឆ្លងដែន", "type": "lesson"}))
    assert len(first.select("ol.card-list > li")) == 10
    more = first.select_one('a[rel="next"]')["href"]
    assert "type=lesson" in more
    assert "page=2" in more
    second = parse(client.get(search_url() + more))
    assert len(second.select("ol.card-list > li")) == 2
    assert second.select_one('a[rel="prev"]') is not None


def test_every_page_links_to_the_search_page(client, locales):
    page = parse(client.get("/km/"))
    assert page.select_one('nav.site-nav a[href="/km/search/"]') is not None


def test_the_number_of_queries_does_not_grow_with_the_results(client, khmer_module):
    def queries_for_a_search():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(search_url(), {"q": "លិខិតឆ្លងដែន"}).status_code == 200
        return len(captured)

    add_live(khmer_module, a_lesson("មេរៀន", "ភ្នាក់ងារមិនអាចយកលិខិតឆ្លងដែនបានទេ។"))
    queries_for_a_search()  # fills the caches of sites and content types
    one_result = queries_for_a_search()
    for number in range(9):
        add_live(khmer_module, a_lesson(f"មេរៀន {number}", "កុំប្រគល់លិខិតឆ្លងដែនឱ្យនិយោជក។"))
    assert queries_for_a_search() <= one_result
