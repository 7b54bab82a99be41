"""Each page type renders for a reader on the public site, in Khmer."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from curriculum.models import LessonPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return parse(response).get_text(" ", strip=True)


def test_the_lesson_page_shows_what_a_facilitator_needs(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    text = text_of(client.get(curriculum_tree["lesson"].url))
    assert "ពិនិត្យភ្នាក់ងារជ្រើសរើស" in text
    assert "យុវជនត្រូវពិនិត្យមើល" in text
    assert "SAFEGUARDING-NOTE" in text
    assert "ល្បែងតួនាទី៖ ភ្នាក់ងារមកភូមិ" in text
    assert "TIP-FOR-FACILITATORS" in text
    assert "ខ្សែទូរស័ព្ទជំនួយជាតិ" in text
    assert "012 000 111" in text
    assert "ភ្នាក់ងារជ្រើសរើស" in text  # the topic


def test_quiz_answers_are_hidden_from_the_public(client, curriculum_tree):
    page = parse(client.get(curriculum_tree["lesson"].url))
    assert "EXPLANATION-FOR-FACILITATORS" not in page.get_text()
    assert page.select(".quiz__answer") == []
    assert len(page.select(".quiz__options li")) == 3


def test_a_club_leader_sees_the_quiz_answers(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    page = parse(client.get(curriculum_tree["lesson"].url))
    assert "EXPLANATION-FOR-FACILITATORS" in page.get_text()
    assert page.select_one(".quiz__answer").get_text(strip=True).startswith("មានតែខ្លួនអ្នក")


def test_every_facilitating_role_may_see_facilitator_content():
    for role in ["Club leaders", "Program officers", "National program officers", "Editors"]:
        group = Group.objects.get(name=role)
        assert group.permissions.filter(codename="view_facilitator_content").exists(), role


def test_the_module_page_lists_its_lessons_in_order_with_total_duration(client, curriculum_tree):
    page = parse(client.get(curriculum_tree["module"].url))
    titles = [link.get_text(strip=True) for link in page.select(".card__title a")]
    assert titles == ["ពិនិត្យភ្នាក់ងារជ្រើសរើស", "កិច្ចសន្យា"]
    assert "65" in page.select_one(".page-meta").get_text()


def test_the_curriculum_index_lists_packs_and_lessons(client, curriculum_tree):
    page = parse(client.get(curriculum_tree["index"].url))
    titles = [link.get_text(strip=True) for link in page.select(".card__title a")]
    assert "ការរៀបចំធ្វើចំណាកស្រុកដោយសុវត្ថិភាព" in titles
    assert {"ពិនិត្យភ្នាក់ងារជ្រើសរើស", "កិច្ចសន្យា"} <= set(titles)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"topic": "agencies"}, ["ពិនិត្យភ្នាក់ងារជ្រើសរើស"]),
        ({"topic": "documents"}, ["កិច្ចសន្យា"]),
        ({"audience": "youth"}, ["ពិនិត្យភ្នាក់ងារជ្រើសរើស"]),
        ({"duration": "short"}, ["កិច្ចសន្យា"]),
        ({"duration": "medium"}, ["ពិនិត្យភ្នាក់ងារជ្រើសរើស"]),
        ({"duration": "long"}, []),
        ({"topic": "agencies", "duration": "short"}, []),
    ],
)
def test_the_curriculum_index_filters_lessons_without_javascript(
    client, curriculum_tree, query, expected
):
    page = parse(client.get(curriculum_tree["index"].url, query))
    lessons = page.select("#lessons-heading ~ ul .card__title a")
    assert [link.get_text(strip=True) for link in lessons] == expected
    # The filter is a form: the one script of the site (offline reading) plays no part.
    assert [script["src"] for script in page.select("script")] == ["/static/js/offline.js"]


def test_a_bad_filter_value_is_explained_not_an_error(client, curriculum_tree):
    page = parse(client.get(curriculum_tree["index"].url, {"topic": "no-such-topic"}))
    assert page.select(".form__error")
    # the unfiltered list is still shown
    assert len(page.select("#lessons-heading ~ ul .card__title a")) == 2


def test_the_campaign_page_shows_dates_provinces_messages_and_call_to_action(client, campaign):
    text = text_of(client.get(campaign.url))
    assert "ធ្វើចំណាកស្រុកដោយសុវត្ថិភាព ២០២៦" in text
    for province in ["បន្ទាយមានជ័យ", "បាត់ដំបង", "សៀមរាប"]:
        assert province in text
    assert "ពិនិត្យអាជ្ញាប័ណ្ណភ្នាក់ងារ" in text
    assert "ហៅទូរស័ព្ទមុនពេលចេញដំណើរ" in text


def test_the_campaign_index_lists_current_campaigns(client, campaign):
    page = parse(client.get(campaign.get_parent().url))
    assert [a.get_text(strip=True) for a in page.select(".card__title a")] == [campaign.title]


def test_a_campaign_cannot_end_before_it_starts(campaign):
    campaign.end_date = campaign.start_date.replace(year=campaign.start_date.year - 1)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict


def test_the_publication_page_offers_its_document(client, publication):
    page = parse(client.get(publication.url))
    link = page.select_one("a[download]")
    assert link["href"].startswith("/documents/")
    assert "PDF" in link.get_text()
    index = parse(client.get(publication.get_parent().url))
    assert index.select_one(".card__title a").get_text(strip=True) == publication.title


def test_the_help_page_filters_by_province(client, help_page, help_entries):
    everything = text_of(client.get(help_page.url))
    assert "ខ្សែទូរស័ព្ទជំនួយជាតិ" in everything
    assert "ជំនួយផ្លូវច្បាប់សៀមរាប" in everything

    battambang = text_of(client.get(help_page.url, {"province": "02"}))
    assert "ខ្សែទូរស័ព្ទជំនួយជាតិ" in battambang  # nationwide
    assert "ជំនួយផ្លូវច្បាប់សៀមរាប" not in battambang

    siem_reap = text_of(client.get(help_page.url, {"province": "17"}))
    assert "ជំនួយផ្លូវច្បាប់សៀមរាប" in siem_reap


def test_demo_help_entries_are_marked_as_demo(client, help_page):
    page = parse(client.get(help_page.url))
    assert len(page.select(".demo-badge")) == 2


def test_an_unknown_province_in_the_help_filter_is_explained(client, help_page):
    page = parse(client.get(help_page.url, {"province": "99"}))
    assert page.select(".form__error")


def test_the_home_page_shows_campaigns_packs_and_help(
    client, km_home, curriculum_tree, campaign, help_page
):
    page = parse(client.get("/km/"))
    titles = [link.get_text(strip=True) for link in page.select(".card__title a")]
    assert campaign.title in titles
    assert curriculum_tree["module"].title in titles
    assert page.select_one(".help-box a.button")["href"] == help_page.url


def test_lesson_page_queries_do_not_grow_with_blocks_or_help_entries(
    client, curriculum_tree, help_entries, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.fixtures.curriculum import lesson_body

    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    counts = {}
    for blocks in (5, 50):
        lesson.body = lesson_body(help_entry=help_entries["siem_reap"], blocks=blocks)
        lesson.save_revision().publish()
        client.get(lesson.url)  # warm caches that are not per request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lesson.url).status_code == 200
        counts[blocks] = len(queries)
    assert counts[50] == counts[5]
