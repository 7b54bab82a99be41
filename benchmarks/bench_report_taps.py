"""Taps, keystrokes and screens of scrolling for a club leader to report the roll of 40 (5 absent,
2 newcomers) on the phone form, scripted in Chromium at 360 px, against the issue's count on
the old form (issue 14: 24 taps, 31 keys, 7 screens)."""

import math
import shutil

from harness import report, setup_django, throwaway_database

setup_django()

from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.db import connections  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from demo.curriculum import demo_curriculum_build  # noqa: E402
from demo.home_pages import demo_home_pages_build  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from sessions.models import TrainingSession  # noqa: E402
from tests.factories import PeerEducatorFactory, UserFactory, YouthGroupFactory, roster_of  # noqa: E402

#: Counted on the form before issue 14 (the issue's text): what the form must beat.
OLD_FORM = {"taps": 24, "keys": 31, "screens": 7}
PASSWORD = "bench-password-not-secret"  # noqa: S105 - a throwaway database's login
ABSENT = ("Member 03", "Member 11", "Member 17", "Member 29", "Member 40")
NEWCOMERS = [("Sophea", "female", "2001"), ("Vichet", "male", "1999")]
VIEWPORT = {"width": 360, "height": 740}


class CountedPhone:
    """A page whose every tap, keystroke and scroll towards the next thing touched is counted."""

    def __init__(self, page):
        self.page = page
        self.taps = 0
        self.keys = 0
        self.scrolled = 0
        self.at = 0

    def _reach(self, locator):
        # The thumb scrolls to what it touches next: the distance is what the eye scrolls.
        locator.scroll_into_view_if_needed()
        position = self.page.evaluate("scrollY")
        self.scrolled += abs(position - self.at)
        self.at = position

    def tap(self, locator):
        self._reach(locator)
        locator.click()
        self.taps += 1

    def type(self, locator, text: str):
        self.tap(locator)
        locator.fill(text)
        self.keys += len(text)

    def choose(self, locator, value: str):
        self._reach(locator)
        locator.select_option(value)
        self.taps += 2  # open the list, pick

    def navigated(self):
        self.page.wait_for_load_state()
        self.at = 0

    @property
    def screens(self) -> float:
        return self.scrolled / VIEWPORT["height"]


def report_the_roll(phone: CountedPhone, lesson_title: str, facilitator: str) -> None:
    page = phone.page
    phone.tap(page.locator("a[href='/km/club/sessions/new/']"))
    phone.navigated()
    phone.type(page.locator("#id_duration_minutes"), "90")
    phone.tap(page.get_by_label(lesson_title, exact=True))
    if not page.get_by_label(facilitator, exact=True).is_checked():
        phone.tap(page.get_by_label(facilitator, exact=True))
    for name in ABSENT:
        phone.tap(page.get_by_label(name, exact=True))
    for index, (name, sex, year) in enumerate(NEWCOMERS):
        if index and page.locator(f"#id_newcomers-{index}-name").count() == 0:
            phone.tap(page.locator("button[name=add_newcomer]"))
            page.wait_for_selector(f"#id_newcomers-{index}-name")
        phone.type(page.locator(f"#id_newcomers-{index}-name"), name)
        phone.choose(page.locator(f"#id_newcomers-{index}-sex"), sex)
        phone.type(page.locator(f"#id_newcomers-{index}-year_of_birth"), year)
        phone.tap(page.locator(f"#id_newcomers-{index}-consent"))
    phone.tap(page.locator("button[name=submit]"))
    page.wait_for_url("**/km/club/")


def main() -> None:
    with throwaway_database():
        load_geography()
        demo_home_pages_build()
        demo_curriculum_build()
        from curriculum.models import LessonPage

        lesson = LessonPage.objects.live().filter(locale__language_code="km").first()
        group = YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")
        leader = UserFactory(username="leader", role="Club leaders", password=PASSWORD)
        educator = PeerEducatorFactory(group=group, user=leader, name_km="សុខ ដារ៉ា")
        roster_of(group, 40)

        # The live server shares an in-memory SQLite database with this thread, as Django's
        # LiveServerTestCase does; PostgreSQL needs nothing.
        shared = {
            alias: connection
            for alias, connection in ((c.alias, c) for c in connections.all())
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        for connection in shared.values():
            connection.inc_thread_sharing()
        server = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        base = f"http://localhost:{server.port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium"),
                    args=["--no-sandbox", "--disable-gpu"],
                )
                context = browser.new_context(
                    viewport=VIEWPORT, device_scale_factor=2, is_mobile=True
                )
                page = context.new_page()
                page.goto(f"{base}/km/accounts/login/")
                page.fill("#id_username", "leader")
                page.fill("#id_password", PASSWORD)
                page.click("main button[type=submit]")
                page.wait_for_url("**/km/club/")
                phone = CountedPhone(page)
                report_the_roll(phone, lesson.title, str(educator))
                browser.close()
        finally:
            server.terminate()
            for connection in shared.values():
                connection.dec_thread_sharing()

        session = TrainingSession.objects.get(group=group)
        # The figures count only a report that arrived whole.
        assert session.attendances.count() == 35 + 2, session.attendances.count()
        report("report_roll_of_40_taps", phone.taps, "taps", OLD_FORM["taps"])
        report("report_roll_of_40_keys", phone.keys, "keys", OLD_FORM["keys"])
        screens = math.ceil(phone.screens * 10) / 10
        report("report_roll_of_40_screens", screens, "screens", OLD_FORM["screens"])


if __name__ == "__main__":
    main()
