"""A reader holding every table of the figures cannot work out a hidden count from them all.

Written as the attack of tests/communes/test_suppression.py, over the whole page: the
reader knows every shown number of every table, that each table's totals are the sums of
its cells, that every table of departures and returns has the same totals, that a
province's row is the sum of its districts' (a district's of its communes'), that the
licensed agencies' share is the channel table's cell, that passports' holders add up to
the departures and returns' reasons to the returns, and that zeros are always shown.
Their equations are built here from the page as shown, not from the code that hides.
"""

import datetime

import pytest

from communes.choices import Channel
from communes.selectors import FigureFilters, register_figures
from geography.models import Commune, District
from tests.communes.conftest import movement
from tests.communes.test_suppression import narrowed_bounds, solved_exactly
from tests.factories import officer_of

pytestmark = pytest.mark.django_db

THRESHOLD = 5
YEAR_2025 = FigureFilters(date_from=datetime.date(2025, 1, 1), date_to=datetime.date(2025, 12, 31))
KIND_TABLES = ("month", "province", "district", "commune", "destination", "sector", "channel")


def reader_equations(figures):
    """Every entry the page prints (hidden or not) and every sum a reader knows between them."""
    values, shown, lines = {}, {}, []
    for figure in figures:
        table = figure.table
        if not table.counts:
            continue
        rows, columns = len(table.counts), len(table.column_labels)
        for row in range(rows + 1):
            for column in range(columns + 1):
                entry = (figure.key, row, column)
                if row < rows and column < columns:
                    values[entry], shown[entry] = (
                        table.counts[row][column],
                        figure.shown.cell(row, column),
                    )
                elif row < rows:
                    values[entry], shown[entry] = (
                        sum(table.counts[row]),
                        figure.shown.row_total(row),
                    )
                elif column < columns:
                    values[entry] = sum(line[column] for line in table.counts)
                    shown[entry] = figure.shown.column_total(column)
                else:
                    values[entry], shown[entry] = sum(map(sum, table.counts)), figure.shown.grand()
                if columns == 1 and column == 1:
                    shown[entry] = shown[figure.key, row, 0]  # not printed: the same as its cell
        lines += [
            [(figure.key, row, column) for column in range(columns + 1)] for row in range(rows + 1)
        ]
        lines += [
            [(figure.key, row, column) for row in range(rows + 1)] for column in range(columns + 1)
        ]
    by_key = {figure.key: figure.table for figure in figures}
    first = next(key for key in KIND_TABLES if by_key[key].counts)
    size = {key: len(table.counts) for key, table in by_key.items()}
    # Every table of departures and returns has the same totals (a = b written as [a, b]).
    for key in KIND_TABLES:
        if key != first and by_key[key].counts:
            lines += [
                [(key, size[key], column), (first, size[first], column)] for column in range(3)
            ]
    for key, column in [("licensed_share", 0), ("passports", 0), ("return_reasons", 1)]:
        lines.append([(key, size[key], 0), (first, size[first], column)])
    channel = by_key["channel"]
    if Channel.LICENSED_AGENCY in channel.row_keys:
        lines.append(
            [
                ("licensed_share", 0, 0),
                ("channel", channel.row_keys.index(Channel.LICENSED_AGENCY), 0),
            ]
        )
    # Places: the reader knows which district lies in which province (codes on the page's labels).
    for inner, outer, model, parent in [
        ("district", "province", District, "province__code"),
        ("commune", "district", Commune, "district__code"),
    ]:
        parents = dict(
            model.objects.filter(code__in=by_key[inner].row_keys).values_list("code", parent)
        )
        for outer_row, outer_code in enumerate(by_key[outer].row_keys):
            inside = [
                row
                for row, code in enumerate(by_key[inner].row_keys)
                if parents[code] == outer_code
            ]
            for column in range(3):
                lines.append(
                    [(inner, row, column) for row in inside] + [(outer, outer_row, column)]
                )
    hidden = {entry for entry, value in shown.items() if value is None}
    return values, lines, hidden


