"""Which responses nginx may keep: exactly the anonymous reader pages the page cache may keep,
marked with X-Accel-Expires (nginx stores nothing else; tests/deploy prove nginx's side)."""

import pytest
from django.contrib import messages
from django.middleware.csrf import get_token
from django.test import Client
from wagtail import hooks

from home.page_cache import EDGE_CACHE_HEADER
from tests.factories import UserFactory
from tests.fixtures.page_cache import served_from_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def edge_cache_on(settings):
    settings.READER_EDGE_CACHE_SECONDS = 5


def kept_by_nginx_for(response) -> int | None:
    value = response.get(EDGE_CACHE_HEADER)
    return None if value is None else int(value)


def test_an_anonymous_readers_page_may_be_kept_by_nginx_a_few_seconds(
    client, home_pages, page_cache_on, edge_cache_on
):
    first = client.get("/km/")
    second = client.get("/km/")
    assert served_from_cache(second)
    assert kept_by_nginx_for(first) == kept_by_nginx_for(second) == 5


def test_a_page_nginx_may_keep_always_remembers_its_language(
    client, home_pages, page_cache_on, edge_cache_on
):
    # nginx gives its copy to readers without the cookie too: the copy must set it.
    client.cookies["django_language"] = "en"
    response = client.get("/en/")
    assert kept_by_nginx_for(response) == 5
    assert response.cookies["django_language"].value == "en"
    assert response.cookies["django_language"]["httponly"]


def test_nginx_may_keep_pages_with_the_applications_own_cache_off(
    client, home_pages, edge_cache_on
):
    assert kept_by_nginx_for(client.get("/km/")) == 5


def test_a_logged_in_readers_page_is_never_marked_for_nginx(client, home_pages, edge_cache_on):
    client.force_login(UserFactory())
    response = client.get("/km/")
    assert response.status_code == 200
    assert kept_by_nginx_for(response) is None


def test_a_page_with_a_form_token_is_never_marked_for_nginx(client, home_pages, edge_cache_on):
    def page_with_a_form_token(page, request, serve_args, serve_kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", page_with_a_form_token):
        response = client.get("/km/")
    assert "csrftoken" in response.cookies
    assert kept_by_nginx_for(response) is None


def test_a_page_showing_a_message_is_never_marked_for_nginx(client, home_pages, edge_cache_on):
    def page_with_a_message(page, request, serve_args, serve_kwargs):
        messages.info(request, "READER-MESSAGE")

    with hooks.register_temporarily("before_serve_page", page_with_a_message):
        response = client.get("/km/")
    assert "READER-MESSAGE" in response.content.decode()
    assert kept_by_nginx_for(response) is None


def test_a_reader_with_messages_waiting_is_never_marked_for_nginx(
    client, home_pages, edge_cache_on
):
    client.cookies["messages"] = "anything"
    assert kept_by_nginx_for(client.get("/km/")) is None


SEARCH = "/km/search/?q=%E1%9E%97%E1%9F%92%E1%9E%93%E1%9E%B6%E1%9E%80%E1%9F%8B"


def test_an_anonymous_readers_search_may_be_kept_by_nginx_but_not_by_the_application(
    client, curriculum_tree, page_cache_on, edge_cache_on
):
    first, second = client.get(SEARCH), client.get(SEARCH)
    assert kept_by_nginx_for(first) == kept_by_nginx_for(second) == 5
    assert not served_from_cache(second)
    assert "csrfmiddlewaretoken" not in second.content.decode()


def test_a_logged_in_readers_search_is_never_marked_for_nginx(
    client, curriculum_tree, edge_cache_on
):
    client.force_login(UserFactory())
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert kept_by_nginx_for(response) is None


@pytest.mark.parametrize(
    "path",
    ["/km/accounts/login/", "/km/agencies/check/?q=abc", "/km/offline/saved/"],
    ids=["club-login", "agency-check", "saved"],
)
def test_other_views_than_pages_and_search_are_never_marked_for_nginx(
    client, curriculum_tree, edge_cache_on, path
):
    response = client.get(path)
    assert response.status_code == 200
    assert kept_by_nginx_for(response) is None


def test_a_post_is_never_marked_for_nginx(client, home_pages, edge_cache_on):
    assert kept_by_nginx_for(Client().post("/km/")) is None


def test_nothing_is_marked_for_nginx_when_its_cache_is_off(client, home_pages, settings):
    settings.READER_EDGE_CACHE_SECONDS = 0
    assert kept_by_nginx_for(client.get("/km/")) is None
