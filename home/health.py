"""What `/healthz` reports: whether the database answers and how long the task queue waits."""

from django.db import DatabaseError, connection
from django.db.models import Case, F, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def database_answers() -> bool:
    """True when a query reaches the database and comes back."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def oldest_waiting_task_seconds() -> int | None:
    """How long the longest-waiting task due now has waited, in whole seconds; None if none.

    A task waits from when it was queued, or from the time it was told to run after. A queue
    whose oldest task keeps getting older means no worker is taking tasks (stopped, or stuck).
    """
    waiting_since = (
        DBTaskResult.objects.ready()
        .annotate(
            waiting_since=Case(
                When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
            )
        )
        .order_by("waiting_since")
        .values_list("waiting_since", flat=True)
        .first()
    )
    if waiting_since is None:
        return None
    return max(0, int((timezone.now() - waiting_since).total_seconds()))


def health_report() -> tuple[bool, dict]:
    """Whether the application can serve, and the figures that say so (nothing personal)."""
    if not database_answers():
        return False, {"database": "unavailable", "oldest_waiting_task_seconds": None}
    return True, {"database": "ok", "oldest_waiting_task_seconds": oldest_waiting_task_seconds()}
