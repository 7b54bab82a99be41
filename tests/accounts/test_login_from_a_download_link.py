"""Logging in from a facilitator's download link returns the reader to the page that held it.

Sent back to the file itself, the browser downloaded it and left the leader on the filled-in
login form. Written also as the attack: a Referer or a `next` naming another site is refused.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def login_next(response) -> str:
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/km/accounts/login/"
    return parse_qs(location.query)["next"][0]


def test_a_leader_who_logs_in_from_a_lesson_plan_link_lands_on_the_lesson_page(
    client, curriculum_tree
):
    lesson = curriculum_tree["lesson"]
    UserFactory(username="leader.dara", role="Club leaders")
    lesson_path = lesson.get_url()

    response = client.get(
        f"/km/print/{lesson.pk}/lesson-plan/",
        HTTP_REFERER=f"http://testserver{lesson_path}?tab=plan",
    )
    next_path = login_next(response)
    assert next_path == f"{lesson_path}?tab=plan"

    response = client.post(
        "/km/accounts/login/",
        {"username": "leader.dara", "password": PASSWORD, "next": next_path},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{lesson_path}?tab=plan"


def test_without_a_referer_the_login_returns_to_the_page_of_the_file(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    response = client.get(f"/km/print/{lesson.pk}/lesson-plan/")
    assert login_next(response) == lesson.get_url()


def test_a_referer_from_another_site_does_not_become_the_place_to_return_to(
    client, curriculum_tree
):
    lesson = curriculum_tree["lesson"]
    response = client.get(
        f"/km/print/{lesson.pk}/lesson-plan/",
        HTTP_REFERER="https://evil.example/km/lessons/",
    )
    assert login_next(response) == lesson.get_url()


@pytest.mark.parametrize(
    "tampered_next", ["https://evil.example/km/", "//evil.example/km/", "http:/\\evil.example"]
)
def test_a_tampered_next_to_another_site_is_refused_after_login(client, tampered_next):
    UserFactory(username="leader.dara", role="Club leaders")
    response = client.post(
        "/km/accounts/login/",
        {"username": "leader.dara", "password": PASSWORD, "next": tampered_next},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert urlsplit(response["Location"]).netloc == ""
