"""In Chromium: staff use the admin in Khmer, and it asks nothing of the internet."""

import pytest

from tests.factories import UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_national_officer_uses_the_admin_without_reaching_the_internet(
    desktop, admin_login, live_server, geography, screenshot_path
):
    UserFactory(username="national", role="National program officers")
    admin_login(desktop, "national")
    desktop.goto(f"{live_server.url}/admin/province_assignments/new/")
    desktop.wait_for_load_state("networkidle")
    assert desktop.get_by_role("heading", name="ការចាត់តាំងខេត្ត", exact=True).is_visible()
    assert desktop.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    desktop.screenshot(path=screenshot_path("admin-province-assignment-km"))
    assert desktop.outside_requests == []
