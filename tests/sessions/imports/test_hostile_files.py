"""Files built to exhaust the server are refused fast, in little memory, with a message.

Each test builds the file an attacker (or a broken export) would upload, uploads it as an
officer and measures the check with tracemalloc (the peak of Python's allocations) and the
process's CPU time, not the wall clock that other work on the machine would stretch.
"""

import time
import tracemalloc
from contextlib import contextmanager

import pytest
from openpyxl.utils import get_column_letter
from wagtail.users.models import UserProfile

from sessions.models import ImportLog, TrainingSession

from .helpers import ATTENDANCE_HEADERS, upload, xlsx_from_parts

pytestmark = pytest.mark.django_db

MEGABYTE = 1024 * 1024
MAX_SECONDS = 5
MAX_MEMORY = 100 * MEGABYTE


@pytest.fixture
def english(officer):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()


@contextmanager
def measured():
    """CPU seconds and peak memory (bytes) of the block, in the dictionary it yields."""
    figures = {}
    tracemalloc.start()
    started = time.process_time()
    try:
        yield figures
    finally:
        figures["seconds"] = time.process_time() - started
        figures["memory"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def header_cells() -> str:
    """The attendance headers, in the first columns of row 1: the file passes for one."""
    return "".join(
        f'<c r="{get_column_letter(index)}1" t="inlineStr"><is><t>{header}</t></is></c>'
        for index, header in enumerate(ATTENDANCE_HEADERS, start=1)
    )


def ten_million_shared_strings() -> bytes:
    """0.4 MB packed; 170 MB of shared strings unpacked, which openpyxl reads whole."""
    return xlsx_from_parts(
        ["<sheetData>", f'<row r="1">{header_cells()}</row>', "</sheetData>"],
        ("<si><t>a</t></si>" * 100_000 for __ in range(100)),
    )


def two_hundred_rows_of_16384_columns(*, declared: bool) -> bytes:
    """Every column Excel allows, filled on 200 rows under the headers (with the size
    declared, or not): openpyxl takes 0.14 s of CPU for each row."""
    letters = [get_column_letter(column) for column in range(1, 16_385)]
    # "#" stands for the row number: no column's letters contain it.
    cells = [f'<c r="{letter}#"><v>1</v></c>' for letter in letters]
    header = header_cells() + "".join(cells[len(ATTENDANCE_HEADERS) :]).replace("#", "1")
    row = "".join(cells)
    return xlsx_from_parts(
        [
            '<dimension ref="A1:XFD201"/>' if declared else "",
            "<sheetData>",
            f'<row r="1">{header}</row>',
            *(
                f'<row r="{number}">{row.replace("#", str(number))}</row>'
                for number in range(2, 202)
            ),
            "</sheetData>",
        ]
    )


def csv_that_makes_the_sniffer_slow() -> bytes:
    """64 KB of `,"`: csv.Sniffer's quote-guessing regular expressions go quadratic on it."""
    return b',"' * 32_000


def refused(officer_client, data: bytes, name: str):
    with measured() as figures:
        response, log = upload(officer_client, "attendance", data, name)
    assert figures["seconds"] < MAX_SECONDS, figures
    assert figures["memory"] < MAX_MEMORY, figures
    assert log.status == ImportLog.Status.FAILED
    assert not TrainingSession.objects.exists()
    return response.content.decode(), log


def test_a_workbook_of_ten_million_shared_strings_is_refused(officer_client, english):
    content, log = refused(officer_client, ten_million_shared_strings(), "strings.xlsx")
    assert "The file is too large once unpacked" in log.file_error
    assert log.file_error in content


@pytest.mark.parametrize("declared", [True, False], ids=["size-declared", "size-not-declared"])
def test_a_sheet_of_16384_columns_is_refused(officer_client, english, declared):
    content, log = refused(
        officer_client, two_hundred_rows_of_16384_columns(declared=declared), "wide.xlsx"
    )
    assert "The file has more than 100 columns" in log.file_error
    assert log.file_error in content


def test_a_csv_that_makes_the_sniffer_slow_is_refused(officer_client, english):
    content, log = refused(officer_client, csv_that_makes_the_sniffer_slow(), "slow.csv")
    assert "The file has more than 100 columns" in log.file_error
    assert log.file_error in content


def test_the_officer_reads_the_refusal_in_khmer(officer_client):
    content, log = refused(officer_client, csv_that_makes_the_sniffer_slow(), "slow.csv")
    assert log.language == "km"
    assert "100" in log.file_error
    assert "columns" not in log.file_error
    assert log.file_error in content
