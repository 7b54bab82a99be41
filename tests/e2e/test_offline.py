"""In Chromium on a 360 px phone with the network switched off: saved lessons, the offline page,
an installable app, and a club leader's pages forgotten at log-out."""

import pytest

from tests.factories import club_leader_of

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
FIRST_VISIT_BUDGET = 150 * 1024


def wait_for_worker(page):
    """Until the service worker controls the page (on a first visit it claims it)."""
    # Evaluated through the debugging protocol: the site's policy refuses a polled `eval`.
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            if (navigator.serviceWorker.controller) return;
            await new Promise((resolve) => {
                const worker = navigator.serviceWorker;
                worker.addEventListener("controllerchange", resolve, { once: true });
            });
        }"""
    )


def fetch_status_and_start(page, url: str) -> list:
    """A fetch from the page (through its service worker): the status and the first bytes."""
    return page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            return [response.status, String.fromCharCode(...bytes.slice(0, 5)), bytes.length];
        }""",
        url,
    )


def cached_addresses(page) -> list[str]:
    """Every address in every cache of the service worker, as "<cache> <path>"."""
    return page.evaluate(
        """async () => {
            const found = [];
            for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) {
                    found.push(name + " " + new URL(request.url).pathname);
                }
            }
            return found;
        }"""
    )


