"""Cells read the way a person wrote them, and refused where a guess would be wrong."""

import datetime

import pytest
from django.utils import translation

from spreadsheets.cleaning import (
    CellError,
    clean_text,
    name_key,
    parse_bool,
    parse_date,
    parse_int,
    split_list,
)

MARCH_1 = datetime.date(2025, 3, 1)


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English; the Khmer ones are tested through the screen."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "value",
    [
        "2025-03-01",
        "2025-03-01 00:00:00",
        "01/03/2025",
        "1/3/2025",
        "01-03-2025",
        "01.03.2025",
        "1/3/25",
        " 01/03/2025 ",
        "០១/០៣/២០២៥",
        "២០២៥-០៣-០១",
        45717,  # the Excel serial number of 1 March 2025
        45717.0,
        "45717",
        datetime.datetime(2025, 3, 1, 0, 0),
        MARCH_1,
    ],
)
def test_dates_are_read_as_people_write_them(value):
    assert parse_date(value) == MARCH_1


@pytest.mark.parametrize("value", ["31/02/2025", "2025-13-01", "00/01/2025", "៣២/០១/២០២៥"])
def test_a_date_that_does_not_exist_is_refused(value):
    with pytest.raises(CellError, match="not a date that exists"):
        parse_date(value)


@pytest.mark.parametrize("value", ["next Monday", "March 2025", "12", 5, "2025/3"])
def test_text_that_is_not_a_date_is_refused(value):
    with translation.override("en"), pytest.raises(CellError, match="is not a date"):
        parse_date(value)


def test_a_blank_date_is_none():
    assert parse_date("  ") is None
    assert parse_date(None) is None


def test_numbers_in_khmer_digits_and_with_stray_spaces():
    assert parse_int("១២") == 12
    assert parse_int(" 90 ") == 90
    assert parse_int(90.0) == 90
    assert parse_int("") is None
    with pytest.raises(CellError):
        parse_int("12.5")
    with pytest.raises(CellError):
        parse_int("ninety")
    with pytest.raises(CellError):
        parse_int(101, low=0, high=100)


def test_yes_and_no():
    assert parse_bool("yes") is True
    assert parse_bool("បាទ/ចាស") is True
    assert parse_bool("ទេ") is False
    assert parse_bool("0") is False
    assert parse_bool("") is None
    with pytest.raises(CellError):
        parse_bool("maybe")


def test_stray_and_zero_width_spaces_are_ignored():
    assert clean_text("  Chan\u200b  Sreymom\xa0 ") == "Chan Sreymom"
    assert clean_text(2004.0) == "2004"
    assert name_key(" Chan  SREYMOM ") == name_key("chan sreymom")


def test_lists_split_on_semicolons_commas_and_lines():
    assert split_list("check-agency; contracts,\nsafety ") == [
        "check-agency",
        "contracts",
        "safety",
    ]
