"""The deploy/ folder, used as an administrator would: nginx, gunicorn and a task worker.

deploy/render.sh writes the files for a temporary folder; gunicorn and the worker are started
with the command lines of their systemd units (systemd itself cannot run here), with the
environment of the rendered environment file, on a PostgreSQL of the test's own, after
`migrate` and `collectstatic`; nginx runs the rendered site. Then a reader, a facilitator's
link and a load balancer are served through nginx.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

from tests.deploy.conftest import SECRET_KEY, environment_file, manage, unit_command
from tests.deploy.postgres import free_port
from tests.deploy.site_content import LESSON_TITLE_KM

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def wait_until_served(
    url: str, certificate: Path, processes: list[subprocess.Popen], seconds: float = 60
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            assert process.poll() is None, f"{process.args[0]} ended early"
        try:
            if requests.get(url, verify=certificate, timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still loading
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} was not served in {seconds} s")


NGINX_MAIN_CONFIG = """
daemon off;
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
}}
"""


@pytest.fixture(scope="module")
def deployed_site(throwaway_postgres, collected_static_root, tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (Debian package nginx)")
    folder = tmp_path_factory.mktemp("deployed")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
         "-keyout", str(folder / "tls.key"), "-out", str(folder / "tls.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    https_port = free_port()
    layout = {
        "SMH_APP_DIR": str(settings.BASE_DIR),
        "SMH_USER": "root",
        "SMH_ENV_FILE": str(folder / "rendered" / "smh.env.example"),
        "SMH_SERVER_NAME": "localhost",
        "SMH_HTTP_PORT": str(free_port()),
        "SMH_HTTPS_PORT": str(https_port),
        "SMH_TLS_CERTIFICATE": str(folder / "tls.crt"),
        "SMH_TLS_CERTIFICATE_KEY": str(folder / "tls.key"),
        "SMH_GUNICORN_BIND": f"127.0.0.1:{free_port()}",
        "SMH_GUNICORN_WORKERS": "2",
        "SMH_STATIC_ROOT": str(collected_static_root),
        "SMH_MEDIA_ROOT": str(folder / "media"),
        "SMH_PRINTED_FILES_ROOT": str(folder / "printed"),
        "SMH_IMPORT_FILES_ROOT": str(folder / "imports"),
        "SMH_EXPORT_FILES_ROOT": str(folder / "exports"),
    }
    rendered = folder / "rendered"
    subprocess.run(
        ["sh", str(settings.BASE_DIR / "deploy" / "render.sh"), str(rendered)],
        env={**os.environ, **layout},
        check=True,
    )

    throwaway_postgres.sql("CREATE DATABASE smh")
    environment = {
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        **environment_file(rendered / "smh.env.example"),
        # The blanks an administrator fills in.
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": throwaway_postgres.url("smh"),
        "LOG_LEVEL": "WARNING",
        # The test reads gunicorn's access log as it is written (journald needs no such thing).
        "PYTHONUNBUFFERED": "1",
    }
    manage("migrate", "--noinput", environment=environment)
    manage("createcachetable", environment=environment)
    build = "from tests.deploy.site_content import build_lesson; print(build_lesson().pk)"
    lesson_id = int(manage("shell", "--no-imports", "-c", build, environment=environment))

    processes = []
    logs = (folder / "processes.log").open("w")
    try:
        for unit in ["smh-gunicorn.service", "smh-worker@.service"]:
            command, working_directory = unit_command(rendered / "systemd" / unit)
            processes.append(
                subprocess.Popen(
                    command, cwd=working_directory, env=environment, stdout=logs, stderr=logs
                )
            )
        nginx_folder = folder / "nginx"
        nginx_folder.mkdir()
        (nginx_folder / "nginx.conf").write_text(
            NGINX_MAIN_CONFIG.format(folder=nginx_folder, site=rendered / "nginx" / "smh.conf")
        )
        nginx = [NGINX, "-p", str(nginx_folder), "-e", str(nginx_folder / "error.log"),
                 "-c", str(nginx_folder / "nginx.conf")]  # fmt: skip
        subprocess.run([*nginx, "-t"], check=True, capture_output=True)
        processes.append(subprocess.Popen(nginx, stdout=logs, stderr=logs))
        base_url = f"https://localhost:{https_port}"
        wait_until_served(f"{base_url}/healthz", folder / "tls.crt", processes)
        yield {
            "url": base_url,
            "http_url": f"http://localhost:{layout['SMH_HTTP_PORT']}",
            "lesson_id": lesson_id,
            "printed_root": Path(layout["SMH_PRINTED_FILES_ROOT"]),
            "postgres": throwaway_postgres,
            "certificate": folder / "tls.crt",
            "process_log": folder / "processes.log",
            "environment": environment,
        }
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()


def get(site, path: str, **kwargs) -> requests.Response:
    return requests.get(
        site["url"] + path,
        verify=site["certificate"],
        allow_redirects=False,
        timeout=30,
        **kwargs,
    )


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
    response = get(deployed_site, f"/km/print/{deployed_site['lesson_id']}/handout/")
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
    handout = f'"GET /km/print/{deployed_site["lesson_id"]}/handout/ HTTP/1.0" 200 '
    # gunicorn writes its line once the worker has finished, which may be after nginx has
    # sent the file to us: wait a little for it on a busy machine.
    answers: list[str] = []
    for _attempt in range(50):
        answers = [line.split(handout)[1].split()[0]
                   for line in deployed_site["process_log"].read_text().splitlines()
                   if handout in line]  # fmt: skip
        if answers:
            break
        time.sleep(0.1)
    assert answers == ["0"]
    assert "attachment" in response.headers["Content-Disposition"]
    part = get(deployed_site, f"/km/print/{deployed_site['lesson_id']}/handout/",
               headers={"Range": "bytes=0-99"})  # fmt: skip
    assert part.status_code == 206
    assert part.content == response.content[:100]


def test_printed_files_cannot_be_fetched_past_the_view(deployed_site):
    get(deployed_site, f"/km/print/{deployed_site['lesson_id']}/handout/")
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


def test_readers_are_served_from_the_shared_cache_and_a_publish_elsewhere_purges_it(
    deployed_site,
):
    lesson = "/km/curriculum/preparing/check-agency/"
    get(deployed_site, lesson)
    # Two gunicorn workers share the database cache: every later read is a hit.
    assert [get(deployed_site, lesson).headers["X-Page-Cache"] for _read in range(4)] == ["hit"] * 4

    # Published by another process (an editor's request, a worker), after its commit. Last in
    # the file: the lesson's printed files are made anew.
    publish = (
        "from curriculum.models import LessonPage; "
        f"lesson = LessonPage.objects.get(pk={deployed_site['lesson_id']}); "
        "lesson.summary = 'SUMMARY-REPUBLISHED'; lesson.save_revision().publish()"
    )
    manage("shell", "--no-imports", "-c", publish, environment=deployed_site["environment"])
    response = get(deployed_site, lesson)
    assert response.headers["X-Page-Cache"] == "miss"
    assert "SUMMARY-REPUBLISHED" in response.text
