"""The record of who opened, changed or exported participants' personal data, and when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .attendance import Participant
from .exports import ExportLog


class AccessLogEntry(models.Model):
    """One user's access to one participant's record, or to a list of participants.

    A screen about one person (or a few: a session's attendees, a club's roster) writes a
    row per person; a list or an export writes one row with its filters and row count.
    Rows name the person by id and code only, never by name, so erasure leaves them true.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        EDITED = "edited", _("edited")
        EXPORTED = "exported", _("exported")
        MERGED = "merged", _("merged")
        ERASED = "erased", _("erased")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept as text too, so the record still says who it was once the account is deleted.
    username = models.CharField(_("username"), max_length=150)
    accessed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    # The URL name of the screen ("participants:edit", "club:session_create").
    screen = models.CharField(_("screen"), max_length=100)
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The code stays when a merge deletes the record, so its history is still found.
    participant_code = models.CharField(_("participant code"), max_length=12, blank=True)
    search = models.CharField(_("search"), max_length=255, blank=True)
    details = models.JSONField(_("filters and details"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("people listed"), null=True, blank=True)
    export_log = models.ForeignKey(
        ExportLog,
        verbose_name=_("export"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-accessed_at", "-pk"]
        indexes = [
            models.Index(fields=["participant_code", "-accessed_at"], name="access_log_person_idx")
        ]

    def __str__(self):
        who = self.participant_code or _("a list")
        return f"{self.username} – {self.get_action_display()} – {who}"
