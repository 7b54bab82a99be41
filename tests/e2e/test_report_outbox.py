"""In Chromium on a 360 px phone with the network switched off and on: the roll of 40 taken
offline waits in the phone's outbox, arrives once when the connection returns, is never
made twice by a replay, survives a closed tab and an ended login, and goes at log-out.

(Saving a module and reading a saved lesson and its handout offline: test_offline.py.)
"""

import pytest

from sessions.models import TrainingSession
from tests.e2e.test_club_report import PASSWORD, club_with_roster  # noqa: F401 - fixture
from tests.e2e.test_offline import cached_addresses, wait_for_worker

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEWCOMERS = [("ហេង សុភា", "female", "2001"), ("គឹម វិចិត្រ", "male", "1999")]
ABSENT = ("Member 03", "Member 11", "Member 17", "Member 29", "Member 40")


def log_in(page, base_url, *, landing="/km/club/"):
    page.fill("#id_username", "leader")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base_url}{landing}")


def take_the_roll(page, club):
    """40 on the roster, 5 absent, 2 newcomers, the lesson and the facilitator."""
    for name in ABSENT:
        page.get_by_label(name, exact=True).uncheck()
    page.fill("#id_duration_minutes", "90")
    page.get_by_label(club["lesson"].title, exact=True).check()
    page.get_by_label(str(club["facilitator"]), exact=True).check()
    for index, (name, sex, year) in enumerate(NEWCOMERS):
        if index:
            page.click("button[name=add_newcomer]")
        page.fill(f"#id_newcomers-{index}-name", name)
        page.select_option(f"#id_newcomers-{index}-sex", sex)
        page.fill(f"#id_newcomers-{index}-year_of_birth", year)
        page.check(f"#id_newcomers-{index}-consent")
    page.fill("#id_notes", "ភ្លៀងខ្លាំង")


def club_storage(page) -> dict:
    """What the club's pages keep in this phone's localStorage."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage)
            .filter((name) => name.startsWith("smh-club:"))
            .map((name) => [name, JSON.parse(localStorage.getItem(name))]))"""
    )


def test_a_roll_of_40_taken_offline_arrives_once_when_the_connection_returns(
    club_with_roster,  # noqa: F811 - the fixture imported above
    phone,
    live_server,
    screenshot_path,
):
    club = club_with_roster
    phone.goto(f"{live_server.url}/km/accounts/login/")
    wait_for_worker(phone)
    log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}/km/club/sessions/new/")
    key = phone.locator("input[name=submission_key]").input_value()

    phone.context.set_offline(True)
    take_the_roll(phone, club)
    phone.click("button[name=submit]")
    summary = phone.locator("[data-outbox-summary]")
    summary.filter(has_text="គ្មានអ៊ីនធឺណិត").wait_for()
    assert "កំពុងរង់ចាំផ្ញើ៖ 1" in summary.inner_text()
    assert phone.locator("[data-outbox-items] li").inner_text().count("កំពុងរង់ចាំអ៊ីនធឺណិត") == 1
    phone.screenshot(path=screenshot_path("club-report-queued-offline-km-360"))
    assert not TrainingSession.objects.exists()
    [queued] = [
        entry
        for name, entries in club_storage(phone).items()
        if name.startswith("smh-club:outbox:")
        for entry in entries
    ]
    assert queued["key"] == key and queued["state"] == "waiting"
    # Nothing of the club's pages, with its names, was put in any cache.
    assert not [entry for entry in cached_addresses(phone) if "/club/" in entry]
    # "My club" is not kept: offline, its Khmer offline page says how many reports wait.
    phone.goto(f"{live_server.url}/km/club/")
    waiting = phone.locator("[data-club-outbox-count]")
    assert waiting.is_visible() and "កំពុងរង់ចាំផ្ញើ៖ 1" in waiting.inner_text()

    phone.close()
    phone.context.set_offline(False)
    reopened = phone.context.new_page()
    reopened.goto(f"{live_server.url}/km/club/")
    fate = reopened.locator("[data-outbox-items] .club-outbox__item--sent")
    fate.wait_for()
    assert "បានផ្ញើ" in fate.inner_text() and "បានដាក់ស្នើ" in fate.inner_text()
    reopened.screenshot(path=screenshot_path("club-outbox-sent-km-360"))

    session = TrainingSession.objects.get()
    assert str(session.submission_key) == key
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.attendances.count() == 35 + 2
    assert session.notes == "ភ្លៀងខ្លាំង"
    assert session.session_lessons.get().lesson_id == club["lesson"].pk

    # The same submission replayed (its key and everything in it): nothing new is made.
    answer = reopened.evaluate(
        """async (entry) => {
            const check = await (await fetch("/km/club/outbox/")).json();
            const body = new FormData();
            for (const [name, value] of entry.fields) body.append(name, value);
            body.append("submit", "1");
            body.append("csrfmiddlewaretoken", check.csrf_token);
            const response = await fetch(entry.action, {
                method: "POST", body, headers: {"X-Club-Outbox": "1"},
            });
            return [response.status, await response.json()];
        }""",
        queued,
    )
    assert answer[0] == 200 and answer[1]["duplicate"] is True
    assert answer[1]["session"]["url"] == f"/km/club/sessions/{session.pk}/"
    assert TrainingSession.objects.count() == 1
    assert session.attendances.count() == 37

    # Logging out empties the outbox, the drafts and the private copies of pages.
    reopened.get_by_role("button", name="ចាកចេញ").click()
    reopened.wait_for_url(f"{live_server.url}/km/")
    assert club_storage(reopened) == {}
    assert not [entry for entry in cached_addresses(reopened) if "private" in entry.split()[0]]


