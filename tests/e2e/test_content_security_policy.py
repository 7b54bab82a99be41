"""In Chromium: the pages readers, club leaders, officers and editors walk break no CSP rule.

Each page records the `securitypolicyviolation` events of all its frames (the preview
panel's included) and Chromium's "Refused to ..." console errors, across navigations, so
one walk tells every script, style, image, font or frame the policy blocked. Every page
visited must also carry the policy, so that a walk without one fails rather than passes.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from curriculum.blocks import LessonStreamBlock
from sessions.models import SessionLesson
from tests.e2e.conftest import local_page
from tests.factories import (
    AttendanceFactory,
    PeerEducatorFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    officer_of,
    roster_of,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"

# Runs in every frame before the page's own scripts, so nothing is missed at load.
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.recordCspViolation({
    page: location.pathname,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});
"""


def recording_page(browser, live_server, **context_options):
    """A local page that lists in `page.csp_violations` whatever the policy blocked."""
    page = local_page(browser, live_server, **context_options)
    page.csp_violations = []
    page.expose_function(
        "recordCspViolation", lambda violation: page.csp_violations.append(violation)
    )
    page.add_init_script(VIOLATION_LISTENER)

    def record_console_refusal(message):
        if "Content Security Policy" in message.text:
            page.csp_violations.append({"page": page.url, "console": message.text})

    page.on("console", record_console_refusal)
    return page


def visit(page, url) -> str:
    """Opens `url`, waits until it has loaded everything, and returns its policy."""
    response = page.goto(url, wait_until="networkidle")
    assert response.ok, (url, response.status)
    page.evaluate("document.fonts.ready.then(() => true)")
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy, (url, policy)
    return policy


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


def assert_recorder_catches_an_inline_script(page):
    """An inline script added to the page is refused and recorded: the recorder works."""
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.inlineScriptRan = true";
            document.head.append(script);
        }"""
    )
    for __ in range(50):
        if any(v.get("directive") == "script-src-elem" for v in page.csp_violations):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.inlineScriptRan") is None
    assert any(v.get("directive") == "script-src-elem" for v in page.csp_violations)
    page.csp_violations.clear()


def log_in_to_admin(page, base_url, username):
    visit(page, f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    page.wait_for_load_state("networkidle")


def small_png(folder) -> str:
    path = folder / "poster.png"
    Image.new("RGB", (64, 48), "#0b5d7a").save(path)
    return str(path)


def block_label(name: str) -> str:
    """The label the Khmer admin shows for a block of a lesson's body."""
    with translation.override("km"):
        return str(LessonStreamBlock().child_blocks[name].label)


def open_chooser_and_close(page, choose_button):
    """Opens a chooser's modal window (built from the server's answer), then closes it."""
    choose_button.click()
    page.wait_for_selector(".modal-content", state="visible")
    page.wait_for_load_state("networkidle")
    page.click(".modal button.close")
    page.wait_for_selector(".modal-content", state="hidden")


@pytest.fixture
def programme_in_siem_reap(geography, curriculum_tree):
    """A Siem Reap club with a leader and a submitted session, made before the browser starts."""
    group = YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")
    leader = UserFactory(username="leader", role="Club leaders")
    PeerEducatorFactory(group=group, user=leader, name_km="សុខ ដារ៉ា", name_latin="Sok Dara")
    members = roster_of(group, 3)
    training_session = TrainingSessionFactory(group=group)
    SessionLesson.objects.create(session=training_session, lesson=curriculum_tree["lesson"])
    for member in members:
        AttendanceFactory(session=training_session, participant=member)
    officer_of("17", username="officer.siemreap")
    UserFactory(username="editor", role="Editors")
    return {"group": group, "session": training_session}


