"""A reader address that stops being a page replaces nginx's copy: anonymous 404s and page
redirects are marked for nginx like pages (nginx gives an expired copy while it renews it,
so an unmarked answer would leave the old page given; tests/deploy prove nginx's side)."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def edge_cache_on(settings):
    settings.READER_EDGE_CACHE_SECONDS = 5


def kept_by_nginx_for(response) -> str | None:
    return response.get("X-Accel-Expires")


def test_an_unpublished_pages_404_is_marked_for_nginx(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    url = lesson.url
    assert kept_by_nginx_for(client.get(url)) == "5"
    lesson.unpublish()
    response = client.get(url)
    assert response.status_code == 404
    assert kept_by_nginx_for(response) == "5"
    assert "csrftoken" not in response.cookies
    assert client.get("/km/curriculum/no-such-lesson/").get("X-Accel-Expires") == "5"


def test_a_moved_pages_redirect_is_marked_for_nginx(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    Redirect.objects.create(old_path="/km/curriculum/old-address", redirect_page=lesson)
    response = client.get("/km/curriculum/old-address/")
    assert response.status_code in {301, 302}
    assert response["Location"].endswith(lesson.url)
    assert kept_by_nginx_for(response) == "5"


def test_a_page_made_for_logged_in_readers_redirects_anonymous_ones_marked(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert kept_by_nginx_for(response) == "5"


def test_a_logged_in_readers_404_is_never_marked_for_nginx(client, curriculum_tree):
    client.force_login(UserFactory())
    response = client.get("/km/curriculum/no-such-lesson/")
    assert response.status_code == 404
    assert kept_by_nginx_for(response) is None


def test_nothing_gone_is_marked_when_nginx_keeps_nothing(client, curriculum_tree, settings):
    settings.READER_EDGE_CACHE_SECONDS = 0
    assert kept_by_nginx_for(client.get("/km/curriculum/no-such-lesson/")) is None
