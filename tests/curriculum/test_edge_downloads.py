"""Handouts nginx answers from its cache: the view's marked answer, and counting nginx's log.

nginx's side (what it keeps, what it logs) is proven on the real stack in
tests/deploy/test_deploy_smoke.py; here, the application's: which answer is marked for
nginx and not counted, and `count_edge_downloads` reading the log nginx writes.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.utils import timezone

from curriculum.models import EdgeDownloadLogPosition, PrintedFileDownload
from curriculum.printing import edge_downloads
from curriculum.printing.edge_downloads import count_edge_downloads
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

renders = pytest.mark.needs_tool

# 2026-03-01 17:30 UTC is already 2 March in Phnom Penh (UTC+7): the day counted is local.
NOON = "2026-03-01T12:00:00+07:00"
EVENING_UTC = "2026-03-01T17:30:00+00:00"
MARCH_1, MARCH_2 = datetime.date(2026, 3, 1), datetime.date(2026, 3, 2)


def line(page_id: int, variant: str = "handout", when: str = NOON, language: str = "km") -> str:
    """A line as the site's `smh_downloads` format writes it."""
    return f"{when} /{language}/print/{page_id}/{variant}/ 200 HIT\n"


def counts(page) -> dict[tuple[str, datetime.date], int]:
    return {
        (row.variant, row.day): row.count
        for row in PrintedFileDownload.objects.filter(page=page, locale=page.locale)
    }


@pytest.fixture
def log(tmp_path) -> Path:
    return tmp_path / "smh-downloads.log"


def append(path: Path, text: str) -> None:
    with path.open("a") as handle:
        handle.write(text)


# The view's answer


@pytest.fixture
def edge_on(settings, log):
    settings.READER_EDGE_CACHE_SECONDS = 5
    settings.PRINTED_FILES_EDGE_LOG = str(log)
    settings.PRINTED_FILES_ACCEL_REDIRECT = "/_printed/"


@renders
def test_an_anonymous_handout_is_sent_whole_for_nginx_to_keep_and_count(
    client, curriculum_tree, edge_on
):
    lesson = curriculum_tree["lesson"]
    response = client.get(f"/km/print/{lesson.pk}/handout/")
    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF")  # the bytes, not an X-Accel-Redirect
    assert "X-Accel-Redirect" not in response
    assert response["X-Accel-Expires"] == "5"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "Set-Cookie" not in response
    # nginx's log counts this answer, and every one it gives from its copy.
    assert not PrintedFileDownload.objects.exists()


@renders
def test_other_handout_answers_are_not_marked_and_are_counted_here(
    client, curriculum_tree, edge_on, settings
):
    lesson = curriculum_tree["lesson"]
    url = f"/km/print/{lesson.pk}/handout/"
    client.get(url).getvalue()  # made, and marked (not counted here)
    answers = [
        # A part (behind nginx, only ever answered from its copy).
        client.get(url, headers={"Range": "bytes=0-99"}),
        # A login by header, or messages waiting: nginx never answers them from its cache.
        client.get(url, headers={"Authorization": "Basic c2NyaXB0OnNlY3JldA=="}),
    ]
    client.cookies["messages"] = "waiting"
    answers.append(client.get(url))
    del client.cookies["messages"]
    client.force_login(UserFactory())  # a logged-in reader: nginx sends the file by name
    answers.append(client.get(url))
    for response in answers:
        assert response.status_code in {200, 206}
        assert "X-Accel-Expires" not in response
    assert answers[-1]["X-Accel-Redirect"].startswith("/_printed/")
    assert counts(lesson) == {("handout", timezone.localdate()): 4}

    # Without nginx's log, or with nginx's cache off, the application counts every download.
    client.logout()
    settings.PRINTED_FILES_EDGE_LOG = ""
    assert "X-Accel-Expires" not in client.get(url)
    settings.PRINTED_FILES_EDGE_LOG, settings.READER_EDGE_CACHE_SECONDS = "/var/log/x.log", 0
    assert "X-Accel-Expires" not in client.get(url)
    assert counts(lesson) == {("handout", timezone.localdate()): 6}


@renders
def test_a_facilitators_lesson_plan_is_never_marked_for_nginx(client, curriculum_tree, edge_on):
    lesson = curriculum_tree["lesson"]
    anonymous = client.get(f"/km/print/{lesson.pk}/lesson-plan/")
    assert anonymous.status_code == 302  # to the login form, back to the Referer's page
    assert "X-Accel-Expires" not in anonymous
    client.force_login(UserFactory(role="Club leaders"))
    own = client.get(f"/km/print/{lesson.pk}/lesson-plan/")
    assert own.status_code == 200
    assert own["X-Accel-Redirect"].startswith("/_printed/")
    assert "X-Accel-Expires" not in own
    assert counts(lesson) == {("lesson-plan", timezone.localdate()): 1}


def test_a_handout_gone_with_its_lesson_is_a_404_nginx_keeps(client, curriculum_tree, edge_on):
    lesson = curriculum_tree["lesson"]
    lesson.unpublish()
    response = client.get(f"/km/print/{lesson.pk}/handout/")
    assert response.status_code == 404
    assert response["X-Accel-Expires"] == "5"


# Counting nginx's log


