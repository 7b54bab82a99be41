"""Quiz answers, facilitator tips and safeguarding advice reach logged-in facilitators only.

Each test is what an anonymous reader would try: open a lesson, search for a word they
guess is in a quiz answer or a tip, or read a page a shared cache kept for someone else.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from curriculum.models import LessonPage, ModulePage
from curriculum.search import site_search
from tests.factories import UserFactory
from tests.fixtures.curriculum import lesson_body, publish

pytestmark = pytest.mark.django_db

# Words that are only in the facilitators' parts of the lesson, and the query for each.
KHMER_SECRETS = {
    "tip": ("ឈប់ល្បែងភ្លាម ប្រសិនបើមាននរណាម្នាក់ព្រួយបារម្ភ។", "ព្រួយបារម្ភ"),
    "explanation": ("ការរក្សាលិខិតឆ្លងដែនរបស់កម្មករ គឺជាសញ្ញានៃពលកម្មដោយបង្ខំ។", "ពលកម្មដោយបង្ខំ"),
    "callout": ("បញ្ជូនទៅមន្ត្រីសង្គមកិច្ចឱ្យបានឆាប់។", "សង្គមកិច្ច"),
}
ENGLISH_SECRETS = {
    "tip": ("Stop the role play at once if anyone seems distressed.", "distressed"),
    "explanation": ("Confiscating a worker's passport is a sign of forced labour.", "confiscating"),
    "callout": ("Refer any disclosure to the district social worker.", "disclosure"),
}
PUBLIC_CALLOUT = "PUBLIC-WARNING-CALLOUT"


def body_with_secrets(*, help_entry, secrets):
    """A lesson body of every kind of block, its facilitators' parts holding `secrets`."""
    body = lesson_body(help_entry=help_entry)
    for block_type, value in body:
        if block_type == "activity":
            value["facilitator_tip"] = secrets["tip"][0]
        if block_type == "quiz_question":
            value["explanation"] = secrets["explanation"][0]
    return [
        *body,
        ("callout", {"kind": "safeguarding", "text": f"<p>{secrets['callout'][0]}</p>"}),
        ("callout", {"kind": "warning", "text": f"<p>{PUBLIC_CALLOUT}</p>"}),
    ]


def a_lesson(*, slug, summary, body, safeguarding_note="<p>SAFEGUARDING-NOTE</p>"):
    return LessonPage(
        title=slug,
        slug=slug,
        summary=summary,
        duration_minutes=45,
        learning_objectives="<p>ស្គាល់សិទ្ធិរបស់ខ្លួន។</p>",
        safeguarding_note=safeguarding_note,
        body=body,
    )


@pytest.fixture
def khmer_lesson(curriculum_tree, help_entries):
    """A Khmer lesson whose tip, quiz explanation and safeguarding callout hold secrets."""
    body = body_with_secrets(help_entry=help_entries["national"], secrets=KHMER_SECRETS)
    return publish(
        curriculum_tree["module"],
        a_lesson(slug="facilitated", summary="មេរៀនអំពីភ្នាក់ងារ។", body=body),
    )


@pytest.fixture
def khmer_control(curriculum_tree):
    """A Khmer lesson that says the same words in its public summary: they can be found."""
    summary = " ".join(text for text, _query in KHMER_SECRETS.values())
    return publish(curriculum_tree["module"], a_lesson(slug="control", summary=summary, body=[]))


@pytest.fixture
def english_module(en_home):
    from curriculum.models import CurriculumIndexPage

    index = publish(en_home, CurriculumIndexPage(title="Curriculum", slug="curriculum"))
    return publish(index, ModulePage(title="Before", slug="before", introduction="<p>Go.</p>"))


@pytest.fixture
def english_lesson(english_module, help_entries):
    body = body_with_secrets(help_entry=help_entries["national"], secrets=ENGLISH_SECRETS)
    return publish(
        english_module,
        a_lesson(slug="facilitated", summary="Check the licensed agency.", body=body),
    )


@pytest.fixture
def english_control(english_module):
    summary = " ".join(text for text, _query in ENGLISH_SECRETS.values())
    return publish(english_module, a_lesson(slug="control", summary=summary, body=[]))


def page_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


FACILITATOR_TEXTS = [
    KHMER_SECRETS["tip"][0],
    KHMER_SECRETS["explanation"][0],
    KHMER_SECRETS["callout"][0],
    "SAFEGUARDING-NOTE",
]


# The lesson page


def test_an_anonymous_reader_sees_no_tip_safeguarding_advice_or_quiz_answer(client, khmer_lesson):
    page = page_of(client.get(khmer_lesson.url))
    text = page.get_text(" ", strip=True)
    for secret in FACILITATOR_TEXTS:
        assert secret not in text
    assert page.select(".facilitator-note") == []
    assert page.select(".callout--safeguarding") == []
    assert page.select(".quiz__answer") == []
    assert "safeguarding-heading" not in str(page)
    # The rest of the lesson is there for everyone.
    assert "ពិភាក្សាអំពីសញ្ញាព្រមាន។" in text  # an activity's step
    assert len(page.select(".quiz__options li")) == 3
    assert PUBLIC_CALLOUT in text


