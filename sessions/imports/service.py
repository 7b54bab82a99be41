"""Running an import: store the upload, check it (the preview), then write it all or none.

The check and the write read the file the same way, in batches of rows, so memory
stays bounded; the write runs every batch inside one transaction and rolls all of it
back if any row is rejected or anything fails.
"""

import datetime
import hashlib
import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sessions.models import ImportLog
from sessions.reports.kept import kept_figures_refresh_soon
from spreadsheets.cleaning import CellError, is_blank
from spreadsheets.columns import Column, map_headers
from spreadsheets.reading import BadFile, Table, check_size, open_table

from .kinds import KINDS, ImportKind, Row

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 1000
#: The errors kept on the log and listed on the screen; the count covers them all.
MAX_LISTED_ERRORS = 500
UPLOAD_SUFFIXES = {".csv", ".xlsx", ".txt"}


def files_root() -> Path:
    root = Path(getattr(settings, "IMPORT_FILES_ROOT", settings.BASE_DIR / "var" / "imports"))
    root.mkdir(parents=True, exist_ok=True)
    return root


def batch_size() -> int:
    return getattr(settings, "IMPORT_BATCH_SIZE", DEFAULT_BATCH_SIZE)


#: How long a checked file waits for confirmation before it is deleted (it holds personal data).
UNCONFIRMED_KEPT_FOR = datetime.timedelta(days=2)


#: A check or write still running after this long lost its worker (a restart, a crash).
STALLED_AFTER = datetime.timedelta(hours=6)


def imports_expire() -> int:
    """Cancel checked imports nobody confirmed in time and delete their files; how many.

    Also fail checks and writes whose worker died: a write is one transaction, so a dead
    worker wrote nothing, and the officer is told to upload the file again.
    """
    # A check with rows to fix kept its file before it had its own status: cleared too.
    waiting = [ImportLog.Status.CHECKED, ImportLog.Status.NEEDS_FIXING]
    stale = ImportLog.objects.filter(
        status__in=waiting, created_at__lt=timezone.now() - UNCONFIRMED_KEPT_FOR
    )
    count = 0
    for log in stale:
        _remove_file(log)
        count += ImportLog.objects.filter(pk=log.pk, status__in=waiting).update(
            status=ImportLog.Status.CANCELLED, finished_at=timezone.now()
        )
    stalled = ImportLog.objects.filter(
        status__in=[ImportLog.Status.CHECKING, ImportLog.Status.IMPORTING],
        started_at__lt=timezone.now() - STALLED_AFTER,
    )
    for log in stalled:
        with translation.override(log.language):
            message = str(_stalled())
        _remove_file(log)
        count += ImportLog.objects.filter(pk=log.pk, status=log.status).update(
            status=ImportLog.Status.FAILED, finished_at=timezone.now(), file_error=message
        )
    return count


def import_upload(*, user: User, kind: str, uploaded_file: File, language: str) -> ImportLog:
    """Keep the uploaded file out of the public media and log it; raises BadFile."""
    # Each upload also clears the files that waited too long: no scheduler needed.
    imports_expire()
    if kind not in KINDS:
        raise BadFile(_("Choose what the file holds."))
    check_size(uploaded_file.size)
    name = Path(uploaded_file.name or "upload").name[:255]
    suffix = Path(name).suffix.lower()
    stored = files_root() / f"{uuid.uuid4().hex}{suffix if suffix in UPLOAD_SUFFIXES else ''}"
    digest = hashlib.sha256()
    with open(stored, "wb") as handle:
        for chunk in uploaded_file.chunks():
            digest.update(chunk)
            handle.write(chunk)
    return ImportLog.objects.create(
        kind=kind,
        user=user,
        file_name=name,
        file_sha256=digest.hexdigest(),
        stored_path=stored.name,
        language=language or settings.LANGUAGE_CODE,
        status=ImportLog.Status.CHECKING,
        started_at=timezone.now(),
    )


def progress_key(log_id: int) -> str:
    return f"trainings-import-progress-{log_id}"


def import_progress(log: ImportLog) -> tuple[int, int | None]:
    """Rows done and rows expected (None when the file does not say) of a running import."""
    return cache.get(progress_key(log.pk), (0, None))


