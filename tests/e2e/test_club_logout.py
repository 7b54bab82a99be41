"""In Chromium on a 360 px phone: "Log out" is on screen on "My club" and one tap ends the login."""

import pytest

from tests.factories import club_leader_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"


@pytest.fixture
def leader(geography):
    from tests.factories import YouthGroupFactory

    return club_leader_of(YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី"), username="leader")


def test_a_club_leader_logs_out_with_one_tap_from_my_club(
    leader, phone, live_server, screenshot_path
):
    phone.goto(f"{live_server.url}/km/accounts/login/")
    phone.fill("#id_username", "leader")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{live_server.url}/km/club/")

    log_out = phone.get_by_role("button", name="ចាកចេញ")
    assert log_out.is_visible()
    box = log_out.bounding_box()
    # On the first screen, without scrolling or opening a menu, and big enough for a thumb.
    assert box["y"] + box["height"] <= 740 and box["x"] + box["width"] <= 360
    assert box["height"] >= 44
    phone.screenshot(path=screenshot_path("club-home-logout-km-360"))

    log_out.click()
    phone.wait_for_url(f"{live_server.url}/km/")
    phone.goto(f"{live_server.url}/km/club/")
    assert "/km/accounts/login/" in phone.url
