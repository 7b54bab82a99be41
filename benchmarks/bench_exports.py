"""Exporting the attendance of every session (one row per attendee) as CSV and XLSX:
time per 10,000 rows, and peak Python memory with many rows against a few (bounded: ~1x).

Then the same exports made in the background (past EXPORT_BACKGROUND_ROWS): the officer's
wait for the answer to the request against the immediate download of the few rows, the
task's time per 10,000 rows against the immediate download's, and the task's peak memory
with many rows against a few.
"""

import os
import time
import tracemalloc

from harness import report, setup_django, throwaway_database

setup_django()

from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from demo.synthetic_trainings import training_data_generate  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from sessions.admin.export_jobs import export_job_build, export_job_create  # noqa: E402
from sessions.models import Attendance, ExportJob, ExportLog  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

LARGE_ATTENDANCES = int(os.environ.get("BENCH_EXPORT_ATTENDANCES", "200000"))
SMALL_ATTENDANCES = 2000
FORMATS = ["csv", "xlsx"]


#: The immediate figures are of downloads made in the request, however many rows.
IMMEDIATE = override_settings(EXPORT_BACKGROUND_ROWS=10**12)
#: The request only records the job; no worker runs in the benchmark's process.
QUEUED_ONLY = override_settings(
    EXPORT_BACKGROUND_ROWS=0,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
)


def export_url(export_format: str) -> str:
    return f"{reverse('training_sessions:export_attendance')}?export={export_format}"


def download(client: Client, export_format: str) -> int:
    response = client.get(export_url(export_format))
    assert response.status_code == 200
    size = sum(len(block) for block in response.streaming_content)
    response.close()
    return size


def measure(client: Client, export_format: str) -> tuple[float, int]:
    """Seconds to download, and the peak of memory allocated by Python while doing it."""
    start = time.perf_counter()
    download(client, export_format)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    download(client, export_format)
    __, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak


def background_request_seconds(client: Client, export_format: str) -> float:
    """The officer's wait: from asking for the export to the answer (a redirect)."""
    with QUEUED_ONLY:
        start = time.perf_counter()
        response = client.get(export_url(export_format))
        seconds = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    return seconds


def background_build(user, export_format: str) -> tuple[float, int]:
    """Seconds the task takes to make the file, and its peak of Python memory."""

    def build() -> ExportJob:
        job = export_job_create(
            user=user,
            list_name=ExportLog.ListName.ATTENDANCE,
            export_format=export_format,
            view_name="training_sessions:export_attendance",
            filters={},
            language="km",
        )
        with translation.override("km"):
            job = export_job_build(job=job)
        assert job.status == ExportJob.Status.DONE, job.error
        return job

    start = time.perf_counter()
    build()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    build()
    __, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    with throwaway_database():
        load_geography()
        national = UserFactory(username="bench-national", role="National program officers")
        client = Client()
        client.force_login(national)

        training_data_generate(sessions=100, attendances=SMALL_ATTENDANCES, groups=20, seed=2)
        small_rows = Attendance.objects.count()
        with IMMEDIATE:
            small = {export_format: measure(client, export_format) for export_format in FORMATS}
        small_background = {
            export_format: background_build(national, export_format) for export_format in FORMATS
        }

        training_data_generate(
            sessions=max(LARGE_ATTENDANCES // 10, 1), attendances=LARGE_ATTENDANCES, seed=3
        )
        large_rows = Attendance.objects.count()
        report("export_rows_small", small_rows, "rows")
        report("export_rows_large", large_rows, "rows")
        large = {}
        for export_format in FORMATS:
            small_seconds, small_peak = small[export_format]
            with IMMEDIATE:
                large_seconds, large_peak = measure(client, export_format)
            large[export_format] = large_seconds
            report(
                f"export_{export_format}_seconds_per_10000_rows",
                large_seconds / large_rows * 10_000,
                "s",
                small_seconds / small_rows * 10_000,
            )
            report(
                f"export_{export_format}_peak_memory_large",
                large_peak / 2**20,
                "MiB",
                small_peak / 2**20,
            )

        for export_format in FORMATS:
            # Against the immediate download of a tenth of the rows: the officer's wait for
            # the large list, now, against a small one's.
            report(
                f"export_background_{export_format}_request_seconds",
                background_request_seconds(client, export_format),
                "s",
                small[export_format][0],
            )
            small_seconds, small_peak = small_background[export_format]
            build_seconds, build_peak = background_build(national, export_format)
            report(
                f"export_background_{export_format}_seconds_per_10000_rows",
                build_seconds / large_rows * 10_000,
                "s",
                large[export_format] / large_rows * 10_000,
            )
            report(
                f"export_background_{export_format}_peak_memory_large",
                build_peak / 2**20,
                "MiB",
                small_peak / 2**20,
            )


if __name__ == "__main__":
    main()
