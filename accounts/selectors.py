"""Reads about logins: which accounts axes holds locked right now."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone


def locked_out_accounts() -> QuerySet:
    """One row per locked username: `username`, `failures`, `last_attempt`, newest first.

    Axes keeps a row per username, address and browser, and counts only the failures of
    rows tried within the cool-off period; a username is locked when they add up to the
    limit. This is the same sum, made in the database.
    """
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return (
        AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt", "username")
    )
