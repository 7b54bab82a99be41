"""The record of every spreadsheet exported from the officers' lists, and large exports' jobs."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportLog(models.Model):
    """Who downloaded which list, filtered how, how many rows, with personal data or not."""

    class ListName(models.TextChoices):
        TRAINING_SESSIONS = "training_sessions", _("training sessions")
        ATTENDANCE = "attendance", _("attendance")
        YOUTH_GROUPS = "youth_groups", _("youth groups")
        PEER_EDUCATORS = "peer_educators", _("peer educators")
        PARTICIPANTS = "participants", _("participants")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept as text too, so the record still says who it was once the account is deleted.
    username = models.CharField(_("username"), max_length=150)
    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True, db_index=True)
    list_name = models.CharField(_("list"), max_length=30, choices=ListName.choices)
    export_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    filters = models.JSONField(_("filters and search"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    personal_data = models.BooleanField(_("personal data included"))

    class Meta:
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")
        ordering = ["-exported_at", "-pk"]

    def __str__(self):
        return (
            f"{self.username} – {self.get_list_name_display()} – {self.exported_at:%Y-%m-%d %H:%M}"
        )


def export_files_root() -> Path:
    """The folder of background exports' files (EXPORT_FILES_ROOT), made if missing."""
    root = Path(getattr(settings, "EXPORT_FILES_ROOT", settings.BASE_DIR / "var" / "exports"))
    root.mkdir(parents=True, exist_ok=True)
    return root


class ExportJob(models.Model):
    """A large export made in the background: who asked for which list, and the file made.

    Only what the list was asked with is kept (its URL name and query); the rows are
    chosen again, with the asker's provinces as they are then, when the file is built.
    The file holds personal data: it is kept outside MEDIA_ROOT (EXPORT_FILES_ROOT), given
    only to its asker, and deleted after EXPORT_FILES_KEPT_DAYS.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")
        EXPIRED = "expired", _("deleted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        # The file is its asker's alone: a deleted account leaves nobody to give it to.
        on_delete=models.CASCADE,
        related_name="+",
    )
    list_name = models.CharField(_("list"), max_length=30, choices=ExportLog.ListName.choices)
    export_format = models.CharField(_("format"), max_length=4, choices=ExportLog.Format.choices)
    # The list's URL name ("training_sessions:index") and its query without "export": the
    # view that makes the file is the list's own, given these again at build time.
    view_name = models.CharField(max_length=100, editable=False)
    filters = models.JSONField(_("filters and search"), default=dict, blank=True)
    # Headings and choice labels are written in the language the officer asked in.
    language = models.CharField(max_length=10, default="km", editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # Moved on with each chunk of rows: a running job whose heartbeat stopped lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The file's name in EXPORT_FILES_ROOT, set once the whole file is there.
    stored_name = models.CharField(max_length=100, blank=True, editable=False)
    download_name = models.CharField(_("file name"), max_length=150, blank=True)
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    personal_data = models.BooleanField(_("personal data included"), default=False)
    # The provinces the file was made for (None: all), so that an officer who lost a
    # province since is not given its rows.
    province_ids = models.JSONField(null=True, blank=True, editable=False)
    export_log = models.ForeignKey(
        ExportLog,
        verbose_name=_("export log entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    error = models.TextField(_("problem"), blank=True)

    class Meta:
        verbose_name = _("export in the background")
        verbose_name_plural = _("exports in the background")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_list_name_display()} ({self.get_export_format_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def stored_path(self) -> Path | None:
        """The finished file, once there is one."""
        return export_files_root() / self.stored_name if self.stored_name else None

    @property
    def partial_path(self) -> Path:
        """Where the file is written until it is whole."""
        return export_files_root() / f"export-{self.pk}.partial"

    @property
    def percent(self) -> int | None:
        if not self.rows_total:
            return None
        return min(100, round(100 * self.rows_done / self.rows_total))
