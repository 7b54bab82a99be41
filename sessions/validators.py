"""The rules a session's date obeys, for the model's `clean()` and the import alike."""

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


def short_date(date: datetime.date) -> str:
    """A date as the reader's language writes it short (the admin's and the club's forms)."""
    return formats.date_format(date, "SHORT_DATE_FORMAT")


def validate_session_date(
    date: datetime.date,
    *,
    founded_on: datetime.date | None,
    today: datetime.date | None = None,
    allow_future: bool = False,
    date_display: Callable[[datetime.date], str] = short_date,
) -> None:
    """A session is held neither in the future nor before its group was founded.

    `allow_future` is for a planned session, which is held later.

    `date_display` writes the founding date in the message: the import writes it as the
    spreadsheet's cells do. Raises a ValidationError with one message.
    """
    today = today or timezone.localdate()
    if date > today and not allow_future:
        raise ValidationError(_("The session date cannot be in the future."), code="future")
    if founded_on is not None and date < founded_on:
        raise ValidationError(
            _("The session cannot be before the group was founded (%(founded_on)s).")
            % {"founded_on": date_display(founded_on)},
            code="before_group",
        )
