"""`/healthz`: what a load balancer and monitoring read about the application."""

import json
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def queued_task(*, enqueued_seconds_ago: int, run_after=None, status="READY") -> DBTaskResult:
    task_result = DBTaskResult.objects.create(
        task_path="curriculum.printing.tasks.printed_files_make",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=run_after or get_date_max(),
        status=status,
    )
    # enqueued_at is set on creation (auto_now_add); age it as if queued earlier.
    DBTaskResult.objects.filter(pk=task_result.pk).update(
        enqueued_at=timezone.now() - timedelta(seconds=enqueued_seconds_ago)
    )
    return task_result


@pytest.mark.django_db
def test_the_health_check_says_the_database_answers_and_no_task_waits(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "oldest_waiting_task_seconds": None}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_health_check_shows_how_long_the_oldest_task_has_waited(client):
    queued_task(enqueued_seconds_ago=30)
    queued_task(enqueued_seconds_ago=600)
    # Neither finished tasks nor tasks due later are waiting.
    queued_task(enqueued_seconds_ago=7200, status="SUCCESSFUL")
    queued_task(enqueued_seconds_ago=7200, run_after=timezone.now() + timedelta(hours=1))
    # A task due 20 s ago has waited 20 s, however long ago it was queued.
    queued_task(enqueued_seconds_ago=3600, run_after=timezone.now() - timedelta(seconds=20))

    report = client.get("/healthz").json()
    assert 600 <= report["oldest_waiting_task_seconds"] < 620


@pytest.mark.django_db
def test_the_health_check_tells_nothing_about_the_queued_work(client):
    queued_task(enqueued_seconds_ago=5)
    report = client.get("/healthz").json()
    assert set(report) == {"database", "oldest_waiting_task_seconds"}
    assert "printed_files_make" not in client.get("/healthz").content.decode()


HEALTH_CHECK_OF_UNREACHABLE_DATABASE = """
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_the_health_check_answers_503_when_the_database_does_not_answer():
    # Nothing listens on port 1: the database is down, the application is not.
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            HEALTH_CHECK_OF_UNREACHABLE_DATABASE,
        ],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing?connect_timeout=2",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.split(maxsplit=1)
    assert status == "503"
    assert json.loads(body) == {"database": "unavailable", "oldest_waiting_task_seconds": None}
