"""The trainings' own cells, sex and age bands, read the way a person wrote them."""

import pytest

from sessions.imports.cleaning import parse_age_band, parse_sex
from spreadsheets.cleaning import CellError


@pytest.mark.parametrize(
    ("value", "sex"),
    [
        ("F", "female"),
        ("f", "female"),
        (" female ", "female"),
        ("Woman", "female"),
        ("ស្រី", "female"),
        ("M", "male"),
        ("Male", "male"),
        ("ប្រុស", "male"),
        ("មិនចង់ប្រាប់", "prefer_not_to_say"),
        ("prefers not to say", "prefer_not_to_say"),
    ],
)
def test_sex_is_read_in_khmer_and_english(value, sex):
    assert parse_sex(value) == sex


def test_an_unknown_sex_is_refused():
    with pytest.raises(CellError):
        parse_sex("Q")


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("10-14", "10-14"),
        ("10–14", "10-14"),
        ("10 to 14", "10-14"),
        ("១៥-១៧", "15-17"),
        ("18 - 24", "18-24"),
        ("25+", "25+"),
        ("25 and over", "25+"),
    ],
)
def test_age_bands_are_read_in_their_spellings(value, band):
    assert parse_age_band(value) == band


@pytest.mark.parametrize("value", ["12-16", "adult", "30"])
def test_an_age_band_the_donors_do_not_use_is_refused(value):
    with pytest.raises(CellError):
        parse_age_band(value)
