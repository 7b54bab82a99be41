"""Sending the ready values to DHIS2, and keeping what the server answered in the push log."""

import logging

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from .client import ImportSummary, PushFailed, push_data_value_set
from .formats import data_value_set_json
from .models import PushLog
from .selectors import DryRun

logger = logging.getLogger(__name__)

#: DHIS2's own words for an import that went through (with or without warnings).
SUCCESS_STATUSES = {"SUCCESS", "OK"}


def _outcome(summary: ImportSummary) -> str:
    if summary.http_status == 409 or summary.status.upper() == "ERROR":
        return PushLog.Outcome.CONFLICT
    if summary.conflicts or summary.status.upper() == "WARNING" or summary.ignored:
        return PushLog.Outcome.WARNING
    return PushLog.Outcome.SUCCESS


def dhis2_values_push(*, dry_run: DryRun, user: User) -> PushLog:
    """Send the dry run's ready values; log and return the server's summary or the failure.

    Values lacking a mapping stay out (the dry run lists them). Nothing to send is refused
    before any request, so an empty push never reaches the server.
    """
    ready = dry_run.ready
    log = PushLog(
        user=user,
        period_kind=dry_run.period_kind,
        date_from=dry_run.date_from,
        date_to=dry_run.date_to,
        province=dry_run.province,
        values_sent=len(ready),
    )
    try:
        if not ready:
            raise PushFailed(_("No value is ready to send: map the codes the dry run lists."))
        summary = push_data_value_set(data_value_set_json(dry_run))
    except PushFailed as failure:
        log.outcome = PushLog.Outcome.ERROR
        log.values_sent = 0
        log.http_status = failure.http_status
        log.message = failure.message
    else:
        log.outcome = _outcome(summary)
        log.http_status = summary.http_status
        log.imported, log.updated = summary.imported, summary.updated
        log.ignored, log.deleted = summary.ignored, summary.deleted
        log.conflicts = summary.conflicts
        log.message = summary.description
    log.full_clean()
    log.save()
    logger.info(
        "DHIS2 push by %s: %s values, %s (HTTP %s), imported %s, updated %s, ignored %s, "
        "%s conflicts",
        user.get_username(),
        log.values_sent,
        log.outcome,
        log.http_status,
        log.imported,
        log.updated,
        log.ignored,
        len(log.conflicts),
    )
    return log
