"""Load: 50 clients for 60 s on the production stack, then the same with PostgreSQL restarted.

The stack is the README's production setup, started from deploy/ as the deploy tests start
it (tests/deploy/stack.py): nginx, gunicorn with 3 workers, one `db_worker`, production
settings, a PostgreSQL of the benchmark's own, the demo site. locust (headless, its clients
in benchmarks/load_users.py) plays readers, club leaders and officers. Printed per endpoint:
requests/s, p50/p95/p99 and errors. The baseline is the same reader mix against a static
HTML copy of the same pages (and files) served by the same nginx.

Then readers of pages only (no downloads), against the static copy too: what nginx's cache
of reader pages serves, apart from the downloads. Public handouts are answered by nginx's
cache too (printed: the share it answered, and the handout downloads counted, nginx's log
included, against the handouts the readers received).

The restart run restarts PostgreSQL at 30 s: only requests in flight during the restart
may fail, none after it, and every session report a club leader was told was saved is in
the database.
"""

import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import PROJECT_ROOT, report, setup_django

setup_django()

import psutil  # noqa: E402
import requests  # noqa: E402

from tests.deploy.conftest import manage, production_environment  # noqa: E402
from tests.deploy.postgres import ThrowawayPostgres, free_port, postgres_bin_folder  # noqa: E402
from tests.deploy.stack import DeployedStack, deployed_stack  # noqa: E402

CLIENTS = 50
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
RESTART_AT = SECONDS // 2
LOCUSTFILE = PROJECT_ROOT / "benchmarks" / "load_users.py"
READER_ENDPOINTS = ("home", "curriculum", "lesson", "search (Khmer)", "handout PDF", "offline pack")
OFFICER_ENDPOINTS = ("officer: session list", "officer: programme report")
# The reader pages nginx may keep (Wagtail pages); search and downloads are the application's.
PAGE_ENDPOINTS = ("home", "curriculum", "lesson")
READER_PAGE_ENDPOINTS = (*PAGE_ENDPOINTS, "search (Khmer)")
ANSWERED_BY_NGINX = {"HIT", "STALE", "UPDATING"}


def static_copy_server(port: int, root: Path, certificate: Path) -> str:
    """An nginx server of the copied pages, with the site's TLS and compression."""
    return f"""
    server {{
        listen {port} ssl http2;
        server_name localhost;
        ssl_certificate {certificate};
        ssl_certificate_key {certificate.with_name("tls.key")};
        gzip on;
        gzip_proxied any;
        gzip_comp_level 5;
        gzip_types text/css application/javascript text/javascript application/json;
        root {root};
        location / {{
            default_type text/html;
            try_files $uri/index.html =404;
        }}
    }}
"""


