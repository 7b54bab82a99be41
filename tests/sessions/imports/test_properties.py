"""Property: whatever rows or bytes are uploaded, no 500 and never a partial write."""

import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sessions.models import Attendance, ImportLog, Participant, TrainingSession

from .helpers import ATTENDANCE_HEADERS, csv_bytes, xlsx_bytes
from .test_imports import database_state

pytestmark = pytest.mark.django_db

# Text openpyxl can store: no control characters.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
PLAUSIBLE = st.sampled_from(
    [
        "17",
        "Siem Reap",
        "សៀមរាប",
        "Battambang",
        "Banteay Srei youth club",
        "01/03/2025",
        "31/02/2025",
        "០១/០៣/២០២៥",
        "F",
        "ប្រុស",
        "Q",
        "2000",
        "១៩៩៩",
        "90",
        "-5",
        "",
        "  ",
        "=1+1",
        "P-ZZZZZZZZ",
    ]
)
CELL = st.one_of(
    PLAUSIBLE,
    TEXT,
    st.none(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
)
HEADERS = st.one_of(
    st.just(ATTENDANCE_HEADERS),
    st.lists(st.sampled_from([*ATTENDANCE_HEADERS, "unknown", ""]), min_size=1, max_size=12),
)
GOOD_VALUES = [
    "S-1",
    "17",
    "Banteay Srei youth club",
    "01/03/2025",
    90,
    "Chan",
    "F",
    2000,
    "01/03/2025",
    "Sok",
]


def good_row(session, name, position, cell, spoil):
    """A good row with, if `spoil`, one cell replaced: so the write path is reached too."""
    row = [session, *GOOD_VALUES[1:5], name, *GOOD_VALUES[6:]]
    if spoil:
        row[position] = cell
    return row


GOOD_ROW = st.builds(
    good_row,
    st.sampled_from(["S-1", "S-2", ""]),
    st.sampled_from(["Chan", "ចាន់ ស្រីមុំ", " Kim  Vichet "])
    | st.from_regex(r"[A-Za-z ]{1,12}", fullmatch=True),
    st.integers(min_value=0, max_value=9),
    CELL,
    st.integers(0, 3).map(lambda k: k == 0),
)
ROWS = st.one_of(
    st.lists(GOOD_ROW, min_size=1, max_size=5),
    st.lists(st.one_of(GOOD_ROW, st.lists(CELL, max_size=12)), max_size=8),
)
# Bytes that are no spreadsheet, one time in five.
GARBAGE = st.integers(0, 4).flatmap(lambda k: st.binary(max_size=64) if k == 0 else st.none())


def csv_safe(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(headers=HEADERS, rows=ROWS, as_csv=st.booleans(), garbage=GARBAGE)
def test_malformed_files_never_cause_an_error_page_or_a_partial_write(
    officer_client, club, headers, rows, as_csv, garbage
):
    from .helpers import confirm, upload

    rows = [
        [club.name if cell == "Banteay Srei youth club" else cell for cell in row] for row in rows
    ]
    if garbage is not None:
        data, name = garbage, "garbage.xlsx"
    elif as_csv:
        data = csv_bytes([headers, *[[csv_safe(cell) for cell in row] for row in rows]])
        name = "rows.csv"
    else:
        data, name = xlsx_bytes([headers, *rows]), "rows.xlsx"
    before = database_state()
    previous = ImportLog.objects.order_by("-pk").first()
    response, log = upload(officer_client, "attendance", data, name)
    assert response.status_code in (200, 400)
    assert database_state() == before
    if log is None or log == previous:
        return
    assert log.status in (
        ImportLog.Status.CHECKED,
        ImportLog.Status.NEEDS_FIXING,
        ImportLog.Status.FAILED,
    )
    event(f"checked: {log.status}, rejected: {bool(log.rows_rejected)}")
    if log.status == ImportLog.Status.CHECKED and log.rows_rejected == 0:
        response = confirm(officer_client, log)
        assert response.status_code == 200
        log.refresh_from_db()
        if log.status == ImportLog.Status.FAILED:
            assert database_state() == before
        else:
            assert log.status == ImportLog.Status.DONE
            event("written")
            assert Attendance.objects.count() - before[2] == log.rows_created
    assert TrainingSession.objects.filter(source="import").count() >= 0
    assert Participant.objects.count() >= before[1]
