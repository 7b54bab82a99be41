"""The deploy/ folder, used as an administrator would: nginx, gunicorn and a task worker.

The stack is started from the rendered files as tests/deploy/stack.py says, on a
PostgreSQL of the test's own. Then a reader, a facilitator's link and a load balancer are
served through nginx.
"""

import hashlib
import json
import re
import subprocess
import time
import uuid
from pathlib import Path

import brotli
import pytest
import requests

from tests.deploy.conftest import manage, unit_command
from tests.deploy.site_content import LESSON_TITLE_KM
from tests.deploy.stack import NGINX, deployed_stack, logged_in_browser

EDITOR = "editor.smoke"
PASSWORD = "smoke-test-Pa55word!"
LESSON = "/km/curriculum/preparing/check-agency/"

CONTENT = f"""
from django.contrib.auth import get_user_model
from tests.deploy.site_content import build_lesson
get_user_model().objects.create_superuser({EDITOR!r}, "editor@example.org", {PASSWORD!r})
print(build_lesson().pk)
"""


def lesson_made(environment: dict[str, str]) -> str:
    return manage("shell", "--no-imports", "-c", CONTENT, environment=environment)


@pytest.fixture(scope="module")
def deployed_site(throwaway_postgres, collected_static_root, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (Debian package nginx)")
    with deployed_stack(
        postgres=throwaway_postgres,
        static_root=collected_static_root,
        folder=tmp_path_factory.mktemp("deployed"),
        content=lesson_made,
    ) as stack:
        yield {
            "url": stack.url,
            "http_url": stack.http_url,
            "lesson_id": int(stack.content),
            "printed_root": stack.printed_root,
            "postgres": throwaway_postgres,
            "certificate": stack.certificate,
            # gunicorn's access log
            "process_log": stack.app_server_log(1),
            "environment": stack.environment,
            "stack": stack,
        }


def get(site, path: str, **kwargs) -> requests.Response:
    return requests.get(
        site["url"] + path,
        verify=site["certificate"],
        allow_redirects=False,
        timeout=30,
        **kwargs,
    )


def get_printed(site, path: str, seconds: float = 90, **kwargs) -> requests.Response:
    """A printed file, asked again as the "being prepared" page says until the worker made it."""
    deadline = time.monotonic() + seconds
    while True:
        response = get(site, path, **kwargs)
        if response.status_code != 503 or time.monotonic() > deadline:
            return response
        assert int(response.headers["Retry-After"]) <= 5, response.text[:500]
        time.sleep(0.5)


def test_a_reader_gets_the_khmer_lesson_compressed_from_nginx(deployed_site):
    response = get(deployed_site, "/km/curriculum/preparing/check-agency/",
                   headers={"Accept-Encoding": "gzip"})  # fmt: skip
    assert response.status_code == 200
    assert response.headers["Server"].startswith("nginx")
    assert response.headers["Content-Encoding"] == "gzip"
    assert LESSON_TITLE_KM in response.text
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_plain_http_is_sent_to_https(deployed_site):
    response = requests.get(deployed_site["http_url"] + "/km/", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://localhost")


def test_hashed_static_files_are_kept_a_year_by_browsers(deployed_site):
    page = get(deployed_site, "/km/curriculum/preparing/check-agency/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page).group(1)
    response = get(deployed_site, stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"


def test_a_handout_is_sent_by_nginx_after_the_view_allowed_it(deployed_site):
    # A logged-in reader's handout: never from nginx's cache, sent by X-Accel-Redirect.
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    path = f"/km/print/{deployed_site['lesson_id']}/handout/"
    get_printed(deployed_site, path)
    response = browser.get(deployed_site["url"] + path, timeout=30)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    # The bytes are the stored file's, its SHA-256 the view's ETag: nginx read the file the
    # view named in X-Accel-Redirect (which nginx never passes on).
    stored = [path for path in deployed_site["printed_root"].rglob("*.pdf")
              if path.read_bytes() == response.content]  # fmt: skip
    assert len(stored) == 1
    assert response.headers["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()}"'
    assert "X-Accel-Redirect" not in response.headers
    # gunicorn's access log: the application answered with no body (nginx sent the bytes).
    handout = f'"GET {path} HTTP/1.0" 200 '
    # gunicorn writes its line once the worker has finished, which may be after nginx has
    # sent the file to us: wait a little for it on a busy machine.
    answers: list[str] = []
    for _attempt in range(50):
        answers = [line.split(handout)[1].split()[0]
                   for line in deployed_site["process_log"].read_text().splitlines()
                   if handout in line]  # fmt: skip
        if "0" in answers:
            break
        time.sleep(0.1)
    assert "0" in answers
    assert "attachment" in response.headers["Content-Disposition"]
    part = browser.get(deployed_site["url"] + path, headers={"Range": "bytes=0-99"}, timeout=30)
    assert part.status_code == 206
    assert part.content == response.content[:100]


def test_printed_files_cannot_be_fetched_past_the_view(deployed_site):
    get_printed(deployed_site, f"/km/print/{deployed_site['lesson_id']}/handout/")
    for path in deployed_site["printed_root"].rglob("*.pdf"):
        name = path.relative_to(deployed_site["printed_root"])
        assert get(deployed_site, f"/_printed/{name}").status_code == 404


def test_a_lesson_plan_is_refused_to_a_reader_who_is_not_logged_in(deployed_site):
    response = get(deployed_site, f"/km/print/{deployed_site['lesson_id']}/lesson-plan/")
    assert response.status_code == 302
    assert "/km/accounts/login/" in response.headers["Location"]
    assert not response.content.startswith(b"%PDF")


def test_the_health_check_answers_through_nginx(deployed_site):
    response = get(deployed_site, "/healthz")
    assert response.status_code == 200
    assert json.loads(response.content)["database"] == "ok"


def test_a_database_cut_costs_no_request_after_it(deployed_site):
    # Every kept connection of gunicorn and the worker is cut, as a PostgreSQL restart does.
    deployed_site["postgres"].sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = 'smh' AND pid <> pg_backend_pid()"
    )
    for _attempt in range(6):
        assert get(deployed_site, "/km/curriculum/preparing/check-agency/").status_code == 200


def fresh_address(path: str) -> str:
    """The page at an address no earlier test asked for (a key of nginx's cache of its own)."""
    return f"{path}?reader={uuid.uuid4().hex}"


def kept_by_nginx(response: requests.Response) -> bool:
    """Answered from nginx's cache (a hit, or a copy given while it is renewed)."""
    return response.headers.get("X-Cache-Status") in {"HIT", "STALE", "UPDATING"}


def test_an_anonymous_readers_page_is_kept_by_nginx(deployed_site):
    lesson = fresh_address(LESSON)
    first = get(deployed_site, lesson)
    assert first.headers["X-Cache-Status"] == "MISS"
    # Another reader, with other cookies (a language, a form token of an earlier form): the
    # page does not vary with them, and nginx's copy tells this reader its language too.
    second = get(deployed_site, lesson, cookies={"csrftoken": "a" * 32, "django_language": "en"})
    assert second.headers["X-Cache-Status"] == "HIT"
    assert second.content == first.content
    assert "django_language=km;" in second.headers["Set-Cookie"]
    assert "X-Accel-Expires" not in second.headers
    # gunicorn answered once.
    served = deployed_site["process_log"].read_text()
    assert served.count(f"GET {lesson} ") == 1


def test_a_link_shared_with_tracking_parameters_is_one_page_for_nginx(deployed_site):
    campaign = f"{LESSON}?fbclid={uuid.uuid4().hex}"
    get(deployed_site, campaign)
    again = get(deployed_site, f"{campaign}-another-click&utm_source=facebook")
    assert again.headers["X-Cache-Status"] == "HIT"


def test_a_logged_in_readers_page_is_never_from_nor_kept_by_nginx(deployed_site):
    lesson = fresh_address(LESSON)
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    get(deployed_site, lesson)  # kept for anonymous readers
    own = browser.get(deployed_site["url"] + lesson, timeout=30)
    assert own.headers["X-Cache-Status"] == "BYPASS"
    assert 'action="/km/accounts/logout/"' in own.text

    # Asked first by the logged-in reader, the page is kept for nobody.
    private = fresh_address(LESSON)
    for _read in range(2):
        assert browser.get(deployed_site["url"] + private, timeout=30).status_code == 200
    anonymous = get(deployed_site, private)
    assert anonymous.headers["X-Cache-Status"] == "MISS"
    assert "/accounts/logout/" not in anonymous.text
    assert "csrfmiddlewaretoken" not in anonymous.text


def test_a_search_is_kept_by_nginx_for_anonymous_readers_only(deployed_site):
    search = f"/km/search/?q={uuid.uuid4().hex}"
    get(deployed_site, search)
    assert get(deployed_site, search).headers["X-Cache-Status"] == "HIT"
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    own = browser.get(deployed_site["url"] + search, timeout=30)
    assert own.headers["X-Cache-Status"] == "BYPASS"
    assert 'action="/km/accounts/logout/"' in own.text


def test_a_reader_with_messages_waiting_or_a_login_header_is_never_answered_by_nginx(deployed_site):
    lesson = fresh_address(LESSON)
    get(deployed_site, lesson)
    response = get(deployed_site, lesson, cookies={"messages": "waiting"})
    assert response.headers["X-Cache-Status"] == "BYPASS"
    # A login by header (a proxy's or a script's) too.
    response = get(deployed_site, lesson, headers={"Authorization": "Basic c2NyaXB0OnNlY3JldA=="})
    assert response.headers["X-Cache-Status"] == "BYPASS"


@pytest.mark.parametrize(
    "path",
    [
        "/km/accounts/login/",
        "/admin/login/",
        "/km/agencies/check/?q=abc",
        "/km/club/",
    ],
    ids=["club-login", "admin-login", "agency-check", "club"],
)
def test_forms_searches_and_private_pages_are_never_kept_by_nginx(deployed_site, path):
    for _read in range(2):
        response = get(deployed_site, path)
        assert response.status_code in {200, 302}
        assert response.headers["X-Cache-Status"] == "MISS"


def test_the_admin_and_club_of_a_logged_in_person_are_never_kept_by_nginx(deployed_site):
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    for path in ("/admin/", "/km/club/"):
        for _read in range(2):
            response = browser.get(deployed_site["url"] + path, allow_redirects=False, timeout=30)
            assert response.headers["X-Cache-Status"] == "BYPASS"


def test_a_post_is_never_answered_by_nginx(deployed_site):
    lesson = fresh_address(LESSON)
    get(deployed_site, lesson)
    response = requests.post(
        deployed_site["url"] + lesson,
        verify=deployed_site["certificate"],
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 403  # no form token: the application refused it
    assert not kept_by_nginx(response)


def test_a_reader_asking_for_brotli_gets_the_khmer_page_in_brotli(deployed_site):
    response = get(deployed_site, LESSON, headers={"Accept-Encoding": "br"}, stream=True)
    assert response.headers["Content-Encoding"] == "br"
    page = brotli.decompress(response.raw.read(decode_content=False)).decode()
    assert LESSON_TITLE_KM in page
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page).group(1)
    styles = get(deployed_site, stylesheet, headers={"Accept-Encoding": "br"})
    assert styles.headers["Content-Encoding"] == "br"


def handout_downloads_counted(site) -> int:
    """The lesson's handout downloads counted, once nginx's log has been counted by the
    rendered smh-edge-downloads.service (its timer runs it every minute)."""
    unit = site["stack"].folder / "rendered" / "systemd" / "smh-edge-downloads.service"
    command, working_directory = unit_command(unit)
    subprocess.run(command, cwd=working_directory, env=site["environment"], check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    total = (
        "from django.db.models import Sum; from curriculum.models import PrintedFileDownload; "
        f"print(PrintedFileDownload.objects.filter(page_id={site['lesson_id']},"
        " variant='handout').aggregate(n=Sum('count'))['n'] or 0)"
    )
    output = manage("shell", "--no-imports", "-c", total, environment=site["environment"])
    return int(output.split()[-1])


def download_log_lines(site) -> list[str]:
    log = site["stack"].download_log
    return log.read_text().splitlines() if log.exists() else []


def test_a_public_handout_is_answered_by_nginx_and_every_download_counted(deployed_site):
    path = f"/km/print/{deployed_site['lesson_id']}/handout/"
    whole = get_printed(deployed_site, path).content  # made by the worker
    counted_before = handout_downloads_counted(deployed_site)
    logged_before = len(download_log_lines(deployed_site))
    handout = fresh_address(path)

    first = get(deployed_site, handout)
    assert first.headers["X-Cache-Status"] == "MISS"
    assert first.content == whole
    assert "X-Accel-Expires" not in first.headers
    etag = first.headers["ETag"]
    answers = [get(deployed_site, handout) for _reader in range(4)]
    assert [answer.headers["X-Cache-Status"] for answer in answers] == ["HIT"] * 4
    assert all(answer.content == whole for answer in answers)
    assert all(answer.headers["ETag"] == etag for answer in answers)
    # Byte ranges and revalidations from nginx's copy: a first part is a download, a later
    # part, a 304 and a HEAD are not.
    first_part = get(deployed_site, handout, headers={"Range": "bytes=0-99"})
    assert (first_part.status_code, first_part.content) == (206, whole[:100])
    later_part = get(deployed_site, handout, headers={"Range": "bytes=100-199"})
    assert (later_part.status_code, later_part.content) == (206, whole[100:200])
    assert later_part.headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    not_modified = get(deployed_site, handout, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    head = requests.head(deployed_site["url"] + handout, verify=deployed_site["certificate"],
                         timeout=30)  # fmt: skip
    assert head.status_code == 200
    for answer in (first_part, later_part, not_modified, head):
        assert answer.headers["X-Cache-Status"] == "HIT"
    # gunicorn sent the file once (the MISS).
    assert deployed_site["process_log"].read_text().count(f"GET {handout} ") == 1

    # A logged-in reader's download goes through the application, which counts it.
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    assert browser.get(deployed_site["url"] + handout, timeout=30).content == whole

    # nginx writes its line as the answer ends: 6 lines (5 whole, a first part).
    deadline = time.monotonic() + 10
    while len(download_log_lines(deployed_site)) < logged_before + 6:
        assert time.monotonic() < deadline, download_log_lines(deployed_site)
        time.sleep(0.1)
    logged = download_log_lines(deployed_site)[logged_before:]
    assert len(logged) == 6
    assert all(line.split()[1] == path for line in logged)  # no query string, no address
    assert not any("127.0.0.1" in line for line in logged)
    assert handout_downloads_counted(deployed_site) == counted_before + 6 + 1
    # Counted once: another run finds nothing new.
    assert handout_downloads_counted(deployed_site) == counted_before + 7


def test_an_anonymous_reader_never_gets_a_facilitators_file_from_nginx(deployed_site):
    plan = fresh_address(f"/km/print/{deployed_site['lesson_id']}/lesson-plan/")
    browser = logged_in_browser(deployed_site["stack"], EDITOR, PASSWORD)
    deadline = time.monotonic() + 90
    own = browser.get(deployed_site["url"] + plan, timeout=30)
    while own.status_code == 503 and time.monotonic() < deadline:  # being made by the worker
        time.sleep(0.5)
        own = browser.get(deployed_site["url"] + plan, timeout=30)
    again = browser.get(deployed_site["url"] + plan, timeout=30)
    # Sent by X-Accel-Redirect (whose internal location adds no X-Cache-Status).
    assert own.content.startswith(b"%PDF") and again.content == own.content
    for _read in range(3):
        anonymous = get(deployed_site, plan)
        assert anonymous.status_code == 302
        assert anonymous.headers["X-Cache-Status"] == "MISS"
        assert not anonymous.content.startswith(b"%PDF")


def test_readers_are_served_from_the_shared_cache_and_a_publish_elsewhere_purges_it(
    deployed_site,
):
    stack = deployed_site["stack"]
    nginx_copy = get(deployed_site, LESSON)
    stack.get_from_app_server(1, LESSON)
    # Two gunicorn workers share the database cache: every later read is a hit.
    assert [stack.get_from_app_server(1, LESSON).headers["X-Page-Cache"]
            for _read in range(4)] == ["hit"] * 4  # fmt: skip

    # Published by another process (an editor's request, a worker), after its commit. Last in
    # the file: the lesson's printed files are made anew.
    publish = (
        "from curriculum.models import LessonPage; "
        f"lesson = LessonPage.objects.get(pk={deployed_site['lesson_id']}); "
        "lesson.summary = 'SUMMARY-REPUBLISHED'; lesson.save_revision().publish()"
    )
    manage("shell", "--no-imports", "-c", publish, environment=deployed_site["environment"])
    published = time.monotonic()
    response = stack.get_from_app_server(1, LESSON)
    assert response.headers["X-Page-Cache"] == "miss"
    assert "SUMMARY-REPUBLISHED" in response.text

    # nginx's copy is renewed within READER_EDGE_CACHE_SECONDS of the publish.
    assert "SUMMARY-REPUBLISHED" not in nginx_copy.text
    kept_for = int(deployed_site["environment"].get("READER_EDGE_CACHE_SECONDS", "5"))
    statuses = []
    while "SUMMARY-REPUBLISHED" not in (response := get(deployed_site, LESSON)).text:
        # Its seconds, then one render (the reader who found it expired got the old copy).
        assert time.monotonic() - published < kept_for + 5
        statuses.append(response.headers["X-Cache-Status"])
        time.sleep(0.2)
    # Nobody waited for the renewal: the reader who found the copy expired was given it.
    assert statuses[-1] == "STALE", statuses


def test_an_unpublished_page_is_gone_from_nginx_within_its_seconds(deployed_site):
    # After the publish above: the lesson taken off the site (say, a safeguarding concern).
    handout = f"/km/print/{deployed_site['lesson_id']}/handout/"
    assert get(deployed_site, LESSON).status_code == 200
    assert get_printed(deployed_site, handout).status_code == 200
    assert get(deployed_site, handout).headers["X-Cache-Status"] in {"HIT", "STALE", "UPDATING"}
    unpublish = (
        "from curriculum.models import LessonPage; "
        f"LessonPage.objects.get(pk={deployed_site['lesson_id']}).unpublish()"
    )
    manage("shell", "--no-imports", "-c", unpublish, environment=deployed_site["environment"])
    unpublished = time.monotonic()
    kept_for = int(deployed_site["environment"].get("READER_EDGE_CACHE_SECONDS", "5"))
    # Readers keep asking: each one after the copy expired is given it while it is renewed,
    # and the renewal brings the 404, which nginx keeps in its place.
    for address in (LESSON, handout):
        while get(deployed_site, address).status_code != 404:
            assert time.monotonic() - unpublished < kept_for + 5, address
            time.sleep(0.2)
    # Gone for every reader after, not given from nginx's old copy.
    for address in (LESSON, handout):
        assert [get(deployed_site, address).status_code for _read in range(5)] == [404] * 5


def test_a_moved_page_redirects_through_nginx_within_its_seconds(deployed_site):
    # After the unpublishing above (nginx keeps its 404): published again at a new address.
    moved = "/km/curriculum/preparing/check-agency-moved/"
    assert get(deployed_site, LESSON).status_code == 404
    # Wagtail adds the redirect of a moved live page itself; this one was not live.
    move = f"""
from curriculum.models import LessonPage
from wagtail.contrib.redirects.models import Redirect
lesson = LessonPage.objects.get(pk={deployed_site["lesson_id"]})
lesson.slug = "check-agency-moved"
lesson.save_revision().publish()
old_path = Redirect.normalise_path("{LESSON}")
if not Redirect.objects.filter(old_path=old_path).exists():
    Redirect.add_redirect(old_path, lesson)
"""
    manage("shell", "--no-imports", "-c", move, environment=deployed_site["environment"])
    moved_at = time.monotonic()
    kept_for = int(deployed_site["environment"].get("READER_EDGE_CACHE_SECONDS", "5"))
    while (response := get(deployed_site, LESSON)).status_code not in {301, 302}:
        assert time.monotonic() - moved_at < kept_for + 5
        time.sleep(0.2)
    assert response.headers["Location"].endswith(moved)
    again = get(deployed_site, LESSON)
    assert again.status_code == response.status_code
    assert again.headers["X-Cache-Status"] in {"HIT", "STALE", "UPDATING"}
    assert get(deployed_site, moved).status_code == 200


def test_a_password_given_to_a_live_page_replaces_nginxs_copy_within_its_seconds(deployed_site):
    # After the move above: the lesson, live at its new address and kept by nginx, is given
    # a password. Wagtail's form in its place could not be kept (a token per reader), so
    # the old copy would be given for as long as readers ask; the redirect to the form's
    # own address replaces it.
    moved = "/km/curriculum/preparing/check-agency-moved/"
    get(deployed_site, moved)
    assert get(deployed_site, moved).headers["X-Cache-Status"] in {"HIT", "STALE", "UPDATING"}
    lock = f"""
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.create(
    page_id={deployed_site["lesson_id"]}, restriction_type="password", password="mekong-2026"
)
"""
    manage("shell", "--no-imports", "-c", lock, environment=deployed_site["environment"])
    locked_at = time.monotonic()
    kept_for = int(deployed_site["environment"].get("READER_EDGE_CACHE_SECONDS", "5"))
    while (response := get(deployed_site, moved)).status_code == 200:
        assert time.monotonic() - locked_at < kept_for + 5
        time.sleep(0.2)
    assert response.status_code == 302
    form = response.headers["Location"]
    assert form.startswith("/km/page-password/")
    # Every reader after is sent to the form, never given the page from nginx's copy.
    assert [get(deployed_site, moved).status_code for _read in range(5)] == [302] * 5
    # The form itself (a token per reader) is never kept.
    for _read in range(2):
        answer = get(deployed_site, form)
        assert answer.status_code == 200
        assert answer.headers["X-Cache-Status"] not in {"HIT", "STALE", "UPDATING"}
    assert "ត្រូវការពាក្យសម្ងាត់" in answer.text
