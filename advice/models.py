"""The advice log: advice a club leader or focal point gave, the referrals made, the follow-ups.

An `AdviceRecord` is one conversation, known by its pseudonymous code: when, how, with whom
(sex, age band, commune; a name and phone only if the person agreed to be contacted), on
what, which handouts. A `Referral` sends the person to a service of the help directory, with
their consent recorded as the trainings record it (`sessions.models.CONSENTS`: an adult's
consent, or a minor's assent and a guardian's consent); its urgency sets when the service
must have answered, and each answer is a `ReferralUpdate` saying who heard it. A `FollowUp`
asks, some weeks later, whether the advice helped. `AdviceAccessLogEntry` records each view
of a record with a name.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communes.choices import Channel as MigrationChannel
from curriculum.models import HelpEntry, LessonPage
from geography.models import Commune
from sessions.models import CONSENTS, TrainingSession
from sessions.models.choices import MINOR_AGE_BANDS, AgeBand, Sex

from .choices import (
    URGENCY_DELAYS,
    AdviceChannel,
    Answer,
    AnswerSource,
    MigratedAnswer,
    ReferralStatus,
    Topic,
    Urgency,
)

#: No 0/O or 1/I, misread when a code is copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

#: What a referral lacks, by consent (`CONSENTS`' names), in the words of a referral.
REFERRAL_CONSENT_MESSAGES = {
    "consent": _("Record that the person agreed to be referred before referring them."),
    "assent": _("A person under 18 must agree to be referred themselves (assent)."),
    "guardian_consent": _("A person under 18 is referred only with a guardian's consent."),
}


def new_advice_code() -> str:
    return "A-" + "".join(secrets.choice(CODE_ALPHABET) for _position in range(8))


class AdviceRecord(models.Model):
    code = models.CharField(
        _("code"), max_length=12, unique=True, editable=False, default=new_advice_code
    )
    date = models.DateField(_("date"))
    channel = models.CharField(_("how"), max_length=10, choices=AdviceChannel.choices)
    training_session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("training session"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    advice_given = models.TextField(_("advice given"), blank=True, max_length=2000)
    handouts = models.ManyToManyField(
        LessonPage,
        verbose_name=_("handouts given"),
        blank=True,
        related_name="+",
        help_text=_("The lessons whose handouts the person was given."),
    )
    contact_consent = models.BooleanField(
        _("agreed to be contacted"),
        default=False,
        help_text=_("Only then are a name and phone kept, for follow-up."),
    )
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("name and phone erased at"), null=True, blank=True, editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Made up for the demo; not a real record.")
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("advice record")
        verbose_name_plural = _("advice records")
        permissions = [("log_advice", _("Can log advice and referrals from the phone"))]
        indexes = [
            models.Index(fields=["commune", "date"], name="advice_commune_date"),
            models.Index(fields=["recorded_by", "-date"], name="advice_author_date"),
            models.Index(
                fields=["consent_recorded_on"],
                name="advice_contact_to_erase",
                condition=Q(contact_consent=True, personal_data_erased_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_consent=True) | Q(name="", phone=""),
                name="advice_contact_only_with_consent",
                violation_error_message=_(
                    "A name or phone is kept only if the person agreed to be contacted."
                ),
            ),
            models.CheckConstraint(
                condition=Q(channel=AdviceChannel.TRAINING, training_session__isnull=False)
                | (~Q(channel=AdviceChannel.TRAINING) & Q(training_session__isnull=True)),
                name="advice_training_session_for_training_channel",
                violation_error_message=_("Choose the training session where advice was given."),
            ),
        ]

    def __str__(self):
        # The code only: the label reaches lists and logs that outlive erasure.
        return self.code

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.phone)

    @property
    def is_minor(self) -> bool:
        return self.age_band in MINOR_AGE_BANDS

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("The date cannot be in the future.")
        if self.channel == AdviceChannel.TRAINING and not self.training_session_id:
            errors["training_session"] = _("Choose the training session where advice was given.")
        if self.channel != AdviceChannel.TRAINING:
            self.training_session = None
        if (
            self.training_session_id
            and self.date
            and self.training_session is not None
            and self.training_session.date != self.date
        ):
            errors["training_session"] = _("This training session was held on another day.")
        if not self.contact_consent and (self.name.strip() or self.phone.strip()):
            errors["contact_consent"] = _(
                "A name or phone is kept only if the person agreed to be contacted."
            )
        if self.contact_consent and not (self.name.strip() or self.phone.strip()):
            errors["phone"] = _("Give a name or a phone to contact the person, or untick consent.")
        if self.contact_consent and not self.consent_recorded_on:
            self.consent_recorded_on = self.date
        if not self.contact_consent:
            self.consent_recorded_on = None
        if errors:
            raise ValidationError(errors)


class AdviceTopic(models.Model):
    """One topic of a conversation: a row each, so the figures count them with a GROUP BY."""

    advice_record = models.ForeignKey(AdviceRecord, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["advice_record", "topic"], name="advice_topic_once")
        ]

    def __str__(self):
        return str(self.get_topic_display())


class Referral(models.Model):
    advice_record = models.ForeignKey(
        AdviceRecord,
        verbose_name=_("advice record"),
        on_delete=models.CASCADE,
        related_name="referrals",
    )
    service = models.ForeignKey(
        HelpEntry, verbose_name=_("service"), on_delete=models.PROTECT, related_name="+"
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices)
    referred_at = models.DateTimeField(_("referred at"), default=timezone.now)
    due_at = models.DateTimeField(_("answer due by"), editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    # The consents, named as the trainings name them (`CONSENTS`), so one rule checks both.
    consent_given_on = models.DateField(_("consent to refer given on"), null=True, blank=True)
    consent_collected_by = models.CharField(_("consent collected by"), max_length=200, blank=True)
    assent_given_on = models.DateField(_("assent given on"), null=True, blank=True)
    assent_collected_by = models.CharField(_("assent collected by"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(_("guardian's consent given on"), null=True, blank=True)
    guardian_consent_collected_by = models.CharField(
        _("guardian's consent collected by"), max_length=200, blank=True
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            # The overdue lists: open referrals by due time.
            models.Index(fields=["status", "due_at"], name="referral_status_due"),
        ]

    def __str__(self):
        return f"{self.advice_record.code} → {self.service}"

    def save(self, *args, **kwargs):
        self.due_at = self.referred_at + URGENCY_DELAYS[Urgency(self.urgency)]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "due_at"}
        super().save(*args, **kwargs)

    def consent_errors(self, *, minor: bool) -> dict[str, str]:
        """The consents this referral lacks, by field: the trainings' rule (`CONSENTS`)."""
        return {
            consent.date_field: str(REFERRAL_CONSENT_MESSAGES[consent.name])
            for consent in CONSENTS
            if consent.for_minors == minor
            and not (
                getattr(self, consent.date_field) and getattr(self, consent.collector_field).strip()
            )
        }

    def clean(self):
        super().clean()
        # The record may not be saved yet (the phone saves both at once): read it if set.
        if Referral.advice_record.is_cached(self) or self.advice_record_id is not None:
            errors = self.consent_errors(minor=self.advice_record.is_minor)
            if errors:
                raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in (ReferralStatus.REFERRED, ReferralStatus.ACCEPTED)

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        return self.is_open and self.due_at < (now or timezone.now())


