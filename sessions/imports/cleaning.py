"""Forgiving cells of the trainings' own values: sex and age bands as people write them.

The generic cells (text, dates, numbers, yes/no) are read by `spreadsheets.cleaning`.
"""

import re

from django.utils.translation import gettext_lazy as _

from sessions.models import AgeBand, Sex, TrainingSession
from spreadsheets.cleaning import CellError, clean_text, digits, name_key, not_in_list

#: What the templates' drop-down lists offer; a value outside them is refused with the list.
SEX_LIST = ["ស្រី", "ប្រុស", "មិនចង់ប្រាប់"]
AUDIENCE_LIST = ["យុវជន", "ឪពុកម្តាយ", "សហគមន៍", "ចម្រុះ"]

# The words read as each value: the list's, the English ones and the usual short forms.
# No catch-all ("x", "other"): a value nobody can read is refused, not stored as a guess.
SEX_WORDS = {
    Sex.FEMALE: {"f", "female", "woman", "girl", "ស្រី", "ស", "នារី", "ស្ត្រី", "ភេទស្រី"},
    Sex.MALE: {"m", "male", "man", "boy", "ប្រុស", "ប", "បុរស", "ភេទប្រុស"},
    Sex.PREFER_NOT_TO_SAY: {
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
        raise not_in_list(text, [*SEX_LIST, "F", "M"])
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


AUDIENCE_WORDS = {
    **{name_key(value): value for value in TrainingSession.Audience.values},
    "យុវជន": "youth",
    "ឪពុកម្តាយ": "parents",
    "ឪពុកម្ដាយនិងអាណាព្យាបាល": "parents",
    "សហគមន៍": "community",
    "ចម្រុះ": "mixed",
    "parentsandguardians": "parents",
    "communitymembers": "community",
    "youngpeople": "youth",
}


def parse_audience(value) -> str | None:
    """Youth, parents, community or mixed, in Khmer or English."""
    text = clean_text(value)
    if not text:
        return None
    audience = AUDIENCE_WORDS.get(name_key(text))
    if audience is None:
        raise not_in_list(text, [*AUDIENCE_LIST, *TrainingSession.Audience.values])
    return audience
