# ruff: noqa: S608 - SQL built from model table names and constants, values passed as parameters
"""Whole months and quarters kept summed (`KeptDistrictPeriod`, `KeptPeoplePeriod`), and
people by the month of their last attendance so far (`KeptPeopleToDate`).

They are kept by difference: before a refresh replaces some people's (groups') kept rows,
what those rows added to each period is counted and taken off; after, what the new rows add
is put on. A person's rows alone decide whether they count in a period, so nobody else's
contribution moves. Additions are one upsert (`ON CONFLICT … DO UPDATE`), which PostgreSQL
applies row by row under lock, so two refreshes adding to one month never lose either.
"""

import datetime
from collections import Counter
from typing import Any

from django.db import connection, models

from sessions.models import (
    KeptAttendance,
    KeptDistrictPeriod,
    KeptPeoplePeriod,
    KeptPeopleToDate,
    KeptSession,
)
from sessions.models.kept_figures import NO_NEXT_DATE, PeriodKind

from .kept_columns import SESSION_SUMS

#: kind → (column of the period's first day, column of the next period's first day)
PERIOD_COLUMNS = {
    PeriodKind.MONTH: ("month", "following_month"),
    PeriodKind.QUARTER: ("quarter", "following_quarter"),
}
#: level → (column of the place, or None for the country; column of the next attendance there)
LEVEL_COLUMNS = {
    KeptPeoplePeriod.Level.NATIONAL: (None, "next_national"),
    KeptPeoplePeriod.Level.PROVINCE: ("province_id", "next_province"),
    KeptPeoplePeriod.Level.DISTRICT: ("district_id", "next_district"),
}
PEOPLE_KEYS = ["level", "node", "kind", "period"]
PEOPLE_VALUES = ["people"]
TO_DATE_KEYS = ["level", "node", "month", "facet", "sex", "age_band", "destination"]
TO_DATE_VALUES = ["people", "planning", "returned"]
SESSION_KEYS = ["district_id", "province_id", "kind", "period"]
SESSION_VALUES = ["sessions", "groups", *SESSION_SUMS]
BATCH = 400


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def people_select(where: str) -> tuple[str, int]:
    """SELECT of (level, node, kind, period, people) over kept attendances; how many
    times its parameters repeat."""
    selects = []
    for level, (node, next_column) in LEVEL_COLUMNS.items():
        for kind, (period, following) in PERIOD_COLUMNS.items():
            group_by = f"{node}, {period}" if node else period
            selects.append(
                f"SELECT '{level}', {node or 0}, '{kind}', {period}, COUNT(*) "
                f"FROM {_table(KeptAttendance)} WHERE {next_column} >= {following} {where} "
                f"GROUP BY {group_by}"
            )
    return " UNION ALL ".join(selects), len(selects)


def people_to_date_select(where: str) -> tuple[str, int]:
    """SELECT of `TO_DATE_KEYS` and `TO_DATE_VALUES` over kept attendances: each person's
    last attendance in each place, by its month and each facet; how many times its
    parameters repeat."""
    facet = KeptPeopleToDate.Facet
    answers = (
        "SUM(CASE WHEN plans_to_migrate THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN returned_migrant THEN 1 ELSE 0 END)"
    )
    # facet → (its sex, band and destination columns, what it groups by, more conditions)
    facets = {
        facet.PERSON: ("sex, age_band, ''", "sex, age_band", answers, ""),
        facet.PLACE: ("'', '', ''", "", "0, 0", ""),
        facet.DESTINATION: ("'', '', destination", "destination", "0, 0", "AND plans_to_migrate"),
    }
    selects = []
    for level, (node, next_column) in LEVEL_COLUMNS.items():
        for name, (columns, group_by, values, condition) in facets.items():
            grouped = ", ".join(part for part in (node, "month", group_by) if part)
            selects.append(
                f"SELECT '{level}', {node or 0}, month, '{name}', {columns}, COUNT(*), {values} "
                f"FROM {_table(KeptAttendance)} "
                f"WHERE {next_column} = '{NO_NEXT_DATE}' {condition} {where} GROUP BY {grouped}"
            )
    return " UNION ALL ".join(selects), len(selects)


def sessions_select(where: str) -> tuple[str, int]:
    """SELECT of (district, province, kind, period, sessions, groups, sums…) over kept
    sessions; how many times its parameters repeat."""
    sums = ", ".join(f"SUM({name})" for name in SESSION_SUMS)
    selects = [
        f"SELECT district_id, province_id, '{kind}', {period}, COUNT(*), "
        f"SUM(CASE WHEN next_of_group >= {following} THEN 1 ELSE 0 END), {sums} "
        f"FROM {_table(KeptSession)} WHERE 1 = 1 {where} "
        f"GROUP BY district_id, province_id, {period}"
        for kind, (period, following) in PERIOD_COLUMNS.items()
    ]
    return " UNION ALL ".join(selects), len(selects)


def _day(value: datetime.date | str) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value[:10])


def counts(select: tuple[str, int], params: list[Any], keys: list[str]) -> dict[tuple, Counter]:
    """The select's rows as {key columns: Counter of the value columns' positions}."""
    sql, repeat = select
    # The one date among the keys, read back as a date whatever the database returns.
    day_at = next(index for index, name in enumerate(keys) if name in ("period", "month"))
    figures: dict[tuple, Counter] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params * repeat)
        for row in cursor.fetchall():
            key = tuple(
                _day(value) if index == day_at else value
                for index, value in enumerate(row[: len(keys)])
            )
            figures[key] = Counter(dict(enumerate(value or 0 for value in row[len(keys) :])))
    return figures


def add(
    model: type[models.Model],
    key_columns: list[str],
    value_columns: list[str],
    before: dict,
    after: dict,
) -> None:
    """Add `after` less `before` to the kept periods (one upsert per batch, keys in order)."""
    rows = []
    for key in sorted({*before, *after}):
        change = after.get(key, Counter())
        change.subtract(before.get(key, Counter()))
        values = [change.get(index, 0) for index in range(len(value_columns))]
        if any(values):
            rows.append([*key, *values])
    table = _table(model)
    columns = [*key_columns, *value_columns]
    updates = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in value_columns)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {placeholders} "
                f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {updates}",
                [value for row in batch for value in row],
            )


def rebuild() -> None:
    """Every kept period again from the kept rows."""
    KeptPeoplePeriod.objects.all().delete()
    KeptDistrictPeriod.objects.all().delete()
    KeptPeopleToDate.objects.all().delete()
    with connection.cursor() as cursor:
        for model, columns, (select, _repeat) in (
            (KeptPeoplePeriod, PEOPLE_KEYS + PEOPLE_VALUES, people_select("")),
            (KeptPeopleToDate, TO_DATE_KEYS + TO_DATE_VALUES, people_to_date_select("")),
            (KeptDistrictPeriod, SESSION_KEYS + SESSION_VALUES, sessions_select("")),
        ):
            cursor.execute(f"INSERT INTO {_table(model)} ({', '.join(columns)}) {select}")
