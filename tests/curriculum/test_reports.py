"""The admin report of pages not yet translated, by language."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from curriculum.models import LessonPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def report_titles(client, **params):
    response = client.get(reverse("untranslated_pages_report"), params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("td.title a")]


def test_the_report_lists_pages_missing_a_translation(client, curriculum_tree, en_locale, en_home):
    client.force_login(UserFactory(role="Editors"))
    english = curriculum_tree["index"].copy_for_translation(en_locale)
    english.save_revision().publish()
    titles = report_titles(client)
    assert curriculum_tree["lesson"].title in titles
    assert curriculum_tree["module"].title in titles
    assert curriculum_tree["index"].title not in titles  # it has its English page

    only_missing_english = report_titles(client, missing_language="en")
    assert curriculum_tree["lesson"].title in only_missing_english
    assert report_titles(client, missing_language="km") == []


def test_a_lesson_translated_into_english_leaves_the_report(
    client, curriculum_tree, en_locale, en_home
):
    client.force_login(UserFactory(role="Editors"))
    lesson = curriculum_tree["lesson"]
    for page in [curriculum_tree["index"], curriculum_tree["module"], lesson]:
        page.copy_for_translation(en_locale).save_revision().publish()
    assert lesson.title not in report_titles(client, missing_language="en")
    assert LessonPage.objects.filter(locale=en_locale).count() == 1


def test_the_report_exports_a_spreadsheet(client, curriculum_tree):
    client.force_login(UserFactory(role="Editors"))
    response = client.get(reverse("untranslated_pages_report"), {"export": "csv"})
    assert response.status_code == 200
    assert "pages-not-yet-translated-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8")
    assert curriculum_tree["lesson"].title in content


def test_club_leaders_and_officers_cannot_open_the_report(client, curriculum_tree):
    for role in ["Program officers", "Club leaders"]:
        client.force_login(UserFactory(role=role))
        response = client.get(reverse("untranslated_pages_report"))
        assert response.status_code in (302, 403), role
