"""In Chromium, in the Khmer admin: a lesson goes from an editor's Khmer draft to a live English
translation, and every step waits for a moderator (issue 13).

The editor writes and submits the Khmer lesson; a moderator approves it; the editor asks for
an English translation, which stays off the site while the untranslated-pages report counts
its texts; the editor translates every text and submits; the moderator approves; only then is
the English lesson live, in English only, and off the report.
"""

import re

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

KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
TITLE = "ពិនិត្យកិច្ចសន្យាការងារ"
SUMMARY = "អានកិច្ចសន្យាការងារឱ្យបានច្បាស់ មុនពេលចុះហត្ថលេខា។"
OBJECTIVE = "ស្គាល់អ្វីដែលកិច្ចសន្យាត្រូវមាន"
SAFEGUARDING = "ស្ដាប់ ហើយបញ្ជូនទៅខ្សែទូរស័ព្ទជំនួយ។"
KEY_MESSAGE = "កុំប្រគល់លិខិតឆ្លងដែនរបស់អ្នកទៅនិយោជក។"
ENGLISH_TITLE = "Check the work contract"
ENGLISH_SLUG = "check-the-work-contract"
# The English of each Khmer text, by the translation editor's tab (the Khmer slug is the title).
ENGLISH = {
    "ខ្លឹមសារ": {
        TITLE: ENGLISH_TITLE,
        SUMMARY: "Read the work contract carefully before you sign it.",
        OBJECTIVE: "Know what a contract must contain",
        SAFEGUARDING: "Listen, then refer them to the helpline.",
        KEY_MESSAGE: "Never hand your passport to an employer.",
    },
    "ផ្សព្វផ្សាយ": {readable_slug(TITLE): ENGLISH_SLUG},
}


def logged_in_page(browser, live_server, username):
    page = local_page(browser, live_server, viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


@pytest.fixture
def editor(browser, live_server):
    UserFactory(username="editor", role="Editors")
    page = logged_in_page(browser, live_server, "editor")
    yield page
    page.context.close()


@pytest.fixture
def moderator(browser, live_server):
    UserFactory(username="moderator", role="Moderators")
    page = logged_in_page(browser, live_server, "moderator")
    yield page
    page.context.close()


def fill_rich_text(page, field_name, text):
    page.locator(f"[data-contentpath='{field_name}'] [contenteditable='true']").fill(text)


def write_khmer_lesson(page, live_server, module):
    url = reverse("wagtailadmin_pages:add", args=["curriculum", "lessonpage", module.pk])
    page.goto(f"{live_server.url}{url}")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.fill("#id_duration_minutes", "40")
    fill_rich_text(page, "learning_objectives", OBJECTIVE)
    fill_rich_text(page, "safeguarding_note", SAFEGUARDING)
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="សារគន្លឹះ").click()
    page.locator("[data-contentpath='body'] input[name$='-value-messages-0-value']").fill(
        KEY_MESSAGE
    )


def submit_for_moderation(page):
    page.get_by_role("button", name="សកម្មភាពផ្សេងទៀត").click()
    page.locator("button[name='action-submit']").click()


def approve(page, live_server, lesson):
    page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=[lesson.pk])}")
    page.get_by_role("button", name="សកម្មភាពផ្សេងទៀត").click()
    page.get_by_role("button", name="អនុម័ត និងផ្សាយ", exact=True).click()


def translate_every_segment(page):
    """Type the English of each text in wagtail-localize's translation editor, tab by tab."""
    for tab, english_of in ENGLISH.items():
        page.get_by_role("tab", name=tab).click()
        untranslated = page.locator("li.incomplete:visible")
        for remaining in range(untranslated.count(), 0, -1):
            segment = untranslated.first
            source = segment.locator(":scope > p").inner_text()
            english = english_of[source.strip()]
            segment.get_by_role("button", name="បកប្រែ", exact=True).click()
            segment.locator("textarea").fill(english)
            segment.get_by_role("button", name="រក្សាទុក", exact=True).click()
            expect(untranslated).to_have_count(remaining - 1)
            # The segment counts as done while its text is still on its way to the server.
            expect(page.get_by_text("កំពុងរក្សាទុក...")).to_have_count(0)
    expect(page.locator("li.errored")).to_have_count(0)