def read_row(number: int, values: list[Any], mapping: dict[int, Column]) -> Row | None:
    """The row's cells read by their columns' widgets, or None for a blank row."""
    if all(is_blank(value) for value in values):
        return None
    row = Row(number=number, values={})
    for index, column in mapping.items():
        raw = values[index] if index < len(values) else None
        try:
            # The column's import-export widget, without Field.clean's row dictionary.
            value = column.widget.clean(raw)
        except CellError as error:
            row.fail(column.key, error.message)
            continue
        if column.required and value in (None, "", []):
            row.fail(column.key, _("This column must be filled in."))
            continue
        if value not in (None, "", []):
            row.values[column.key] = value
    return row


class RunResult(TypedDict):
    """What a pass over the file found: the counts by outcome and the rejected rows' errors."""

    counts: dict[str, int]
    errors: list[dict[str, Any]]


class ImportRejected(Exception):
    """Rows were rejected during the write: everything written is rolled back."""


def _run(log: ImportLog, *, write: bool) -> RunResult:
    """One pass over the file: the counts and the errors; with `write`, the rows written."""
    kind = KINDS[log.kind]
    columns = kind.resource.columns()
    labels = {column.key: column.label for column in columns}
    table = open_table(files_root() / log.stored_path, sheet_names=kind_sheet_names(kind))
    try:
        counts, errors = _run_rows(log, kind, table, labels, columns, write=write)
    finally:
        table.close()
    if counts["total"] == 0:
        raise BadFile(_("The file has a header row but no data rows."))
    return {"counts": counts, "errors": errors}


