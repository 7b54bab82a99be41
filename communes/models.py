"""The commune councils' register: who left or came back, recruiters seen, and who records them.

One `Movement` per person's departure or return, minimal by design: no name or phone
unless the person agreed to follow-up (the consent is recorded with its date), otherwise
the record is known by its pseudonymous code only. Names and phones are erased after the
retention period (`COMMUNES_PERSONAL_DATA_RETENTION_MONTHS`) or on request; the rest of the
record stays, so the figures stay true. A `RecruitmentActivity` is a broker or agency seen
recruiting in a commune. A `FocalPointAssignment` gives a commune to a focal point.

The indexes serve the figures (counted by month and commune, and through the commune by
district and province; grouped by destination, sector and channel) and the phone's list
(a commune's newest records).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from agencies.models import Agency, Country
from geography.models import Commune, Province, Village

from .choices import (
    AGE_BAND_LIMITS,
    AgeBand,
    Answer,
    Channel,
    Currency,
    MovementKind,
    PassportHolder,
    RecruiterKind,
    ReportedTo,
    ReturnReason,
    Sector,
    Sex,
)

#: Letters of the pseudonymous codes: no 0/O or 1/I, which are misread when copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_person_code() -> str:
    return "M-" + "".join(secrets.choice(CODE_ALPHABET) for _position in range(8))


class FocalPointAssignment(models.Model):
    """A commune whose movements and recruitment a focal point records."""

    focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal point"),
        on_delete=models.CASCADE,
        related_name="commune_assignments",
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        related_name="focal_point_assignments",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("focal point assignment")
        verbose_name_plural = _("focal point assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["focal_point", "commune"],
                name="focal_point_commune_unique",
                violation_error_message=_("This focal point already has this commune."),
            )
        ]

    def __str__(self):
        return f"{self.focal_point} · {self.commune}"


class FeeCap(models.Model):
    """The official cap on what a worker may be charged to go to a country, where one is set."""

    country = models.OneToOneField(
        Country,
        verbose_name=_("destination country"),
        on_delete=models.CASCADE,
        related_name="fee_cap",
    )
    amount_usd = models.PositiveIntegerField(_("most a worker may pay (US dollars)"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["country__name_en"]
        verbose_name = _("recruitment fee cap")
        verbose_name_plural = _("recruitment fee caps")

    def __str__(self):
        return f"{self.country}: {self.amount_usd} USD"


class Place(models.Model):
    """Where a record belongs: the commune (which scopes it) and, within it, the village."""

    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
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
        abstract = True

    def clean_village(self):
        village = getattr(self, "village", None)
        if village is not None and self.commune_id and village.commune_id != self.commune_id:
            raise ValidationError({"village": _("This village is not in the chosen commune.")})


class Movement(Place):
    """One person's departure from the commune or return to it."""

    person_code = models.CharField(
        _("code"),
        max_length=12,
        unique=True,
        editable=False,
        default=new_person_code,
        help_text=_("Stands for the person where no name is kept."),
    )
    kind = models.CharField(_("movement"), max_length=10, choices=MovementKind.choices)
    date = models.DateField(
        _("date"), help_text=_("The day the person left, or the day they came back.")
    )
    village = models.ForeignKey(
        Village, verbose_name=_("village"), on_delete=models.PROTECT, related_name="+"
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    age = models.PositiveSmallIntegerField(
        _("exact age"), null=True, blank=True, help_text=_("If known.")
    )
    destination_country = models.ForeignKey(
        Country,
        verbose_name=_("destination country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    destination_province = models.ForeignKey(
        Province,
        verbose_name=_("destination province (inside Cambodia)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sector = models.CharField(_("work"), max_length=10, choices=Sector.choices)
    channel = models.CharField(_("went through"), max_length=20, choices=Channel.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.DOLLAR
    )
    fees_paid = models.PositiveIntegerField(
        _("fees paid"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    debt_taken = models.PositiveIntegerField(
        _("debt taken"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    fees_paid_usd = models.PositiveIntegerField(null=True, blank=True, editable=False)
    has_passport = models.CharField(
        _("passport"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN
    )
    has_work_permit = models.CharField(
        _("work permit"), max_length=10, choices=Answer.choices, default=Answer.UNKNOWN
    )
    has_contract_they_read = models.CharField(
        _("contract in a language they read"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )
    passport_holder = models.CharField(
        _("who holds the passport"),
        max_length=10,
        choices=PassportHolder.choices,
        default=PassportHolder.UNKNOWN,
    )
    orientation_received = models.CharField(
        _("pre-departure orientation received"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
    )
    return_reason = models.CharField(
        _("reason for coming back"), max_length=20, choices=ReturnReason.choices, blank=True
    )
    help_wanted = models.BooleanField(_("wants help"), default=False)
    departure = models.ForeignKey(
        "self",
        verbose_name=_("the departure it ends"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="returns",
        limit_choices_to={"kind": MovementKind.DEPARTURE},
        help_text=_("If the person's departure is in this commune's register."),
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

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        permissions = [
            ("record_in_assigned_communes", _("Can record in the communes assigned to them")),
            ("view_personal_data", _("Can see the names and phones of the register")),
            ("erase_personal_data", _("Can erase a person's name and phone on request")),
            ("import_movements", _("Can import movements from a spreadsheet")),
        ]
        indexes = [
            # Figures: a period's departures or returns, grouped by any column.
            models.Index(fields=["kind", "date"], name="movement_kind_date"),
            # Figures of a commune (and its district and province) and the phone's list.
            models.Index(fields=["commune", "kind", "date"], name="movement_commune_kind_date"),
            # The retention task: contacts kept with consent and not yet erased.
            models.Index(
                fields=["consent_recorded_on"],
                name="movement_contact_to_erase",
                condition=Q(contact_consent=True, personal_data_erased_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(destination_country__isnull=False, destination_province__isnull=True)
                | Q(destination_country__isnull=True, destination_province__isnull=False),
                name="movement_one_destination",
                violation_error_message=_("Give a country or a province of Cambodia, not both."),
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=True) | Q(name="", phone=""),
                name="movement_contact_only_with_consent",
                violation_error_message=_(
                    "A name or phone is kept only if the person agreed to be contacted."
                ),
            ),
            models.CheckConstraint(
                condition=Q(departure__isnull=True) | Q(kind=MovementKind.RETURN),
                name="movement_departure_only_on_returns",
                violation_error_message=_("Only a return is linked to a departure."),
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=True) | Q(channel=Channel.LICENSED_AGENCY),
                name="movement_agency_only_for_agency_channel",
                violation_error_message=_("An agency is named only when they went through one."),
            ),
            models.CheckConstraint(
                condition=Q(kind=MovementKind.RETURN, return_reason__gt="")
                | Q(kind=MovementKind.DEPARTURE, return_reason="", help_wanted=False),
                name="movement_return_fields_on_returns",
                violation_error_message=_("A return needs its reason; a departure has none."),
            ),
        ]

    def __str__(self):
        # The code only: this label is copied into the history, which outlives erasure.
        return f"{self.get_kind_display()} {self.person_code}"

    def save(self, *args, **kwargs):
        self.fees_paid_usd = self.amount_in_dollars(self.fees_paid)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "fees_paid_usd"}
        super().save(*args, **kwargs)

    def amount_in_dollars(self, amount: int | None) -> int | None:
        """An amount of the record's currency in whole dollars, at the register's rate."""
        if amount is None or self.currency == Currency.DOLLAR:
            return amount
        return round(amount / settings.COMMUNES_RIEL_PER_DOLLAR)

    @property
    def fee_cap_usd(self) -> int | None:
        """The official cap for the destination country, where one is set."""
        if self.destination_country_id is None:
            return None
        cap = FeeCap.objects.filter(country_id=self.destination_country_id).first()
        return cap.amount_usd if cap else None

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.phone)

    def clean(self):
        """The record's rules, one place for the phone's forms and the admin's."""
        super().clean()
        errors = {}
        try:
            self.clean_village()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.date and self.date > timezone.localdate():
            errors["date"] = _("The date cannot be in the future.")
        if self.destination_country_id and self.destination_province_id:
            errors["destination_province"] = _(
                "Give a country or a province of Cambodia, not both."
            )
        elif not self.destination_country_id and not self.destination_province_id:
            errors["destination_country"] = _(
                "Choose the country, or the province for work inside Cambodia."
            )
        if self.channel == Channel.LICENSED_AGENCY and not self.agency_id:
            errors["agency"] = _("Choose the agency from the register.")
        if self.channel != Channel.LICENSED_AGENCY and self.agency_id:
            errors["agency"] = _("An agency is named only when they went through one.")
        limits = AGE_BAND_LIMITS.get(self.age_band)
        if self.age is not None and limits is not None:
            youngest, oldest = limits
            if not youngest <= self.age <= oldest:
                errors["age"] = _("This age is not in the chosen age band.")
        if self.kind == MovementKind.RETURN and not self.return_reason:
            errors["return_reason"] = _("Choose why the person came back.")
        if self.departure_id is not None:
            errors.update(self.departure_errors())
        if self.kind == MovementKind.DEPARTURE:
            # A departure form shows no return fields: clear them rather than refuse.
            self.return_reason = ""
            self.help_wanted = False
        someone_holds_it = self.passport_holder not in (
            PassportHolder.NO_PASSPORT,
            PassportHolder.UNKNOWN,
        )
        if someone_holds_it and self.has_passport == Answer.NO:
            errors["passport_holder"] = _(
                "Someone holds the passport, so the person has one: answer yes."
            )
        if self.contact_consent:
            # A consent ticked without its date was given today, when it is recorded.
            if self.consent_recorded_on is None:
                self.consent_recorded_on = timezone.localdate()
            if not (self.name or self.phone) and self.personal_data_erased_at is None:
                errors["name"] = _("Give a name or a phone to contact, or untick the consent.")
        else:
            self.consent_recorded_on = None
        if not self.contact_consent and (self.name or self.phone):
            errors["contact_consent"] = _(
                "A name or phone is kept only if the person agreed to be contacted."
            )
        if errors:
            raise ValidationError(errors)

    def departure_errors(self) -> dict[str, str]:
        """A return is linked only to a departure of its own commune that came before it."""
        departure = self.departure
        if departure is None:
            return {}
        if self.kind != MovementKind.RETURN:
            return {"departure": _("Only a return is linked to a departure.")}
        if departure.kind != MovementKind.DEPARTURE or departure.commune_id != self.commune_id:
            return {"departure": _("Choose a departure of the same commune.")}
        if self.date and departure.date > self.date:
            return {"departure": _("The person cannot come back before they left.")}
        return {}


class RecruitmentActivity(Place):
    """A broker or agency seen recruiting in the commune, and what was done about it."""

    seen_on = models.DateField(_("seen on"))
    village = models.ForeignKey(
        Village,
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recruiter_kind = models.CharField(
        _("who was recruiting"), max_length=10, choices=RecruiterKind.choices
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recruiter_description = models.CharField(
        _("recruiter as people know them"),
        max_length=200,
        blank=True,
        help_text=_("The name the recruiter gave, their company, their car…"),
    )
    destination_country = models.ForeignKey(
        Country,
        verbose_name=_("destination promised"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sector = models.CharField(
        _("work promised"), max_length=10, choices=Sector.choices, default=Sector.UNKNOWN
    )
    promised = models.TextField(
        _("what was promised"), blank=True, help_text=_("The job, the pay, the conditions.")
    )
    # The two texts above may name a person: erased after the retention period, like names.
    description_erased_at = models.DateTimeField(
        _("descriptions erased at"), null=True, blank=True, editable=False
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.DOLLAR
    )
    fees_asked = models.PositiveIntegerField(
        _("fees asked"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    licensed = models.CharField(
        _("licensed"),
        max_length=10,
        choices=Answer.choices,
        default=Answer.UNKNOWN,
        help_text=_('Check it on the page "Is this agency licensed?".'),
    )
    reported_to = models.CharField(
        _("reported to"), max_length=20, choices=ReportedTo.choices, default=ReportedTo.NOBODY
    )
    reported_on = models.DateField(_("reported on"), null=True, blank=True)

    class Meta:
        ordering = ["-seen_on", "-pk"]
        verbose_name = _("recruitment activity")
        verbose_name_plural = _("recruitment activities")
        indexes = [
            models.Index(fields=["seen_on"], name="recruitment_seen_on"),
            models.Index(fields=["commune", "seen_on"], name="recruitment_commune_seen_on"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=True) | Q(recruiter_kind=RecruiterKind.AGENCY),
                name="recruitment_agency_only_for_agency_kind",
                violation_error_message=_("An agency is named only for an agency of the register."),
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} {self.seen_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.clean_village()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.seen_on and self.seen_on > timezone.localdate():
            errors["seen_on"] = _("The date cannot be in the future.")
        if self.recruiter_kind == RecruiterKind.AGENCY and not self.agency_id:
            errors["agency"] = _("Choose the agency from the register.")
        if self.recruiter_kind != RecruiterKind.AGENCY and self.agency_id:
            errors["agency"] = _("An agency is named only for an agency of the register.")
        if self.reported_to == ReportedTo.NOBODY and self.reported_on:
            errors["reported_on"] = _("Choose to whom it was reported, or leave the date empty.")
        if self.reported_on and self.seen_on and self.reported_on < self.seen_on:
            errors["reported_on"] = _("It cannot be reported before it was seen.")
        if errors:
            raise ValidationError(errors)


class CommunesLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        # Imported here: the scoping reads the models of this module.
        from .scoping import log_entries_visible_q

        return self.filter(log_entries_visible_q(user))


class CommunesLogEntry(BaseLogEntry):
    """An action on a record of the register in the admin's history, read by commune.

    Wagtail's own log would show Site history's readers every commune's entries; the
    register's are kept here (registered in wagtail_hooks) and read through `scoping`.
    """

    object_id = models.CharField(max_length=255, db_index=True)

    objects = CommunesLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("commune register log entry")
        verbose_name_plural = _("commune register log entries")

    def __str__(self):
        return f"CommunesLogEntry {self.pk}: '{self.action}' on {self.object_id}"


class RegisterExportLog(models.Model):
    """Who downloaded which of the register's files, covering what, with personal data or not.

    The register's own log: the trainings' `ExportLog` belongs to the sessions app, which
    this app does not import (import contract). Written before the file leaves.
    """

    class What(models.TextChoices):
        FIGURES = "figures", _("register figures")
        MOVEMENTS = "movements", _("departures and returns")

    class Format(models.TextChoices):
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"
        PDF = "pdf", "PDF"

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
    what = models.CharField(_("what"), max_length=20, choices=What.choices)
    export_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    language = models.CharField(_("language"), max_length=10)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    exact_figures = models.BooleanField(
        _("small counts shown"), help_text=_("Only national officers' files show them.")
    )
    personal_data = models.BooleanField(_("personal data included"), default=False)

    class Meta:
        verbose_name = _("register export log entry")
        verbose_name_plural = _("register export log")
        ordering = ["-exported_at", "-pk"]

    def __str__(self):
        return f"{self.username} – {self.get_what_display()} – {self.exported_at:%Y-%m-%d %H:%M}"
