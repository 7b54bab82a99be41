"""The record of every spreadsheet exported from the officers' lists."""

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
