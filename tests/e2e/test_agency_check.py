"""In Chromium at 360 px, in Khmer: a reader checks an agency by a misspelled name and a number."""

import pytest
from django.urls import reverse
from django.utils import translation

from demo.agencies import demo_agencies_build
from tests.e2e.conftest import ARTIFACTS, local_page

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reader_checks_an_agency_on_a_phone_in_khmer(browser, live_server, geography):
    demo_agencies_build()
    with translation.override("km"):
        url = f"{live_server.url}{reverse('agency_check')}"
    page = local_page(browser, live_server, viewport={"width": 360, "height": 780})
    page.goto(url)
    # The name as a reader might type it: "សុក" for "សុខា", no spaces, no legal form.
    page.fill("input[name=q]", "សុកម៉ានផៅវ័រ")
    page.click("button[type=submit].button")
    verdict = page.locator(".agency--licensed .agency__verdict").first
    assert verdict.inner_text().strip() == "មានអាជ្ញាប័ណ្ណ"
    assert "សុខា ម៉ានផៅវ័រ" in page.locator(".agency__name").first.inner_text()
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "agency-check-km-360.png"), full_page=True)

    page.fill("input[name=q]", "112 19")
    page.click("button[type=submit].button")
    assert page.locator(".agency--suspended").count() == 1
    assert page.outside_requests == []