def assert_no_small_count_recovered(figures):
    values, lines, hidden = reader_equations(figures)
    small = {entry for entry, value in values.items() if 0 < value < THRESHOLD}
    assert small <= hidden, f"a small count is shown: {sorted(small - hidden)}"
    solved = solved_exactly(values, lines, hidden)
    assert not small & solved.keys(), f"worked out exactly: {sorted(small & solved.keys())}"
    bounds = narrowed_bounds(values, lines, hidden)
    pinned = {entry for entry in small if bounds[entry][0] == bounds[entry][1]}
    assert not pinned, f"pinned by the sums' bounds: {sorted(pinned)}"


@pytest.fixture
def two_provinces(communes):
    """Siem Reap: 10 departures from one district, 2 from another; Battambang: 8."""
    siem_reap_districts = District.objects.filter(province__code="17").order_by("code")
    first, second = (
        Commune.objects.filter(district=district).order_by("code").first()
        for district in siem_reap_districts[:2]
    )
    for commune, count in [(first, 10), (second, 2), (communes["B"], 8)]:
        for _number in range(count):
            movement(commune)
    return {"first": first, "second": second, "B": communes["B"]}


def test_a_hidden_district_is_not_its_province_less_its_shown_districts(two_provinces):
    """Hidden table by table, the districts' table hid 2 and 8 (its smallest other), and the
    provinces' table showed 12 and 8: 12 - 10 gave the 2 back."""
    officer = officer_of("17", "02")
    figures = register_figures(user=officer, filters=YEAR_2025)
    by_key = {figure.key: figure for figure in figures}
    districts = by_key["district"]
    second = districts.table.row_keys.index(two_provinces["second"].district.code)
    assert districts.shown.cell(second, 0) is None
    provinces = by_key["province"]
    siem_reap = provinces.table.row_keys.index("17")
    first = districts.table.row_keys.index(two_provinces["first"].district.code)
    assert provinces.shown.cell(siem_reap, 0) is None or districts.shown.cell(first, 0) is None
    assert_no_small_count_recovered(figures)


def test_returns_are_not_all_movements_less_the_departures_of_another_table(communes):
    """7 departures and 2 returns: hidden table by table, the province's row showed its total
    (9) and the licensed agencies' share its 7 departures: 9 - 7 gave the 2 returns back."""
    for _number in range(7):
        movement(communes["A"])
    for _number in range(2):
        movement(communes["A"], kind="return")
    officer = officer_of("17")
    figures = register_figures(user=officer, filters=YEAR_2025)
    share = next(figure for figure in figures if figure.key == "licensed_share")
    province = next(figure for figure in figures if figure.key == "province")
    assert province.shown.grand() is None or share.shown.column_total(0) is None
    assert share.shown.cell(1, 0) is None or province.shown.grand() is None
    assert_no_small_count_recovered(figures)


def test_a_hidden_month_is_not_the_year_less_the_other_months(communes):
    """June's 2 returns hidden: the year's total less May's cannot give them back."""
    for day, kind, count in [
        (datetime.date(2025, 5, 10), "departure", 12),
        (datetime.date(2025, 6, 10), "departure", 9),
        (datetime.date(2025, 6, 20), "return", 2),
        (datetime.date(2025, 7, 1), "return", 6),
    ]:
        for _number in range(count):
            movement(communes["A"], date=day, kind=kind)
    officer = officer_of("17")
    figures = register_figures(user=officer, filters=YEAR_2025)
    month = next(figure for figure in figures if figure.key == "month")
    assert month.shown.cell(1, 1) is None
    assert_no_small_count_recovered(figures)


def test_many_communes_with_small_counts_keep_every_one_hidden(communes):
    """Every commune of Siem Reap's first districts with a few departures and returns."""
    siem_reap = list(Commune.objects.filter(district__province__code="17").order_by("code")[:12])
    for index, commune in enumerate(siem_reap):
        for _number in range(index % 4 + 1):
            movement(commune)
        for _number in range(index % 3):
            movement(commune, kind="return", date=datetime.date(2025, 6, 1 + index))
    officer = officer_of("17")
    figures = register_figures(user=officer, filters=YEAR_2025)
    assert_no_small_count_recovered(figures)
    # A national officer reads the same tables whole.
    national = officer_of(role="National program officers")
    whole = register_figures(user=national, filters=YEAR_2025)
    assert all(not figure.shown.hidden for figure in whole)
