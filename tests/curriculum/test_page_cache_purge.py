"""Cached reader pages are purged when an editor publishes, unpublishes or moves a page, or
changes what pages list; a draft purges nothing."""

import pytest
from wagtail.models import PageViewRestriction

from curriculum.models import ModulePage
from tests.fixtures.curriculum import publish
from tests.fixtures.page_cache import served_from_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_pages(client, curriculum_tree, page_cache_on):
    """The lesson, its module and the home page, each read twice so the second is cached."""
    paths = {
        "lesson": curriculum_tree["lesson"].url,
        "module": curriculum_tree["module"].url,
        "home": "/km/",
    }
    for path in paths.values():
        client.get(path)
        assert served_from_cache(client.get(path))
    return paths


def test_publishing_a_lesson_purges_the_lesson_its_module_and_the_home_page(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks
):
    lesson = curriculum_tree["lesson"]
    lesson.title = "NEW-LESSON-TITLE"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()

    responses = {name: client.get(path) for name, path in cached_pages.items()}
    assert not any(served_from_cache(response) for response in responses.values())
    assert "NEW-LESSON-TITLE" in responses["lesson"].content.decode()
    assert "NEW-LESSON-TITLE" in responses["module"].content.decode()


def test_unpublishing_a_lesson_purges_it_and_the_module_listing_it(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks
):
    lesson = curriculum_tree["lesson"]
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()

    assert client.get(cached_pages["lesson"]).status_code == 404
    module = client.get(cached_pages["module"])
    assert not served_from_cache(module)
    assert lesson.title not in module.content.decode()
    assert not served_from_cache(client.get(cached_pages["home"]))


def test_moving_a_lesson_to_another_module_purges_the_old_address_and_the_old_module(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks
):
    lesson = curriculum_tree["lesson"]
    other_module = publish(
        curriculum_tree["index"],
        ModulePage(title="OTHER-MODULE", slug="other", introduction="<p>ផ្សេង</p>"),
    )
    client.get(other_module.url)
    with django_capture_on_commit_callbacks(execute=True):
        lesson.move(other_module, pos="last-child")

    # The old address now leads to the new one (Wagtail's redirect), not the cached page.
    old_address = client.get(cached_pages["lesson"])
    assert old_address.status_code == 301
    assert old_address["Location"].endswith("/other/check-agency/")
    old_module = client.get(cached_pages["module"])
    assert not served_from_cache(old_module)
    assert lesson.title not in old_module.content.decode()
    assert lesson.title in client.get(other_module.url).content.decode()
    assert not served_from_cache(client.get(cached_pages["home"]))


def test_publishing_a_module_purges_the_home_page_that_lists_the_packs(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks
):
    module = curriculum_tree["module"]
    module.title = "RENAMED-PACK"
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()

    home = client.get(cached_pages["home"])
    assert not served_from_cache(home)
    assert "RENAMED-PACK" in home.content.decode()


def test_changing_a_campaigns_dates_purges_the_home_page(
    client, campaign, curriculum_tree, page_cache_on, django_capture_on_commit_callbacks
):
    client.get("/km/")
    assert campaign.title in client.get("/km/").content.decode()

    campaign.end_date = campaign.start_date
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()

    home = client.get("/km/")
    assert not served_from_cache(home)
    assert campaign.title not in home.content.decode()


def test_changing_a_help_entry_purges_the_lessons_showing_it(
    client, curriculum_tree, help_entries, cached_pages, django_capture_on_commit_callbacks
):
    hotline = help_entries["national"]
    hotline.phone = "099 999 999"
    with django_capture_on_commit_callbacks(execute=True):
        hotline.save()

    assert not served_from_cache(client.get(cached_pages["lesson"]))


def test_saving_a_draft_purges_nothing(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks
):
    lesson = curriculum_tree["lesson"]
    lesson.title = "DRAFT-ONLY"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision()

    response = client.get(cached_pages["lesson"])
    assert served_from_cache(response)
    assert "DRAFT-ONLY" not in response.content.decode()


@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_privacy_setting_given_to_a_module_purges_its_lessons_at_once(
    client, curriculum_tree, cached_pages, django_capture_on_commit_callbacks, kind
):
    """A password (or logged-in readers only) set on a live module: no anonymous reader is
    given its lessons from the cache after the commit, and taking it off purges again."""
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=curriculum_tree["module"], restriction_type=kind, password="mekong-2026"
        )
    for name in ("lesson", "module"):
        response = client.get(cached_pages[name])
        assert response.status_code == 302, name
        assert not served_from_cache(response)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(cached_pages["lesson"]).status_code == 200
