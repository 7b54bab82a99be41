"""The record of every spreadsheet import: who, when, which file, and what it did."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportLog(models.Model):
    """One uploaded spreadsheet, from its preview to its confirmed (or failed) import."""

    class Kind(models.TextChoices):
        YOUTH_GROUPS = "youth_groups", _("youth groups")
        PEER_EDUCATORS = "peer_educators", _("peer educators")
        SESSIONS = "sessions", _("training sessions with headcounts")
        ATTENDANCE = "attendance", _("attendance, one row per person")

    class Status(models.TextChoices):
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked, waiting for confirmation")
        # Some rows have problems: it cannot be confirmed; the officer fixes the file.
        NEEDS_FIXING = "needs_fixing", _("checked, rows to fix")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed, nothing imported")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # When the current check or write began, to tell a running import from one whose worker died.
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    # Where the upload is kept (IMPORT_FILES_ROOT, never under MEDIA_ROOT) until it is imported.
    stored_path = models.CharField(max_length=255, blank=True, editable=False)
    # Messages are written in the language the officer uploaded in, even in the background.
    language = models.CharField(max_length=10, default="km", editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CHECKING
    )
    rows_total = models.PositiveIntegerField(_("rows read"), default=0)
    rows_created = models.PositiveIntegerField(_("rows created"), default=0)
    rows_updated = models.PositiveIntegerField(_("rows updated"), default=0)
    rows_skipped = models.PositiveIntegerField(_("rows unchanged"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rows rejected"), default=0)
    # The first errors, as [{"row", "column", "message"}], and a message for the whole file.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    file_error = models.TextField(_("problem with the file"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_kind_display()})"

    @property
    def may_be_dismissed(self) -> bool:
        """A check with rows to fix waits for nothing: whoever may see it can put it away."""
        return self.status == self.Status.NEEDS_FIXING

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)
