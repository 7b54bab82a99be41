"""Training sessions held by youth groups, the lessons taught and their review by officers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from geography.models import Commune

from ..validators import validate_session_date
from .groups import PeerEducator, YouthGroup


class TrainingSession(ClusterableModel):
    """One peer-to-peer training: who held it, when and where, what was taught, who came."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        VERIFIED = "verified", _("verified")
        RETURNED = "returned", _("returned")

    class Source(models.TextChoices):
        WEB_FORM = "web_form", _("web form")
        ADMIN = "admin", _("admin")
        IMPORT = "import", _("import")

    #: A session is with its club while planned, a draft or returned: the club may change
    #: and submit it. Submitted, it is with the officers; verified, it counts and stays as
    #: it is. A planned session has not been held yet: reporting it makes it the report.
    CLUB_EDITABLE_STATUSES = frozenset({Status.PLANNED, Status.DRAFT, Status.RETURNED})
    #: Submitted but not yet verified, the club may take a session back to change it.
    CLUB_WITHDRAWABLE_STATUSES = frozenset({Status.SUBMITTED})

    class AttendanceMode(models.TextChoices):
        NAMED = "named", _("named participants")
        HEADCOUNT = "headcount", _("headcount by sex and age band")

    class Audience(models.TextChoices):
        YOUTH = "youth", _("young people")
        PARENTS = "parents", _("parents and guardians")
        COMMUNITY = "community", _("community members")
        MIXED = "mixed", _("mixed")

    group = models.ForeignKey(
        YouthGroup,
        verbose_name=_("youth group"),
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    facilitators = models.ManyToManyField(
        PeerEducator,
        verbose_name=_("facilitators"),
        related_name="training_sessions",
        blank=True,
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"),
        validators=[MinValueValidator(1, _("The duration must be a positive number of minutes."))],
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune where it was held"),
        on_delete=models.PROTECT,
        related_name="training_sessions_held",
    )
    lessons = models.ManyToManyField(
        "curriculum.LessonPage",
        verbose_name=_("lessons taught"),
        through="trainings.SessionLesson",
        related_name="training_sessions",
        blank=True,
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, blank=True)
    is_training_of_trainers = models.BooleanField(
        _("training of trainers"),
        default=False,
        help_text=_(
            "Held by programme staff or an NGO for members of champion groups: once it is "
            "verified, everyone who attended becomes a peer educator of their group."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.ADMIN
    )
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        help_text=_("The id in the system or spreadsheet it came from, so re-imports update it."),
    )
    attendance_mode = models.CharField(
        _("attendance taken as"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.NAMED,
    )
    #: Made on the leader's phone for each report it sends (offline, from its outbox): the
    #: same key sent again is the same report, so a resend never makes a second session.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, editable=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-date", "-pk"]
        permissions = [("verify_trainingsession", _("Can verify or return training sessions"))]
        constraints = [
            # Per youth group, not across the country: each province numbers its own
            # spreadsheets, and an id used elsewhere must be no answer to an officer's import.
            models.UniqueConstraint(
                fields=["source", "external_id", "group"],
                condition=~models.Q(external_id=""),
                name="unique_training_session_external_id_per_group",
                violation_error_message=_("A session with this source and external id exists."),
            ),
            # Per leader: a key is only ever looked up among the reports of who sends it.
            models.UniqueConstraint(
                fields=["reported_by", "submission_key"],
                condition=models.Q(submission_key__isnull=False),
                name="unique_training_session_submission_key_per_leader",
                violation_error_message=_("This report has already arrived."),
            ),
        ]
        indexes = [
            models.Index(fields=["group", "date"], name="session_group_date_idx"),
            models.Index(fields=["status", "date"], name="session_status_date_idx"),
            models.Index(fields=["date"], name="session_date_idx"),
        ]

    def __str__(self):
        return f"{self.group} – {formats.date_format(self.date, 'SHORT_DATE_FORMAT')}"

    @property
    def club_may_edit(self) -> bool:
        """Whether the session is with its club, which may change and submit it."""
        return self.status in self.CLUB_EDITABLE_STATUSES

    @property
    def is_planned(self) -> bool:
        """Whether the session is planned, not held yet: it has a sign-in sheet to print."""
        return self.status == self.Status.PLANNED

    @property
    def club_may_withdraw(self) -> bool:
        """Whether the club may take the session back from the officers (it becomes a draft)."""
        return self.status in self.CLUB_WITHDRAWABLE_STATUSES

    def clean(self):
        super().clean()
        if self.date is None:
            return
        group = getattr(self, "group", None) if self.group_id else None
        try:
            validate_session_date(
                self.date,
                founded_on=group.founded_on if group is not None else None,
                # A planned session is held later; reported, it may not be in the future.
                allow_future=self.status == self.Status.PLANNED,
            )
        except ValidationError as error:
            raise ValidationError({"date": error.messages}) from error


class SessionLesson(Orderable):
    """A lesson taught at a session, with the published revision that was taught."""

    session = ParentalKey(
        TrainingSession,
        verbose_name=_("training session"),
        on_delete=models.CASCADE,
        related_name="session_lessons",
    )
    lesson = models.ForeignKey(
        "curriculum.LessonPage",
        verbose_name=_("lesson"),
        # History is kept: a lesson that was taught cannot be deleted, only unpublished.
        on_delete=models.PROTECT,
        related_name="session_lessons",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision taught"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("lesson taught")
        verbose_name_plural = _("lessons taught")
        constraints = [
            models.UniqueConstraint(fields=["session", "lesson"], name="unique_session_lesson")
        ]

    def __str__(self):
        return str(self.lesson)

    def save(self, *args, **kwargs):
        # The revision live when the session was recorded is the one that was taught.
        if self.revision_id is None and self.lesson_id:
            self.revision_id = self.lesson.live_revision_id
        super().save(*args, **kwargs)
