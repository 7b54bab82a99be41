"""The one writer of every spreadsheet the product makes: CSV and XLSX, formulas neutralised.

Cells are written from data people typed (names, destinations, lesson and page titles), and a
spreadsheet program runs a text starting with `=`, `+`, `-` or `@` as a formula when the file
is opened. So no code of ours builds a workbook or a CSV writer of its own: `writers` is the
only place that does (a test fails on any other), and it depends on `csv` and openpyxl only.
`wagtail_exports` makes Wagtail's list and report exports write through it.

Spreadsheets in come through here too, for every app's import: `reading` opens an uploaded
CSV or XLSX within the bounds of `limits` (an XLSX checked part by part by `unpacking`
first), `cleaning` reads forgiving cell values, `columns` declares bilingual columns and finds
them in a header row.
"""

from .writers import (
    UTF8_BOM,
    XlsxSheet,
    XlsxWorkbook,
    csv_lines,
    escape_formula,
    looks_like_formula,
)

__all__ = [
    "UTF8_BOM",
    "XlsxSheet",
    "XlsxWorkbook",
    "csv_lines",
    "escape_formula",
    "looks_like_formula",
]
