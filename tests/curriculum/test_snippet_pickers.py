"""The page editor's topic and audience pickers offer only the page's own language."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from curriculum.models import Audience, LessonPage, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_snippets(curriculum_tree, en_locale):
    return {
        "youth": curriculum_tree["youth"].copy_for_translation(en_locale),
        "topic": curriculum_tree["topic"].copy_for_translation(en_locale),
    }


def picker_labels(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser")
    return {
        name: [option.get_text(strip=True) for option in editor.select(f"#id_{name} option")]
        for name in ["audiences", "topics"]
    }


def save_all(english_snippets):
    for snippet in english_snippets.values():
        snippet.name = {"យុវជន": "Young people"}.get(snippet.name, "Recruitment agencies")
        snippet.save()


def test_a_khmer_lessons_pickers_list_only_khmer_topics_and_audiences(
    client, curriculum_tree, english_snippets
):
    save_all(english_snippets)
    client.force_login(UserFactory(role="Editors"))
    labels = picker_labels(client, curriculum_tree["lesson"])
    assert labels["audiences"] == ["យុវជន"]
    assert "ភ្នាក់ងារជ្រើសរើស" in labels["topics"]
    assert "Recruitment agencies" not in labels["topics"]


def test_an_english_lessons_pickers_list_only_english_ones_and_refuse_a_khmer_one(
    client, curriculum_tree, en_locale, en_home, english_snippets
):
    save_all(english_snippets)
    english = curriculum_tree["lesson"].copy_for_translation(en_locale, copy_parents=True)
    english.save_revision()
    client.force_login(UserFactory(role="Editors"))
    labels = picker_labels(client, english)
    assert labels["audiences"] == ["Young people"]
    assert labels["topics"] == ["Recruitment agencies"]

    # A tampered or stale form posting the Khmer audience is refused, as an invalid choice.
    form_class = LessonPage.get_edit_handler().get_form_class()
    form = form_class(instance=LessonPage.objects.get(pk=english.pk), for_user=None)
    field = form.fields["audiences"]
    assert set(field.queryset) == {english_snippets["youth"]}
    assert Audience.objects.filter(locale__language_code="km").exists()
    assert not field.queryset.filter(pk=curriculum_tree["youth"].pk).exists()
    assert (
        not form.fields["topics"]
        .queryset.filter(pk__in=Topic.objects.filter(locale__language_code="km"))
        .exists()
    )