def _run_rows(
    log: ImportLog,
    kind: ImportKind,
    table: Table,
    labels: dict[str, str],
    columns: list[Column],
    *,
    write: bool,
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Read, check (and with `write`, write) the table's rows batch by batch."""
    from .context import ImportContext

    mapping = map_headers(table.headers, columns)
    context = ImportContext.for_user(log.user, write=write)
    counts = {"total": 0, "created": 0, "updated": 0, "skipped": 0, "rejected": 0}
    errors: list[dict[str, Any]] = []
    order = {column.key: index for index, column in enumerate(columns)}

    def run_batch(batch: list[Row]) -> None:
        # Rows refused for a cell are checked too, so each one's every problem is listed.
        kind.process(batch, context)
        for row in batch:
            counts["total"] += 1
            if row.errors:
                counts["rejected"] += 1
                for column, message in sorted(row.errors, key=lambda e: order.get(e[0], 0)):
                    if len(errors) < MAX_LISTED_ERRORS:
                        errors.append(
                            {
                                "row": row.number,
                                "column": labels.get(column, ""),
                                "message": message,
                            }
                        )
            else:
                counts[row.outcome or "skipped"] += 1
        cache.set(progress_key(log.pk), (counts["total"], table.total_rows), 60 * 60)

    batch: list[Row] = []
    for number, values in table.rows:
        row = read_row(number, values, mapping)
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= batch_size():
            run_batch(batch)
            batch = []
    if batch:
        run_batch(batch)
    return counts, errors


def kind_sheet_names(kind: ImportKind) -> tuple[str, ...]:
    return (kind.resource.sheet_name, str(kind.label))


def _finish(
    log: ImportLog,
    status: str,
    *,
    counts: dict[str, int] | None = None,
    errors: list[dict[str, Any]] | None = None,
    file_error: "StrOrPromise" = "",
) -> None:
    counts = counts or {}
    log.status = status
    log.rows_total = counts.get("total", 0)
    log.rows_created = counts.get("created", 0)
    log.rows_updated = counts.get("updated", 0)
    log.rows_skipped = counts.get("skipped", 0)
    log.rows_rejected = counts.get("rejected", 0)
    log.errors = errors or []
    log.file_error = str(file_error)
    if status in (ImportLog.Status.DONE, ImportLog.Status.FAILED, ImportLog.Status.CANCELLED):
        log.finished_at = timezone.now()
    log.save()
    cache.delete(progress_key(log.pk))


def import_check(*, log: ImportLog) -> ImportLog:
    """The preview: what the file would create, update and skip, and each bad row; no write."""
    with translation.override(log.language):
        try:
            result = _run(log, write=False)
        except BadFile as error:
            _finish(log, ImportLog.Status.FAILED, file_error=error.message)
            _remove_file(log)
            return log
        except Exception:
            logger.exception("Checking import %s failed", log.pk)
            _finish(log, ImportLog.Status.FAILED, file_error=_unexpected())
            _remove_file(log)
            return log
        if result["counts"]["rejected"]:
            # It can never be confirmed: the file (personal data) goes now, the preview stays.
            _finish(log, ImportLog.Status.NEEDS_FIXING, **result)
            _remove_file(log)
        else:
            _finish(log, ImportLog.Status.CHECKED, **result)
    return log


def import_confirm(*, log: ImportLog, user: User) -> ImportLog:
    """The officer confirms a checked import without errors; it is queued to be written."""
    if log.user_id != user.pk:
        raise PermissionDenied(_("Only the officer who uploaded a file can import it."))
    updated = ImportLog.objects.filter(
        pk=log.pk, status=ImportLog.Status.CHECKED, rows_rejected=0
    ).update(status=ImportLog.Status.IMPORTING, started_at=timezone.now())
    if not updated:
        raise PermissionDenied(_("This file cannot be imported: check it again."))
    log.refresh_from_db()
    return log


def import_write(*, log: ImportLog) -> ImportLog:
    """Write the whole file in one transaction; any rejected row or failure writes nothing."""
    with translation.override(log.language):
        try:
            with transaction.atomic():
                result = _run(log, write=True)
                if result["counts"]["rejected"]:
                    raise ImportRejected(result)
                # The report's kept figures move with the rows, in the same transaction
                # (a large file's are left to a task: the report is counted live meanwhile).
                kept_figures_refresh_soon()
        except ImportRejected as rejected:
            result = rejected.args[0]
            _finish(log, ImportLog.Status.FAILED, **result, file_error=_changed_meanwhile())
        except BadFile as error:
            _finish(log, ImportLog.Status.FAILED, file_error=error.message)
        except IntegrityError:
            logger.warning("Import %s met a conflicting change", log.pk, exc_info=True)
            _finish(log, ImportLog.Status.FAILED, file_error=_changed_meanwhile())
        except Exception:
            logger.exception("Import %s failed", log.pk)
            _finish(log, ImportLog.Status.FAILED, file_error=_unexpected())
        else:
            _finish(log, ImportLog.Status.DONE, **result)
    _remove_file(log)
    return log


def import_cancel(*, log: ImportLog, user: User) -> ImportLog:
    if log.user_id != user.pk:
        raise PermissionDenied
    if log.status == ImportLog.Status.CHECKED:
        counts = {
            "total": log.rows_total,
            "created": log.rows_created,
            "updated": log.rows_updated,
            "skipped": log.rows_skipped,
            "rejected": log.rows_rejected,
        }
        _finish(log, ImportLog.Status.CANCELLED, counts=counts, errors=log.errors)
        _remove_file(log)
    return log


def import_dismiss(*, log: ImportLog, user: User) -> ImportLog:
    """Put away a check with rows to fix (the officer will upload the fixed file).

    The caller found `log` among `import_logs_for_user(user)`; only a check with rows to fix
    is dismissed, anything else is left as it is.
    """
    dismissed = ImportLog.objects.filter(pk=log.pk, status=ImportLog.Status.NEEDS_FIXING).update(
        status=ImportLog.Status.CANCELLED, finished_at=timezone.now()
    )
    if not dismissed:
        raise PermissionDenied(_("Only a check with rows to fix can be dismissed."))
    _remove_file(log)
    log.refresh_from_db()
    return log


def _remove_file(log: ImportLog) -> None:
    if log.stored_path:
        (files_root() / log.stored_path).unlink(missing_ok=True)


def _unexpected() -> str:
    return _("Something went wrong while reading the file; nothing was imported. Try again.")


def _stalled() -> str:
    return _(
        "The import stopped before it finished (the server restarted), so nothing was "
        "imported. Upload the file again."
    )


def _changed_meanwhile() -> str:
    return _(
        "The data changed since the file was checked, so nothing was imported. "
        "Check the file again."
    )
