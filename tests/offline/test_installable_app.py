"""The installable app: its manifest, the service worker script at the root, the offline pages.

Read as the browser reads them: the manifest's fields and icons, the worker's headers and the
addresses it is told never to keep.
"""

import json
import re
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from PIL import Image

from tests.fixtures.production_static import production_storage

pytestmark = pytest.mark.django_db


def worker_constant(script: str, name: str) -> str:
    """The value a constant of the worker script is given, as written."""
    return re.search(rf"^const {name} = (.+);$", script, re.MULTILINE).group(1)


def worker_pattern(script: str, name: str) -> re.Pattern:
    """A `new RegExp("...")` of the worker script, as Python's re reads the same pattern."""
    literal = re.fullmatch(r'new RegExp\((".*")\)', worker_constant(script, name)).group(1)
    return re.compile(json.loads(literal))


def test_the_manifest_names_the_app_in_khmer_and_opens_at_the_khmer_home_page(client):
    response = client.get("/km/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "មជ្ឈមណ្ឌលចំណាកស្រុកសុវត្ថិភាព"
    assert manifest["short_name"] == "ចំណាកស្រុកសុវត្ថិភាព"
    assert manifest["lang"] == "km"
    assert manifest["start_url"] == "/km/"
    assert (manifest["scope"], manifest["display"], manifest["id"]) == ("/", "standalone", "/")


def test_the_english_manifest_opens_at_the_english_home_page_as_the_same_app(client):
    manifest = json.loads(client.get("/en/manifest.webmanifest").content)
    assert manifest["name"] == "Safe Migration Hub"
    assert manifest["start_url"] == "/en/"
    assert manifest["id"] == "/"


def test_the_manifest_icons_are_png_files_of_the_sizes_it_says(client):
    manifest = json.loads(client.get("/km/manifest.webmanifest").content)
    purposes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
        purposes.add((icon["sizes"], icon.get("purpose", "any")))
    assert purposes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}


def test_every_public_page_links_the_manifest_and_the_script_that_registers_the_worker(client):
    page = BeautifulSoup(client.get("/km/offline/").content, "html.parser")
    assert page.select_one("link[rel=manifest]")["href"] == "/km/manifest.webmanifest"
    script = page.select_one("script[data-worker]")
    assert script["data-worker"] == "/sw.js"
    assert script["src"] == "/static/js/offline.js"
    assert script.has_attr("defer")


def test_the_worker_is_served_from_the_root_so_it_may_control_every_page(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    # A new deployment must be found on the next visit, not after a cached day.
    assert response["Cache-Control"] == "no-cache"
    policy = response["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy


def test_the_worker_keeps_the_offline_pages_and_the_files_a_saved_page_needs(client):
    script = client.get("/sw.js").content.decode()
    assert json.loads(worker_constant(script, "OFFLINE_PAGES")) == {
        "km": "/km/offline/",
        "en": "/en/offline/",
    }
    precached = json.loads(worker_constant(script, "PRECACHED_STATIC"))
    assert "/static/css/site.css" in precached
    assert "/static/fonts/NotoSansKhmer.woff2" in precached
    assert all(finders.find(url.removeprefix("/static/")) for url in precached)


def test_a_new_deployment_with_new_static_files_is_a_new_worker(client, collected_static_root):
    development_script = client.get("/sw.js").content.decode()
    with production_storage(collected_static_root):
        script = client.get("/sw.js").content.decode()
    precached = json.loads(worker_constant(script, "PRECACHED_STATIC"))
    # Hashed names, read from the cache first: a new file has a new name.
    hashed_name = re.compile(worker_constant(script, "HASHED_NAME").strip("/"))
    assert all(hashed_name.search(url) for url in precached), precached
    # Other files, another script: the browser installs it, and its static cache is new.
    assert worker_constant(script, "VERSION") != worker_constant(development_script, "VERSION")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/training_sessions/",
        "/km/club/",
        "/en/club/sessions/12/",
        "/km/commune/",
        "/en/commune/movements/3/",
        "/km/accounts/login/",
        "/en/accounts/password/abc/def/",
    ],
)
def test_the_worker_never_keeps_addresses_that_may_show_personal_data_or_a_login(client, path):
    script = client.get("/sw.js").content.decode()
    assert worker_pattern(script, "PRIVATE_PATH").match(path)


@pytest.mark.parametrize("path", ["/km/", "/km/curriculum/preparing/", "/km/agencies/check/"])
def test_the_worker_may_keep_public_pages(client, path):
    script = client.get("/sw.js").content.decode()
    assert not worker_pattern(script, "PRIVATE_PATH").match(path)


def test_logging_out_is_what_makes_the_worker_forget_private_copies(client):
    script = client.get("/sw.js").content.decode()
    assert worker_pattern(script, "LOGOUT").match("/km/accounts/logout/")
    assert worker_pattern(script, "LOGOUT").match("/en/accounts/logout/")


def test_the_offline_page_is_in_khmer_and_holds_the_list_of_saved_items(client):
    response = client.get("/km/offline/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "អ្នកមិនមានអ៊ីនធឺណិតទេ"
    saved_list = page.select_one("[data-offline-saved-list]")
    assert saved_list["data-quota"].startswith("ទូរស័ព្ទរបស់អ្នកពេញ")
    assert "private" not in response.get("Cache-Control", "")


def test_the_offline_page_in_english(client):
    page = BeautifulSoup(client.get("/en/offline/").content, "html.parser")
    assert page.h1.get_text() == "You are offline"


def test_the_saved_page_offers_to_delete_and_shows_the_space_left(client):
    page = BeautifulSoup(client.get("/km/offline/saved/").content, "html.parser")
    saved_list = page.select_one("[data-offline-saved-list]")
    assert saved_list.has_attr("data-can-delete")
    assert "{used}" in saved_list["data-space"] and "{left}" in saved_list["data-space"]
    assert page.select_one("[data-offline-space]") is not None


def test_icons_are_real_pictures_not_empty_files():
    for name in ("app-192.png", "app-512.png", "app-maskable-512.png"):
        with open(finders.find(f"img/icons/{name}"), "rb") as file:
            image = Image.open(BytesIO(file.read())).convert("RGB")
        colours = image.getcolors(maxcolors=1_000_000)
        assert len(colours) > 2, name
