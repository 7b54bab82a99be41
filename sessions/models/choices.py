"""The field's shared vocabularies: sex and the donors' age bands."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("prefers not to say")


class AgeBand(models.TextChoices):
    AGE_10_14 = "10-14", _("10–14")
    AGE_15_17 = "15-17", _("15–17")
    AGE_18_24 = "18-24", _("18–24")
    AGE_25_PLUS = "25+", _("25 and over")


#: Bands of people under 18, who need their own assent and a guardian's consent.
MINOR_AGE_BANDS = frozenset({AgeBand.AGE_10_14, AgeBand.AGE_15_17})

#: Youngest and oldest plausible age of anyone at a training.
YOUNGEST_AGE = 10
OLDEST_AGE = 100


def age_in_year(year_of_birth: int, on: datetime.date) -> int:
    """Age reached during the year of `on`: only the year of birth is recorded."""
    return on.year - year_of_birth


def age_band_for_age(age: int) -> str:
    """The donors' band for an age, or "" below the youngest band."""
    if age < YOUNGEST_AGE:
        return ""
    if age <= 14:
        return AgeBand.AGE_10_14
    if age <= 17:
        return AgeBand.AGE_15_17
    if age <= 24:
        return AgeBand.AGE_18_24
    return AgeBand.AGE_25_PLUS
