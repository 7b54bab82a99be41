"""Small counts hidden from tables, with the further cells hidden so that none can be worked out.

A count of fewer than `threshold` people (1 to 4 by default) can point at a person in a
commune, so a table shown to anyone but a national officer hides it. Hiding it alone is not
enough: a row total minus the row's shown cells gives it back. So, in every line of the
table (each row with its total, each column with its total, and the totals with the grand
total), a line with one hidden entry gets a second one hidden: its smallest non-zero shown
entry (a total when nothing else is left), and so on until no line changes.

A line whose hidden cells must all be 1 is opened too: zeros are always shown (they describe
nobody), so a reader knows each hidden cell holds at least one person, and two hidden cells
with a shown total that leaves 2 to share are both 1. Such a line gets one more cell hidden.

Every hidden entry, small or hidden to protect a small one, carries the same mark: two marks
would tell a reader which hidden cell is at least `threshold`, and from the total the other.

Tables a reader holds side by side (`suppress_linked`) are suppressed as one: every line
of every table, and the lines that tie them (a province is the sum of its districts), are
solved together, so no table gives back what another hides.

Pure Python, no Django: the selectors hand it counts, the views render what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Stands for "no upper bound known" in the bounds a reader could work out.
UNKNOWN_CEILING = 10**12

#: The modulus of `_determined_linear`'s arithmetic (a Mersenne prime).
PRIME = 2**61 - 1

#: An entry of a table: (row, column); the totals are in row `rows` and column `columns`.
Position = tuple[int, int]


@dataclass(frozen=True)
class SuppressedTable:
    """A two-way table with its totals, and which of its entries are hidden.

    `cells[row][column]`, `row_totals[row]`, `column_totals[column]`, `grand_total`; an
    entry is hidden when its position is in `hidden` (totals: row `len(cells)` or
    column `len(column_totals)`).
    """

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    hidden: frozenset[Position]

    def is_hidden(self, row: int, column: int) -> bool:
        return (row, column) in self.hidden

    def cell(self, row: int, column: int) -> int | None:
        """The cell's count, or None where it is hidden."""
        return None if self.is_hidden(row, column) else self.cells[row][column]

    def row_total(self, row: int) -> int | None:
        return None if self.is_hidden(row, len(self.column_totals)) else self.row_totals[row]

    def column_total(self, column: int) -> int | None:
        return None if self.is_hidden(len(self.row_totals), column) else self.column_totals[column]

    def grand(self) -> int | None:
        corner = (len(self.row_totals), len(self.column_totals))
        return None if corner in self.hidden else self.grand_total


@dataclass(frozen=True)
class SuppressedList:
    """A one-way table (counts and their total), with which of them are hidden."""

    counts: tuple[int, ...]
    total: int
    hidden: frozenset[int]
    total_hidden: bool

    def count(self, index: int) -> int | None:
        return None if index in self.hidden else self.counts[index]

    def shown_total(self) -> int | None:
        return None if self.total_hidden else self.total


def _is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def _lines(rows: int, columns: int) -> list[list[Position]]:
    """Every line of the extended table, each with its total as its last entry."""
    lines = [[(row, column) for column in range(columns + 1)] for row in range(rows + 1)]
    lines += [[(row, column) for row in range(rows + 1)] for column in range(columns + 1)]
    return lines


def _line_to_open(line: list[Position], values: dict[Position, int], hidden: set[Position]) -> bool:
    """Whether a reader could work out a hidden entry of this line from its shown ones."""
    hidden_entries = [position for position in line if position in hidden]
    if len(hidden_entries) == 1:
        return True
    total = line[-1]
    if not hidden_entries or total in hidden:
        return False
    # Every hidden cell holds at least one: if what is left to share is one each, all are known.
    left_to_share = values[total] - sum(
        values[position] for position in line[:-1] if position not in hidden
    )
    return left_to_share == len(hidden_entries)


def _hide_one_more(
    line: list[Position], values: dict[Position, int], hidden: set[Position]
) -> bool:
    candidates = [position for position in line if position not in hidden and values[position] > 0]
    if not candidates:
        return False
    # The smallest count loses least; among equals, a cell before the line's total.
    hidden.add(min(candidates, key=lambda position: (values[position], position == line[-1])))
    return True


