"""How the programme's figures are named in the receiving DHIS2, and a log of what was sent.

A national officer maps each indicator to a data element (and its data set), each sex and
age band pair to a category option combo (dataValueSets JSON), each sex and each age band to
a category and category option (ADX), and each province to an organisation unit, all by
their DHIS2 codes. A value with any of these missing is listed by the dry run, never sent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sessions.models import AgeBand, Sex

#: DHIS2 codes are at most 50 characters.
CODE_LENGTH = 50

code_validator = RegexValidator(
    r"^[^\s<>&\"']{1,50}$",
    _("A DHIS2 code has no spaces and none of < > & \" '."),
)
#: An ADX category code is an XML attribute's name on each value.
category_code_validator = RegexValidator(
    r"^[A-Za-z_][A-Za-z0-9_.-]{0,49}$",
    _(
        "A category code in ADX names an attribute: start with a letter, then letters, "
        "digits, _ . or - only."
    ),
)


class Indicator(models.TextChoices):
    PEOPLE_REACHED = "people_reached", _("People reached (distinct people trained)")
    ATTENDANCES = "attendances", _("Attendances (participant-sessions, headcounts included)")


class Disaggregation(models.TextChoices):
    SEX = "sex", _("sex")
    AGE_BAND = "age_band", _("age band")


def _code(verbose_name, **kwargs) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=CODE_LENGTH, validators=[code_validator], **kwargs
    )


class IndicatorMapping(models.Model):
    """An indicator of ours as a DHIS2 data element of a data set."""

    indicator = models.CharField(
        _("indicator"), max_length=30, choices=Indicator.choices, unique=True
    )
    data_element = _code(_("data element code"))
    data_set = _code(_("data set code"))

    class Meta:
        verbose_name = _("indicator mapping")
        verbose_name_plural = _("indicator mappings")
        ordering = ["indicator"]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()} → {self.data_element}"


class CategoryOptionComboMapping(models.Model):
    """A sex and age band pair as a DHIS2 category option combo (dataValueSets JSON)."""

    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=5, choices=AgeBand.choices)
    category_option_combo = _code(_("category option combo code"))

    class Meta:
        verbose_name = _("sex and age band mapping")
        verbose_name_plural = _("sex and age band mappings")
        ordering = ["sex", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["sex", "age_band"],
                name="dhis2_unique_combo_per_sex_and_band",
                violation_error_message=_("This sex and age band is mapped already."),
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_sex_display()}, {self.get_age_band_display()} → "
            f"{self.category_option_combo}"
        )


class CategoryOptionMapping(models.Model):
    """A sex, or an age band, as a DHIS2 category and its option (ADX's attributes)."""

    disaggregation = models.CharField(
        _("disaggregation"), max_length=20, choices=Disaggregation.choices
    )
    value = models.CharField(
        _("sex or age band"),
        max_length=20,
        choices=[*Sex.choices, *AgeBand.choices],
    )
    category = models.CharField(
        _("category code"), max_length=CODE_LENGTH, validators=[category_code_validator]
    )
    category_option = _code(_("category option code"))

    class Meta:
        verbose_name = _("category option mapping (ADX)")
        verbose_name_plural = _("category option mappings (ADX)")
        ordering = ["disaggregation", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["disaggregation", "value"],
                name="dhis2_unique_option_per_value",
                violation_error_message=_("This sex or age band is mapped already."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_value_display()} → {self.category}={self.category_option}"

    def clean(self) -> None:
        allowed = Sex.values if self.disaggregation == Disaggregation.SEX else AgeBand.values
        if self.value and self.value not in allowed:
            raise ValidationError(
                {"value": _("Choose a sex for the sex, an age band for the age band.")}
            )


class OrgUnitMapping(models.Model):
    """A province as a DHIS2 organisation unit."""

    province = models.OneToOneField(
        "geography.Province",
        verbose_name=_("province"),
        on_delete=models.CASCADE,
        related_name="dhis2_org_unit",
    )
    org_unit = _code(_("organisation unit code"))

    class Meta:
        verbose_name = _("province mapping")
        verbose_name_plural = _("province mappings")
        ordering = ["province__code"]

    def __str__(self) -> str:
        return f"{self.province} → {self.org_unit}"


class PushLog(models.Model):
    """One sending of values to the DHIS2 server, with what the server answered."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("imported")
        WARNING = "warning", _("imported with warnings")
        CONFLICT = "conflict", _("refused in part or whole")
        ERROR = "error", _("not sent: error")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    pushed_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    period_kind = models.CharField(_("period"), max_length=10)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    province = models.ForeignKey(
        "geography.Province",
        verbose_name=_("province"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    values_sent = models.PositiveIntegerField(_("values sent"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    ignored = models.PositiveIntegerField(_("ignored"), default=0)
    deleted = models.PositiveIntegerField(_("deleted"), default=0)
    conflicts = models.JSONField(_("conflicts"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("DHIS2 push")
        verbose_name_plural = _("DHIS2 pushes")
        ordering = ["-pushed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pushed_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"
