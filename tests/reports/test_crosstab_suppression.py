"""Hiding small cells of a cross-tabulation whose totals are counted, not summed (no database)."""

from sessions.reports.crosstab import Counts, _shown


def lines_of(shown):
    lines = [[*cells, total] for cells, total in zip(shown.cells, shown.row_totals, strict=True)]
    lines.append([*shown.column_totals, shown.grand_total])
    for column in range(len(shown.column_totals)):
        lines.append([cells[column] for cells in shown.cells] + [shown.column_totals[column]])
    return lines


def test_a_small_cell_is_hidden_with_another_in_each_of_its_lines():
    # Row "a": 3 and 10 people, 12 in all (one person in both cells).
    counts = Counts(
        cells={("a", "x"): 3, ("a", "y"): 10, ("b", "x"): 6, ("b", "y"): 8},
        row_totals={"a": 12, "b": 14},
        column_totals={"x": 9, "y": 18},
        grand_total=25,
    )
    shown = _shown(counts, ["a", "b"], ["x", "y"], threshold=5)
    assert shown.cells[0][0] is None
    for line in lines_of(shown):
        assert line.count(None) != 1, line
    assert shown.row_totals == (12, 14)  # totals are the counted ones, not the cells' sums


def test_a_counted_total_that_is_small_is_hidden_though_its_cells_add_up_to_more():
    # Three people came in both months: 3 + 3 in the cells, 3 in the row total.
    counts = Counts(
        cells={("a", "x"): 3, ("a", "y"): 3, ("b", "x"): 20, ("b", "y"): 30},
        row_totals={"a": 3, "b": 40},
        column_totals={"x": 23, "y": 33},
        grand_total=43,
    )
    shown = _shown(counts, ["a", "b"], ["x", "y"], threshold=5)
    assert shown.cells[0] == (None, None)
    assert shown.row_totals[0] is None
    assert shown.row_totals[1] == 40
    for line in lines_of(shown):
        assert line.count(None) != 1, line


def test_national_officers_threshold_hides_nothing():
    counts = Counts(
        cells={("a", "x"): 1}, row_totals={"a": 1}, column_totals={"x": 1}, grand_total=1
    )
    shown = _shown(counts, ["a"], ["x"], threshold=0)
    assert (shown.cells, shown.grand_total, shown.hidden_count) == (((1,),), 1, 0)
