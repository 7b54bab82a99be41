"""Two app servers and two task workers on one PostgreSQL, behind nginx's upstream.

The shape that scales past one machine: any app server answers any request, since the
login sessions, the page cache and the task queue are all in PostgreSQL. Each app server is
a gunicorn rendered with its own bind (SMH_APP_SERVERS lists both in nginx's upstream);
here they share the media folder as machines would share object storage or a mount.
"""

import io
import json
import time
from pathlib import Path

import pytest
import requests
from PIL import Image

from tests.deploy.conftest import manage
from tests.deploy.stack import NGINX, Browser, DeployedStack, deployed_stack, logged_in_browser

EDITOR = "editor.two-servers"
PASSWORD = "two-servers-Pa55word!"
LESSON = "/km/curriculum/preparing/check-agency/"

CONTENT = f"""
import json
from django.contrib.auth import get_user_model
from tests.deploy.site_content import build_lesson
lesson = build_lesson()
get_user_model().objects.create_superuser({EDITOR!r}, "editor@example.org", {PASSWORD!r})
print(json.dumps({{"lesson_id": lesson.pk, "module_id": lesson.get_parent().pk}}))
"""


def content_made(environment: dict[str, str]) -> dict:
    return json.loads(manage("shell", "--no-imports", "-c", CONTENT, environment=environment))


@pytest.fixture(scope="module")
def two_servers(throwaway_postgres, collected_static_root, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (Debian package nginx)")
    with deployed_stack(
        postgres=throwaway_postgres,
        static_root=collected_static_root,
        folder=tmp_path_factory.mktemp("two-servers"),
        content=content_made,
        app_servers=2,
        gunicorn_workers=1,
        task_workers=2,
    ) as stack:
        yield stack


def requests_served_by(stack: DeployedStack, number: int, path: str) -> int:
    """How many requests for `path` app server `number`'s access log shows."""
    return stack.app_server_log(number).read_text().count(f"GET {path} ")


def session_logged_in(stack: DeployedStack) -> Browser:
    return logged_in_browser(stack, EDITOR, PASSWORD)


def test_a_login_made_on_one_app_server_holds_on_the_other(two_servers):
    browser = session_logged_in(two_servers)
    for _request in range(4):
        response = browser.get(f"{two_servers.url}/admin/", allow_redirects=False, timeout=30)
        assert response.status_code == 200
    # nginx took the two servers in turn: each served the logged-in dashboard.
    assert requests_served_by(two_servers, 1, "/admin/") >= 1
    assert requests_served_by(two_servers, 2, "/admin/") >= 1


def test_an_image_uploaded_through_one_server_is_seen_by_both(two_servers):
    browser = session_logged_in(two_servers)
    picture = io.BytesIO()
    Image.new("RGB", (60, 40), "#0b5d7a").save(picture, format="PNG")
    add = f"{two_servers.url}/admin/images/add/"
    browser.get(add, timeout=30)
    response = browser.post(
        add,
        data={
            "title": "UPLOADED-ON-ONE-SERVER",
            "collection": "1",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        files={"file": ("poster.png", picture.getvalue(), "image/png")},
        headers={"Referer": add},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:2000]
    [stored] = list((two_servers.media_root / "original_images").glob("poster*.png"))
    image = requests.get(
        f"{two_servers.url}/media/original_images/{stored.name}",
        verify=two_servers.certificate,
        timeout=30,
    )
    assert image.status_code == 200
    assert image.content == stored.read_bytes()
    for _request in range(2):  # once from each app server
        listing = browser.get(f"{two_servers.url}/admin/images/", timeout=30)
        assert "UPLOADED-ON-ONE-SERVER" in listing.text


def test_a_publish_purges_the_page_cache_of_both_servers(two_servers):
    for number in (1, 2):
        two_servers.get_from_app_server(number, LESSON)
        assert two_servers.get_from_app_server(number, LESSON).headers["X-Page-Cache"] == "hit"
    publish = (
        "from curriculum.models import LessonPage; "
        "lesson = LessonPage.objects.get(url_path__endswith='/check-agency/'); "
        "lesson.summary = 'SUMMARY-OF-THE-SECOND-SERVER'; lesson.save_revision().publish()"
    )
    manage("shell", "--no-imports", "-c", publish, environment=two_servers.environment)
    # The first server renders the page again; the second is served what the first stored.
    pages = [two_servers.get_from_app_server(number, LESSON) for number in (1, 2)]
    assert [page.headers["X-Page-Cache"] for page in pages] == ["miss", "hit"]
    assert all("SUMMARY-OF-THE-SECOND-SERVER" in page.text for page in pages)


def test_readers_asking_both_servers_at_once_get_a_pdf_built_once(two_servers):
    handout = f"/km/print/{two_servers.content['lesson_id']}/handout/"
    # The files publishing made are lost: the next readers' asking makes them again.
    forget = (
        "from curriculum.models import PrintedFile; "
        "[printed.file.delete(save=False) for printed in PrintedFile.objects.all()]; "
        "PrintedFile.objects.all().delete()"
    )
    manage("shell", "--no-imports", "-c", forget, environment=two_servers.environment)
    first = [two_servers.get_from_app_server(number, handout) for number in (1, 2, 1, 2)]
    assert [response.status_code for response in first] == [503] * 4
    assert all(response.headers["Retry-After"] == "3" for response in first)

    deadline = time.monotonic() + 90
    while True:
        response = requests.get(
            two_servers.url + handout, verify=two_servers.certificate, timeout=30
        )
        if response.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    count = (
        "from curriculum.models import PrintedFile; "
        "from django_tasks_db.models import DBTaskResult; "
        "print(PrintedFile.objects.filter(variant='handout').count(), "
        "DBTaskResult.objects.filter(task_path__endswith='.printed_file_build').count())"
    )
    made = manage("shell", "--no-imports", "-c", count, environment=two_servers.environment)
    assert made.split() == ["1", "1"]  # one file, from one build, for four readers
    assert len(list(two_servers.printed_root.rglob("*-handout-*.pdf"))) == 1
