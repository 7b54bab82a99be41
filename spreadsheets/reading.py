"""Opening an uploaded CSV or XLSX file as rows, with a clear message for a bad file.

XLSX files are read with openpyxl in read-only mode and CSV files line by line, so a
file of 50,000 rows is never held in memory whole. Both stay within the import limits
(`limits.py`): an XLSX is checked part by part before openpyxl opens it, and the rows of
either stop at the first row or column past a limit.
"""

import codecs
import csv
import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from django.utils.translation import gettext_lazy as _

from .cleaning import is_blank
from .limits import (
    NOT_A_SPREADSHEET,
    BadFile,
    ImportLimits,
    import_limits,
    too_many_cells,
    too_many_columns,
    too_many_rows,
)
from .unpacking import check_package

#: A row as read: its number as the spreadsheet shows it, and its cells' raw values.
NumberedRow: TypeAlias = tuple[int, list[Any]]

__all__ = ["BadFile", "Table", "check_size", "max_upload_bytes", "open_table"]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files
ZIP_SIGNATURE = b"PK\x03\x04"


def max_upload_bytes() -> int:
    return import_limits().upload_bytes


def check_size(size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise BadFile(
            _("The file is too large (%(size)s MB): the limit is %(limit)s MB. Split it in two.")
            % {"size": round(size / 1048576, 1), "limit": round(limit / 1048576, 1)}
        )
    if size == 0:
        raise BadFile(_("The file is empty."))


@dataclass
class Table:
    """The header row and an iterator over the other rows, numbered as the spreadsheet shows."""

    headers: list[Any]
    rows: Iterator[NumberedRow]
    sheet_name: str = ""
    # Rows below the header as the file declares them, for the progress bar; None if unknown.
    total_rows: int | None = None
    close: Callable[[], None] = lambda: None


def open_table(path: Path, *, sheet_names: tuple[str, ...] = ()) -> Table:
    """The table in the file: the sheet named like the kind (or the first), or the CSV."""
    check_size(path.stat().st_size)
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start.startswith(OLE_SIGNATURE):
        raise BadFile(
            _(
                "The file is protected by a password, or is an old Excel 97 (.xls) file. "
                "Remove the password, or save it as .xlsx or .csv, and upload it again."
            )
        )
    limits = import_limits()
    if start.startswith(ZIP_SIGNATURE):
        return _open_xlsx(path, sheet_names, limits)
    return _open_csv(path, limits)


def bounded_rows(rows: Iterator[NumberedRow], limits: ImportLimits) -> Iterator[NumberedRow]:
    """The rows as they come, refusing the file at the first one past a limit."""
    cells = 0
    for number, values in rows:
        # One header row on top of the data rows allowed.
        if number > limits.rows + 1:
            raise too_many_rows(limits.rows)
        if len(values) > limits.columns:
            raise too_many_columns(limits.columns)
        cells += len(values)
        if cells > limits.cells:
            raise too_many_cells(limits.cells)
        yield number, values


def _first_row(rows: Iterator[NumberedRow]) -> NumberedRow:
    for number, values in rows:
        if not all(is_blank(value) for value in values):
            return number, values
    raise BadFile(_("The file is empty: there is no header row and no data."))


def _open_xlsx(path: Path, sheet_names: tuple[str, ...], limits: ImportLimits) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    # A file object, not the path: openpyxl judges a path by its extension.
    handle = open(path, "rb")  # noqa: SIM115 closed with the table
    try:
        with zipfile.ZipFile(handle) as archive:
            check_package(archive, limits)
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except BadFile:
        handle.close()
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
        handle.close()
        raise BadFile(NOT_A_SPREADSHEET) from None

    def close() -> None:
        workbook.close()
        handle.close()

    try:
        sheet = _choose_sheet(workbook, sheet_names)
    except BadFile:
        close()
        raise
    rows = bounded_rows(
        (
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ),
        limits,
    )
    header_number, headers = _first_row(rows)
    total = sheet.max_row - header_number if sheet.max_row else None
    return Table(
        headers=headers,
        rows=rows,
        sheet_name=sheet.title,
        total_rows=total,
        close=close,
    )


# openpyxl ships no types: its workbook and worksheet are `Any` to mypy.
def _choose_sheet(workbook: Any, sheet_names: tuple[str, ...]) -> Any:
    """The sheet named like the import, else the first sheet that is not the instructions."""
    wanted = {name.casefold() for name in sheet_names}
    for sheet in workbook.worksheets:
        if sheet.title.strip().casefold() in wanted:
            return sheet
    data_sheets = [
        sheet
        for sheet in workbook.worksheets
        if sheet.title.strip().casefold() not in INSTRUCTION_SHEETS
    ]
    if not data_sheets:
        raise BadFile(
            _("The workbook has no sheet of data: put the rows on a sheet named “%(name)s”.")
            % {"name": sheet_names[0] if sheet_names else "data"}
        )
    return data_sheets[0]


INSTRUCTION_SHEETS = {"instructions", "ការណែនាំ", "lists", "បញ្ជី"}


def _open_csv(path: Path, limits: ImportLimits) -> Table:
    with open(path, "rb") as handle:
        sample = handle.read(64 * 1024)
    if b"\x00" in sample:
        raise BadFile(NOT_A_SPREADSHEET)
    encoding = "utf-8-sig"
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        raise BadFile(
            _(
                "The file is not in UTF-8. In your spreadsheet program choose "
                "“CSV UTF-8” when saving, or save it as .xlsx."
            )
        ) from None
    text_sample = sample.decode(encoding, errors="ignore")
    delimiter = _sniff_delimiter(text_sample[: limits.sniff_characters])
    return _csv_table(path, encoding, delimiter, limits)


def _sniff_delimiter(sample: str) -> str:
    """The delimiter of the sample's lines; the caller keeps the sample short, as
    csv.Sniffer's time grows with the square of its length (64 KB took 23 seconds)."""
    lines = sample.splitlines()
    if len(lines) > 1:
        # The last line is likely cut off mid-row; the sniffer reads whole rows best.
        sample = "\n".join(lines[:-1])
    first_line = lines[0] if lines else ""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {delimiter: first_line.count(delimiter) for delimiter in ",;\t"}
        return max(counts, key=counts.__getitem__)


def _csv_table(path: Path, encoding: str, delimiter: str, limits: ImportLimits) -> Table:
    handle = open(path, encoding=encoding, newline="")  # noqa: SIM115 closed by the generator

    def lines() -> Iterator[str]:
        # csv splits a whole line into cells before any row can be looked at: a line of
        # millions of commas would be a list of millions of cells.
        for line in handle:
            if len(line) > limits.csv_line_characters:
                raise too_many_columns(limits.columns)
            yield line

    def rows() -> Generator[NumberedRow, None, None]:
        try:
            reader = csv.reader(lines(), delimiter=delimiter)
            yield from bounded_rows(enumerate(reader, start=1), limits)
        except (csv.Error, UnicodeDecodeError) as error:
            raise BadFile(
                _("The file could not be read after row %(row)s: %(error)s")
                % {"row": reader.line_num, "error": error}
            ) from None
        finally:
            handle.close()

    iterator = rows()
    header_number, headers = _first_row(iterator)
    with open(path, "rb") as counting:
        line_count = sum(chunk.count(b"\n") for chunk in iter(lambda: counting.read(1 << 20), b""))
    return Table(
        headers=headers,
        rows=iterator,
        total_rows=max(line_count - header_number, 0),
        close=iterator.close,
    )