class ReferralUpdate(models.Model):
    """A service's answer to a referral, or a note on it, and who heard it."""

    referral = models.ForeignKey(
        Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("status"), max_length=12, choices=ReferralStatus.choices)
    note = models.TextField(_("follow-up note"), blank=True, max_length=2000)
    source = models.CharField(_("answer heard by"), max_length=12, choices=AnswerSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("referral update")
        verbose_name_plural = _("referral updates")

    def __str__(self):
        return f"{self.referral_id}: {self.get_status_display()}"


class FollowUp(models.Model):
    """Some weeks after the advice: did it help, did the person migrate and how."""

    advice_record = models.OneToOneField(
        AdviceRecord,
        verbose_name=_("advice record"),
        on_delete=models.CASCADE,
        related_name="follow_up",
    )
    due_on = models.DateField(_("follow up on"))
    done_on = models.DateField(_("followed up on"), null=True, blank=True)
    advice_helped = models.CharField(
        _("did the advice help?"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN
    )
    migrated = models.CharField(
        _("did the person migrate?"),
        max_length=10,
        choices=MigratedAnswer.choices,
        default=MigratedAnswer.UNKNOWN,
    )
    migration_channel = models.CharField(
        _("went through"), max_length=20, choices=MigrationChannel.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return f"{self.advice_record.code} · {self.due_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.migrated != MigratedAnswer.YES and self.migration_channel:
            raise ValidationError(
                {"migration_channel": _("Say how they went only if they migrated.")}
            )
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("The date cannot be in the future.")})


class AdviceAccessLogEntry(models.Model):
    """One view, change or export of an advice record that holds a name or phone.

    Rows name the record by its code, never by the person's name, so they stay true
    after the name is erased. National officers read them in the admin.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        EDITED = "edited", _("edited")
        EXPORTED = "exported", _("exported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150)
    accessed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    screen = models.CharField(_("screen"), max_length=100)
    advice_record = models.ForeignKey(
        AdviceRecord,
        verbose_name=_("advice record"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    record_code = models.CharField(_("record code"), max_length=12)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = _("advice access log entry")
        verbose_name_plural = _("advice access log")

    def __str__(self):
        return f"{self.username} – {self.get_action_display()} – {self.record_code}"
