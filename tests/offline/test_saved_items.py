"""What "Save for offline" keeps of a pack or a lesson: a reader's, a facilitator's, and when it
changes. Written as the requests a reader, a club leader and a curious reader would send."""

import json

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory, YouthGroupFactory, club_leader_of

pytestmark = pytest.mark.django_db


def saved_item(client, page):
    response = client.get(f"/km/offline/items/{page.pk}.json")
    assert response.status_code == 200, response.status_code
    return response, json.loads(response.content)


def variants(item) -> list[str]:
    return sorted(file["url"].rstrip("/").rsplit("/", 1)[1] for file in item["files"])


def test_a_reader_saves_a_pack_with_its_lessons_and_their_handouts_only(client, curriculum_tree):
    module = curriculum_tree["module"]
    lesson, short_lesson = curriculum_tree["lesson"], curriculum_tree["short_lesson"]
    response, item = saved_item(client, module)
    assert item["kind"] == "module"
    assert item["title"] == module.title and item["url"] == module.url
    assert [page["url"] for page in item["pages"]] == [module.url, lesson.url, short_lesson.url]
    # Lesson plans and packs hold quiz answers: never in a reader's saved item.
    assert variants(item) == ["handout", "handout"]
    assert {file["url"] for file in item["files"]} == {
        f"/km/print/{lesson.pk}/handout/",
        f"/km/print/{short_lesson.pk}/handout/",
    }
    assert "private" not in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_facilitator_also_saves_the_lesson_plans_and_the_pack(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    response, item = saved_item(client, curriculum_tree["module"])
    # The offline pack is a ZIP of the same PDFs: not saved twice.
    assert variants(item) == ["handout", "handout", "lesson-plan", "lesson-plan", "pack"]
    # The facilitator's list is theirs: no shared cache answers a reader with it.
    assert "private" in response["Cache-Control"]


def test_a_lesson_saves_itself_and_its_handout(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    _response, item = saved_item(client, lesson)
    assert item["kind"] == "lesson"
    assert [page["url"] for page in item["pages"]] == [lesson.url]
    assert variants(item) == ["handout"]


def test_a_saved_item_names_nobody(client, curriculum_tree):
    leader = club_leader_of(
        YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី"), username="sokha", email="sokha@example.org"
    )
    client.force_login(leader)
    response, _item = saved_item(client, curriculum_tree["module"])
    body = response.content.decode()
    for personal in ("sokha", "ក្លឹបយុវជនបន្ទាយស្រី", "example.org"):
        assert personal not in body


def test_republishing_a_lesson_changes_the_version_the_phone_compares(client, curriculum_tree):
    _response, before = saved_item(client, curriculum_tree["module"])
    _response, again = saved_item(client, curriculum_tree["module"])
    assert again["version"] == before["version"]

    lesson = curriculum_tree["short_lesson"]
    lesson.summary = "សេចក្ដីសង្ខេបថ្មី។"
    lesson.save_revision().publish()
    _response, after = saved_item(client, curriculum_tree["module"])
    assert after["version"] != before["version"]
    assert after["last_published_at"] > before["last_published_at"]


def test_a_lesson_that_is_not_public_is_not_saved_with_its_pack(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    _response, item = saved_item(client, curriculum_tree["module"])
    assert lesson.url not in [page["url"] for page in item["pages"]]
    assert client.get(f"/km/offline/items/{lesson.pk}.json").status_code == 404


def test_only_live_modules_and_lessons_can_be_saved(client, curriculum_tree, campaign):
    lesson = curriculum_tree["short_lesson"]
    lesson.unpublish()
    assert client.get(f"/km/offline/items/{lesson.pk}.json").status_code == 404
    _response, item = saved_item(client, curriculum_tree["module"])
    assert lesson.url not in [page["url"] for page in item["pages"]]
    for page in (campaign, curriculum_tree["index"]):
        assert client.get(f"/km/offline/items/{page.pk}.json").status_code == 404
    assert client.get("/km/offline/items/999999.json").status_code == 404


def test_the_save_button_is_on_packs_and_lessons(client, curriculum_tree):
    for page in (curriculum_tree["module"], curriculum_tree["lesson"]):
        body = client.get(page.url).content.decode()
        assert f'data-item-url="/km/offline/items/{page.pk}.json"' in body
