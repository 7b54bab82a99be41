"""In Chromium: staff use the admin in Khmer, and it asks nothing of the internet."""

import pytest

from tests.e2e.conftest import local_page
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def desktop(browser, live_server):
    page = local_page(browser, live_server, viewport={"width": 1280, "height": 800})
    yield page
    page.context.close()


def test_a_national_officer_uses_the_admin_without_reaching_the_internet(
    desktop, live_server, geography, screenshot_path
):
    UserFactory(username="national", role="National program officers")
    desktop.goto(f"{live_server.url}/admin/login/")
    desktop.fill("#id_username", "national")
    desktop.fill("#id_password", "correct horse battery")
    desktop.click("button[type=submit]")
    desktop.wait_for_url(f"{live_server.url}/admin/")
    desktop.goto(f"{live_server.url}/admin/province_assignments/new/")
    desktop.wait_for_load_state("networkidle")
    assert desktop.get_by_role("heading", name="ការចាត់តាំងខេត្ត", exact=True).is_visible()
    assert desktop.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    desktop.screenshot(path=screenshot_path("admin-province-assignment-km"))
    assert desktop.outside_requests == []