def test_the_downloads_nginx_logged_are_counted_by_page_variant_and_local_day(curriculum_tree, log):
    lesson = curriculum_tree["lesson"]
    append(log, line(lesson.pk) * 3 + line(lesson.pk, when=EVENING_UTC))
    call_command("count_edge_downloads", "--log", str(log))
    assert counts(lesson) == {("handout", MARCH_1): 3, ("handout", MARCH_2): 1}
    assert PrintedFileDownload.objects.get(day=MARCH_1).locale == lesson.locale

    # The next run counts only what was written since.
    call_command("count_edge_downloads", "--log", str(log))
    assert counts(lesson) == {("handout", MARCH_1): 3, ("handout", MARCH_2): 1}
    append(log, line(lesson.pk))
    call_command("count_edge_downloads", "--log", str(log))
    assert counts(lesson) == {("handout", MARCH_1): 4, ("handout", MARCH_2): 1}


def test_a_line_being_written_is_counted_once_it_is_whole(curriculum_tree, log):
    lesson = curriculum_tree["lesson"]
    whole = line(lesson.pk)
    append(log, whole + whole[:20])
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 1}
    append(log, whole[20:])
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 2}


def test_a_rotated_log_is_finished_before_the_new_one(curriculum_tree, log):
    lesson = curriculum_tree["lesson"]
    append(log, line(lesson.pk))
    count_edge_downloads(log)
    # More lines, then logrotate renames the log and nginx opens a new one.
    append(log, line(lesson.pk) * 2)
    rotated = Path(f"{log}.1")
    log.rename(rotated)
    count_edge_downloads(log)  # nginx has not reopened: the old file may still grow
    assert counts(lesson) == {("handout", MARCH_1): 3}
    append(rotated, line(lesson.pk))  # written before nginx reopened its log
    append(log, line(lesson.pk, when=EVENING_UTC) * 5)
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 4, ("handout", MARCH_2): 5}
    position = EdgeDownloadLogPosition.objects.get(log_path=str(log))
    assert (position.inode, position.offset) == (os.stat(log).st_ino, log.stat().st_size)


def test_a_long_log_is_read_over_several_runs_the_rotated_one_first(
    curriculum_tree, log, monkeypatch
):
    lesson = curriculum_tree["lesson"]
    monkeypatch.setattr(edge_downloads, "BYTES_PER_RUN", 3 * len(line(lesson.pk)))
    append(log, line(lesson.pk))
    count_edge_downloads(log)
    append(log, line(lesson.pk) * 5)
    log.rename(f"{log}.1")
    append(log, line(lesson.pk, when=EVENING_UTC) * 4)
    runs = [count_edge_downloads(log).downloads for _run in range(4)]
    assert runs == [3, 3, 3, 0]  # the old file's rest first, then the new one
    assert counts(lesson) == {("handout", MARCH_1): 6, ("handout", MARCH_2): 4}


def test_a_rotated_logs_broken_last_line_is_left_once_nginx_writes_the_new_one(
    curriculum_tree, log
):
    lesson = curriculum_tree["lesson"]
    append(log, line(lesson.pk))
    count_edge_downloads(log)
    append(log, line(lesson.pk) + line(lesson.pk)[:15])  # nginx stopped mid-line
    log.rename(f"{log}.1")
    append(log, line(lesson.pk, when=EVENING_UTC))
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 2, ("handout", MARCH_2): 1}


def test_a_log_emptied_in_place_is_read_from_its_start(curriculum_tree, log):
    lesson = curriculum_tree["lesson"]
    append(log, line(lesson.pk) * 3)
    count_edge_downloads(log)
    log.write_text(line(lesson.pk))  # copytruncate, then one download
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 4}


def test_a_run_that_fails_counts_nothing_and_the_next_counts_it_once(
    curriculum_tree, log, monkeypatch
):
    lesson = curriculum_tree["lesson"]
    append(log, line(lesson.pk) * 2 + line(lesson.pk, when=EVENING_UTC))
    add = edge_downloads.printed_file_downloads_add
    calls = []

    def crash_after_the_first_count(**kwargs):
        add(**kwargs)
        calls.append(kwargs)
        raise DatabaseError("connection lost")

    monkeypatch.setattr(edge_downloads, "printed_file_downloads_add", crash_after_the_first_count)
    with pytest.raises(DatabaseError):
        count_edge_downloads(log)
    assert calls  # one count was added, then the run failed: rolled back with the position
    assert not PrintedFileDownload.objects.exists()
    assert EdgeDownloadLogPosition.objects.filter(offset__gt=0).count() == 0

    monkeypatch.undo()
    count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 2, ("handout", MARCH_2): 1}


def test_bad_lines_and_deleted_pages_are_skipped(curriculum_tree, log):
    lesson = curriculum_tree["lesson"]
    append(
        log,
        "\n"
        "garbage\n"
        f"not-a-time /km/print/{lesson.pk}/handout/ 200 HIT\n"
        f"2026-03-01T12:00:00 /km/print/{lesson.pk}/handout/ 200 HIT\n"  # no zone
        f"{NOON} /km/curriculum/ 200 HIT\n"
        f"{NOON} /km/print/{lesson.pk}/handout/extra/ 200 HIT\n"
        f"{NOON} /km/print/{lesson.pk}/poster/ 200 HIT\n"
        # Never kept by nginx: not one of its downloads.
        + line(lesson.pk, variant="lesson-plan")
        + line(999_999)  # deleted since
        + "\xff\xfe binary \x00\n"
        + line(lesson.pk),
    )
    counted = count_edge_downloads(log)
    assert counts(lesson) == {("handout", MARCH_1): 1}
    assert (counted.downloads, counted.lines) == (1, 11)


def test_no_log_yet_counts_nothing_and_the_setting_is_required(log, settings):
    assert count_edge_downloads(log).lines == 0
    settings.PRINTED_FILES_EDGE_LOG = ""
    with pytest.raises(CommandError, match="PRINTED_FILES_EDGE_LOG"):
        call_command("count_edge_downloads")
