"""The lesson editor's form, posted as Wagtail's editor posts it: every block, slugs, errors."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from curriculum.blocks import LessonStreamBlock
from curriculum.models import LessonPage
from curriculum.slugs import readable_slug
from tests.factories import UserFactory

TITLE = "ត្រៀមលិខិតឆ្លងដែន និងលិខិតអនុញ្ញាតការងារ"


def list_block(values):
    """A ListBlock's form data, as the editor's JavaScript posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def a_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def every_block(*, help_entry, image):
    """One block of each kind a lesson's body offers."""
    return [
        (
            "activity",
            {
                "title": "ល្បែងតួនាទី",
                "minutes": "20",
                "steps": list_block(["ជ្រើសរើសអ្នកស្ម័គ្រចិត្តពីរនាក់។"]),
                "facilitator_tip": "កុំបង្ខំនរណាម្នាក់។",
            },
        ),
        ("discussion_questions", {"questions": list_block(["តើអ្នកនឹងពិនិត្យដោយរបៀបណា?"])}),
        ("key_messages", {"messages": list_block(["កុំប្រគល់លិខិតឆ្លងដែន។"])}),
        (
            "case_story",
            {
                "title": "ការផ្ដល់ការងាររបស់សុខា",
                "story": rich_text("<p>សុខាអាយុ ១៩ ឆ្នាំ។</p>"),
                "questions": list_block(["តើសុខាគួរពិនិត្យអ្វីខ្លះ?"]),
            },
        ),
        (
            "quiz_question",
            {
                "question": "តើនរណាអាចរក្សាលិខិតឆ្លងដែនរបស់អ្នក?",
                "options": list_block(["និយោជក", "មានតែខ្លួនអ្នក"]),
                "correct_option": "2",
                "explanation": "",
            },
        ),
        ("image", {"image": str(image.pk), "alt_text": "លិខិតឆ្លងដែន", "caption": ""}),
        ("callout", {"kind": "warning", "text": rich_text("<p>ប្រយ័ត្នថ្លៃសេវាខ្ពស់។</p>")}),
        ("where_to_get_help", {"heading": "", "entries": list_block([str(help_entry.pk)])}),
    ]


