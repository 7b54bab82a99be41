"""Forgiving cells of the trainings' own values: sex and age bands as people write them.

The generic cells (text, dates, numbers, yes/no) are read by `spreadsheets.cleaning`.
"""

import re

from django.utils.translation import gettext_lazy as _

from sessions.models import AgeBand, Sex
from spreadsheets.cleaning import CellError, clean_text, digits

SEX_WORDS = {
    Sex.FEMALE: {"f", "female", "woman", "girl", "ស្រី", "ស", "នារី", "ស្ត្រី", "ភេទស្រី"},
    Sex.MALE: {"m", "male", "man", "boy", "ប្រុស", "ប", "បុរស", "ភេទប្រុស"},
    Sex.PREFER_NOT_TO_SAY: {
        "x",
        "other",
        "prefersnottosay",
        "prefernottosay",
        "prefer_not_to_say",
        "notsaid",
        "មិនចង់ប្រាប់",
        "មិនប្រាប់",
    },
}
SEX_BY_WORD = {word: sex for sex, words in SEX_WORDS.items() for word in words}


def parse_sex(value) -> str | None:
    """F/M, female/male, ស្រី/ប្រុស (and the other ways the field writes them)."""
    text = clean_text(value)
    if not text:
        return None
    key = re.sub(r"[\s.\-']", "", text.casefold())
    sex = SEX_BY_WORD.get(key) or SEX_BY_WORD.get(text.casefold())
    if sex is None:
        raise CellError(
            _("“%(value)s” is not a sex we know: write F or M (ស្រី or ប្រុស).") % {"value": text}
        )
    return str(sex)


def parse_age_band(value) -> str | None:
    """10-14, 10–14, "10 to 14", 25+, "25 and over", in Latin or Khmer digits."""
    text = digits(value)
    if not text:
        return None
    key = re.sub(r"\s+", "", text.casefold()).replace("–", "-").replace("—", "-")
    key = key.replace("to", "-").replace("ដល់", "-")
    if key in {"25+", "25andover", "25ormore", "25up", "25ឡើង", "25ឡើងទៅ"}:
        return str(AgeBand.AGE_25_PLUS)
    for band in AgeBand:
        if key == band.value:
            return str(band)
    raise CellError(
        _("“%(value)s” is not an age band: write 10-14, 15-17, 18-24 or 25+.") % {"value": text}
    )
