"""In Chromium on a phone: a club leader reports a session in Khmer; an officer verifies it."""

import pytest
from django.urls import reverse

from sessions.models import TrainingSession
from tests.factories import (
    PeerEducatorFactory,
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


@pytest.fixture
def club_with_roster(geography, curriculum_tree):
    """A Siem Reap club of 40 members and its leader, made before the browser starts."""
    group = YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")
    leader = UserFactory(username="leader", role="Club leaders")
    PeerEducatorFactory(group=group, user=leader, name_km="សុខ ដារ៉ា", name_latin="Sok Dara")
    facilitator = PeerEducatorFactory(group=group, name_km="ចាន់ ស្រីមុំ", name_latin="")
    return {
        "group": group,
        "members": roster_of(group, 40),
        "leader": leader,
        "facilitator": facilitator,
        "lesson": curriculum_tree["lesson"],
        "officer": officer_of("17", username="officer.siemreap"),
        "other_officer": officer_of("02", username="officer.battambang"),
    }


def log_in_to_admin(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def test_a_club_leader_reports_a_session_and_an_officer_verifies_it(
    club_with_roster, browser, phone, live_server, screenshot_path
):
    club = club_with_roster
    phone.goto(f"{live_server.url}/km/accounts/login/")
    phone.fill("#id_username", "leader")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{live_server.url}/km/club/")

    phone.click("a[href='/km/club/sessions/new/']")
    phone.wait_for_url(f"{live_server.url}/km/club/sessions/new/")
    roll = phone.locator("input[name='roll-present']")
    assert roll.count() == 40
    assert phone.locator("input[name='roll-present']:checked").count() == 40
    for name in ("Member 03", "Member 17", "Member 40"):
        phone.get_by_label(name, exact=True).uncheck()
    phone.fill("#id_duration_minutes", "90")
    phone.get_by_label(club["lesson"].title, exact=True).check()
    phone.get_by_label(str(club["facilitator"]), exact=True).check()
    # Counting by name: the headcount grid is hidden until the leader counts people instead.
    assert phone.locator("table.headcount").is_hidden()
    phone.check("input[name='attendance_mode'][value='headcount']")
    assert phone.locator("table.headcount").is_visible()
    assert phone.locator("input[name='roll-present']").first.is_hidden()
    phone.check("input[name='attendance_mode'][value='named']")
    assert phone.locator("table.headcount").is_hidden()
    for index, (name, sex, year) in enumerate(
        [("ហេង សុភា", "female", "2001"), ("គឹម វិចិត្រ", "male", "1999")]
    ):
        if index:
            # One newcomer line to start; "Add another" re-renders with everything kept.
            phone.click("button[name=add_newcomer]")
            phone.wait_for_selector(f"#id_newcomers-{index}-name")
        phone.fill(f"#id_newcomers-{index}-name", name)
        phone.select_option(f"#id_newcomers-{index}-sex", sex)
        phone.fill(f"#id_newcomers-{index}-year_of_birth", year)
        phone.check(f"#id_newcomers-{index}-consent")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=screenshot_path("club-report-km-360"), full_page=True)

    phone.click("button[name=submit]")
    phone.wait_for_url(f"{live_server.url}/km/club/")
    assert phone.locator(".club-session__status").first.inner_text().endswith("បានដាក់ស្នើ")
    phone.screenshot(path=screenshot_path("club-home-km-360"), full_page=True)

    session = TrainingSession.objects.get(group=club["group"])
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.attendances.count() == 37 + 2
    assert session.session_lessons.get().lesson_id == club["lesson"].pk
    # The leader reporting is ticked as a facilitator from the start; the other was ticked.
    assert set(session.facilitators.all()) == {club["leader"].peer_educator, club["facilitator"]}
    assert phone.outside_requests == []

    desktop = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in_to_admin(desktop, live_server.url, "officer.siemreap")
    # From the list of sessions, the officer opens the submitted one and verifies it.
    desktop.goto(f"{live_server.url}{reverse('training_sessions:index')}")
    desktop.get_by_role("link", name=str(session)).click()
    desktop.get_by_role("link", name="ផ្ទៀងផ្ទាត់ ឬប្រគល់វិញ").click()
    desktop.wait_for_url(f"**{reverse('training_sessions:review', args=[session.pk])}")
    desktop.screenshot(path=screenshot_path("officer-review-km"), full_page=True)
    desktop.get_by_role("button", name="ផ្ទៀងផ្ទាត់", exact=True).click()
    # Back on the list (the queue of what remains, since the officer's-day change).
    desktop.wait_for_url(f"**{reverse('training_sessions:index')}**")
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.VERIFIED
    assert session.verified_by == club["officer"]
    desktop.context.close()

    other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in_to_admin(other, live_server.url, "officer.battambang")
    edit_url = reverse("training_sessions:edit", args=[session.pk])
    response = other.goto(f"{live_server.url}{edit_url}")
    assert response.status == 404
    other.context.close()
