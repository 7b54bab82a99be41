"""Large exports made in the background: the job, the file its task builds, who may have it.

A list export of more rows than EXPORT_BACKGROUND_ROWS becomes an `ExportJob`. Its task
sets up the list's own view again, as the asker with their permissions and provinces as
they are at build time, with the list's query as the only input (filters only narrow
what the scoped queryset holds), and writes the file through the same code as an
immediate download: the same columns, the same escaping writer, rows read in chunks. The
file is written under a temporary name and renamed once whole, so a failed or cut-short
build never offers half a file.
"""

import contextlib
import datetime
import logging
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, QueryDict
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import AccessLogEntry, ExportJob, ExportLog
from ..models.exports import export_files_root
from ..scoping import can_access_all_provinces, can_export_personal_data, provinces_for_user
from ..services import access_log_record

logger = logging.getLogger(__name__)

DEFAULT_BACKGROUND_ROWS = 10_000
DEFAULT_KEPT_DAYS = 7
DEFAULT_STALLED_MINUTES = 15
#: How often at most a running job writes its progress (and heartbeat) to the database.
PROGRESS_EVERY = datetime.timedelta(seconds=1)


def background_threshold() -> int:
    """Exports of more rows than this are made in the background."""
    return getattr(settings, "EXPORT_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS)


def kept_for() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "EXPORT_FILES_KEPT_DAYS", DEFAULT_KEPT_DAYS))


def stalled_after() -> datetime.timedelta:
    minutes = getattr(settings, "EXPORT_STALLED_MINUTES", DEFAULT_STALLED_MINUTES)
    return datetime.timedelta(minutes=minutes)


def export_jobs_for_user(user):
    """The jobs a user may open: their own. The file was made for them, with their columns
    and provinces, and its download is logged as theirs; anyone else asks for their own."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ExportJob.objects.none()
    return ExportJob.objects.filter(user=user)


def export_job_create(
    *,
    user,
    list_name: str,
    export_format: str,
    view_name: str,
    filters: dict,
    language: str,
    rows_total: int | None = None,
) -> ExportJob:
    """A job waiting for a worker (the caller enqueues `export_job_build_task`)."""
    job = ExportJob(
        user=user,
        list_name=list_name,
        export_format=export_format,
        view_name=view_name,
        filters=filters,
        language=language or settings.LANGUAGE_CODE,
        rows_total=rows_total,
    )
    job.full_clean()
    job.save()
    return job


def export_job_again(*, job: ExportJob, user) -> ExportJob:
    """A new job with the same list, format and filters (after a failure or expiry)."""
    if job.user_id != user.pk:
        raise PermissionDenied
    return export_job_create(
        user=user,
        list_name=job.list_name,
        export_format=job.export_format,
        view_name=job.view_name,
        filters=job.filters,
        language=job.language,
    )


def list_view_for(job: ExportJob):
    """The list's view, set up for the job's asker and query as the list URL would be."""
    path = reverse(job.view_name)
    match = resolve(path)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.resolver_match = match
    request.user = job.user
    query = QueryDict(mutable=True)
    for key, value in job.filters.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    query["export"] = job.export_format
    request.GET = query
    # Wagtail's admin URLs wrap the view; the class and its arguments are kept on them.
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request)
    return view


class ExportRefused(Exception):
    """The file may not be made: the asker lost the list, or it is too long for a sheet."""


def export_job_build(*, job: ExportJob) -> ExportJob:
    """Build the job's file; on any failure, a job marked failed with a message, no file."""
    claimed = ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        rows_done=0,
    )
    if not claimed:
        return job  # already built, or failed as stalled, by another run
    job.refresh_from_db()
    with translation.override(job.language):
        try:
            _build(job)
        except ExportRefused as refusal:
            _fail(job, str(refusal))
        except Exception:
            logger.exception("Export job %s failed", job.pk)
            _fail(job, _unexpected())
    job.refresh_from_db()
    return job


def _build(job: ExportJob) -> None:
    # Imported here: the list views import this module (to create jobs).
    from .exports import XLSX_MAX_ROWS, too_many_rows_message

    user = job.user
    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        raise ExportRefused(_("Your account may no longer export this list."))
    view = list_view_for(job)
    if not view.may_export():
        raise ExportRefused(_("Your account may no longer export this list."))
    queryset = view.export_queryset()
    row_count = queryset.count()
    if job.export_format == ExportLog.Format.XLSX and row_count > XLSX_MAX_ROWS:
        raise ExportRefused(too_many_rows_message(row_count))
    province_ids = (
        None
        if can_access_all_provinces(user)
        else sorted(provinces_for_user(user).values_list("pk", flat=True))
    )
    ExportJob.objects.filter(pk=job.pk).update(
        rows_total=row_count, province_ids=province_ids, personal_data=view.exports_personal_data
    )
    view.export_progress_listener = _progress_writer(job)

    partial = job.partial_path
    try:
        # Logged before the rows are written, as an immediate download is before it is sent.
        export_log = view.log_export(
            export_format=job.export_format, filters=job.filters, row_count=row_count
        )
        with open(partial, "wb") as output:
            if job.export_format == ExportLog.Format.CSV:
                for line in view.stream_csv(queryset):
                    output.write(line)
            else:
                view.write_xlsx(queryset, output)
        name = f"export-{job.pk}-{secrets.token_hex(8)}.{job.export_format}"
        os.replace(partial, export_files_root() / name)
    finally:
        partial.unlink(missing_ok=True)
    finished = ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.RUNNING).update(
        status=ExportJob.Status.DONE,
        stored_name=name,
        download_name=f"{view.get_filename()}.{job.export_format}",
        file_size=(export_files_root() / name).stat().st_size,
        rows_done=row_count,
        export_log=export_log,
        finished_at=timezone.now(),
        heartbeat_at=timezone.now(),
    )
    if not finished:
        # Marked failed as stalled while it ran slowly: the officer was told to ask again.
        (export_files_root() / name).unlink(missing_ok=True)