def _determined(hidden: set[Position]) -> set[Position]:
    """The hidden entries of a two-way table that the lines' sums give back exactly.

    With each total's sign turned, every line of the extended table sums to zero: entry
    (row, column) is an edge between a row's node and a column's node, and each node's edges
    sum to zero. What the shown entries leave undetermined is then a sum of even cycles of
    hidden edges (+x, -x, ... around the cycle), so a hidden entry is worked out exactly
    if and only if it lies on no cycle of hidden entries: it is a bridge of their graph. This
    catches what no single line shows (a small row total recovered from a column and the
    grand total), in time linear in the table, where elimination would be cubic.
    """
    neighbours: dict[tuple[str, int], list[tuple[tuple[str, int], Position]]] = {}
    for row, column in hidden:
        neighbours.setdefault(("row", row), []).append((("column", column), (row, column)))
        neighbours.setdefault(("column", column), []).append((("row", row), (row, column)))
    order: dict[tuple[str, int], int] = {}
    lowest: dict[tuple[str, int], int] = {}
    bridges: set[Position] = set()
    for start in neighbours:
        if start in order:
            continue
        order[start] = lowest[start] = len(order)
        # Depth-first, without recursion: (node, the edge it was reached by, next neighbour).
        stack: list[tuple[tuple[str, int], Position | None, int]] = [(start, None, 0)]
        while stack:
            node, via, next_index = stack[-1]
            if next_index < len(neighbours[node]):
                stack[-1] = (node, via, next_index + 1)
                other, edge = neighbours[node][next_index]
                if edge == via:
                    continue
                if other in order:
                    lowest[node] = min(lowest[node], order[other])
                else:
                    order[other] = lowest[other] = len(order)
                    stack.append((other, edge, 0))
                continue
            stack.pop()
            if stack and via is not None:
                parent = stack[-1][0]
                lowest[parent] = min(lowest[parent], lowest[node])
                if lowest[node] > order[parent]:
                    bridges.add(via)
    return bridges


def _pinned(
    values: dict[Position, int], lines: list[list[Position]], hidden: set[Position]
) -> set[Position]:
    """The hidden entries whose bounds the lines narrow to one value.

    A reader knows each hidden entry holds at least one (zeros are shown); each line's sum
    then bounds each of its hidden entries by the others' bounds, again and again until
    nothing narrows.
    """
    ceiling = UNKNOWN_CEILING
    bounds = {position: (1, ceiling) for position in hidden}
    equations: list[tuple[dict[Position, int], int]] = []
    for line in lines:
        coefficients = {p: (-1 if p == line[-1] else 1) for p in line if p in hidden}
        shown_sum = sum(values[p] * (-1 if p == line[-1] else 1) for p in line if p not in hidden)
        if coefficients:
            equations.append((coefficients, -shown_sum))

    def least(position: Position, sign: int) -> int:
        return sign * bounds[position][0 if sign > 0 else 1]

    def most(position: Position, sign: int) -> int:
        return sign * bounds[position][1 if sign > 0 else 0]

    changed = True
    while changed:
        changed = False
        for coefficients, constant in equations:
            # The line's sums, kept up to date as its entries narrow: the rest of the line is
            # the sum less the entry's own term, linear in the line rather than quadratic.
            sum_least = sum(least(p, s) for p, s in coefficients.items())
            sum_most = sum(most(p, s) for p, s in coefficients.items())
            for position, sign in coefficients.items():
                own_least, own_most = least(position, sign), most(position, sign)
                rest_low, rest_high = sum_least - own_least, sum_most - own_most
                low, high = sorted((sign * (constant - rest_high), sign * (constant - rest_low)))
                narrowed = (max(bounds[position][0], low), min(bounds[position][1], high))
                if narrowed != bounds[position] and narrowed[0] <= narrowed[1]:
                    bounds[position] = narrowed
                    sum_least += least(position, sign) - own_least
                    sum_most += most(position, sign) - own_most
                    changed = True
    return {position for position, (low, high) in bounds.items() if low == high}


def _determined_linear(lines: Sequence[Sequence[Hashable]], hidden: set[Any]) -> set[Any]:
    """The hidden entries that the lines' sums give back exactly, for lines of any shape.

    Tables tied together (a province's count is the sum of its districts'; every table of
    movements shares the same totals) are no longer a two-way table's graph, so this solves
    the lines' equations in the hidden entries by elimination, keeping the rows reduced: an
    entry is given back when its reduced row names no other unknown. Arithmetic is modulo a
    large prime (exact, fast, no fractions): with coefficients of 1 and -1, a rank that differs
    from the rational one would need the prime to divide a minor of the table's equations.
    """
    index = {position: number for number, position in enumerate(sorted(hidden, key=repr))}
    pivots: dict[int, dict[int, int]] = {}  # pivot column -> its row, every pivot's 0 elsewhere
    for line in lines:
        row: dict[int, int] = {}
        for position in line:
            if position in hidden:
                column = index[position]
                sign = -1 if position == line[-1] else 1
                row[column] = (row.get(column, 0) + sign) % PRIME
        row = {column: value for column, value in row.items() if value}
        for column in [column for column in row if column in pivots]:
            factor = row.get(column, 0)
            if factor:
                for other, value in pivots[column].items():
                    row[other] = (row.get(other, 0) - factor * value) % PRIME
                row = {column: value for column, value in row.items() if value}
        if not row:
            continue
        lead = min(row)
        inverse = pow(row[lead], PRIME - 2, PRIME)
        row = {column: value * inverse % PRIME for column, value in row.items()}
        for pivot_row in pivots.values():
            factor = pivot_row.get(lead, 0)
            if factor:
                for other, value in row.items():
                    pivot_row[other] = (pivot_row.get(other, 0) - factor * value) % PRIME
                for zero in [column for column, value in pivot_row.items() if not value]:
                    del pivot_row[zero]
        pivots[lead] = row
    positions = {number: position for position, number in index.items()}
    return {positions[column] for column, row in pivots.items() if len(row) == 1}


