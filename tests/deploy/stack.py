"""The production stack started from the deploy/ folder: nginx, gunicorn, task workers.

deploy/render.sh writes the files for a temporary folder; gunicorn and the workers are
started with the command lines of their systemd units (systemd itself cannot run here),
with the environment of the rendered environment file, on a PostgreSQL of the caller's;
nginx runs the rendered site. One app server is one gunicorn rendered with its own bind, as
an administrator renders the files on each machine; nginx's upstream lists them all
(SMH_APP_SERVERS). The deploy tests and the load benchmark start it the same way.
"""

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from django.conf import settings

from tests.deploy.conftest import SECRET_KEY, environment_file, manage, unit_command
from tests.deploy.postgres import ThrowawayPostgres, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_MODULES = Path("/usr/lib/nginx/modules")

NGINX_MAIN_CONFIG = """
# Debian's nginx.conf loads the packaged modules (brotli) so; their paths are under the prefix.
include /etc/nginx/modules-enabled/*.conf;
daemon off;
user root;
worker_processes {nginx_workers};
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    {access_log}
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
{extra}
}}
"""


@dataclass
class DeployedStack:
    url: str
    http_url: str
    certificate: Path
    folder: Path
    environment: dict[str, str]
    app_server_urls: list[str]
    printed_root: Path
    media_root: Path
    download_log: Path
    process_log: Path
    content: Any
    processes: list[subprocess.Popen] = field(default_factory=list)

    def app_server_log(self, number: int) -> Path:
        return self.folder / f"app-server-{number}.log"

    def get_from_app_server(self, number: int, path: str) -> requests.Response:
        """Straight from one app server, past nginx, with the headers nginx sends."""
        return requests.get(
            self.app_server_urls[number - 1] + path,
            headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
            allow_redirects=False,
            timeout=30,
        )


class Browser(requests.Session):
    """A session that trusts the stack's certificate (an environment's CA bundle would
    win over `Session.verify`)."""

    def __init__(self, certificate: Path):
        super().__init__()
        self.certificate = str(certificate)

    def request(self, *args, **kwargs):
        return super().request(*args, verify=self.certificate, **kwargs)


