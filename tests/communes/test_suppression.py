"""A reader of the register's tables cannot work out a count of fewer than five people.

Written as the attack: the attacker knows every shown number, every shown total, that
totals are the sums of their cells and that zeros are always shown (so a hidden entry holds
at least one person). They solve the table's equations exactly and narrow each hidden
entry's bounds line by line; neither may pin a count that was small.
"""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from communes.suppression import suppress_list, suppress_table

THRESHOLD = 5


def _entries(table):
    """Every entry of the extended table (totals in the last row and column) by position."""
    rows, columns = len(table.cells), len(table.column_totals)
    values = {}
    for row in range(rows + 1):
        for column in range(columns + 1):
            if row < rows and column < columns:
                values[row, column] = table.cells[row][column]
            elif row < rows:
                values[row, column] = table.row_totals[row]
            elif column < columns:
                values[row, column] = table.column_totals[column]
            else:
                values[row, column] = table.grand_total
    lines = [[(row, column) for column in range(columns + 1)] for row in range(rows + 1)]
    lines += [[(row, column) for row in range(rows + 1)] for column in range(columns + 1)]
    return values, lines


def _equations(values, lines, hidden):
    """Each line as coefficients on the hidden entries and the constant the shown ones give."""
    equations = []
    for line in lines:
        coefficients = {}
        constant = 0
        for position in line:
            sign = -1 if position == line[-1] else 1
            if position in hidden:
                coefficients[position] = coefficients.get(position, 0) + sign
            else:
                constant -= sign * values[position]
        if coefficients:
            equations.append((coefficients, constant))
    return equations


def solved_exactly(values, lines, hidden):
    """The hidden entries that linear algebra on the shown numbers gives back, with their value."""
    unknowns = sorted(hidden)
    matrix = [
        [Fraction(coefficients.get(unknown, 0)) for unknown in unknowns] + [Fraction(constant)]
        for coefficients, constant in _equations(values, lines, hidden)
    ]
    pivot_row = 0
    pivots = []
    for column in range(len(unknowns)):
        found = next((r for r in range(pivot_row, len(matrix)) if matrix[r][column] != 0), None)
        if found is None:
            continue
        matrix[pivot_row], matrix[found] = matrix[found], matrix[pivot_row]
        lead = matrix[pivot_row][column]
        matrix[pivot_row] = [value / lead for value in matrix[pivot_row]]
        for other in range(len(matrix)):
            if other != pivot_row and matrix[other][column] != 0:
                factor = matrix[other][column]
                matrix[other] = [
                    a - factor * b for a, b in zip(matrix[other], matrix[pivot_row], strict=True)
                ]
        pivots.append((pivot_row, column))
        pivot_row += 1
    solved = {}
    for row, column in pivots:
        if all(matrix[row][other] == 0 for other in range(len(unknowns)) if other != column):
            solved[unknowns[column]] = matrix[row][-1]
    return solved


def narrowed_bounds(values, lines, hidden):
    """Each hidden entry's bounds, from at least one each and the lines' sums, to a fixed point."""
    ceiling = 10**15  # none known: the lines' sums give the real ones
    bounds = {position: [1, ceiling] for position in hidden}
    equations = _equations(values, lines, hidden)
    changed = True
    while changed:
        changed = False
        for coefficients, constant in equations:
            for position, sign in coefficients.items():
                others = [(p, s) for p, s in coefficients.items() if p != position]
                # sign * x = constant - sum(s * y): bound x by the others' extreme values.
                low_rest = sum(s * (bounds[p][0] if s > 0 else bounds[p][1]) for p, s in others)
                high_rest = sum(s * (bounds[p][1] if s > 0 else bounds[p][0]) for p, s in others)
                low, high = sorted((sign * (constant - high_rest), sign * (constant - low_rest)))
                new = [max(bounds[position][0], low), min(bounds[position][1], high)]
                if new != bounds[position]:
                    bounds[position] = new
                    changed = True
    return bounds


def assert_no_small_count_recovered(values, lines, hidden):
    small = {position for position, value in values.items() if 0 < value < THRESHOLD}
    assert small <= hidden, "a small count is shown"
    solved = solved_exactly(values, lines, hidden)
    assert not small & solved.keys(), f"worked out exactly: {small & solved.keys()}"
    bounds = narrowed_bounds(values, lines, hidden)
    pinned = {position for position in small if bounds[position][0] == bounds[position][1]}
    assert not pinned, f"pinned by the lines' bounds: {pinned}"


counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
tables = st.integers(1, 5).flatmap(
    lambda columns: st.lists(
        st.lists(counts, min_size=columns, max_size=columns), min_size=1, max_size=5
    )
)


@settings(max_examples=600, deadline=None)
@given(tables)
def test_no_small_count_is_recovered_from_any_table(cells):
    table = suppress_table(cells, THRESHOLD)
    values, lines = _entries(table)
    assert_no_small_count_recovered(values, lines, table.hidden)


@settings(max_examples=300, deadline=None)
@given(st.lists(counts, min_size=1, max_size=8))
def test_no_small_count_is_recovered_from_any_list(counts_shown):
    result = suppress_list(counts_shown, THRESHOLD)
    values = {(0, index): value for index, value in enumerate(result.counts)}
    values[0, len(counts_shown)] = result.total
    hidden = {(0, index) for index in result.hidden}
    if result.total_hidden:
        hidden.add((0, len(counts_shown)))
    line = [(0, index) for index in range(len(counts_shown) + 1)]
    assert_no_small_count_recovered(values, [line], hidden)


def test_the_attacker_recovers_a_cell_hidden_alone():
    """The attack works: one small cell hidden without its complement is given back."""
    table = suppress_table([[3, 10, 12]], THRESHOLD)
    alone = type(table)(
        table.cells,
        table.row_totals,
        table.column_totals,
        table.grand_total,
        frozenset({(0, 0), (1, 0)}),
    )
    values, lines = _entries(alone)
    assert solved_exactly(values, lines, alone.hidden)[0, 0] == 3


def test_the_attacker_pins_two_ones_sharing_a_total_of_two():
    values, lines = _entries(suppress_table([[1, 1, 10]], THRESHOLD))
    bounds = narrowed_bounds(values, lines, {(0, 0), (0, 1), (1, 0), (1, 1)})
    assert bounds[0, 0] == [1, 1]


def test_a_row_with_one_small_cell_hides_its_smallest_other_cell():
    table = suppress_table([[3, 10, 7], [6, 8, 9]], THRESHOLD)
    # Row 0: 3 hidden, then 7 (the row's smallest other); columns 0 and 2 then each have
    # one hidden cell, so 6 and 9 go too; every line then holds two hidden entries.
    assert table.hidden == {(0, 0), (0, 2), (1, 0), (1, 2)}
    assert table.cell(0, 1) == 10
    assert table.row_total(0) == 20
    assert table.column_total(0) == 9
    assert table.grand() == 43


def test_a_table_without_small_counts_hides_nothing():
    table = suppress_table([[5, 10], [6, 0]], THRESHOLD)
    assert table.hidden == frozenset()
    assert table.cell(1, 1) == 0


def test_two_ones_that_a_total_would_give_away_get_a_third_cell_hidden():
    result = suppress_list([1, 1, 10, 12], THRESHOLD)
    # 24 - 10 - 12 leaves 2 for two hidden cells of at least one each: 10 is hidden too.
    assert result.hidden == {0, 1, 2}
    assert result.shown_total() == 24
    assert result.count(3) == 12


def test_a_small_total_is_hidden_with_its_cells():
    result = suppress_list([2, 1, 0], THRESHOLD)
    assert result.hidden == {0, 1}
    assert result.total_hidden
    assert result.count(2) == 0


def test_a_list_with_one_small_count_hides_the_next_smallest():
    result = suppress_list([4, 9, 30], THRESHOLD)
    assert result.hidden == {0, 1}
    assert result.shown_total() == 43


def test_a_small_total_that_no_single_line_gives_away_is_still_protected():
    """Found by hypothesis: each line had two hidden entries, yet the rows' totals 1 and 4
    summed through column 0 (5, shown), and the grand total (8) then gave away the 3."""
    cells = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 2], [1, 0, 0, 0], [4, 0, 0, 0]]
    table = suppress_table(cells, THRESHOLD)
    values, lines = _entries(table)
    assert_no_small_count_recovered(values, lines, table.hidden)
