"""The paper sign-in sheet of a planned session: its roster to tick, rows for newcomers, a QR code.

For clubs where phones are not used in the session: the sheet is printed before, ticked by
hand, and entered afterwards from the screen its QR code opens (the leader's report form or
the officer's admin form of that very session, behind their login and scoping, never a
secret in the address). Printed through the project's WeasyPrint path, in Khmer.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from curriculum.documents import qr_data_uri
from pdf_engine import html_to_pdf

from .access_log import screen_name
from .models import AccessLogEntry, Participant, TrainingSession
from .selectors import youth_group_roster
from .services import access_log_record

#: Blank numbered rows for people who come for the first time.
NEWCOMER_ROWS = 10


@dataclass(frozen=True)
class SheetRow:
    """One line of the sheet: a member to tick, or (no participant) a blank row to fill in."""

    number: int
    participant: Participant | None = None
    #: Whether the member is under 18 on the session's day: their assent and their
    #: guardian's consent are ticked too.
    minor: bool = False
    #: The year of birth, or the age band where it is not known.
    age: str = ""


def _age_text(participant: Participant) -> str:
    if participant.year_of_birth:
        return str(participant.year_of_birth)
    return participant.get_age_band_display()


def sign_in_sheet_rows(session: TrainingSession) -> list[SheetRow]:
    """The club's current roster, by name, then the blank newcomers' rows, numbered on."""
    members = list(youth_group_roster(session.group))
    rows = [
        SheetRow(
            number=number,
            participant=member,
            minor=member.is_minor_on(session.date),
            age=_age_text(member),
        )
        for number, member in enumerate(members, start=1)
    ]
    rows += [SheetRow(number=len(rows) + offset) for offset in range(1, NEWCOMER_ROWS + 1)]
    return rows


def sign_in_sheet_html(
    *, session: TrainingSession, rows: list[SheetRow], back_entry_url: str
) -> str:
    return render_to_string(
        "trainings/sign_in_sheet.html",
        {
            "session": session,
            "lessons": [row.lesson for row in session.session_lessons.select_related("lesson")],
            "rows": rows,
            "back_entry_url": back_entry_url,
            "qr_code": qr_data_uri(back_entry_url),
            "language_code": translation.get_language(),
            "printed_on": timezone.localdate(),
        },
    )


def sign_in_sheet_pdf(
    *, session: TrainingSession, rows: list[SheetRow], back_entry_url: str
) -> bytes:
    """The sheet as an A4 PDF; `back_entry_url` (absolute) is what its QR code opens."""
    return html_to_pdf(
        sign_in_sheet_html(session=session, rows=rows, back_entry_url=back_entry_url)
    )


def sign_in_sheet_filename(session: TrainingSession) -> str:
    day: datetime.date = session.date
    return f"sign-in-sheet-{day.isoformat()}-{session.pk}.pdf"


def sign_in_sheet_response(
    request: HttpRequest, session: TrainingSession, back_entry_url: str
) -> HttpResponse:
    """The sheet as the PDF answer to `request`, its QR code opening `back_entry_url` (a path).

    The leader's and the officer's views differ only in who may ask and where the QR code
    leads; the sheet lists the roster by name, so each printing is in the access log.
    """
    user = request.user
    if not user.is_authenticated:
        # The views ask for a login first: a sheet of names is never printed anonymously.
        raise PermissionDenied
    rows = sign_in_sheet_rows(session)
    pdf = sign_in_sheet_pdf(
        session=session, rows=rows, back_entry_url=request.build_absolute_uri(back_entry_url)
    )
    access_log_record(
        user=user,
        action=AccessLogEntry.Action.VIEWED,
        screen=screen_name(request),
        participants=[row.participant for row in rows if row.participant is not None],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{sign_in_sheet_filename(session)}"'
    return response
