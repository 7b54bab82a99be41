"""How the register's tables tie together for a reader, and their small counts hidden as one.

A reader of the figures page holds every table at once. Each table of departures and
returns (by month, place, destination, work, channel) has the same column totals and grand
total; a province's row is the sum of its districts' rows, a district's of its communes';
departures through an agency of the register are a cell of the table by channel; a country's
fees against the cap add up to its departures in the table by destination; the passports'
holders add up to the departures, the returns' reasons to the returns. Hidden table by
table, a count hidden in one could be worked out from another (a hidden district from its
province's row less its shown districts). So every entry of every table is one unknown (an
entry two tables share is one), every sum is one line, and `suppress_linked` hides what no
combination of the lines gives back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.conf import settings

from .choices import Channel
from .suppression import (
    SuppressedTable,
    extended_values,
    suppress_linked,
    table_lines,
    table_with_hidden,
)

if TYPE_CHECKING:
    from .selectors import CountTable

#: Tables of departures and returns: their totals line is the same in all of them.
KIND_TABLES = ("month", "province", "district", "commune", "destination", "sector", "channel")
#: One-column tables whose total is all the departures, or all the returns.
DEPARTURES_ONLY = ("licensed_share", "passports")
RETURNS_ONLY = ("return_reasons",)
#: Tables of places, each row the sum of the rows of the places inside it.
PLACE_LEVELS = (("district", "province"), ("commune", "district"))
#: The shared totals' entries: (TOTALS, 0, column), column 0 departures, 1 returns, 2 both.
TOTALS = "all"

Entry = tuple[str, int, int]


class FiguresChanged(RuntimeError):
    """Two tables disagree on an entry they share: a record was saved between their queries."""


def _shape(table: CountTable) -> tuple[int, int]:
    return len(table.counts), len(table.counts[0]) if table.counts else 0


def _row_of(table: CountTable | None, key: object) -> int | None:
    if table is None or key not in table.row_keys:
        return None
    return table.row_keys.index(key)


def _entries(tables: Mapping[str, CountTable]) -> dict[str, dict[tuple[int, int], Entry]]:
    """Each table's positions (totals in row `rows`, column `columns`) to their entries."""
    channel_row = _row_of(tables.get("channel"), Channel.LICENSED_AGENCY)
    destination = tables.get("destination")
    entries: dict[str, dict[tuple[int, int], Entry]] = {}
    for key, table in tables.items():
        rows, columns = _shape(table)
        positions: dict[tuple[int, int], Entry] = {}
        for row in range(rows + 1):
            for column in range(columns + 1):
                entry: Entry = (key, row, column)
                if key in KIND_TABLES and row == rows:
                    entry = (TOTALS, 0, column)
                elif key in DEPARTURES_ONLY + RETURNS_ONLY:
                    # One column: a row's total is its cell, the column's is the shared total.
                    if row == rows:
                        entry = (TOTALS, 0, 0 if key in DEPARTURES_ONLY else 1)
                    else:
                        entry = (key, row, 0)
                    if key == "licensed_share" and row == 0 and channel_row is not None:
                        entry = ("channel", channel_row, 0)
                elif key == "fees" and row < rows and column == columns:
                    country_row = _row_of(destination, table.row_keys[row])
                    if country_row is not None:
                        entry = ("destination", country_row, 0)
                positions[row, column] = entry
        entries[key] = positions
    return entries


def _place_lines(
    tables: Mapping[str, CountTable], entries: Mapping[str, dict[tuple[int, int], Entry]]
) -> list[list[Entry]]:
    lines = []
    for inner, outer in PLACE_LEVELS:
        if inner not in tables or outer not in tables or not tables[inner].counts:
            continue
        outer_rows = {place: row for row, place in enumerate(tables[outer].row_ids)}
        inside: dict[object, list[int]] = {}
        for row, parent in enumerate(tables[inner].row_parents):
            inside.setdefault(parent, []).append(row)
        for parent, rows in inside.items():
            outer_row = outer_rows.get(parent)
            if outer_row is None:
                continue
            for column in range(_shape(tables[inner])[1] + 1):
                lines.append(
                    [entries[inner][row, column] for row in rows]
                    + [entries[outer][outer_row, column]]
                )
    return lines


def linked_system(
    tables: Mapping[str, CountTable],
) -> tuple[dict[Entry, int], list[list[Entry]], dict[str, dict[tuple[int, int], Entry]]]:
    """Every entry's count, every line a reader can add up, and where each table's entries are."""
    entries = _entries(tables)
    values: dict[Entry, int] = {}
    lines: list[list[Entry]] = []
    seen: set[tuple[Entry, ...]] = set()
    for key, table in tables.items():
        if not table.counts:
            continue
        for position, value in extended_values(table.counts).items():
            entry = entries[key][position]
            if values.setdefault(entry, value) != value:
                raise FiguresChanged(f"{key} {position}: {value} against {values[entry]}")
        rows, columns = _shape(table)
        own_lines = (
            [[(row, 0) for row in range(rows + 1)]] if columns == 1 else table_lines(rows, columns)
        )
        for own_line in own_lines:
            lines.append([entries[key][position] for position in own_line])
    lines += _place_lines(tables, entries)
    unique: list[list[Entry]] = []
    for line in lines:
        if tuple(line) not in seen and len(set(line)) > 1:
            seen.add(tuple(line))
            unique.append(line)
    return values, unique, entries


def shown_linked(tables: Mapping[str, CountTable]) -> dict[str, SuppressedTable]:
    """Each table as a reader other than a national officer sees it, all hidden as one."""
    values, lines, entries = linked_system(tables)
    hidden = suppress_linked(values, lines, settings.REGISTER_SMALL_COUNT)
    return {
        key: table_with_hidden(
            table.counts,
            [position for position, entry in entries[key].items() if entry in hidden]
            if table.counts
            else (),
        )
        for key, table in tables.items()
    }