def logged_in_browser(stack: DeployedStack, username: str, password: str) -> Browser:
    """A browser logged in through the admin's login form, through nginx."""
    browser = Browser(stack.certificate)
    login = f"{stack.url}/admin/login/"
    browser.get(login, timeout=30)
    response = browser.post(
        login,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        headers={"Referer": login},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    return browser


def wait_until_served(
    url: str, certificate: Path, processes: list[subprocess.Popen], seconds: float = 90
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


def render(folder: Path, layout: dict[str, str]) -> Path:
    subprocess.run(
        ["sh", str(settings.BASE_DIR / "deploy" / "render.sh"), str(folder)],
        env={**os.environ, **layout},
        check=True,
    )
    return folder


@contextlib.contextmanager
def deployed_stack(
    *,
    postgres: ThrowawayPostgres,
    static_root: Path,
    folder: Path,
    content: Callable[[dict[str, str]], Any],
    app_servers: int = 1,
    gunicorn_workers: int = 2,
    task_workers: int = 1,
    settings_overrides: dict[str, str] | None = None,
    nginx_workers: int | str = 1,
    nginx_extra: str = "",
    access_log: bool = True,
) -> Iterator[DeployedStack]:
    """Start the stack on a new database `smh` of `postgres`; `content(environment)` fills
    the database before the servers start and returns what the caller needs of it."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
         "-keyout", str(folder / "tls.key"), "-out", str(folder / "tls.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    https_port = free_port()
    binds = [f"127.0.0.1:{free_port()}" for _server in range(app_servers)]
    layout = {
        "SMH_APP_DIR": str(settings.BASE_DIR),
        "SMH_USER": "root",
        "SMH_ENV_FILE": str(folder / "rendered" / "smh.env.example"),
        "SMH_SERVER_NAME": "localhost",
        "SMH_HTTP_PORT": str(free_port()),
        "SMH_HTTPS_PORT": str(https_port),
        "SMH_TLS_CERTIFICATE": str(folder / "tls.crt"),
        "SMH_TLS_CERTIFICATE_KEY": str(folder / "tls.key"),
        "SMH_GUNICORN_BIND": binds[0],
        "SMH_APP_SERVERS": " ".join(binds),
        "SMH_GUNICORN_WORKERS": str(gunicorn_workers),
        "SMH_STATIC_ROOT": str(static_root),
        "SMH_MEDIA_ROOT": str(folder / "media"),
        "SMH_PRINTED_FILES_ROOT": str(folder / "printed"),
        "SMH_IMPORT_FILES_ROOT": str(folder / "imports"),
        "SMH_EXPORT_FILES_ROOT": str(folder / "exports"),
        "SMH_NGINX_CACHE_ROOT": str(folder / "nginx-cache"),
        "SMH_NGINX_DOWNLOAD_LOG": str(folder / "nginx-downloads.log"),
    }
    rendered = render(folder / "rendered", layout)
    # Each app server's machine renders the files with its own bind.
    app_units = [
        render(folder / f"rendered-app-{number}", {**layout, "SMH_GUNICORN_BIND": bind})
        / "systemd"
        / "smh-gunicorn.service"
        for number, bind in enumerate(binds, start=1)
    ]

    postgres.sql("CREATE DATABASE smh")
    environment = {
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        **environment_file(rendered / "smh.env.example"),
        # The blanks an administrator fills in.
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": postgres.url("smh"),
        "LOG_LEVEL": "WARNING",
        # The tests read gunicorn's access log as it is written (journald needs no such thing).
        "PYTHONUNBUFFERED": "1",
        # Only because the test's site is not on port 443.
        "CSRF_TRUSTED_ORIGINS": f"https://localhost:{https_port}",
        **(settings_overrides or {}),
    }
    manage("migrate", "--noinput", environment=environment, timeout=600)
    manage("createcachetable", environment=environment)
    made = content(environment)

    processes: list[subprocess.Popen] = []
    process_log = folder / "processes.log"
    logs = [process_log.open("w")]
    try:
        for number, unit in enumerate(app_units, start=1):
            command, working_directory = unit_command(unit)
            if not access_log:
                command = [part for part in command if part not in {"--access-logfile", "-"}]
            log = (folder / f"app-server-{number}.log").open("w")
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    command, cwd=working_directory, env=environment, stdout=log, stderr=log
                )
            )
        for number in range(1, task_workers + 1):
            command, working_directory = unit_command(
                rendered / "systemd" / "smh-worker@.service", instance=str(number)
            )
            processes.append(
                subprocess.Popen(
                    command, cwd=working_directory, env=environment, stdout=logs[0], stderr=logs[0]
                )
            )
        nginx_folder = folder / "nginx"
        nginx_folder.mkdir()
        # As Debian's prefix (/usr/share/nginx) has it.
        (nginx_folder / "modules").symlink_to(NGINX_MODULES)
        (nginx_folder / "nginx.conf").write_text(
            NGINX_MAIN_CONFIG.format(
                folder=nginx_folder,
                site=rendered / "nginx" / "smh.conf",
                nginx_workers=nginx_workers,
                # None rather than `off`, which would also end the site's own download log.
                access_log=f"access_log {nginx_folder / 'access.log'};" if access_log else "",
                extra=nginx_extra,
            )
        )
        nginx = [NGINX, "-p", str(nginx_folder), "-e", str(nginx_folder / "error.log"),
                 "-c", str(nginx_folder / "nginx.conf")]  # fmt: skip
        subprocess.run([*nginx, "-t"], check=True, capture_output=True)
        processes.append(subprocess.Popen(nginx, stdout=logs[0], stderr=logs[0]))
        base_url = f"https://localhost:{https_port}"
        wait_until_served(f"{base_url}/healthz", folder / "tls.crt", processes)
        yield DeployedStack(
            url=base_url,
            http_url=f"http://localhost:{layout['SMH_HTTP_PORT']}",
            certificate=folder / "tls.crt",
            folder=folder,
            environment=environment,
            app_server_urls=[f"http://{bind}" for bind in binds],
            printed_root=Path(layout["SMH_PRINTED_FILES_ROOT"]),
            media_root=Path(layout["SMH_MEDIA_ROOT"]),
            download_log=Path(layout["SMH_NGINX_DOWNLOAD_LOG"]),
            process_log=process_log,
            content=made,
            processes=processes,
        )
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
