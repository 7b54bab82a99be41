"""Cross-tabulations against figures worked out by hand on the fixture in conftest.py.

Age bands on the day: P1 15–17 at s1 (2025), 18–24 at s2; P2 10–14 at s1, 15–17 at s2;
P3 25+. P3 came in both provinces (s2 in Siem Reap, s4 in Battambang): one person in each
province's cell, one person in the total.
"""

import pytest
from django.utils import translation

from sessions.reports.crosstab import BadDimension, crosstab, dimension_pair
from sessions.reports.selectors import ReportFilters
from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def table(user, rows, columns, **filters):
    with translation.override("km"):
        return crosstab(user=user, filters=ReportFilters(**filters), rows=rows, columns=columns)


def as_dict(result, measure):
    shown = getattr(result, measure)
    cells = {
        (row, column): shown.cells[r][c]
        for r, row in enumerate(result.row_labels)
        for c, column in enumerate(result.column_labels)
    }
    rows = dict(zip(result.row_labels, shown.row_totals, strict=True))
    columns = dict(zip(result.column_labels, shown.column_totals, strict=True))
    return cells, rows, columns, shown.grand_total


def test_province_by_sex_counts_a_person_once_per_cell_and_once_in_the_total(programme, national):
    result = table(national, "province", "sex")
    assert len(result.row_labels) == 25  # every province, as on the map
    people, people_rows, people_columns, people_all = as_dict(result, "people")
    assert people["សៀមរាប", "ស្រី"] == 2  # P1, P3
    assert people["បាត់ដំបង", "ស្រី"] == 1  # P3 again
    assert people_columns["ស្រី"] == 2  # P3 once: the column is not the sum of its cells
    assert people["សៀមរាប", "ប្រុស"] == 1
    assert people["បាត់ដំបង", "ប្រុស"] == 0  # headcounts never add people
    assert people_rows["សៀមរាប"] == 3 and people_rows["បាត់ដំបង"] == 1
    assert people_all == 3
    attendances, rows, columns, grand = as_dict(result, "attendances")
    assert attendances["សៀមរាប", "ស្រី"] == 3
    assert attendances["បាត់ដំបង", "ស្រី"] == 6  # P3 at s4 and 5 women counted at s3
    assert attendances["បាត់ដំបង", "ប្រុស"] == 3
    assert rows["សៀមរាប"] == 5 and rows["បាត់ដំបង"] == 9
    assert columns["ស្រី"] == 9 and columns["ប្រុស"] == 5
    assert grand == 14


def test_province_by_month(programme, national):
    result = table(national, "province", "month")
    assert result.column_labels == ("2025-12", "2026-01", "2026-02")
    people, rows, columns, grand = as_dict(result, "people")
    assert [people["សៀមរាប", month] for month in result.column_labels] == [2, 3, 0]
    assert [people["បាត់ដំបង", month] for month in result.column_labels] == [0, 0, 1]
    assert columns == {"2025-12": 2, "2026-01": 3, "2026-02": 1}
    assert (rows["សៀមរាប"], grand) == (3, 3)
    attendances, __, columns, grand = as_dict(result, "attendances")
    assert [attendances["បាត់ដំបង", month] for month in result.column_labels] == [0, 8, 1]
    assert columns == {"2025-12": 2, "2026-01": 11, "2026-02": 1}
    assert grand == 14


