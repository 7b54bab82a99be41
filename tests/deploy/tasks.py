"""A task the worker tests queue: it leaves a file behind, so the test sees it ran."""

from pathlib import Path

from django_tasks import task


@task()
def marker_file_write(path: str) -> None:
    Path(path).write_text("done")
