"""Exporting the attendance of every session (one row per attendee) as CSV and XLSX:
time per 10,000 rows, and peak Python memory with many rows against a few (bounded: ~1x)."""

import os
import time
import tracemalloc

from harness import report, setup_django, throwaway_database

setup_django()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from demo.synthetic_trainings import training_data_generate  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from sessions.models import Attendance  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

LARGE_ATTENDANCES = int(os.environ.get("BENCH_EXPORT_ATTENDANCES", "200000"))
SMALL_ATTENDANCES = 2000


def download(client: Client, export_format: str) -> int:
    url = f"{reverse('training_sessions:export_attendance')}?export={export_format}"
    response = client.get(url)
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


def main() -> None:
    with throwaway_database():
        load_geography()
        national = UserFactory(username="bench-national", role="National program officers")
        client = Client()
        client.force_login(national)

        training_data_generate(sessions=100, attendances=SMALL_ATTENDANCES, groups=20, seed=2)
        small_rows = Attendance.objects.count()
        small = {export_format: measure(client, export_format) for export_format in ["csv", "xlsx"]}

        training_data_generate(
            sessions=max(LARGE_ATTENDANCES // 10, 1), attendances=LARGE_ATTENDANCES, seed=3
        )
        large_rows = Attendance.objects.count()
        report("export_rows_small", small_rows, "rows")
        report("export_rows_large", large_rows, "rows")
        for export_format in ["csv", "xlsx"]:
            small_seconds, small_peak = small[export_format]
            large_seconds, large_peak = measure(client, export_format)
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


if __name__ == "__main__":
    main()
