"""Recruitment agencies as the ministry lists them, and the countries they may send people to.

An agency's licence number is kept as written and, for matching, as `licence_key` (Khmer digits
in Latin, spaces, dashes and slashes ignored), unique when present. `search_key` holds both names
normalised (`normalising.name_key`) for the forgiving public search; both keys are set on save,
so every way of saving (admin, import, demo) keeps them true. Changes are in Wagtail's history
(`ModelLogEntry`), written by the admin's views and by the import.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from geography.models import Province

from .normalising import licence_key, name_key


class Country(models.Model):
    """A country agencies send workers to (the ministry's lists name a handful)."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=80)
    name_en = models.CharField(_("name in English"), max_length=80)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("destination country")
        verbose_name_plural = _("destination countries")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en":
            return self.name_en or self.name_km
        return self.name_km or self.name_en


class AgencyStatus(models.TextChoices):
    LICENSED = "licensed", _("Licensed")
    SUSPENDED = "suspended", _("Licence suspended")
    REVOKED = "revoked", _("Licence revoked")
    NOT_LICENSED = "not_licensed", _("Not licensed or unknown")


class Agency(models.Model):
    """A recruitment agency of the ministry's list, with its licence and where it works."""

    name_km = models.CharField(_("name in Khmer"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    licence_number = models.CharField(
        _("licence number"),
        max_length=60,
        blank=True,
        help_text=_("As the ministry writes it; spaces, dashes and Khmer digits are matched."),
    )
    licence_issued_on = models.DateField(_("licence issued on"), null=True, blank=True)
    licence_expires_on = models.DateField(_("licence expires on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgencyStatus.choices, default=AgencyStatus.LICENSED
    )
    destinations = models.ManyToManyField(
        Country, verbose_name=_("may send workers to"), blank=True, related_name="agencies"
    )
    branch_provinces = models.ManyToManyField(
        Province,
        verbose_name=_("provincial branches"),
        blank=True,
        related_name="agencies",
        help_text=_("The provinces where the agency has an office."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("The official list this comes from, e.g. the ministry's list of agencies."),
    )
    source_date = models.DateField(_("date of the list"), null=True, blank=True)
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Made up for the demo; not a real agency.")
    )
    licence_key = models.CharField(max_length=60, blank=True, editable=False, db_index=True)
    search_key = models.CharField(max_length=410, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name_en", "name_km"]
        verbose_name = _("recruitment agency")
        verbose_name_plural = _("recruitment agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["licence_key"],
                condition=~Q(licence_key=""),
                name="agency_licence_number_unique",
                violation_error_message=_("Another agency has this licence number."),
            ),
            models.CheckConstraint(
                condition=Q(name_km__gt="") | Q(name_en__gt=""),
                name="agency_has_a_name",
                violation_error_message=_("Give the agency's name in Khmer or in English."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.set_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "licence_key", "search_key"}
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        if get_language() == "en":
            return self.name_en or self.name_km
        return self.name_km or self.name_en

    def clean(self):
        super().clean()
        self.set_keys()
        # The constraint says it too, but a form does not check a field it does not show.
        if (
            self.licence_key
            and Agency.objects.filter(licence_key=self.licence_key).exclude(pk=self.pk).exists()
        ):
            raise ValidationError({"licence_number": _("Another agency has this licence number.")})
        if (
            self.licence_issued_on
            and self.licence_expires_on
            and self.licence_expires_on < self.licence_issued_on
        ):
            raise ValidationError(
                {"licence_expires_on": _("The licence cannot expire before it was issued.")}
            )

    def set_keys(self) -> None:
        """The comparable forms of the licence number and the names (see the module)."""
        self.licence_key = licence_key(self.licence_number)
        self.search_key = " ".join(
            key for key in (name_key(self.name_km), name_key(self.name_en)) if key
        )
