"""Forgiving cell values: text, dates, numbers, yes/no and lists as people write them.

Each function takes the raw value of a cell (str, int, float, datetime or None) and
returns the Python value, or raises `CellError` with a message for the officer. Values that
belong to one app (the trainings' sex and age bands) are read in that app's import.
"""

import datetime
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers of 1990-01-01 and 2100-01-01: a number outside is not a date someone meant.
EXCEL_SERIAL_RANGE = (32874, 73051)
SPACES = re.compile(r"[\s\u200b\u200c\u200d\ufeff\xa0]+")


class CellError(ValueError):
    """A cell whose value cannot be read; the message is shown to the officer."""

    def __init__(self, message: "StrOrPromise") -> None:
        super().__init__(message)
        self.message = message


def clean_text(value: object) -> str:
    """The text of a cell: stray and zero-width spaces gone, inner runs of spaces as one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    return SPACES.sub(" ", text).strip()


def not_in_list(value: object, accepted: Iterable[object]) -> CellError:
    """The refusal of a value outside a template's drop-down list, naming the values accepted.

    A value the template does not offer is refused rather than guessed at: the officer
    fixes it in the file once, instead of finding a wrong value stored in the records.
    """
    return CellError(
        _("“%(value)s” is not in the template's list. Write one of: %(accepted)s.")
        % {"value": clean_text(value), "accepted": ", ".join(str(item) for item in accepted)}
    )


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or clean_text(value) == ""
    return False


def digits(value: object) -> str:
    """The text of a cell with Khmer digits written as Latin ones."""
    return clean_text(value).translate(KHMER_DIGITS)


def parse_date(value: object) -> datetime.date | None:
    """ISO (2025-03-01), day first (1/3/2025, 01.03.25), an Excel serial, in Khmer digits too."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(value)
    text = digits(value)
    if not text:
        return None
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", text) else text
    if re.fullmatch(r"\d+(\.0+)?", text):
        return _excel_serial(float(text))
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day, value)
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if year < 100:
            year += 2000
        return _date(year, month, day, value)
    raise CellError(
        _("“%(value)s” is not a date: write it as 31/12/2025 or 2025-12-31.")
        % {"value": clean_text(value)}
    )


def _date(year: int, month: int, day: int, value: object) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError(
            _("“%(value)s” is not a date that exists.") % {"value": clean_text(value)}
        ) from None


def _excel_serial(number: float) -> datetime.date:
    low, high = EXCEL_SERIAL_RANGE
    if not low <= number < high:
        raise CellError(
            _("“%(value)s” is not a date: write it as 31/12/2025 or 2025-12-31.")
            % {"value": clean_text(number)}
        )
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def parse_int(value: object, *, low: int | None = None, high: int | None = None) -> int | None:
    """A whole number, in Latin or Khmer digits ("12", "12.0", "១២")."""
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, (int, float)):
        number = value
    else:
        text = digits(value).replace(",", "")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise CellError(
                _("“%(value)s” is not a whole number.") % {"value": clean_text(value)}
            ) from None
    if number != int(number):
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": clean_text(value)})
    number = int(number)
    if (low is not None and number < low) or (high is not None and number > high):
        raise CellError(
            _("%(value)s is out of range: it must be between %(low)s and %(high)s.")
            % {"value": number, "low": low, "high": high}
        )
    return number


YES = {"y", "yes", "true", "1", "x", "បាទ", "ចាស", "បាទ/ចាស", "មាន", "ពិត", "ត្រូវ"}
#: What a template's yes/no drop-down offers; the English words are read as well.
YES_NO_LIST = ["បាទ/ចាស", "ទេ"]
NO = {"n", "no", "false", "0", "ទេ", "គ្មាន", "មិនមាន", "មិន"}


def parse_bool(value: object) -> bool | None:
    """Yes/no, 1/0, បាទ/ចាស/ទេ."""
    if isinstance(value, bool):
        return value
    text = digits(value).casefold()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise not_in_list(value, [*YES_NO_LIST, "yes", "no"])


def split_list(value: object) -> list[str]:
    """Items of a cell separated by ";", "," or new lines."""
    return [
        item
        for item in (clean_text(part) for part in re.split(r"[;,\n]", str(value or "")))
        if item
    ]


def name_key(value: object) -> str:
    """A comparable form of a person's or group's name: case and spaces ignored."""
    return re.sub(r"[\s\u200b\u200c\u200d\ufeff.\-']", "", clean_text(value).casefold())