def test_public_pages_and_club_pages_break_no_content_security_policy_rule(
    programme_in_siem_reap,
    curriculum_tree,
    campaign,
    help_page,
    browser,
    live_server,
    screenshot_path,
):
    page = recording_page(
        browser, live_server, viewport={"width": 360, "height": 740}, is_mobile=True
    )
    base = live_server.url
    policy = visit(page, f"{base}/km/")
    assert directive(policy, "script-src") == ["'self'"]
    assert_recorder_catches_an_inline_script(page)
    page.screenshot(path=screenshot_path("csp-home-km-360"), full_page=True)

    policies = {}
    for url in [
        "/km/",
        curriculum_tree["index"].url,
        curriculum_tree["module"].url,
        curriculum_tree["lesson"].url,
        campaign.url,
        help_page.url,
        f"{reverse('search')}?query=ភ្នាក់ងារ",
        f"{reverse('agency_check')}?q=សុខា",
        "/en/",
        reverse("login"),
    ]:
        policies[url] = visit(page, f"{base}{url}")

    page.fill("#id_username", "leader")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}{reverse('club:home')}")
    for url in [
        reverse("club:home"),
        curriculum_tree["lesson"].url,  # with the facilitators' content
        reverse("club:session_create"),
    ]:
        policies[url] = visit(page, f"{base}{url}")
    page.fill("#id_duration_minutes", "60")
    page.click("button[name=submit]")  # the form comes back with its errors
    page.wait_for_load_state("networkidle")

    assert page.csp_violations == []
    assert page.outside_requests == []
    inline_allowed = {url: policy for url, policy in policies.items() if "unsafe" in policy}
    assert inline_allowed == {}
    page.context.close()


def test_admin_pages_officers_and_editors_walk_break_no_content_security_policy_rule(
    programme_in_siem_reap,
    curriculum_tree,
    campaign,
    browser,
    live_server,
    tmp_path,
    screenshot_path,
):
    base = live_server.url
    training_session = programme_in_siem_reap["session"]

    officer = recording_page(browser, live_server, viewport={"width": 1280, "height": 900})
    log_in_to_admin(officer, base, "officer.siemreap")
    visit(officer, f"{base}{reverse('training_sessions:index')}")
    visit(officer, f"{base}{reverse('training_sessions:edit', args=[training_session.pk])}")
    # A new row of each inline panel, then the choosers of a participant and a lesson.
    officer.click("#id_attendances-ADD")
    open_chooser_and_close(
        officer, officer.locator("#id_attendances-FORMS [data-chooser-action-choose]:visible").last
    )
    officer.click("#id_session_lessons-ADD")
    open_chooser_and_close(
        officer,
        officer.locator("#id_session_lessons-FORMS [data-chooser-action-choose]:visible").last,
    )
    visit(officer, f"{base}/admin/reports/programme/")
    assert officer.locator(".report-map .tile").count() == 25  # its own and the others
    visit(officer, f"{base}{reverse('communes_figures:index')}")  # the register's maps
    assert officer.locator(".report-map:not(.district-map) .tile").count() == 25
    assert officer.locator(".district-map .tile").count() > 0  # the officer's one province
    visit(officer, f"{base}{reverse('trainings_imports:index')}")
    officer_violations = officer.csp_violations
    assert officer.outside_requests == []
    officer.context.close()

    editor = recording_page(browser, live_server, viewport={"width": 1280, "height": 900})
    log_in_to_admin(editor, base, "editor")
    lesson = curriculum_tree["lesson"]
    visit(editor, f"{base}{reverse('wagtailadmin_pages:edit', args=[lesson.pk])}")
    # The StreamField: open the block picker and add a block. Found by its field, not by the
    # panel's id: Wagtail makes that id from the tab's heading, which reads in Khmer.
    editor.locator("[data-contentpath='body'] .c-sf-add-button").first.click()
    editor.get_by_role("option", name=block_label("key_messages")).click()
    # The preview panel frames the page's preview, which only the admin itself may frame.
    editor.click("button[data-side-panel-toggle='preview']")
    preview_heading = editor.frame_locator("#w-preview-iframe").locator("h1")
    preview_heading.wait_for(state="attached")
    assert preview_heading.inner_text() == lesson.title
    editor.wait_for_load_state("networkidle")
    editor.screenshot(path=screenshot_path("csp-admin-page-editor"))
    # A page chooser: the campaign's call to action.
    visit(editor, f"{base}{reverse('wagtailadmin_pages:edit', args=[campaign.pk])}")
    open_chooser_and_close(
        editor, editor.locator("#id_call_to_action_page-chooser [data-chooser-action-choose]")
    )
    visit(editor, f"{base}/admin/snippets/curriculum/topic/")
    # Uploading images shows each file's thumbnail before it is sent.
    visit(editor, f"{base}{reverse('wagtailimages:add_multiple')}")
    editor.set_input_files("#fileupload", small_png(tmp_path))
    editor.wait_for_selector("#upload-list li.upload-success", state="attached")
    editor.wait_for_load_state("networkidle")
    editor_violations = editor.csp_violations
    assert editor.outside_requests == []
    editor.context.close()

    assert {"officer": officer_violations, "editor": editor_violations} == {
        "officer": [],
        "editor": [],
    }