def demo_site(environment: dict[str, str]) -> dict:
    """The demo content, built as `make run` builds it (its accounts are for development
    only, so built under the development settings), and what the clients ask for."""
    build = {**environment, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    manage("load_demo_content", environment=build, timeout=1800)
    script = (PROJECT_ROOT / "benchmarks" / "load_targets.py").read_text()
    return json.loads(manage("shell", "--no-imports", "-c", script, environment=environment))


def fetch(stack: DeployedStack, path: str, seconds: float = 120) -> requests.Response:
    """An anonymous GET through nginx, asked again while a file is being prepared."""
    deadline = time.monotonic() + seconds
    while True:
        response = requests.get(stack.url + path, verify=stack.certificate, timeout=60)
        if response.status_code != 503 or time.monotonic() > deadline:
            response.raise_for_status()
            return response
        time.sleep(0.5)


def logged_in_fetch(stack: DeployedStack, targets: dict, paths: list[str]) -> None:
    """Make the club leader's files (offline packs) once, as a club leader would."""
    browser = requests.Session()
    login = stack.url + targets["club_login"]
    browser.get(login, verify=stack.certificate, timeout=30)
    browser.post(
        login,
        data={
            "username": targets["club_leader"],
            "password": targets["password"],
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        headers={"Referer": login},
        verify=stack.certificate,
        timeout=30,
    )
    for path in paths:
        deadline = time.monotonic() + 180
        while True:
            response = browser.get(stack.url + path, verify=stack.certificate, timeout=60)
            if response.status_code != 503 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert response.status_code == 200, (path, response.status_code)
        yield path, response.content


def warm_and_copy(stack: DeployedStack, targets: dict, root: Path) -> None:
    """Every reader address asked once (the page cache filled, the files made), and its
    answer written under `root` for the static baseline."""
    anonymous = [targets["home"], targets["curriculum"], targets["search"]]
    anonymous += targets["lessons"] + targets["handouts"]
    copies = [(path, fetch(stack, path).content) for path in anonymous]
    copies += list(logged_in_fetch(stack, targets, targets["offline_packs"]))
    for path, content in copies:
        folder = root / path.split("?")[0].strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_bytes(content)


def stack_processes(stack: DeployedStack, postgres: ThrowawayPostgres) -> dict[str, list]:
    """The stack's processes by part (each with its children: gunicorn's and nginx's workers,
    PostgreSQL's backends)."""
    parts: dict[str, list] = {"gunicorn": [], "task worker": [], "nginx": [], "postgres": []}
    for popen in stack.processes:
        command = " ".join(str(part) for part in popen.args)
        part = "nginx" if "nginx" in command else "gunicorn" if "gunicorn" in command else None
        parts[part or "task worker"].append(psutil.Process(popen.pid))
    postmaster = (postgres.folder / "data" / "postmaster.pid").read_text().split()[0]
    parts["postgres"].append(psutil.Process(int(postmaster)))
    return parts


def cpu_seconds(parts: dict[str, list]) -> dict[str, float]:
    """CPU time (user + system) used so far by each part, and by the whole machine."""
    used = {}
    for part, roots in parts.items():
        total = 0.0
        for root in roots:
            with contextlib.suppress(psutil.NoSuchProcess):
                for process in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        times = process.cpu_times()
                        total += times.user + times.system
        used[part] = total
    machine = psutil.cpu_times()
    used["machine"] = machine.user + machine.system + machine.nice + machine.irq + machine.softirq
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    used["locust"] = children.ru_utime + children.ru_stime
    return used


def where_the_time_goes(
    run: str, before: dict[str, float], after: dict[str, float], requests_made: list[dict]
) -> None:
    """CPU each part used during the run (in all, and per request answered), and what the
    rest of the machine used: on a shared machine, what the stack could have had."""
    spent = {part: after[part] - before[part] for part in before}
    ours = sum(value for part, value in spent.items() if part != "machine")
    answered = max(1, sum(1 for request in requests_made if "ms" in request))
    for part, value in spent.items():
        if part != "machine":
            name = f"load_{run}_cpu_{part.replace(' ', '_')}"
            report(name, value, "cpu-s")
            report(f"{name}_per_request", value * 1000 / answered, "cpu-ms")
    report(f"load_{run}_cpu_other_processes", max(0.0, spent["machine"] - ours), "cpu-s")
    report(f"load_{run}_cpu_machine_capacity", psutil.cpu_count() * SECONDS, "cpu-s")


def locust(
    host: str, targets: Path, record: Path, users: list[str], *, static: bool = False
) -> list[dict]:
    """Run locust headless with these user classes; the requests it recorded."""
    subprocess.run(
        [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
            "--users", str(CLIENTS), "--spawn-rate", str(CLIENTS), "--run-time", f"{SECONDS}s",
            "--host", host, "--only-summary", "--loglevel", "ERROR", "--stop-timeout", "10",
            *users,
        ],
        env={**os.environ, "SMH_LOAD_TARGETS": str(targets), "SMH_LOAD_RECORD": str(record),
             "SMH_LOAD_STATIC": "1" if static else "0"},
        check=False,  # locust exits 1 when any request failed: the figures say so
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=PROJECT_ROOT,
    )  # fmt: skip
    return [json.loads(line) for line in record.read_text().splitlines()]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def figures(run: str, requests_made: list[dict], names, baseline: dict | None = None) -> dict:
    """Print requests/s, p50/p95/p99 and errors for each endpoint and all of `names`."""
    made = [request for request in requests_made if request["name"] in names]
    if not made:
        return {}
    span = max(r["end"] for r in made) - min(r["start"] for r in made)
    results = {}
    groups = {name: [r for r in made if r["name"] == name] for name in names}
    groups["all"] = made
    for name, group in groups.items():
        if not group:
            continue
        times = [r["ms"] for r in group]
        rate = len(group) / span
        label = "load_" + "_".join(
            f"{run} {name}".replace(":", "").replace("(", "").replace(")", "").split()
        )
        base = (baseline or {}).get(name)
        report(f"{label}_requests_per_second", rate, "req/s", base["rate"] if base else None)
        for share in (0.5, 0.95, 0.99):
            value = percentile(times, share)
            base_value = base[share] if base else None
            report(f"{label}_p{int(share * 100)}", value, "ms", base_value)
        report(f"{label}_errors", sum(r["failed"] for r in group), "requests")
        results[name] = {
            "rate": rate,
            **{share: percentile(times, share) for share in (0.5, 0.95, 0.99)},
        }
    return results


def pages_answered_by_nginx(run: str, requests_made: list[dict]) -> None:
    """The share of reader pages nginx's cache answered (the rest reached gunicorn)."""
    pages = [r for r in requests_made if r["name"] in PAGE_ENDPOINTS and "ms" in r]
    if pages:
        kept = sum(1 for r in pages if r.get("cache") in ANSWERED_BY_NGINX)
        report(f"load_{run}_pages_answered_by_nginx", 100 * kept / len(pages), "%")


def handouts_answered_by_nginx(run: str, requests_made: list[dict]) -> None:
    handouts = [r for r in requests_made if r["name"] == "handout PDF" and "ms" in r]
    if handouts:
        kept = sum(1 for r in handouts if r.get("cache") in ANSWERED_BY_NGINX)
        report(f"load_{run}_handouts_answered_by_nginx", 100 * kept / len(handouts), "%")


def handout_downloads_counted(stack: DeployedStack) -> int:
    """Every handout download counted, nginx's log counted first (as its timer does)."""
    manage("count_edge_downloads", environment=stack.environment)
    total = (
        "from django.db.models import Sum; from curriculum.models import PrintedFileDownload; "
        "print(PrintedFileDownload.objects.filter(variant='handout')"
        ".aggregate(n=Sum('count'))['n'] or 0)"
    )
    return int(
        manage("shell", "--no-imports", "-c", total, environment=stack.environment).split()[-1]
    )


def restart_postgres(postgres: ThrowawayPostgres) -> tuple[float, float]:
    began = time.time()
    postgres.stop()
    postgres.start()
    return began, time.time()


def submitted_reports_saved(stack: DeployedStack, markers: list[str]) -> int:
    check = (
        "import json, sys; from sessions.models import TrainingSession; "
        f"markers = json.loads({json.dumps(json.dumps(markers))}); "
        "print(TrainingSession.objects.filter(notes__in=markers).count())"
    )
    return int(manage("shell", "--no-imports", "-c", check, environment=stack.environment))


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="smh-bench-load-"))
    static_root = folder / "static"
    manage("collectstatic", "--noinput", "-v0",
           environment=production_environment(STATIC_ROOT=str(static_root)))  # fmt: skip
    copy_root = folder / "copy"
    copy_port = free_port()
    stack_folder = folder / "stack"
    stack_folder.mkdir()
    postgres = ThrowawayPostgres(postgres_bin_folder())
    postgres.start()
    try:
        with deployed_stack(
            postgres=postgres,
            static_root=static_root,
            folder=stack_folder,
            content=demo_site,
            gunicorn_workers=3,
            task_workers=1,
            nginx_workers="auto",  # Debian's nginx.conf
            nginx_extra=static_copy_server(copy_port, copy_root, stack_folder / "tls.crt"),
        ) as stack:
            targets_file = folder / "targets.json"
            targets_file.write_text(json.dumps(stack.content))
            warm_and_copy(stack, stack.content, copy_root)
            readers = ["Reader", "ClubLeader"]
            everyone = [*readers, "Officer"]

            parts = stack_processes(stack, postgres)

            before = cpu_seconds(parts)
            static = locust(f"https://localhost:{copy_port}", targets_file,
                            folder / "static.jsonl", readers, static=True)  # fmt: skip
            where_the_time_goes("static_copy", before, cpu_seconds(parts), static)
            baseline = figures("static_copy", static, READER_ENDPOINTS)

            counted_before = handout_downloads_counted(stack)
            before = cpu_seconds(parts)
            served = locust(stack.url, targets_file, folder / "readers.jsonl", readers)
            where_the_time_goes("readers", before, cpu_seconds(parts), served)
            figures("readers", served, READER_ENDPOINTS, baseline)
            pages_answered_by_nginx("readers", served)
            handouts_answered_by_nginx("readers", served)
            received = sum(
                1 for r in served if r["name"] == "handout PDF" and r.get("status") == 200
            )
            report("load_readers_handouts_counted",
                   handout_downloads_counted(stack) - counted_before, "downloads",
                   received or None)  # fmt: skip

            # Pages only (no downloads): nginx's cache against the static copy.
            copy_url = f"https://localhost:{copy_port}"
            static_pages = locust(
                copy_url, targets_file, folder / "static-pages.jsonl", ["PageReader"], static=True
            )
            pages_baseline = figures("static_copy_pages", static_pages, READER_PAGE_ENDPOINTS)
            before = cpu_seconds(parts)
            pages = locust(stack.url, targets_file, folder / "pages.jsonl", ["PageReader"])
            where_the_time_goes("reader_pages", before, cpu_seconds(parts), pages)
            figures("reader_pages", pages, READER_PAGE_ENDPOINTS, pages_baseline)
            pages_answered_by_nginx("reader_pages", pages)

            before = cpu_seconds(parts)
            mixed = locust(stack.url, targets_file, folder / "mixed.jsonl", everyone)
            where_the_time_goes("mixed", before, cpu_seconds(parts), mixed)
            figures("mixed", mixed, READER_ENDPOINTS, baseline)
            figures("mixed", mixed, OFFICER_ENDPOINTS)
            pages_answered_by_nginx("mixed", mixed)
            handouts_answered_by_nginx("mixed", mixed)

            restart: dict[str, tuple[float, float]] = {}

            def restart_in_the_middle():
                time.sleep(RESTART_AT)
                restart["window"] = restart_postgres(postgres)

            restarter = threading.Thread(target=restart_in_the_middle)
            restarter.start()
            during = locust(stack.url, targets_file, folder / "restart.jsonl", everyone)
            restarter.join()
            began, ended = restart["window"]
            measured = [r for r in during if "ms" in r]
            failed = [r for r in measured if r["failed"]]
            before_it = [r for r in failed if r["end"] < began]
            in_flight = [r for r in failed if r["start"] <= ended and r["end"] >= began]
            after = [r for r in failed if r["start"] > ended]
            report("load_restart_errors_before", len(before_it), "requests")
            report("load_restart_postgres_seconds", ended - began, "s")
            report("load_restart_errors_in_flight", len(in_flight), "requests")
            report("load_restart_errors_after", len(after), "requests")
            report("load_restart_requests", len(measured), "requests")
            markers = [r["marker"] for r in during if r["name"] == "submitted"]
            report("load_restart_session_reports_submitted", len(markers), "reports")
            report("load_restart_session_reports_saved",
                   submitted_reports_saved(stack, markers), "reports")  # fmt: skip
            figures("restart", during, READER_ENDPOINTS + OFFICER_ENDPOINTS)
    finally:
        postgres.remove()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