def _suppress(
    values: dict[Any, int],
    lines: list[list[Any]],
    threshold: int,
    *,
    determined: Callable[[set[Any]], set[Any]] | None,
) -> set[Any]:
    small = {position for position, value in values.items() if _is_small(value, threshold)}
    hidden = set(small)
    while True:
        changed = True
        while changed:
            changed = False
            for line in lines:
                if _line_to_open(line, values, hidden) and _hide_one_more(line, values, hidden):
                    changed = True
        # A single line with two hidden entries or more gives none back exactly (one equation).
        exactly = determined(hidden) if determined else set()
        given_back = (exactly | _pinned(values, lines, hidden)) & small
        if not given_back:
            return hidden
        # Break the chain that gives it back: hide more in one of its lines, else anywhere.
        exposed = min(given_back, key=repr)
        in_its_lines = any(
            _hide_one_more(line, values, hidden) for line in lines if exposed in line
        )
        if not in_its_lines and not _hide_one_more(list(values), values, hidden):
            return hidden


def suppress_table(cells: Sequence[Sequence[int]], threshold: int) -> SuppressedTable:
    """The table with its totals, its small counts hidden and those protecting them.

    `cells` is a list of rows of counts, all rows of the same length; the totals are
    computed here, so they are always the sums of the cells.
    """
    rows = len(cells)
    columns = len(cells[0]) if rows else 0
    if any(len(row) != columns for row in cells):
        raise ValueError("Every row of the table needs the same number of cells.")
    values = extended_values(cells)
    if any(_is_small(value, threshold) for value in values.values()):
        hidden = _suppress(values, _lines(rows, columns), threshold, determined=_determined)
    else:
        hidden = set()  # nothing small, nothing to protect (national officers' tables)
    return table_with_hidden(cells, hidden)


def extended_values(cells: Sequence[Sequence[int]]) -> dict[Position, int]:
    """Every entry of the table with its totals (row `rows`, column `columns`) by position."""
    rows = len(cells)
    columns = len(cells[0]) if rows else 0
    table = table_with_hidden(cells, ())
    values: dict[Position, int] = {}
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
    return values


def table_lines(rows: int, columns: int) -> list[list[Position]]:
    """Every line of a table with its totals, each with its total as its last entry."""
    return _lines(rows, columns)


def table_with_hidden(
    cells: Sequence[Sequence[int]], hidden: Iterable[Position]
) -> SuppressedTable:
    """The table, its totals computed here (always the sums of its cells), these entries hidden."""
    columns = len(cells[0]) if cells else 0
    table = tuple(tuple(int(value) for value in row) for row in cells)
    row_totals = tuple(sum(row) for row in table)
    column_totals = tuple(sum(row[column] for row in table) for column in range(columns))
    return SuppressedTable(table, row_totals, column_totals, sum(row_totals), frozenset(hidden))


def suppress_linked(
    values: Mapping[Any, int], lines: Sequence[Sequence[Any]], threshold: int
) -> frozenset[Any]:
    """The entries to hide of tables tied together by `lines` (each: parts, then their total).

    The entries are every table's, an entry that two tables share (a total both print) kept
    once; a reader who holds all the tables can use every line at once, so every line counts.
    """
    if not any(_is_small(value, threshold) for value in values.values()):
        return frozenset()
    line_lists = [list(line) for line in lines]
    hidden = _suppress(
        dict(values),
        line_lists,
        threshold,
        determined=lambda hidden: _determined_linear(line_lists, hidden),
    )
    return frozenset(hidden)


def suppress_list(counts: Sequence[int], threshold: int) -> SuppressedList:
    """A list of counts and its total, small counts hidden and those protecting them."""
    values: dict[Position, int] = {(0, index): int(value) for index, value in enumerate(counts)}
    total = sum(values.values())
    values[0, len(counts)] = total
    line = [(0, index) for index in range(len(counts) + 1)]
    hidden = _suppress(values, [line], threshold, determined=None)
    return SuppressedList(
        counts=tuple(values[0, index] for index in range(len(counts))),
        total=total,
        hidden=frozenset(column for row, column in hidden if column < len(counts)),
        total_hidden=(0, len(counts)) in hidden,
    )
