"""A page behind a password asks for it at an address of its own (home/page_passwords.py):
the redirect there is the same for every reader and marked for nginx, so nginx replaces
its copy of a page given a password; the form is never kept; the page shows only after
the right password."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.fixtures.curriculum import LESSON_SUMMARY_KM

pytestmark = pytest.mark.django_db

PASSWORD = "mekong-2026"


@pytest.fixture(autouse=True)
def edge_cache_on(settings):
    settings.READER_EDGE_CACHE_SECONDS = 5


@pytest.fixture
def locked_module(curriculum_tree):
    module = curriculum_tree["module"]
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return module, restriction


def form_address(restriction, page) -> str:
    return reverse("page_password", args=[restriction.pk, page.pk])


def test_a_page_given_a_password_redirects_every_reader_alike_marked_for_nginx(
    client, curriculum_tree
):
    lesson = curriculum_tree["lesson"]
    assert LESSON_SUMMARY_KM in client.get(lesson.url).content.decode()
    restriction = PageViewRestriction.objects.create(
        page=curriculum_tree["module"], restriction_type="password", password=PASSWORD
    )

    response = client.get(lesson.url)  # a lesson under the module

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == form_address(restriction, lesson)
    assert parse_qs(location.query) == {"next": [lesson.url]}
    assert response.get("X-Accel-Expires") == "5"
    assert set(response.cookies) == {settings.LANGUAGE_COOKIE_NAME}  # the page's language
    assert LESSON_SUMMARY_KM not in response.content.decode()


def test_the_form_reads_in_khmer_and_is_never_kept(client, locked_module):
    module, restriction = locked_module
    response = client.get(f"{form_address(restriction, module)}?next={module.url}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "ត្រូវការពាក្យសម្ងាត់" in page
    assert f'name="return_url" value="{module.url}"' in page
    assert "X-Accel-Expires" not in response
    assert "no-store" in response["Cache-Control"]
    assert "កញ្ចប់មេរៀនសម្រាប់ក្លឹបយុវជន" not in page  # the module's introduction


def test_the_right_password_opens_the_page_and_a_wrong_one_says_so(client, locked_module):
    module, restriction = locked_module
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, module.pk])

    wrong = client.post(action, {"password": "guess", "return_url": module.url})
    assert wrong.status_code == 200
    assert "ពាក្យសម្ងាត់ដែលអ្នកបានបញ្ចូលមិនត្រឹមត្រូវទេ" in wrong.content.decode()
    assert client.get(module.url).status_code == 302

    right = client.post(action, {"password": PASSWORD, "return_url": module.url})
    assert right.status_code == 302
    assert right["Location"] == module.url
    opened = client.get(module.url)
    assert opened.status_code == 200
    assert "កញ្ចប់មេរៀនសម្រាប់ក្លឹបយុវជន" in opened.content.decode()
    # Given once, the form's own address sends the reader straight on.
    assert client.get(form_address(restriction, module)).status_code == 302


def test_the_form_sends_readers_back_to_this_site_only(client, locked_module):
    module, restriction = locked_module
    for elsewhere in ("https://evil.example/", "//evil.example/km/", "javascript:alert(1)"):
        response = client.get(form_address(restriction, module), {"next": elsewhere})
        assert f'name="return_url" value="{module.url}"' in response.content.decode()


def test_a_tampered_form_address_is_a_404(client, locked_module, curriculum_tree):
    module, restriction = locked_module
    index = curriculum_tree["index"]  # above the module: not under its password
    login_only = PageViewRestriction.objects.create(
        page=curriculum_tree["short_lesson"], restriction_type=PageViewRestriction.LOGIN
    )
    for address in (
        form_address(restriction, index),
        form_address(login_only, curriculum_tree["short_lesson"]),
        reverse("page_password", args=[restriction.pk + 1000, module.pk]),
        reverse("page_password", args=[restriction.pk, module.pk + 1000]),
    ):
        assert client.get(address).status_code == 404, address
    module.unpublish()
    assert client.get(form_address(restriction, module)).status_code == 404
    assert client.post(form_address(restriction, module)).status_code == 405