def test_a_logged_in_reader_without_the_permission_sees_no_facilitator_content(
    client, khmer_lesson
):
    client.force_login(UserFactory())
    text = page_of(client.get(khmer_lesson.url)).get_text(" ", strip=True)
    for secret in FACILITATOR_TEXTS:
        assert secret not in text


def test_a_club_leader_sees_the_tips_the_safeguarding_advice_and_the_answers(client, khmer_lesson):
    client.force_login(UserFactory(role="Club leaders"))
    page = page_of(client.get(khmer_lesson.url))
    text = page.get_text(" ", strip=True)
    for secret in FACILITATOR_TEXTS:
        assert secret in text
    assert page.select_one(".quiz__answer").get_text(strip=True).startswith("មានតែខ្លួនអ្នក")
    assert PUBLIC_CALLOUT in text


def test_a_facilitators_lesson_page_is_never_kept_by_a_shared_cache(client, khmer_lesson):
    anonymous = client.get(khmer_lesson.url)
    assert "Cookie" in anonymous.get("Vary", "")
    client.force_login(UserFactory(role="Club leaders"))
    facilitator = client.get(khmer_lesson.url)
    assert "Cookie" in facilitator.get("Vary", "")
    assert "private" in facilitator.get("Cache-Control", "")


@pytest.mark.parametrize(("role", "sees_them"), [(None, False), ("Editors", True)])
def test_a_wagtail_preview_follows_the_same_rule(client, khmer_lesson, role, sees_them):
    # Wagtail previews a page through the middleware with the previewing user's session.
    user = UserFactory(role=role)
    client.force_login(user)
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    request = RequestFactory().get("/admin/", HTTP_COOKIE=cookies)
    request.user = user
    response = khmer_lesson.make_preview_request(request, "")
    text = page_of(response).get_text(" ", strip=True)
    for secret in FACILITATOR_TEXTS:
        assert (secret in text) is sees_them, secret


def test_the_lesson_body_gives_no_facilitator_parts_to_an_api_for_the_public(khmer_lesson):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    body = khmer_lesson.body
    public = body.stream_block.get_api_representation(body, context={"request": request})
    assert not any(secret in str(public) for secret in FACILITATOR_TEXTS)
    quiz = next(block["value"] for block in public if block["type"] == "quiz_question")
    assert "correct_option" not in quiz
    assert quiz["options"] == ["និយោជក", "ភ្នាក់ងារ", "មានតែខ្លួនអ្នក"]

    request.user = UserFactory(role="Club leaders")
    full = body.stream_block.get_api_representation(body, context={"request": request})
    assert all(secret in str(full) for secret in FACILITATOR_TEXTS[:3])


# The site search


def search_page(client, language, query):
    with translation.override(language):
        url = reverse("search")
    return page_of(client.get(url, {"q": query})).select("ol.card-list > li h3 a")


@pytest.mark.parametrize("part", KHMER_SECRETS)
def test_a_khmer_word_only_in_facilitator_text_is_not_found(
    client, khmer_lesson, khmer_control, km_locale, part
):
    query = KHMER_SECRETS[part][1]
    # The word is found where it is public, so the search would find it if it were indexed.
    assert list(site_search(query=query, locale=km_locale)) == [khmer_control]
    links = search_page(client, "km", query)
    assert [link["href"] for link in links] == [khmer_control.url]


@pytest.mark.parametrize("part", ENGLISH_SECRETS)
def test_an_english_word_only_in_facilitator_text_is_not_found(
    client, english_lesson, english_control, en_locale, part
):
    query = ENGLISH_SECRETS[part][1]
    assert list(site_search(query=query, locale=en_locale)) == [english_control]
    links = search_page(client, "en", query)
    assert [link["href"] for link in links] == [english_control.url]


def test_a_republished_lesson_is_found_by_its_new_public_words_only(
    khmer_lesson, en_locale, km_locale
):
    lesson = LessonPage.objects.get(pk=khmer_lesson.pk)
    for block in lesson.body:
        if block.block_type == "activity":
            block.value["facilitator_tip"] = "REWRITTENTIP"
            block.value["title"] = "REWRITTENTITLE"
    lesson.save_revision().publish()

    def found(query):
        return list(site_search(query=query, locale=km_locale))

    assert found("REWRITTENTITLE") == [khmer_lesson]
    assert found("REWRITTENTIP") == []
    # Rebuilding the whole index, as `load_demo_content` and a deployment do, keeps it so.
    call_command("update_index", verbosity=0)
    assert found("REWRITTENTITLE") == [khmer_lesson]
    assert found("REWRITTENTIP") == []
    assert found(KHMER_SECRETS["tip"][1]) == []
    assert found("មេរៀនអំពីភ្នាក់ងារ") == [khmer_lesson]