def test_a_reader_saves_a_pack_and_reads_a_lesson_and_its_handout_offline(
    geography, curriculum_tree, phone, live_server, screenshot_path
):
    module, lesson = curriculum_tree["module"], curriculum_tree["lesson"]
    short_lesson = curriculum_tree["short_lesson"]
    phone.goto(f"{live_server.url}{module.url}")
    wait_for_worker(phone)

    phone.get_by_role("button", name="រក្សាទុកកញ្ចប់នេះសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត").click()
    status = phone.locator(".offline-save__status")
    status.filter(has_text="បានរក្សាទុកក្នុងទូរស័ព្ទនេះ").wait_for(timeout=60_000)
    phone.screenshot(path=screenshot_path("offline-saved-pack-km-360"))

    phone.context.set_offline(True)
    # A lesson of the pack never opened before: saved with the pack.
    phone.goto(f"{live_server.url}{short_lesson.url}")
    assert phone.locator("h1").inner_text() == short_lesson.title
    phone.goto(f"{live_server.url}{lesson.url}")
    assert phone.locator("h1").inner_text() == lesson.title
    assert phone.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    handout = f"/km/print/{lesson.pk}/handout/"
    status_code, start, size = fetch_status_and_start(phone, handout)
    assert (status_code, start) == (200, "%PDF-") and size > 1000
    # Opening the handout from the lesson downloads the saved file.
    with phone.expect_download() as download:
        phone.locator(f'a[href="{handout}"]').click()
    assert download.value.failure() is None
    phone.screenshot(path=screenshot_path("offline-lesson-km-360"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # A page never opened nor saved: the Khmer offline page, which lists what is saved.
    phone.goto(f"{live_server.url}/km/search/?q=passport")
    assert phone.locator("h1").inner_text() == "អ្នកមិនមានអ៊ីនធឺណិតទេ"
    saved = phone.locator("[data-offline-items] li a")
    saved.first.wait_for()
    assert saved.all_inner_texts() == [module.title]
    phone.screenshot(path=screenshot_path("offline-page-km-360"), full_page=True)
    assert phone.outside_requests == []


def test_the_saved_page_lists_sizes_and_space_and_deletes_an_item(
    geography, curriculum_tree, phone, live_server
):
    lesson = curriculum_tree["lesson"]
    phone.goto(f"{live_server.url}{lesson.url}")
    wait_for_worker(phone)
    phone.get_by_role("button", name="រក្សាទុកសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត").click()
    phone.locator(".offline-save__status").filter(has_text="បានរក្សាទុក").wait_for(timeout=60_000)

    phone.get_by_role("link", name="បានរក្សាទុក", exact=True).click()
    item = phone.locator("[data-offline-items] li")
    item.first.wait_for()
    assert lesson.title in item.inner_text()
    assert "KB" in item.inner_text()
    phone.locator("[data-offline-space]").filter(has_text="ទំហំ").wait_for()

    phone.get_by_role("button", name=f"លុប: {lesson.title}").click()
    phone.locator("[data-offline-empty]").wait_for(state="visible")
    assert not any(" /km/print/" in entry for entry in cached_addresses(phone) if "saved" in entry)


def test_a_full_phone_is_said_plainly_and_nothing_is_half_saved(
    geography, curriculum_tree, phone, live_server
):
    module = curriculum_tree["module"]
    phone.goto(f"{live_server.url}{module.url}")
    wait_for_worker(phone)
    # A phone with almost no room left for this site.
    session = phone.context.new_cdp_session(phone)
    session.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": 60_000})
    phone.get_by_role("button", name="រក្សាទុកកញ្ចប់នេះសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត").click()
    problem = phone.locator(".offline-save--problem .offline-save__status")
    problem.wait_for(timeout=60_000)
    assert "ទូរស័ព្ទរបស់អ្នកពេញ" in problem.inner_text()
    assert [entry for entry in cached_addresses(phone) if entry.startswith("smh-saved")] == []


def test_the_site_is_installable(geography, curriculum_tree, phone, live_server):
    phone.goto(f"{live_server.url}{curriculum_tree['lesson'].url}")
    manifest_url = phone.locator("link[rel=manifest]").get_attribute("href")
    assert manifest_url == "/km/manifest.webmanifest"
    wait_for_worker(phone)
    worker_script = phone.evaluate("navigator.serviceWorker.controller.scriptURL")
    assert worker_script == f"{live_server.url}/sw.js"
    manifest = phone.evaluate("async (url) => (await fetch(url)).json()", manifest_url)
    assert manifest["start_url"] == "/km/" and manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        width, height = phone.evaluate(
            """(src) => new Promise((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve([image.naturalWidth, image.naturalHeight]);
                image.onerror = reject;
                image.src = src;
            })""",
            icon["src"],
        )
        assert f"{width}x{height}" == icon["sizes"]
    # Chromium's own check of the manifest: no errors.
    session = phone.context.new_cdp_session(phone)
    errors = session.send("Page.getAppManifest")["errors"]
    assert errors == []


def test_a_lesson_first_visit_with_the_worker_stays_within_150_kb(
    geography, curriculum_tree, phone, live_server
):
    worker_scripts = []
    phone.context.on(
        "response",
        lambda response: response.url.endswith("/sw.js") and worker_scripts.append(response),
    )
    phone.goto(f"{live_server.url}{curriculum_tree['lesson'].url}", wait_until="networkidle")
    wait_for_worker(phone)
    phone.wait_for_load_state("networkidle")
    # Bytes that crossed the network (0 for what came from a cache): the page's own
    # requests, and the worker's (its precache of the offline pages and the site's files).
    transferred = """() => performance.getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"))
        .map((entry) => [entry.name, entry.transferSize])"""
    sizes = phone.evaluate(transferred)
    sizes += phone.context.service_workers[0].evaluate(transferred)
    sizes += [(response.url, len(response.body())) for response in worker_scripts]
    assert any(url.endswith("/sw.js") for url, _size in sizes)
    assert any(url.endswith(".woff2") and size > 0 for url, size in sizes), sizes
    assert sum(size for _url, size in sizes) <= FIRST_VISIT_BUDGET, sizes


def test_a_club_leaders_pages_are_never_kept_and_their_copies_go_at_log_out(
    geography, curriculum_tree, phone, live_server
):
    from tests.factories import YouthGroupFactory

    club_leader_of(YouthGroupFactory(name="ក្លឹបយុវជនបន្ទាយស្រី"), username="leader")
    phone.goto(f"{live_server.url}/km/accounts/login/")
    wait_for_worker(phone)
    phone.fill("#id_username", "leader")
    phone.fill("#id_password", PASSWORD)
    phone.click("main button[type=submit]")
    phone.wait_for_url(f"{live_server.url}/km/club/")
    phone.goto(f"{live_server.url}{curriculum_tree['lesson'].url}")
    phone.get_by_role("button", name="រក្សាទុកសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត").click()
    phone.locator(".offline-save__status").filter(has_text="បានរក្សាទុក").wait_for(timeout=60_000)
    kept = cached_addresses(phone)
    assert not [entry for entry in kept if "/club/" in entry or "/accounts/" in entry], kept
    # The facilitator's lesson plan is kept, apart from what anonymous readers get.
    lesson_plan = f"/km/print/{curriculum_tree['lesson'].pk}/lesson-plan/"
    assert f"smh-saved-private {lesson_plan}" in kept

    phone.get_by_role("button", name="ចាកចេញ").click()
    phone.wait_for_url(f"{live_server.url}/km/")
    kept = cached_addresses(phone)
    assert not [entry for entry in kept if "private" in entry.split()[0]], kept
    phone.context.set_offline(True)
    phone.goto(f"{live_server.url}/km/club/")
    assert phone.locator("h1").inner_text() == "អ្នកមិនមានអ៊ីនធឺណិតទេ"


def test_the_agency_check_answers_already_read_stay_readable_offline(geography, phone, live_server):
    from demo.agencies import demo_agencies_build

    demo_agencies_build()
    phone.goto(f"{live_server.url}/km/agencies/check/")
    wait_for_worker(phone)
    phone.fill("input[name=q]", "សុកម៉ានផៅវ័រ")
    phone.click("button[type=submit].button")
    phone.locator(".agency--licensed").first.wait_for()
    answer_url = phone.url

    phone.context.set_offline(True)
    phone.goto(answer_url)
    assert phone.locator(".agency--licensed .agency__verdict").first.inner_text().strip() == (
        "មានអាជ្ញាប័ណ្ណ"
    )
    # A name not asked before: the offline page, which links the answers read before.
    phone.fill("input[name=q]", "112 19")
    phone.click("button[type=submit].button")
    assert phone.locator("h1").inner_text() == "អ្នកមិនមានអ៊ីនធឺណិតទេ"
    checks = phone.locator("[data-offline-agency-checks] a")
    checks.first.wait_for()
    assert checks.all_inner_texts() == ["សុកម៉ានផៅវ័រ"]
    checks.first.click()
    phone.locator(".agency--licensed").first.wait_for()


def test_a_saved_lesson_is_updated_when_it_is_republished(
    geography, curriculum_tree, phone, live_server
):
    lesson = curriculum_tree["short_lesson"]
    phone.goto(f"{live_server.url}{lesson.url}")
    wait_for_worker(phone)
    phone.get_by_role("button", name="រក្សាទុកសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត").click()
    phone.locator(".offline-save__status").filter(has_text="បានរក្សាទុក").wait_for(timeout=60_000)

    lesson.summary = "សេចក្ដីសង្ខេបដែលបានកែថ្មី។"
    lesson.save_revision().publish()
    # Opening "Saved" online compares each item's version with the server's.
    phone.goto(f"{live_server.url}/km/offline/saved/")
    phone.locator(".saved-items [role=status]").filter(has_text="បានធ្វើបច្ចុប្បន្នភាព").wait_for(
        timeout=60_000
    )

    phone.context.set_offline(True)
    phone.goto(f"{live_server.url}{lesson.url}")
    assert phone.locator(".lesson__summary").inner_text() == "សេចក្ដីសង្ខេបដែលបានកែថ្មី។"