def test_what_was_typed_survives_a_closed_tab_and_an_ended_login_asks_to_log_in_then_sends(
    club_with_roster,  # noqa: F811 - the fixture imported above
    phone,
    live_server,
    screenshot_path,
):
    club = club_with_roster
    phone.goto(f"{live_server.url}/km/accounts/login/")
    log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}/km/club/sessions/new/")
    key = phone.locator("input[name=submission_key]").input_value()
    take_the_roll(phone, club)
    context = phone.context
    phone.close()

    form = context.new_page()
    form.goto(f"{live_server.url}/km/club/sessions/new/")
    form.locator("[data-outbox-summary]").filter(has_text="បានត្រឡប់មកក្នុងទម្រង់វិញ").wait_for()
    assert form.locator("input[name=submission_key]").input_value() == key
    assert form.locator("input[name='roll-present']:checked").count() == 35
    for name in ABSENT:
        assert not form.get_by_label(name, exact=True).is_checked()
    assert form.input_value("#id_newcomers-1-name") == NEWCOMERS[1][0]
    assert form.input_value("#id_notes") == "ភ្លៀងខ្លាំង"
    assert form.locator("fieldset.newcomer").count() == 2

    # The login ends (the session cookie is gone): "Submit" keeps the report and asks to log in.
    context.clear_cookies()
    form.click("button[name=submit]")
    log_in_link = form.locator("[data-outbox-items] a", has_text="ចូលប្រើ")
    log_in_link.wait_for()
    form.screenshot(path=screenshot_path("club-outbox-log-in-km-360"))
    assert not TrainingSession.objects.exists()
    log_in_link.click()
    # Back on the form after logging in, the report is sent and "My club" shows it.
    log_in(form, live_server.url, landing="/km/club/")
    form.locator(".club-outbox__item--sent").wait_for()
    session = TrainingSession.objects.get()
    assert str(session.submission_key) == key
    assert session.attendances.count() == 37
    assert not [name for name in club_storage(form) if name.startswith("smh-club:draft:")]


def test_logging_out_with_a_report_waiting_asks_first_then_empties_the_outbox(
    club_with_roster,  # noqa: F811 - the fixture imported above
    phone,
    live_server,
):
    club = club_with_roster
    phone.goto(f"{live_server.url}/km/accounts/login/")
    log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}/km/club/sessions/new/")
    phone.context.set_offline(True)
    take_the_roll(phone, club)
    phone.click("button[name=submit]")
    phone.locator("[data-outbox-summary]").filter(has_text="គ្មានអ៊ីនធឺណិត").wait_for()
    # The server cannot be reached for sending (a captive portal, say); pages still load.
    phone.route("**/km/club/outbox/", lambda route: route.abort())
    phone.context.set_offline(False)

    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.dismiss() if len(questions) == 1 else dialog.accept()

    phone.on("dialog", answer)
    phone.get_by_role("button", name="ចាកចេញ").click()
    assert "មិនទាន់ផ្ញើ" in questions[0]
    assert any(name.startswith("smh-club:outbox:") for name in club_storage(phone))

    phone.get_by_role("button", name="ចាកចេញ").click()
    phone.wait_for_url(f"{live_server.url}/km/")
    assert len(questions) == 2
    assert club_storage(phone) == {}
    assert not TrainingSession.objects.exists()
