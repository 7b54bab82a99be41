"""End-to-end fixtures: the system Chromium driven by Playwright against the live server."""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in the test thread; the database calls the
# tests make there are still synchronous, so Django's async guard is lifted for them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian package chromium)")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_server):
    """A page in a 360 px wide phone screen that may only talk to the live server."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
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
    yield page
    context.close()


@pytest.fixture
def screenshot_path():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def path_for(name: str) -> str:
        return str(ARTIFACTS / f"{name}.png")

    return path_for
