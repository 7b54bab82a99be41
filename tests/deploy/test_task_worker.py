"""The task worker (`manage.py db_worker`) keeps taking tasks across a database outage."""

import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from tests.deploy.conftest import manage, production_environment

OUTAGE_SECONDS = 10


def queue_marker_task(path: Path, environment: dict[str, str]) -> None:
    code = "from tests.deploy.tasks import marker_file_write as task; task.enqueue(%r)"
    manage("shell", "--no-imports", "-c", code % str(path), environment=environment)


def wait_for(path: Path, worker: subprocess.Popen, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return True
        if worker.poll() is not None:
            return False
        time.sleep(0.2)
    return path.exists()


def test_the_task_worker_takes_tasks_again_after_the_database_comes_back(
    throwaway_postgres, tmp_path
):
    throwaway_postgres.sql("CREATE DATABASE worker_outage")
    environment = production_environment(DATABASE_URL=throwaway_postgres.url("worker_outage"))
    manage("migrate", "django_tasks_database", "--noinput", environment=environment)
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        queue_marker_task(tmp_path / "before", environment)
        assert wait_for(tmp_path / "before", worker, 30), (tmp_path / "worker.log").read_text()

        # The server cuts the worker's kept connection (a restart, a failover, an idle cut).
        throwaway_postgres.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = 'worker_outage' AND pid <> pg_backend_pid()"
        )
        queue_marker_task(tmp_path / "after-cut", environment)
        assert wait_for(tmp_path / "after-cut", worker, 30), (tmp_path / "worker.log").read_text()

        # PostgreSQL is down for 10 s, then back.
        throwaway_postgres.stop()
        time.sleep(OUTAGE_SECONDS)
        assert worker.poll() is None, (tmp_path / "worker.log").read_text()
        throwaway_postgres.start()
        queue_marker_task(tmp_path / "after-outage", environment)
        assert wait_for(tmp_path / "after-outage", worker, 40), (
            tmp_path / "worker.log"
        ).read_text()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
