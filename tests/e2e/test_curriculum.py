"""In Chromium on a phone: from the home page to a lesson in Khmer, accessible and light."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FIRST_VISIT_BUDGET = 150 * 1024


def test_a_reader_finds_a_lesson_through_a_filter_in_khmer(
    geography, curriculum_tree, phone, live_server, screenshot_path
):
    phone.goto(f"{live_server.url}/km/")
    phone.get_by_role("link", name="មេរៀនទាំងអស់").click()
    phone.wait_for_url(f"{live_server.url}{curriculum_tree['index'].url}")

    phone.get_by_label("ប្រធានបទ").select_option("agencies")
    phone.get_by_role("button", name="បង្ហាញមេរៀន").click()
    phone.wait_for_url("**/?topic=agencies*")
    lessons = phone.locator("#lessons-heading ~ ul .card__title a")
    assert lessons.all_inner_texts() == ["ពិនិត្យភ្នាក់ងារជ្រើសរើស"]

    lessons.first.click()
    phone.wait_for_url(f"{live_server.url}{curriculum_tree['lesson'].url}")
    assert phone.locator("h1").inner_text() == "ពិនិត្យភ្នាក់ងារជ្រើសរើស"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=screenshot_path("lesson-km-360"), full_page=True)
    assert phone.outside_requests == []


def serious_accessibility_violations(page):
    # Evaluated by the browser's debugging protocol, not added as an inline <script>:
    # the site's Content-Security-Policy refuses inline scripts, the test's own included.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    results = page.evaluate("async () => await axe.run(document)")
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_public_pages_have_no_serious_accessibility_violations(
    geography, curriculum_tree, campaign, help_page, phone, live_server
):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    pages = {
        "home": "/km/",
        "curriculum index": curriculum_tree["index"].url,
        "lesson": curriculum_tree["lesson"].url,
        "campaign": campaign.url,
        "help": help_page.url,
        "home in English": "/en/",
    }
    found = {}
    for name, url in pages.items():
        phone.goto(f"{live_server.url}{url}")
        violations = serious_accessibility_violations(phone)
        if violations:
            found[name] = violations
    assert found == {}


def test_a_lesson_page_weighs_at_most_150_kb_on_a_first_visit(
    geography, curriculum_tree, phone, live_server
):
    sizes = {}

    def record(response):
        if response.request.resource_type != "image":
            sizes[response.url] = len(response.body())

    phone.on("response", record)
    phone.goto(f"{live_server.url}{curriculum_tree['lesson'].url}", wait_until="networkidle")
    total = sum(sizes.values())
    assert any(url.endswith(".woff2") for url in sizes), "the Khmer font was loaded"
    assert total <= FIRST_VISIT_BUDGET, sizes
