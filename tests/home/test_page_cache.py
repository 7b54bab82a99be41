"""Reader pages from the shared cache: anonymous readers only, per language, never a form or
a logged-in reader's page."""

import pytest
from django.contrib import messages
from django.middleware.csrf import get_token
from django.test import Client
from wagtail import hooks
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory
from tests.fixtures.page_cache import served_from_cache

pytestmark = pytest.mark.django_db


def test_an_anonymous_readers_second_visit_is_served_from_the_cache_without_queries(
    client, home_pages, page_cache_on, django_assert_num_queries
):
    first = client.get("/km/")
    assert first.status_code == 200
    assert not served_from_cache(first)

    with django_assert_num_queries(0):
        second = client.get("/km/")
    assert served_from_cache(second)
    assert second.content == first.content
    # Headers added outside the cache are still sent with a stored page.
    assert "Content-Security-Policy" in second


def test_khmer_and_english_pages_are_cached_separately(client, home_pages, page_cache_on):
    khmer, english = client.get("/km/"), client.get("/en/")
    khmer_again, english_again = client.get("/km/"), client.get("/en/")

    assert served_from_cache(khmer_again) and served_from_cache(english_again)
    assert '<html lang="km">' in khmer_again.content.decode()
    assert '<html lang="en">' in english_again.content.decode()
    assert khmer_again.content == khmer.content
    assert english_again.content == english.content


def test_a_new_reader_of_a_cached_page_still_gets_the_language_remembered(
    client, home_pages, page_cache_on
):
    client.get("/en/")
    newcomer = Client()
    response = newcomer.get("/en/")
    assert served_from_cache(response)
    assert response.cookies["django_language"].value == "en"


def test_a_logged_in_reader_is_never_served_a_cached_page(client, home_pages, page_cache_on):
    client.get("/km/")
    assert served_from_cache(client.get("/km/"))

    client.force_login(UserFactory())
    response = client.get("/km/")
    assert not served_from_cache(response)
    assert 'action="/km/accounts/logout/"' in response.content.decode()


def test_a_logged_in_readers_page_is_never_stored_for_anyone(client, home_pages, page_cache_on):
    client.force_login(UserFactory())
    client.get("/km/")
    client.get("/km/")

    anonymous = Client().get("/km/")
    assert not served_from_cache(anonymous)
    assert "csrfmiddlewaretoken" not in anonymous.content.decode()
    assert "/km/accounts/logout/" not in anonymous.content.decode()


def test_a_page_asking_for_its_password_sends_readers_to_a_form_that_is_not_cached(
    client, curriculum_tree, page_cache_on
):
    module = curriculum_tree["module"]
    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="club-only"
    )
    client.get(module.url)
    response = client.get(module.url)
    assert response.status_code == 302  # the same for every reader (home/page_passwords.py)

    client.get(response["Location"])
    form = client.get(response["Location"])
    assert form.status_code == 200
    assert "csrfmiddlewaretoken" in form.content.decode()
    assert not served_from_cache(form)


def test_a_page_that_set_a_form_token_cookie_is_not_stored(client, home_pages, page_cache_on):
    # As a page with a POST form in its template would: the token sets the CSRF cookie.
    def page_with_a_form_token(page, request, serve_args, serve_kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", page_with_a_form_token):
        first = client.get("/km/")
    assert "csrftoken" in first.cookies

    assert not served_from_cache(client.get("/km/"))


def test_a_page_showing_a_readers_message_is_not_stored(client, home_pages, page_cache_on):
    def page_with_a_message(page, request, serve_args, serve_kwargs):
        messages.info(request, "READER-MESSAGE")

    with hooks.register_temporarily("before_serve_page", page_with_a_message):
        assert "READER-MESSAGE" in client.get("/km/").content.decode()

    response = client.get("/km/")
    assert not served_from_cache(response)
    assert "READER-MESSAGE" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/km/search/?q=%E1%9E%97%E1%9F%92%E1%9E%93%E1%9E%B6%E1%9E%80%E1%9F%8B", "/km/accounts/login/"],
    ids=["search", "club-login"],
)
def test_pages_that_are_not_wagtail_pages_are_not_cached(
    client, curriculum_tree, page_cache_on, path
):
    client.get(path)
    response = client.get(path)
    assert response.status_code == 200
    assert not served_from_cache(response)


def test_the_agency_check_is_not_cached_here(client, home_pages, page_cache_on):
    client.get("/km/agencies/check/?q=abc")
    assert not served_from_cache(client.get("/km/agencies/check/?q=abc"))


def test_links_shared_with_tracking_parameters_share_one_cached_page(
    client, home_pages, page_cache_on
):
    client.get("/km/?fbclid=first-click")
    response = client.get("/km/?fbclid=another-click&utm_source=facebook")
    assert served_from_cache(response)


def test_a_filtered_curriculum_is_cached_apart_from_the_whole_one(
    client, curriculum_tree, page_cache_on
):
    index = curriculum_tree["index"].url
    whole = client.get(index).content.decode()
    filtered = client.get(f"{index}?topic=documents").content.decode()
    assert "check-agency" in whole and "check-agency" not in filtered

    again = client.get(f"{index}?topic=documents")
    assert served_from_cache(again)
    assert "check-agency" not in again.content.decode()
