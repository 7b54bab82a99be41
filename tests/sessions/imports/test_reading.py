"""Bad files get a clear message, and CSV files are read as spreadsheet programs save them."""

import pytest
from django.utils import translation
from openpyxl import Workbook

from sessions.imports.reading import BadFile, open_table

from .helpers import csv_bytes, xlsx_bytes


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
    import io

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
