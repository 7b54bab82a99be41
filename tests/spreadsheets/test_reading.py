"""Bad files get a clear message, and CSV files are read as spreadsheet programs save them."""

import io
import zipfile

import pytest
from django.utils import translation
from openpyxl import Workbook

from spreadsheets.reading import BadFile, open_table
from tests.sessions.imports.helpers import MAIN, csv_bytes, xlsx_bytes, xlsx_from_parts


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English; the Khmer ones are tested through the screen."""
    with translation.override("en"):
        yield


def write(tmp_path, data: bytes, name="file") -> object:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rows_of(table) -> list:
    return [values for __, values in table.rows]


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_or_without_bom_and_any_delimiter(tmp_path, bom, delimiter):
    data = csv_bytes(
        [["ខេត្ត / province", "name"], ["សៀមរាប", "Chan, Sreymom"]], delimiter=delimiter, bom=bom
    )
    table = open_table(write(tmp_path, data))
    assert table.headers == ["ខេត្ត / province", "name"]
    assert rows_of(table) == [["សៀមរាប", "Chan, Sreymom"]]


def test_csv_in_another_encoding_is_refused_with_advice(tmp_path):
    data = "province;name\nSiem Reap;Sreÿmom\n".encode("latin-1")
    with pytest.raises(BadFile, match="UTF-8"):
        open_table(write(tmp_path, data))


def test_blank_lines_before_the_header_are_skipped(tmp_path):
    table = open_table(
        write(tmp_path, xlsx_bytes([[None, None], ["province", "name"], ["17", "A"]]))
    )
    assert table.headers == ["province", "name"]
    assert rows_of(table) == [["17", "A"]]


def test_a_password_protected_workbook_is_named_as_such(tmp_path):
    # An encrypted XLSX is an OLE compound file, not a zip.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    with pytest.raises(BadFile, match="password"):
        open_table(write(tmp_path, data))


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 not a spreadsheet\x00\x01", b"PK\x03\x04 broken zip", b"\x89PNG\r\n\x1a\n\x00\x00"],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path, data):
    with pytest.raises(BadFile, match="not a spreadsheet"):
        open_table(write(tmp_path, data))


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(BadFile, match="empty"):
        open_table(write(tmp_path, b""))


def test_a_workbook_with_no_rows_is_refused(tmp_path):
    with pytest.raises(BadFile, match="empty"):
        open_table(write(tmp_path, xlsx_bytes([])))


def test_a_file_over_the_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(BadFile, match="too large"):
        open_table(write(tmp_path, csv_bytes([["name"]] + [["x" * 50]] * 100)))


def test_the_sheet_named_like_the_import_is_read(tmp_path):
    workbook = Workbook()
    workbook.active.title = "instructions"
    workbook.active.append(["read me"])
    workbook.create_sheet("attendance").append(["province", "name"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = open_table(write(tmp_path, buffer.getvalue()), sheet_names=("attendance",))
    assert table.sheet_name == "attendance"
    assert table.headers == ["province", "name"]


def test_a_workbook_with_only_instructions_is_the_wrong_sheet(tmp_path):
    data = xlsx_bytes([["read me"]], title="instructions")
    with pytest.raises(BadFile, match="no sheet of data"):
        open_table(write(tmp_path, data), sheet_names=("attendance",))


def rows_xml(count: int, width: int = 2) -> list[str]:
    """Sheet rows of numbers, with no declared size, as a hostile program may write them."""
    return [
        "<sheetData>",
        *(
            f'<row r="{row}">'
            + "".join(f"<c><v>{column}</v></c>" for column in range(width))
            + "</row>"
            for row in range(1, count + 1)
        ),
        "</sheetData>",
    ]


def read_all(path):
    table = open_table(path)
    try:
        return rows_of(table)
    finally:
        table.close()


@pytest.mark.parametrize("declared", [True, False])
def test_a_sheet_past_the_row_limit_is_refused(tmp_path, settings, declared):
    settings.IMPORT_MAX_ROWS = 5
    data = xlsx_bytes([["name"]] + [["x"]] * 6) if declared else xlsx_from_parts(rows_xml(7))
    with pytest.raises(BadFile, match="more than 5 rows"):
        read_all(write(tmp_path, data))


def test_a_sheet_that_declares_a_million_rows_is_refused_before_reading_them(tmp_path):
    data = xlsx_from_parts(['<dimension ref="A1:B1048576"/>', *rows_xml(2)])
    with pytest.raises(BadFile, match="more than 200,000 rows"):
        open_table(write(tmp_path, data))


def test_a_sheet_at_the_row_limit_is_read(tmp_path, settings):
    settings.IMPORT_MAX_ROWS = 5
    assert len(read_all(write(tmp_path, xlsx_from_parts(rows_xml(6))))) == 5


def test_a_cell_beyond_the_column_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_COLUMNS = 30
    data = xlsx_from_parts(
        ['<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="AE1"><v>1</v></c></row></sheetData>']
    )
    with pytest.raises(BadFile, match="more than 30 columns"):
        open_table(write(tmp_path, data))


def test_a_workbook_past_the_cell_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_CELLS = 20
    with pytest.raises(BadFile, match="more than 20 cells"):
        open_table(write(tmp_path, xlsx_from_parts(rows_xml(11))))


def test_a_workbook_past_the_shared_strings_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_SHARED_STRINGS = 10
    data = xlsx_from_parts(rows_xml(1), [f"<si><t>{number}</t></si>" for number in range(11)])
    with pytest.raises(BadFile, match="more than 10 different texts"):
        open_table(write(tmp_path, data))


def test_a_workbook_past_the_unpacked_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 10_000
    with pytest.raises(BadFile, match="too large once unpacked"):
        open_table(write(tmp_path, xlsx_from_parts(rows_xml(500))))


def test_a_part_packed_far_more_tightly_than_a_spreadsheet_is_refused(tmp_path):
    data = xlsx_from_parts(rows_xml(1), ["<si><t>a</t></si>" * 100_000])
    with pytest.raises(BadFile, match="packed far more tightly"):
        open_table(write(tmp_path, data))


def test_a_cell_of_more_text_than_a_spreadsheet_holds_is_refused(tmp_path):
    data = xlsx_from_parts(rows_xml(1), ["<si><t>" + "a" * 131_073 + "</t></si>"])
    with pytest.raises(BadFile, match="more than 131,072 characters"):
        open_table(write(tmp_path, data))


def with_part(data: bytes, name: str, text: str) -> bytes:
    """The workbook with one of its parts replaced."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for part in source.infolist():
            if part.filename != name:
                target.writestr(part, source.read(part))
        target.writestr(name, text)
    return buffer.getvalue()


def test_an_entity_expansion_bomb_is_not_a_spreadsheet(tmp_path):
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{level} "{f"&a{level - 1};" * 10}">' for level in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]>'
        f'<sst xmlns="{MAIN}"><si><t>&a9;</t></si></sst>'
    )
    data = with_part(xlsx_from_parts(rows_xml(1)), "xl/sharedStrings.xml", bomb)
    with pytest.raises(BadFile, match="not a spreadsheet"):
        open_table(write(tmp_path, data))


@pytest.mark.parametrize(
    ("setting", "data", "message"),
    [
        ("IMPORT_MAX_ROWS", "name\n" + "x\n" * 6, "more than 5 rows"),
        ("IMPORT_MAX_COLUMNS", "name" + ",x" * 5 + "\n", "more than 5 columns"),
        ("IMPORT_MAX_CSV_LINE_CHARACTERS", "name\n" + "x" * 6 + "\n", "more than"),
    ],
)
def test_a_csv_past_a_limit_is_refused(tmp_path, settings, setting, data, message):
    setattr(settings, setting, 5)
    with pytest.raises(BadFile, match=message):
        read_all(write(tmp_path, data.encode()))
