"""CSV and XLSX writers whose cells a spreadsheet program never runs as formulas.

Depends on `csv` and openpyxl only, so that any part of the product can use it.

- A text that a spreadsheet would take for a formula (OWASP's list: `=`, `+`, `-`, `@`, tab,
  carriage return; also `=`, `+`, `-`, `@` after leading spaces or line breaks, which some
  programs skip) is neutralised: in CSV by a leading `'`, which spreadsheet programs read as
  "this is text" and do not show; in XLSX the text is kept as it was (a phone number
  `+855…` stays usable) in a text cell (never evaluated) with Excel's quote prefix, so that
  editing the cell keeps it text.
- Numbers, dates, times and booleans stay typed values, never escaped: `-5` is a number.
- XLSX refuses most control characters; they are dropped rather than failing the file.
- CSV starts with a UTF-8 byte order mark, without which Excel reads Khmer as the system's
  code page, and is made one line at a time, for a streaming response.
- XLSX is written with openpyxl's write-only workbook: rows go to a temporary file as they
  are appended, not kept in memory.
"""

import csv
import datetime
import decimal
import io
from collections.abc import Iterable, Iterator
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

#: What a spreadsheet program reads as the start of a formula (OWASP's CSV injection list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Formula signs that still start a formula after leading blanks in some programs.
FORMULA_SIGNS = ("=", "+", "-", "@")

UTF8_BOM = "\ufeff"

#: Characters a sheet's title may not hold, and its length.
SHEET_TITLE_FORBIDDEN = str.maketrans({character: " " for character in "[]:*?/\\"})
SHEET_TITLE_LENGTH = 31

#: What a cell holds as a typed value; anything else is written as its text.
TYPED_VALUES = (
    bool,
    int,
    float,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program could run this text as a formula."""
    return text.startswith(FORMULA_PREFIXES) or text.lstrip().startswith(FORMULA_SIGNS)


def escape_formula(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made plain text by a leading quote.

    Numbers, dates and booleans are left alone: a negative number is not a formula.
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


class _Line:
    """A file that gives back what is written to it: one CSV line at a time."""

    def write(self, text: str) -> str:
        return text


def csv_lines(rows: Iterable[Iterable[Any]], *, byte_order_mark: bool = True) -> Iterator[bytes]:
    """The rows as CSV, UTF-8, one encoded line at a time (for a streaming response).

    The first row is usually the headings; they are escaped like any other text.
    """
    if byte_order_mark:
        yield UTF8_BOM.encode()
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow([escape_formula(_csv_value(value)) for value in row]).encode()


def _csv_value(value: Any) -> Any:
    if value is None or isinstance(value, (*TYPED_VALUES, str)):
        return value
    return str(value)  # a lazy translation, a model instance: its text, then escaped


def xlsx_text(text: str) -> str:
    """The text without the control characters the XLSX format refuses."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def sheet_title(title: Any) -> str:
    """A title Excel accepts for a sheet: no `[]:*?/\\`, 31 characters at most."""
    return xlsx_text(str(title)).translate(SHEET_TITLE_FORBIDDEN)[:SHEET_TITLE_LENGTH]


class XlsxSheet:
    """One sheet of an `XlsxWorkbook`, written a row at a time.

    Column widths, frozen panes, row heights and data validations go on `worksheet` (the
    openpyxl write-only sheet) before the first row is appended.
    """

    def __init__(self, worksheet: Any) -> None:  # openpyxl's WriteOnlyWorksheet
        self.worksheet = worksheet

    def cell(self, value: Any = None, **style: Any) -> Cell:
        """A cell holding `value`, never a formula.

        `style`: the cell's font, fill, alignment, number_format.
        """
        cell = WriteOnlyCell(self.worksheet)
        if value is not None and not isinstance(value, TYPED_VALUES):
            value = xlsx_text(str(value))
        cell.value = value
        if isinstance(value, str):
            # openpyxl takes "=..." for a formula and "#N/A" for an error: every text is text.
            cell.data_type = "s"
            if looks_like_formula(value):
                cell.quotePrefix = True
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def append(
        self, values: Iterable[Any], *, datetime_format: str | None = None, **style: Any
    ) -> None:
        """A row of values (or cells made by `cell`), each given `style`.

        `datetime_format` is the number format of date-and-time values.
        """
        cells = []
        for value in values:
            if isinstance(value, Cell):
                cells.append(value)
                continue
            cell = self.cell(value, **style)
            if datetime_format and isinstance(value, datetime.datetime):
                cell.number_format = datetime_format
            cells.append(cell)
        self.worksheet.append(cells)


class XlsxWorkbook:
    """An XLSX workbook in openpyxl's write-only mode: sheets written row by row, saved once."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True, iso_dates=True)

    def add_sheet(self, title: Any, *, index: int | None = None) -> XlsxSheet:
        return XlsxSheet(self.workbook.create_sheet(title=sheet_title(title), index=index))

    def save(self, output: IO[bytes]) -> None:
        self.workbook.save(output)

    def to_bytes(self) -> bytes:
        output = io.BytesIO()
        self.save(output)
        return output.getvalue()
