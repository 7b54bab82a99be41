"""The one spreadsheet writer: formulas neutralised, values kept typed, Khmer readable."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from spreadsheets import XlsxWorkbook, csv_lines, escape_formula

ATTACKS = [
    '=HYPERLINK("http://x","click")',
    "@SUM(1+1)",
    "+1+2",
    "-2+3",
    "\t=1",
    "\r=1",
    "  =1+1",
    "\n@SUM(1)",
]


def test_escape_formula_leaves_numbers_and_plain_text_alone():
    assert escape_formula(-5) == -5
    assert escape_formula("Siem Reap") == "Siem Reap"
    assert escape_formula("") == ""
    assert escape_formula("a=b") == "a=b"
    assert escape_formula("=1+1") == "'=1+1"
    assert escape_formula("\r1") == "'\r1"
    assert escape_formula("  -1") == "'  -1"


def read_csv(lines) -> list[list[str]]:
    content = b"".join(lines)
    assert content.startswith("\ufeff".encode()), "Excel needs the BOM to read Khmer"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_cells_that_would_run_as_formulas_start_with_a_quote():
    rows = read_csv(csv_lines([["heading", *ATTACKS], ["សៀមរាប", -5, 1.5, None]]))
    assert rows[0] == ["heading", *("'" + attack for attack in ATTACKS)]
    assert rows[1] == ["សៀមរាប", "-5", "1.5", ""]


def test_csv_is_made_one_line_at_a_time():
    lines = list(csv_lines([["a"], ["=b"]]))
    assert lines == ["\ufeff".encode(), b"a\r\n", b"'=b\r\n"]


def read_xlsx(workbook: XlsxWorkbook):
    return load_workbook(io.BytesIO(workbook.to_bytes())).worksheets[0]


def test_xlsx_text_cells_are_never_formulas_and_keep_their_text():
    workbook = XlsxWorkbook()
    workbook.add_sheet("Sheet: one/two").append(ATTACKS)
    sheet = read_xlsx(workbook)
    assert sheet.title == "Sheet  one two"
    for cell, attack in zip(sheet[1], ATTACKS, strict=True):
        assert cell.data_type == "s", attack
        assert cell.quotePrefix, attack
    assert sheet["A1"].value == ATTACKS[0]


def test_xlsx_keeps_numbers_and_dates_as_values_and_drops_forbidden_characters():
    workbook = XlsxWorkbook()
    sheet = workbook.add_sheet("values")
    values = [-5, Decimal("2.5"), datetime.date(2026, 1, 15), True, "a\x00b\x1fc", "#N/A"]
    sheet.append(values)
    row = read_xlsx(workbook)[1]
    assert [cell.data_type for cell in row] == ["n", "n", "d", "b", "s", "s"]
    assert row[0].value == -5 and not row[0].quotePrefix
    assert row[2].value == datetime.date(2026, 1, 15)
    assert row[4].value == "abc"
    assert row[5].value == "#N/A"
