"""In Chromium on a phone: the home page in Khmer, drawn with the Khmer font, then English."""

import pytest

from demo.home_pages import demo_home_pages_build

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fonts_used_for(page, selector):
    """The fonts Chromium really drew the element's text with (not what CSS asked for)."""
    page.evaluate("document.fonts.ready")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    session.detach()
    return fonts


def test_a_reader_sees_khmer_in_the_khmer_font_and_switches_to_english(
    phone, live_server, screenshot_path
):
    demo_home_pages_build()

    phone.goto(f"{live_server.url}/")
    assert phone.url == f"{live_server.url}/km/"
    assert phone.locator("html").get_attribute("lang") == "km"
    heading = phone.locator("h1")
    assert heading.inner_text() == "សុវត្ថិភាពក្នុងការធ្វើចំណាកស្រុក"

    fonts = fonts_used_for(phone, "h1")
    assert [font["familyName"] for font in fonts] == ["Noto Sans Khmer"]
    assert fonts[0]["isCustomFont"] is True  # the web font, not a system font
    assert phone.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")

    # Nothing is wider than the phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=screenshot_path("home-km-360"), full_page=True)

    phone.get_by_role("link", name="English").click()
    phone.wait_for_url(f"{live_server.url}/en/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert heading.inner_text() == "Safe Migration Hub"
    phone.screenshot(path=screenshot_path("home-en-360"), full_page=True)

    phone.get_by_role("link", name="ខ្មែរ").click()
    phone.wait_for_url(f"{live_server.url}/km/")
    assert phone.outside_requests == []


def test_the_skip_link_takes_a_keyboard_user_to_the_content(phone, live_server):
    demo_home_pages_build()
    phone.goto(f"{live_server.url}/km/")
    phone.keyboard.press("Tab")
    skip_link = phone.locator("a.skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    phone.keyboard.press("Enter")
    assert phone.evaluate("location.hash") == "#main-content"