def approve_from_dashboard(page, live_server, title):
    page.goto(f"{live_server.url}/admin/")
    row = page.locator("tr").filter(has_text=title)
    row.get_by_role("button", name="សកម្មភាព", exact=True).click()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    expect(page.locator("tr").filter(has_text=title)).to_have_count(0)


def report_row(page, live_server, title):
    page.goto(f"{live_server.url}{reverse('untranslated_pages_report')}?missing_language=en")
    return page.locator("table.listing tbody tr").filter(has_text=title)


def test_a_lesson_and_its_english_translation_each_wait_for_a_moderator(
    editor, moderator, browser, live_server, geography, curriculum_tree, en_home, screenshot_path
):
    write_khmer_lesson(editor, live_server, curriculum_tree["module"])
    editor.screenshot(path=screenshot_path("translation-1-khmer-lesson"))
    submit_for_moderation(editor)
    editor.wait_for_url(f"**/admin/pages/{curriculum_tree['module'].pk}/")
    lesson = LessonPage.objects.get(title=TITLE)
    assert lesson.workflow_in_progress and not lesson.live

    approve(moderator, live_server, lesson)
    moderator.wait_for_url(f"**/admin/pages/{curriculum_tree['module'].pk}/")
    lesson.refresh_from_db()
    assert lesson.live

    # "Translate this page" into English.
    url = reverse("wagtail_localize:submit_page_translation", args=[lesson.pk])
    editor.goto(f"{live_server.url}{url}")
    editor.screenshot(path=screenshot_path("translation-2-translate-this-page"))
    expect(editor.get_by_role("heading", name=f"បកប្រែទំព័រ {TITLE}")).to_be_visible()
    editor.get_by_label("អង់គ្លេស").check()
    editor.get_by_role("button", name="ដាក់ស្នើ", exact=True).click()
    editor.wait_for_url("**/edit/")
    english = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="en"
    )
    assert not english.live
    reader = local_page(browser, live_server, viewport={"width": 360, "height": 740})
    assert reader.goto(f"{live_server.url}{english.url}").status == 404
    row = report_row(editor, live_server, TITLE)
    expect(row.locator(".translation-status")).to_contain_text("សេចក្ដីព្រាង")
    progress = row.locator(".translation-progress")
    expect(progress).to_have_text(re.compile(r"^0 / \d+$"))
    # Readable: not hidden by Wagtail's own `.progress` (upload bar) style.
    assert progress.evaluate("cell => getComputedStyle(cell).opacity") == "1"
    total = int(progress.inner_text().split("/")[1])
    assert total == sum(len(texts) for texts in ENGLISH.values())
    editor.screenshot(path=screenshot_path("translation-3-report-not-started"))

    editor.goto(f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=[english.pk])}")
    editor.get_by_role("button", name="បកប្រែ", exact=True).first.wait_for()
    translate_every_segment(editor)
    editor.screenshot(path=screenshot_path("translation-4-translated"))
    editor.get_by_role("button", name="ដាក់ស្នើដើម្បីត្រួតពិនិត្យ").click()
    expect(editor.get_by_text("កំពុងរង់ចាំការអនុម័តពីអ្នកត្រួតពិនិត្យ")).to_be_visible()
    english.refresh_from_db()
    assert english.workflow_in_progress and not english.live

    row = report_row(editor, live_server, TITLE)
    expect(row.locator(".translation-progress")).to_have_text(f"{total} / {total}")
    expect(row.locator(".translation-status")).to_contain_text("កំពុងរង់ចាំអ្នកត្រួតពិនិត្យ")
    editor.screenshot(path=screenshot_path("translation-5-report-pending"))

    approve_from_dashboard(moderator, live_server, ENGLISH_TITLE)
    english.refresh_from_db()
    assert english.live

    response = reader.goto(f"{live_server.url}{english.url}")
    assert response.status == 200
    expect(reader.locator("h1")).to_have_text(ENGLISH_TITLE)
    # The lesson itself; its breadcrumb names the module, not translated yet (an alias).
    body = reader.locator("article.lesson").inner_text()
    assert ENGLISH["ខ្លឹមសារ"][KEY_MESSAGE] in body
    assert [line for line in body.splitlines() if KHMER.search(line)] == []
    reader.screenshot(path=screenshot_path("translation-6-english-lesson"), full_page=True)
    reader.context.close()

    report_row(editor, live_server, TITLE)
    expect(editor.locator("table.listing tbody tr").filter(has_text=TITLE)).to_have_count(0)
    assert editor.script_errors == moderator.script_errors == []