def lesson_form(*, title=TITLE, slug=None, body=(), **extra):
    """The lesson editor's fields, the slug as the title's JavaScript would fill it."""
    return nested_form_data(
        {
            "title": title,
            "slug": readable_slug(title) if slug is None else slug,
            "summary": "សេចក្ដីសង្ខេប។",
            "duration_minutes": "45",
            "learning_objectives": rich_text("<p>គោលបំណង</p>"),
            "materials_needed": rich_text(""),
            "safeguarding_note": rich_text("<p>ស្ដាប់ ហើយបញ្ជូន។</p>"),
            "body": streamfield(list(body)),
            "comments": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(username="editor", role="Editors"))
    return client


def add_lesson_url(module):
    return reverse("wagtailadmin_pages:add", args=["curriculum", "lessonpage", module.pk])


def test_editor_creates_a_lesson_with_every_block_type_through_the_page_editor(
    editor_client, curriculum_tree, help_entries
):
    image = get_image_model().objects.create(
        title="លិខិតឆ្លងដែន", file=ContentFile(a_png(), name="passport.png")
    )
    module = curriculum_tree["module"]
    body = every_block(help_entry=help_entries["national"], image=image)
    assert {kind for kind, _value in body} == set(LessonStreamBlock.base_blocks)

    response = editor_client.post(add_lesson_url(module), lesson_form(body=body))

    assert response.status_code == 302, response.context["form"].errors
    lesson = LessonPage.objects.child_of(module).get(title=TITLE)
    revision = lesson.get_latest_revision_as_object()
    assert [block.block_type for block in revision.body] == [kind for kind, _value in body]
    assert revision.body[5].value["image"] == image
    assert revision.body[7].value["entries"][0] == help_entries["national"]
    assert lesson.slug == "ត្រៀមលិខិតឆ្លងដែន-និងលិខិតអនុញ្ញាតការងារ"


def test_a_lesson_saved_with_its_khmer_slug_is_read_at_that_address(
    editor_client, client, curriculum_tree
):
    module = curriculum_tree["module"]
    lesson = LessonPage(
        title=TITLE,
        summary="សេចក្ដីសង្ខេប។",
        duration_minutes=30,
        learning_objectives="<p>គោលបំណង</p>",
        safeguarding_note="<p>ស្ដាប់។</p>",
        body=[],
    )
    module.add_child(instance=lesson)  # no slug: the page makes it from its title
    lesson.save_revision().publish()

    assert lesson.slug == "ត្រៀមលិខិតឆ្លងដែន-និងលិខិតអនុញ្ញាតការងារ"
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert TITLE in response.content.decode()


def test_after_an_abandoned_autosaved_lesson_the_same_title_is_created_again(
    editor_client, curriculum_tree
):
    module = curriculum_tree["module"]
    # The editor starts a lesson; Wagtail's autosave creates a draft, then they leave.
    autosave = editor_client.post(
        add_lesson_url(module), lesson_form(), HTTP_ACCEPT="application/json"
    )
    assert autosave.json()["success"] is True

    # They start again with the same title; the slug their title gives is the draft's.
    response = editor_client.post(add_lesson_url(module), lesson_form())

    assert response.status_code == 302, response.context["form"].errors
    slugs = set(
        LessonPage.objects.child_of(module).filter(title=TITLE).values_list("slug", flat=True)
    )
    base = readable_slug(TITLE)
    assert slugs == {base, f"{base}-2"}


def test_a_taken_slug_the_editor_typed_is_named_at_the_top_of_the_form(
    editor_client, curriculum_tree
):
    module = curriculum_tree["module"]

    response = editor_client.post(
        add_lesson_url(module), lesson_form(title="មេរៀនថ្មី", slug="contracts")
    )

    assert response.status_code == 200
    summary = [str(message) for message in response.context["messages"]]
    assert len(summary) == 1
    # Wagtail lists every error, with its field's name, once a non-field error is present.
    assert "contracts" in summary[0] and "នៅផ្ទាំងផ្សេងទៀត" in summary[0]
    assert not LessonPage.objects.filter(title="មេរៀនថ្មី").exists()


def test_a_slug_with_punctuation_is_refused_by_the_editor(editor_client, curriculum_tree):
    response = editor_client.post(
        add_lesson_url(curriculum_tree["module"]), lesson_form(slug="ការងារ/បរទេស")
    )

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_an_editor_starting_a_lesson_is_offered_the_one_they_left(editor_client, curriculum_tree):
    module = curriculum_tree["module"]
    editor_client.post(add_lesson_url(module), lesson_form(), HTTP_ACCEPT="application/json")
    left = LessonPage.objects.child_of(module).get(title=TITLE)

    response = editor_client.get(add_lesson_url(module))

    offers = [str(message) for message in response.context["messages"]]
    assert len(offers) == 1
    assert TITLE in offers[0]
    assert reverse("wagtailadmin_pages:edit", args=[left.pk]) in offers[0]


def test_another_editors_unfinished_lesson_is_not_offered(client, curriculum_tree):
    module = curriculum_tree["module"]
    client.force_login(UserFactory(username="first", role="Editors"))
    client.post(add_lesson_url(module), lesson_form(), HTTP_ACCEPT="application/json")
    client.force_login(UserFactory(username="second", role="Editors"))

    response = client.get(add_lesson_url(module))

    assert [str(message) for message in response.context["messages"]] == []


def test_an_editor_copies_a_lesson_under_a_khmer_slug(editor_client, curriculum_tree):
    lesson = curriculum_tree["short_lesson"]

    response = editor_client.post(
        reverse("wagtailadmin_pages:copy", args=[lesson.pk]),
        {
            "new_title": TITLE,
            "new_slug": readable_slug(TITLE),
            "new_parent_page": str(curriculum_tree["module"].pk),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    copy = LessonPage.objects.get(slug=readable_slug(TITLE))
    assert copy.title == TITLE and not copy.live
