"""No reader waits on a PDF build: a file not made yet is built once, by the task worker.

These tests queue tasks in the database (django-tasks-db, as production does) and run what
was queued, so what the reader sees while the file is being made is the real thing. The
deploy tests run the worker itself (tests/deploy/test_two_app_servers.py).
"""

import datetime
import threading
import time
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from curriculum import documents
from curriculum.documents import render_variant
from curriculum.models import PrintedFile, PrintedFileBuild
from curriculum.printing.builds import (
    BUILD_LOST_AFTER,
    FAILED_BUILD_RETRIED_AFTER,
    printed_file_build,
)
from pdf_engine import PdfRenderError
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_tool]

BUILD_TASK = "curriculum.printing.builds.printed_file_build"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BEING_PREPARED = "ឯកសាររបស់អ្នកកំពុងត្រូវបានរៀបចំ"  # "your file is being prepared"
CANNOT_BE_PRINTED = "មិនអាចបោះពុម្ព"


def handout_url(lesson) -> str:
    return f"/km/print/{lesson.pk}/handout/"


def run_the_worker() -> None:
    """Run the queued builds as the worker does, here, inside the test's transaction."""
    for queued in DBTaskResult.objects.filter(task_path=BUILD_TASK, status="READY"):
        printed_file_build.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        queued.delete()


@pytest.fixture
def queued_tasks():
    with override_settings(TASKS=DATABASE_TASKS):
        # Only the builds: publishing queues other work too (search, references).
        yield DBTaskResult.objects.filter(task_path=BUILD_TASK)


def test_a_reader_asking_for_a_file_not_made_yet_is_told_it_is_being_prepared(
    client, curriculum_tree, queued_tasks
):
    lesson = curriculum_tree["lesson"]
    with mock.patch.object(documents, "render_variant", wraps=render_variant) as renderer:
        response = client.get(handout_url(lesson))
    assert renderer.call_count == 0  # nothing rendered while the reader waited
    assert response.status_code == 503
    assert response["Retry-After"] == "3"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert BEING_PREPARED in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert not PrintedFile.objects.exists()
    [queued] = queued_tasks.all()
    assert queued.args_kwargs["args"] == [lesson.pk, "handout"]

    run_the_worker()

    response = client.get(handout_url(lesson))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert not PrintedFileBuild.objects.exists()  # done: the build's row went


def test_a_reader_asking_again_while_it_is_prepared_queues_nothing_more(
    client, curriculum_tree, queued_tasks
):
    lesson = curriculum_tree["lesson"]
    for __ in range(3):
        assert client.get(handout_url(lesson)).status_code == 503
    assert queued_tasks.count() == 1
    assert PrintedFileBuild.objects.count() == 1


def test_an_offline_pack_is_built_by_the_worker_for_a_club_leader(
    client, curriculum_tree, queued_tasks
):
    client.force_login(UserFactory(role="Club leaders"))
    url = f"/km/print/{curriculum_tree['module'].pk}/offline-pack/"
    response = client.get(url)
    assert response.status_code == 503
    assert BEING_PREPARED in response.content.decode()
    run_the_worker()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_an_anonymous_reader_is_still_refused_a_facilitator_file_not_made_yet(
    client, curriculum_tree, queued_tasks
):
    response = client.get(f"/km/print/{curriculum_tree['lesson'].pk}/lesson-plan/")
    assert response.status_code == 302
    assert not queued_tasks.exists()
    assert not PrintedFileBuild.objects.exists()


def test_an_unpublished_page_gets_a_404_and_queues_nothing(client, curriculum_tree, queued_tasks):
    lesson = curriculum_tree["lesson"]
    lesson.unpublish()
    assert client.get(handout_url(lesson)).status_code == 404
    assert not queued_tasks.exists()


def test_a_build_lost_by_its_worker_is_queued_again_by_the_next_reader(
    client, curriculum_tree, queued_tasks
):
    lesson = curriculum_tree["lesson"]
    client.get(handout_url(lesson))
    queued_tasks.all().delete()  # the worker took it and died
    client.get(handout_url(lesson))
    assert not queued_tasks.exists()  # too soon to call it lost
    PrintedFileBuild.objects.update(
        requested_at=timezone.now() - BUILD_LOST_AFTER - datetime.timedelta(seconds=1)
    )
    assert client.get(handout_url(lesson)).status_code == 503
    assert queued_tasks.count() == 1
    run_the_worker()
    assert client.get(handout_url(lesson)).status_code == 200


def test_a_build_that_fails_tells_readers_so_and_is_tried_again_later(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    failing = mock.patch.object(
        documents, "render_variant", side_effect=PdfRenderError("font missing")
    )
    with failing as renderer:
        first = client.get(handout_url(lesson))
        second = client.get(handout_url(lesson))
    for response in (first, second):
        assert response.status_code == 503
        assert response["Retry-After"] == "600"
        assert CANNOT_BE_PRINTED in response.content.decode()
    assert renderer.call_count == 1  # the second reader did not start another render
    assert PrintedFileBuild.objects.get().failed_at is not None

    PrintedFileBuild.objects.update(
        failed_at=timezone.now() - FAILED_BUILD_RETRIED_AFTER - datetime.timedelta(seconds=1)
    )
    response = client.get(handout_url(lesson))  # the server was fixed meanwhile
    assert response.status_code == 200
    assert not PrintedFileBuild.objects.exists()


# Serialized rollback, like every transactional test here: the next ones find the
# migrations' data (groups, pages, content types) restored. The geography is loaded after
# the migrations: `geography` reloads it where a transactional test before emptied it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_readers_asking_at_once_cause_one_build(geography, curriculum_tree, queued_tasks):
    lesson = curriculum_tree["lesson"]
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def ask():
        try:
            barrier.wait()
            for _attempt in range(50):
                try:
                    statuses.append(Client().get(handout_url(lesson)).status_code)
                    return
                except OperationalError:
                    # The test's in-memory SQLite (a shared cache) refuses a second writer
                    # outright ("table is locked") where a server waits: the reader asks
                    # again, as after a dropped connection. PostgreSQL must never need to.
                    if connections["default"].vendor != "sqlite":
                        raise
                    time.sleep(0.1)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask) for __ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [503, 503]
    assert PrintedFileBuild.objects.count() == 1
    assert queued_tasks.count() == 1

    with mock.patch.object(documents, "render_variant", wraps=render_variant) as renderer:
        run_the_worker()
    assert renderer.call_count == 1
    assert Client().get(handout_url(lesson)).status_code == 200
    assert PrintedFile.objects.filter(page=lesson, variant="handout").count() == 1
