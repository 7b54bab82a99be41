"""A reader asks "Is this agency licensed?" by name or licence number, in Khmer or English."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def check_url(language: str = "km") -> str:
    with translation.override(language):
        return reverse("agency_check")


def ask(client, query: str, language: str = "km"):
    return client.get(check_url(language), {"q": query})


def test_a_misspelled_khmer_name_finds_the_agency(client, agencies):
    # "សុខ" for "សុខា", no legal form, no spaces: as a reader types it on a phone.
    response = ask(client, "សុខម៉ានផៅវ័រ")
    assert response.status_code == 200
    content = response.content.decode()
    assert "ក្រុមហ៊ុន សុខា ម៉ានផៅវ័រ ឯ.ក" in content
    assert "agency--licensed" in content


def test_a_latin_name_with_other_case_accents_and_spacing_finds_the_agency(client, agencies):
    content = ask(client, "  mekong   SKILLS ").content.decode()
    assert "Mékong Skills" in content
    assert "agency--revoked" in content


def test_a_licence_number_in_latin_digits_finds_the_agency_written_in_khmer(client, agencies):
    content = ask(client, "045-22").content.decode()
    assert "Sokha Manpower Co., Ltd." in content
    assert "agency--licensed" in content
    assert "Angkor" not in content


def test_a_suspended_agency_is_said_to_be_suspended(client, agencies):
    content = ask(client, "112 19").content.decode()
    assert "agency--suspended" in content


def test_an_agency_not_on_the_list_is_said_to_be_not_on_the_list(client, agencies):
    response = ask(client, "Golden Dragon Jobs")
    content = response.content.decode()
    assert response.status_code == 200
    assert "agency--not-listed" in content
    assert "agency--licensed" not in content


def test_the_english_page_answers_in_english_with_the_list_date(client, agencies):
    response = ask(client, "Sokha Manpower", language="en")
    content = response.content.decode()
    assert 'lang="en"' in content
    assert "Is this agency licensed?" in content
    assert "Licensed" in content
    assert "30 June 2025" in content
    assert "What to check next" in content


def test_the_khmer_page_is_in_khmer(client, agencies):
    content = ask(client, "Sokha").content.decode()
    assert 'lang="km"' in content
    with translation.override("km"):
        assert translation.gettext("Is this agency licensed?") in content
    assert "Is this agency licensed?" not in content


@pytest.mark.parametrize("query", ["", "   ", "x" * 500, "!!! ... ---"])
def test_bad_queries_get_a_clear_message_not_an_error(client, agencies, query):
    with translation.override("en"):
        response = client.get(check_url("en"), {"q": query})
    assert response.status_code == 400
    assert 'class="form__error"' in response.content.decode()


def test_the_page_without_a_query_shows_only_the_form(client, agencies):
    response = client.get(check_url())
    assert response.status_code == 200
    assert "agency-answer" not in response.content.decode()


def test_anonymous_answers_may_be_cached_briefly_by_anyone(client, agencies):
    response = ask(client, "Sokha")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_a_logged_in_readers_page_is_kept_private(client, agencies, program_officer):
    client.force_login(program_officer)
    response = ask(client, "Sokha")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_page_runs_no_script_and_has_the_strict_policy(client, agencies):
    response = ask(client, "Sokha")
    content = response.content.decode()
    # The site's one script (offline reading) is a file of its own; nothing inline.
    assert re.findall(r"<script[^>]*>", content) == [
        '<script src="/static/js/offline.js" data-worker="/sw.js" defer>'
    ]
    assert "style=" not in content
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy


def test_the_page_links_to_the_help_directory(client, agencies, help_page):
    content = ask(client, "Sokha").content.decode()
    assert f'href="{help_page.url}"' in content


def test_the_site_menu_links_to_the_check(client, agencies):
    content = client.get(check_url()).content.decode()
    assert f'href="{check_url()}"' in content
