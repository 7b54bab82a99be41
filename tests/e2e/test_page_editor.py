"""In Chromium: an editor writes a Khmer lesson title and gets a readable slug, in a Khmer editor
(the StreamField buttons Wagtail's JavaScript draws too), and starting the same lesson again after
an abandoned autosaved one ends in no error."""

import pytest
from django.urls import reverse

from curriculum.models import LessonPage
from curriculum.slugs import readable_slug
from tests.e2e.conftest import local_page
from tests.factories import UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "ត្រៀមលិខិតឆ្លងដែន និងលិខិតអនុញ្ញាតការងារ"


@pytest.fixture
def editor_page(browser, live_server):
    UserFactory(username="editor", role="Editors")
    page = local_page(browser, live_server, viewport={"width": 1280, "height": 900})
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    page.context.close()


def start_lesson(page, live_server, module):
    url = reverse("wagtailadmin_pages:add", args=["curriculum", "lessonpage", module.pk])
    page.goto(f"{live_server.url}{url}")
    page.fill("#id_title", TITLE)
    page.locator("#id_title").blur()
    page.fill("#id_duration_minutes", "30")  # the one field a draft cannot leave empty
    expect(page.locator("#id_slug")).to_have_value(readable_slug(TITLE))


def test_an_editor_gets_a_readable_khmer_slug_while_typing_the_title(
    editor_page, live_server, geography, curriculum_tree, screenshot_path
):
    start_lesson(editor_page, live_server, curriculum_tree["module"])

    expect(editor_page.locator("#id_slug")).to_have_value(readable_slug(TITLE))
    assert editor_page.get_by_role("button", name="រក្សាទុកសេចក្ដីព្រាង").is_visible()
    editor_page.get_by_role("tab", name="ផ្សព្វផ្សាយ").click()
    editor_page.screenshot(path=screenshot_path("page-editor-khmer-slug"))
    assert editor_page.script_errors == []
    assert editor_page.outside_requests == []


def test_starting_a_lesson_again_after_an_abandoned_one_saves_without_error(
    editor_page, live_server, geography, curriculum_tree, screenshot_path
):
    module = curriculum_tree["module"]
    # The first attempt: a draft of the same title is left behind (as autosave leaves one).
    start_lesson(editor_page, live_server, module)
    editor_page.get_by_role("button", name="រក្សាទុកសេចក្ដីព្រាង").click()
    editor_page.wait_for_url("**/edit/")

    start_lesson(editor_page, live_server, module)
    editor_page.get_by_role("button", name="រក្សាទុកសេចក្ដីព្រាង").click()
    editor_page.wait_for_url("**/edit/")

    editor_page.screenshot(path=screenshot_path("page-editor-second-attempt"))
    expect(editor_page.get_by_text(f"បានបង្កើតទំព័រ '{TITLE}'។")).to_be_visible()
    assert editor_page.get_by_text("មិនអាចបង្កើតទំព័របានទេ").count() == 0
    slugs = set(
        LessonPage.objects.child_of(module).filter(title=TITLE).values_list("slug", flat=True)
    )
    assert slugs == {readable_slug(TITLE), f"{readable_slug(TITLE)}-2"}
    assert editor_page.script_errors == []


def test_the_streamfield_buttons_drawn_by_wagtails_javascript_read_in_khmer(
    editor_page, live_server, geography, curriculum_tree, screenshot_path
):
    start_lesson(editor_page, live_server, curriculum_tree["module"])

    add_block = editor_page.locator("button.c-sf-add-button").first
    expect(add_block).to_have_attribute("title", "បញ្ចូលប្លុក")
    add_block.click()
    expect(editor_page.get_by_placeholder("ស្វែងរកជម្រើស…")).to_be_visible()
    editor_page.screenshot(path=screenshot_path("page-editor-khmer-block-menu"))
    assert editor_page.script_errors == []
