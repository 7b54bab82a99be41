"""End-to-end fixtures: the system Chromium driven by Playwright against the live server."""

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.db import connections

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture
def browser(monkeypatch):
    """Chromium, started for one test after its database is set up and stopped before
    the database is reset.

    Playwright's sync API keeps an event loop running in the test thread while it is
    started. Django then treats the thread as async: its database calls need
    DJANGO_ALLOW_ASYNC_UNSAFE and go through connections of their own, which are
    closed here before the test database is flushed and restored.
    """
    executable = chromium_executable()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian package chromium)")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield browser
        finally:
            connections.close_all()
            browser.close()


def local_page(browser, live_server, **context_options):
    """A page in a new browser context that may only talk to the live server.

    Any other request is aborted and listed in `page.outside_requests`, so a test can
    assert the page fetched nothing from the internet.
    """
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.outside_requests = []
    live_host = urlparse(live_server.url).netloc

    def keep_it_local(route):
        if urlparse(route.request.url).netloc == live_host:
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", keep_it_local)
    return page


@pytest.fixture
def phone(browser, live_server):
    """A page in a 360 px wide phone screen that may only talk to the live server."""
    page = local_page(
        browser,
        live_server,
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
    )
    yield page
    page.context.close()


@pytest.fixture
def screenshot_path():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def path_for(name: str) -> str:
        return str(ARTIFACTS / f"{name}.png")

    return path_for


#: The password tests.factories gives every user.
FACTORY_PASSWORD = "correct horse battery"


@pytest.fixture
def desktop(browser, live_server):
    """A page in a desktop-sized window (the admin's officers), talking only to the live server."""
    page = local_page(browser, live_server, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()


@pytest.fixture
def admin_login(live_server):
    """A function that logs `page` in to the admin as `username` and waits for the dashboard."""

    def log_in(page, username: str) -> None:
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", FACTORY_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return log_in
