"""Who came to a training: named participants with their attendance, or a headcount."""

import base64
import datetime
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from geography.models import Commune

from .choices import (
    MINOR_AGE_BANDS,
    OLDEST_AGE,
    YOUNGEST_AGE,
    AgeBand,
    Sex,
    age_band_for_age,
    age_in_year,
)
from .consent import CONSENTS


def participant_code_new() -> str:
    """A pseudonymous code, e.g. "P-K7Q2M4ZD": "P-" and 8 characters of base32 (RFC 4648).

    32^8 codes, so collisions are rare. 40 random bits are 8 base32 characters exactly:
    one call to `secrets`, fast enough for an import of thousands of people.
    """
    return "P-" + base64.b32encode(secrets.token_bytes(5)).decode()


def implausible_age_message(age: int) -> str:
    message = _(
        "An age of %(age)s is not plausible: participants are between %(low)s and %(high)s."
    )
    return message % {"age": age, "low": YOUNGEST_AGE, "high": OLDEST_AGE}


class Participant(models.Model):
    """A person who attended trainings, known to reports by a pseudonymous code."""

    code = models.CharField(
        _("code"), max_length=12, unique=True, default=participant_code_new, editable=False
    )
    # Blank once the person is erased (see sessions.services.participant_erase).
    name = models.CharField(_("name"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    age_band = models.CharField(
        _("age band"),
        max_length=5,
        choices=AgeBand.choices,
        blank=True,
        help_text=_("Where the year of birth is not known."),
    )
    home_commune = models.ForeignKey(
        Commune,
        verbose_name=_("home commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
    )
    plans_to_migrate = models.BooleanField(_("plans to migrate"), null=True, blank=True)
    destination = models.CharField(_("destination"), max_length=200, blank=True)
    returned_migrant = models.BooleanField(_("returned migrant"), default=False)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_collected_by = models.CharField(_("consent collected by"), max_length=200, blank=True)
    assent_given_on = models.DateField(_("own assent given on"), null=True, blank=True)
    assent_collected_by = models.CharField(_("assent collected by"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(_("guardian's consent given on"), null=True, blank=True)
    guardian_consent_collected_by = models.CharField(
        _("guardian's consent collected by"), max_length=200, blank=True
    )
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["code"]
        permissions = [
            ("erase_participant", _("Can erase a participant's personal data")),
            ("export_personal_data", _("Can export participants' personal data")),
        ]
        indexes = [models.Index(fields=["year_of_birth"], name="participant_birth_year_idx")]

    def __str__(self):
        if self.name:
            return f"{self.name} ({self.code})"
        return self.code

    def age_band_on(self, date: datetime.date) -> str:
        """The age band on a date: from the year of birth when known, else the band recorded."""
        if self.year_of_birth:
            return age_band_for_age(age_in_year(self.year_of_birth, date))
        return self.age_band

    def implausible_age_on(self, date: datetime.date) -> str:
        """Why the year of birth is not plausible for someone at a training on `date`, or ""."""
        if not self.year_of_birth:
            return ""
        age = age_in_year(self.year_of_birth, date)
        return "" if YOUNGEST_AGE <= age <= OLDEST_AGE else implausible_age_message(age)

    def is_minor_on(self, date: datetime.date) -> bool:
        if self.year_of_birth:
            return age_in_year(self.year_of_birth, date) < 18
        return self.age_band in MINOR_AGE_BANDS

    def consent_errors(self, on: datetime.date) -> dict:
        """The consent a participant of this age on `on` lacks, by field."""
        minor = self.is_minor_on(on)
        return {
            consent.date_field: consent.missing_message
            for consent in CONSENTS
            if consent.for_minors == minor
            and not (
                getattr(self, consent.date_field) and getattr(self, consent.collector_field).strip()
            )
        }

    def clean(self):
        super().clean()
        if self.erased_at:
            return
        if not self.year_of_birth and not self.age_band:
            raise ValidationError({"year_of_birth": _("Give a year of birth or an age band.")})
        today = timezone.localdate()
        age_error = self.implausible_age_on(today)
        if age_error:
            raise ValidationError({"year_of_birth": age_error})
        errors = self.consent_errors(today)
        if errors:
            raise ValidationError(errors)


class Attendance(models.Model):
    """A named participant at one session, with their test scores."""

    session = ParentalKey(
        "trainings.TrainingSession",
        verbose_name=_("training session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        # Attendances are the figures: a participant who attended is erased, never deleted.
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    # The band on the day of the session, kept so figures stay true after erasure.
    age_band = models.CharField(
        _("age band at the session"),
        max_length=5,
        choices=AgeBand.choices,
        blank=True,
        editable=False,
    )
    pre_test_score = models.PositiveSmallIntegerField(
        _("pre-test score"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    post_test_score = models.PositiveSmallIntegerField(
        _("post-test score"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        # By id, not "session", which would join and sort by the session's own ordering.
        ordering = ["session_id", "participant__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="unique_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.participant} – {self.session}"

    def save(self, *args, **kwargs):
        self.keep_age_band_on_the_day()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        participant = getattr(self, "participant", None)
        session = getattr(self, "session", None)
        if participant is None or session is None or session.date is None:
            return
        if participant.erased_at:
            return
        age_error = participant.implausible_age_on(session.date)
        if age_error:
            raise ValidationError({"participant": age_error})
        missing = participant.consent_errors(session.date)
        if missing:
            raise ValidationError({"participant": list(missing.values())})

    def keep_age_band_on_the_day(self) -> None:
        """Set the participant's age band on the session's day, which this row keeps.

        `save()` calls it; code that bulk-creates attendances (the import) calls it itself.
        """
        participant = self.participant
        if participant.year_of_birth and self.session.date:
            self.age_band = participant.age_band_on(self.session.date)
        elif not self.age_band:
            self.age_band = participant.age_band


class Headcount(models.Model):
    """How many people of one sex and age band came, where names were not taken."""

    session = ParentalKey(
        "trainings.TrainingSession",
        verbose_name=_("training session"),
        on_delete=models.CASCADE,
        related_name="headcounts",
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    count = models.PositiveIntegerField(
        _("number of people"),
        validators=[MinValueValidator(1, _("A headcount must be at least 1."))],
    )

    class Meta:
        verbose_name = _("headcount")
        verbose_name_plural = _("headcounts")
        ordering = ["session_id", "sex", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "sex", "age_band"], name="unique_headcount_per_session_band"
            )
        ]

    def __str__(self):
        return f"{self.get_sex_display()}, {self.get_age_band_display()}: {self.count}"
