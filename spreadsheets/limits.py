"""The bounds on the work of reading one uploaded file, and the error that refuses a file.

Every limit is a setting (`IMPORT_MAX_*`) with a default several times what a real
50,000-row attendance file needs, so a hostile file is refused before it costs the
server more than a large honest one would.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MEGABYTE = 1024 * 1024
NOT_A_SPREADSHEET = _("The file is not a spreadsheet we can read: save it as .xlsx or .csv.")


class BadFile(ValueError):
    """A file that cannot be imported at all; the message is shown to the officer."""

    def __init__(self, message: "StrOrPromise") -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImportLimits:
    """How much of a file an import reads before refusing it."""

    upload_bytes: int = 20 * MEGABYTE
    # Rows and columns of a sheet (or a CSV), counting formatted empty ones a sheet declares.
    rows: int = 200_000
    columns: int = 100
    # Cells a sheet may hold: openpyxl spends about 30 µs on each, so this bounds the time.
    cells: int = 5_000_000
    # Distinct texts of a workbook: openpyxl holds all of them in memory at once.
    shared_strings: int = 500_000
    # An XLSX unpacked: all its parts together, and each part other than a sheet (styles,
    # shared strings, workbook), which openpyxl reads whole into memory.
    unpacked_bytes: int = 256 * MEGABYTE
    part_bytes: int = 32 * MEGABYTE
    # How many times its packed size a part may grow; real workbooks stay under 20.
    compression_ratio: int = 100
    # Characters of a CSV's start that csv.Sniffer reads: its time grows with the square.
    sniff_characters: int = 4096
    # Characters of one line of a CSV, read whole before it is split into cells.
    csv_line_characters: int = MEGABYTE


SETTINGS = {
    "upload_bytes": "IMPORT_MAX_UPLOAD_BYTES",
    "rows": "IMPORT_MAX_ROWS",
    "columns": "IMPORT_MAX_COLUMNS",
    "cells": "IMPORT_MAX_CELLS",
    "shared_strings": "IMPORT_MAX_SHARED_STRINGS",
    "unpacked_bytes": "IMPORT_MAX_UNPACKED_BYTES",
    "part_bytes": "IMPORT_MAX_PART_BYTES",
    "compression_ratio": "IMPORT_MAX_COMPRESSION_RATIO",
    "sniff_characters": "IMPORT_CSV_SNIFF_CHARACTERS",
    "csv_line_characters": "IMPORT_MAX_CSV_LINE_CHARACTERS",
}


def import_limits() -> ImportLimits:
    """The limits in force: each setting that is set, else its default."""
    return ImportLimits(
        **{
            field: getattr(settings, name)
            for field, name in SETTINGS.items()
            if hasattr(settings, name)
        }
    )


def megabytes(size: int) -> float:
    return round(size / MEGABYTE, 1)


def too_many_rows(limit: int) -> BadFile:
    return BadFile(
        _(
            "The file has more than %(limit)s rows (empty rows that are formatted count too). "
            "Delete the empty rows below the data, or split the file into files of at most "
            "%(limit)s rows."
        )
        % {"limit": f"{limit:,}"}
    )


def too_many_columns(limit: int) -> BadFile:
    return BadFile(
        _(
            "The file has more than %(limit)s columns (empty columns that are formatted count "
            "too). Delete the columns the import does not use, or start from the template."
        )
        % {"limit": f"{limit:,}"}
    )


def too_many_cells(limit: int) -> BadFile:
    return BadFile(
        _("The file has more than %(limit)s cells. Split it into smaller files.")
        % {"limit": f"{limit:,}"}
    )


def too_large_unpacked(limit: int) -> BadFile:
    return BadFile(
        _(
            "The file is too large once unpacked: the limit is %(limit)s MB. "
            "Split it into smaller files."
        )
        % {"limit": megabytes(limit)}
    )