def test_lesson_by_age_band_on_the_day(programme, national):
    lesson_1, lesson_2, __ = programme["lessons"]
    result = table(national, "lesson", "age_band", period="month")
    assert set(result.row_labels) == {lesson_1.title, lesson_2.title, "មិនបានកត់ត្រាមេរៀន"}
    assert result.column_labels == ("១០–១៤", "១៥–១៧", "១៨–២៤", "២៥ ឆ្នាំឡើងទៅ")
    people, rows, columns, grand = as_dict(result, "people")
    assert [people[lesson_1.title, band] for band in result.column_labels] == [1, 2, 1, 1]
    assert rows[lesson_1.title] == 3  # P2 in two bands' cells, once in the row
    assert [people[lesson_2.title, band] for band in result.column_labels] == [0, 1, 1, 1]
    assert columns == {"១០–១៤": 1, "១៥–១៧": 2, "១៨–២៤": 1, "២៥ ឆ្នាំឡើងទៅ": 1}
    assert grand == 3
    attendances, rows, columns, grand = as_dict(result, "attendances")
    assert [attendances[lesson_2.title, band] for band in result.column_labels] == [5, 4, 1, 1]
    assert rows == {lesson_1.title: 5, lesson_2.title: 11, "មិនបានកត់ត្រាមេរៀន": 1}
    assert columns == {"១០–១៤": 6, "១៥–១៧": 5, "១៨–២៤": 1, "២៥ ឆ្នាំឡើងទៅ": 2}  # as by_age_band
    assert grand == 14  # s2 taught two lessons: its attendances are in both rows, once here


def test_quarter_by_audience_and_district_by_age_band(programme, national):
    result = table(national, "quarter", "audience")
    assert result.row_labels == ("2025 Q4", "2026 Q1")
    __, rows, __, grand = as_dict(result, "attendances")
    assert rows == {"2025 Q4": 2, "2026 Q1": 12} and grand == 14
    result = table(national, "district", "age_band")
    __, rows, __, grand = as_dict(result, "people")
    assert sorted(rows.values()) == [1, 3] and grand == 3


def test_filters_and_scoping_apply(programme):
    officer = officer_of("17")
    battambang = programme["clubs"]["b"].commune.district.province
    # Another province typed in is ignored by the view's form; the selector is scoped anyway.
    result = table(officer, "province", "sex", province_id=battambang.pk)
    assert result.row_labels == ()
    assert result.attendances.grand_total == 0
    result = table(officer, "month", "sex")
    assert result.column_labels == ("ស្រី", "ប្រុស", "មិនចង់បញ្ជាក់")


def test_small_counts_are_hidden_from_a_province_officer_with_those_giving_them_back(
    programme,
):
    result = table(officer_of("17"), "province", "sex")
    assert result.row_labels == ("សៀមរាប",)
    assert result.threshold == 5
    # People: 2 women, 1 man, in all 3: every count but the zero is small.
    assert result.people.cells == ((None, None, 0),)
    assert result.people.row_totals == (None,)
    assert result.people.grand_total is None
    # Attendances: 3 and 2 hidden; their total 5 is shown, and leaves more than 1 each.
    assert result.attendances.cells == ((None, None, 0),)
    assert result.attendances.row_totals == (5,)
    assert result.attendances.column_totals == (None, None, 0)
    assert result.attendances.grand_total == 5


def test_no_line_has_a_single_hidden_count(programme):
    result = table(officer_of("17", "02"), "month", "age_band")
    for shown in (result.people, result.attendances):
        lines = [
            [*cells, total] for cells, total in zip(shown.cells, shown.row_totals, strict=True)
        ]
        lines.append([*shown.column_totals, shown.grand_total])
        for column in range(len(result.column_labels)):
            lines.append([cells[column] for cells in shown.cells] + [shown.column_totals[column]])
        for line in lines:
            assert [value for value in line].count(None) != 1, line


def test_a_national_officer_sees_every_count(programme, national):
    result = table(national, "province", "sex")
    assert result.threshold == 0
    assert result.people.hidden_count == result.attendances.hidden_count == 0


@pytest.mark.parametrize(
    ("rows", "columns", "message"),
    [
        ("planet", "sex", "“planet” is not a way"),
        ("sex", "sex", "two different"),
        ("province", "", "“” is not a way"),
    ],
)
def test_a_bad_dimension_is_refused_with_a_message(rows, columns, message):
    with translation.override("en"), pytest.raises(BadDimension, match=message):
        dimension_pair(rows, columns)