def _progress_writer(job: ExportJob):
    """A listener that adds written rows up and saves them (and a heartbeat) now and then."""
    state = {"rows": 0, "saved_at": timezone.now()}

    def written(rows: int) -> None:
        state["rows"] += rows
        now = timezone.now()
        if now - state["saved_at"] >= PROGRESS_EVERY:
            ExportJob.objects.filter(pk=job.pk).update(rows_done=state["rows"], heartbeat_at=now)
            state["saved_at"] = now

    return written


def _fail(job: ExportJob, message: str) -> None:
    # The job is marked failed whatever happens to its half-written file.
    with contextlib.suppress(OSError):
        job.partial_path.unlink(missing_ok=True)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error=message, finished_at=timezone.now()
    )


def export_jobs_expire() -> int:
    """Fail jobs whose worker stopped, delete files past their time; how many jobs changed.

    Called by the progress page (so a dead worker shows as a failure, not a frozen bar) and
    nightly by `manage.py expire_exports` (the retention timer).
    """
    now = timezone.now()
    count = 0
    for job in ExportJob.objects.filter(
        status=ExportJob.Status.RUNNING, heartbeat_at__lt=now - stalled_after()
    ):
        with translation.override(job.language):
            message = _stalled()
        job.partial_path.unlink(missing_ok=True)
        count += ExportJob.objects.filter(
            pk=job.pk, status=ExportJob.Status.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(status=ExportJob.Status.FAILED, error=message, finished_at=now)
    # Files are deleted, jobs kept as "deleted" until their record ages out too, so the
    # officer's list says what happened to a file rather than losing it.
    for job in ExportJob.objects.filter(
        status=ExportJob.Status.DONE, finished_at__lt=now - kept_for()
    ):
        path = job.stored_path
        if path is not None:
            path.unlink(missing_ok=True)
        count += ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.DONE).update(
            status=ExportJob.Status.EXPIRED, stored_name=""
        )
    # Files no job gives out any more (erased people's, an asker's account deleted, a crash
    # between the rename and the save) go too; a running job's file is left to it.
    given_out = set(
        ExportJob.objects.filter(status=ExportJob.Status.DONE).values_list("stored_name", flat=True)
    )
    running = {
        job.partial_path.name
        for job in ExportJob.objects.filter(status=ExportJob.Status.RUNNING).only("pk")
    }
    for path in export_files_root().iterdir():
        modified = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
        just_made = modified > now - datetime.timedelta(minutes=1)  # renamed, not yet saved
        if path.name not in given_out | running and not just_made:
            path.unlink(missing_ok=True)
    # The jobs' filters may hold a searched name: the export log keeps the record.
    ExportJob.objects.filter(created_at__lt=now - 4 * kept_for()).exclude(
        status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING, ExportJob.Status.DONE]
    ).delete()
    return count


def export_job_file(*, job: ExportJob, user) -> Path | None:
    """The finished file, if `user` may have it now; None otherwise.

    Its asker only, and only while they could still export it: personal data needs the
    permission still, and an officer who lost a province since is not given its rows.
    """
    if job.user_id != user.pk or not user.is_active or job.status != ExportJob.Status.DONE:
        return None
    if job.personal_data and not can_export_personal_data(user):
        return None
    if not can_access_all_provinces(user):
        if job.province_ids is None:
            return None
        current = set(provinces_for_user(user).values_list("pk", flat=True))
        if not set(job.province_ids) <= current:
            return None
    path = job.stored_path
    return path if path is not None and path.is_file() else None


def export_job_download_record(*, job: ExportJob, user, screen: str) -> None:
    """Log a download of a file with personal data, as each immediate export is logged."""
    if job.personal_data:
        access_log_record(
            user=user,
            action=AccessLogEntry.Action.EXPORTED,
            screen=screen,
            search=str(job.filters.get("q", "")),
            details={
                "export_job": job.pk,
                **{key: value for key, value in job.filters.items() if key != "q"},
            },
            row_count=job.rows_total,
            export_log=job.export_log,
        )


def _unexpected() -> str:
    return _("Something went wrong while making the file, so there is no file. Try again.")


def _stalled() -> str:
    return _(
        "Making the file stopped before it finished (the server restarted), so there is no "
        "file. Try again."
    )
