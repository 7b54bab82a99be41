"""In Chromium on a phone: the QR code of a printed sign-in sheet opens that session's form.

The leader downloads the planned session's sheet, the test decodes its QR code as a phone's
camera would, and the address it holds, opened logged out, asks for the leader's login and
then shows that very session's report form with the club's roster on the roll.
"""

import datetime

import pytest
from django.utils import timezone

from sessions.models import Membership, TrainingSession
from tests.factories import (
    MinorParticipantFactory,
    ParticipantFactory,
    PeerEducatorFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
)
from tests.fixtures.qr import qr_texts_on_first_page

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
NAMES = ["ហេង សុភា", "គឹម វិចិត្រ", "ស៊ុន ស្រីនាង"]


@pytest.fixture
def planned_session(geography):
    group = YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី", province="17")
    leader = UserFactory(username="leader", role="Club leaders")
    PeerEducatorFactory(group=group, user=leader, name_km="សុខ ដារ៉ា")
    for index, name in enumerate(NAMES):
        factory = MinorParticipantFactory if index == 2 else ParticipantFactory
        Membership.objects.create(group=group, participant=factory(name=name))
    return TrainingSessionFactory(
        group=group,
        status=TrainingSession.Status.PLANNED,
        date=timezone.localdate() - datetime.timedelta(days=1),
    )


def log_in(page, base_url):
    page.fill("#id_username", "leader")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_the_sheets_qr_code_opens_the_sessions_form_with_the_roster_ticked(
    planned_session, phone, live_server, screenshot_path
):
    base = live_server.url
    phone.goto(f"{base}/km/accounts/login/")
    log_in(phone, base)
    phone.wait_for_url(f"{base}/km/club/")
    sheet_link = phone.locator(f"a[href='/km/club/sessions/{planned_session.pk}/sign-in-sheet/']")
    assert sheet_link.count() == 1
    sheet = phone.request.get(f"{base}{sheet_link.get_attribute('href')}")
    assert sheet.headers["content-type"] == "application/pdf"
    [back_entry_url] = qr_texts_on_first_page(sheet.body())
    assert back_entry_url == f"{base}/km/club/sessions/{planned_session.pk}/edit/"

    # Scanned on a phone that is not logged in: the login, then the very same form.
    phone.context.clear_cookies()
    phone.goto(back_entry_url)
    assert "/km/accounts/login/" in phone.url
    log_in(phone, base)
    phone.wait_for_url(back_entry_url)
    for name in NAMES:
        assert phone.get_by_label(name, exact=True).is_checked()
    assert phone.locator("input[name='roll-present']").count() == len(NAMES)
    phone.locator("#roll-heading").scroll_into_view_if_needed()
    phone.screenshot(path=screenshot_path("sign-in-sheet-back-entry"), full_page=False)

    phone.get_by_label(NAMES[1], exact=True).uncheck()
    phone.click("button[name=submit]")
    phone.wait_for_url(f"{base}/km/club/")
    planned_session.refresh_from_db()
    assert planned_session.status == TrainingSession.Status.SUBMITTED
    assert TrainingSession.objects.count() == 1
    assert sorted(planned_session.attendances.values_list("participant__name", flat=True)) == (
        sorted([NAMES[0], NAMES[2]])
    )
