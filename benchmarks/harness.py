"""Shared benchmark plumbing: a throwaway database, timing, and the report line format."""

import os
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(PROJECT_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # keep the output to the figures
    import django

    django.setup()


@contextmanager
def throwaway_database():
    """A migrated test database (SQLite in memory, or PostgreSQL via DATABASE_URL)."""
    from django.core import signals
    from django.db import close_old_connections
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    # As Django's test cases do: requests through the test client keep the connection
    # (and its record of queries) instead of closing it after each response.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        yield
    finally:
        teardown_databases(config, verbosity=0)


def median_seconds(action: Callable[[], object], *, repeat: int, warmup: int = 5) -> float:
    for _ in range(warmup):
        action()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def report(name: str, value: float | int, unit: str, baseline: float | None = None) -> None:
    """One line per figure: `name: value unit (ratio x baseline)`."""
    ratio = f" ({value / baseline:.2f}x baseline)" if baseline else ""
    shown = f"{value:d}" if isinstance(value, int) else f"{value:.3f}"
    print(f"{name}: {shown} {unit}{ratio}", flush=True)
