# ruff: noqa: S608 - SQL built from model table names and choices, values passed as parameters
"""Keeping the report's kept rows (`sessions.models.kept_figures`) equal to the trainings.

Every change that moves a figure leaves a `KeptFiguresChange` row, written by a database
trigger in the change's own transaction (migration 0020), whatever made it: a service, the
admin's edit form, an import's bulk insert, a merge's bulk update. `kept_figures_refresh`
turns those rows into new kept rows: the services that change figures call it before their
transaction ends, a task does after other commits, and the report calls it before reading,
so what the report reads is never behind what is committed.

A refresh rebuilds every kept attendance of each person touched (their `next_*` dates depend
on all their attendances) and every kept session of each group touched (`next_of_group`),
with one INSERT … SELECT each, the same SQL as a full rebuild restricted to those people
and groups. People and groups are locked first, so two refreshes of one person never mix
two snapshots.
"""

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import QuerySet

from geography.models import Commune, District
from sessions.models import (
    Attendance,
    Headcount,
    Participant,
    Sex,
    TrainingSession,
    YouthGroup,
)
from sessions.models.kept_figures import (
    NO_NEXT_DATE,
    KeptAttendance,
    KeptDistrictPeriod,
    KeptFiguresChange,
    KeptPeoplePeriod,
    KeptPeopleToDate,
    KeptSession,
)

from . import kept_periods
from .kept_columns import BAND_COLUMNS

#: Past this many changed sessions and people, one full rebuild beats row-by-row work
#: (a first deploy, a large import).
FULL_REBUILD_ABOVE = 20_000
#: Past this many recorded changes, a web request or a service leaves the work to the task
#: (`kept_figures_refresh_task`) rather than hold its transaction and locks that long; the
#: report is counted live meanwhile.
IN_REQUEST_LIMIT = 2_000


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _period_start(column: str, months: int, later: int = 0) -> str:
    """SQL for the first day of the month (quarter) holding `column`, or `later` after it."""
    if connection.vendor == "postgresql":
        unit = "quarter" if months == 3 else "month"
        return f"CAST(DATE_TRUNC('{unit}', {column}) + INTERVAL '{later * months} months' AS date)"
    back = f"((CAST(STRFTIME('%%m', {column}) AS integer) - 1) %% {months})"
    return (
        f"DATE({column}, 'start of month', '-' || {back} || ' months', '+{later * months} months')"
    )


def _periods(column: str) -> str:
    """month, quarter, following_month, following_quarter of a date column."""
    return ", ".join(_period_start(column, months, later) for later in (0, 1) for months in (1, 3))


def _places_join(group_column: str) -> str:
    return f"""
        JOIN {_table(YouthGroup)} g ON g.id = {group_column}
        JOIN {_table(Commune)} c ON c.id = g.commune_id
        JOIN {_table(District)} d ON d.id = c.district_id"""


COUNTED_SESSION = "s.status = %s AND s.is_training_of_trainers = %s"
COUNTED_PARAMS: list[Any] = [TrainingSession.Status.VERIFIED, False]


def _insert_attendances(where: str, params: list[Any]) -> None:
    order = "ORDER BY s.date, a.age_band, a.id"

    def next_in(*partition: str) -> str:
        over = ", ".join(("a.participant_id", *partition))
        return f"COALESCE(LEAD(s.date) OVER (PARTITION BY {over} {order}), '{NO_NEXT_DATE}')"

    sql = f"""
        INSERT INTO {_table(KeptAttendance)} (
            attendance_id, participant_id, session_id, date, group_id, district_id,
            province_id, sex, age_band, plans_to_migrate, returned_migrant, destination,
            next_national, next_province, next_district, next_group,
            month, quarter, following_month, following_quarter)
        SELECT a.id, a.participant_id, s.id, s.date, g.id, d.id, d.province_id, p.sex,
            a.age_band, COALESCE(p.plans_to_migrate, FALSE), p.returned_migrant,
            TRIM(p.destination),
            {next_in()}, {next_in("d.province_id")}, {next_in("d.id")}, {next_in("g.id")},
            {_periods("s.date")}
        FROM {_table(Attendance)} a
        JOIN {_table(TrainingSession)} s ON s.id = a.session_id
        JOIN {_table(Participant)} p ON p.id = a.participant_id
        {_places_join("s.group_id")}
        WHERE {COUNTED_SESSION} {where}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*COUNTED_PARAMS, *params])


def _insert_sessions(group_ids: list[int] | None) -> None:
    """Kept sessions of these groups (all groups if None)."""
    where, inner_where = "", ""
    params: list[Any] = []
    if group_ids is not None:
        where, params = _in("s.group_id", group_ids)
        # Into the sums too, or each one would add up every attendance in the country.
        inner_where = (
            f"WHERE session_id IN (SELECT id FROM {_table(TrainingSession)} "
            f"WHERE group_id IN ({', '.join(['%s'] * len(params))}))"
        )
    both_scores = "a.pre_test_score IS NOT NULL AND a.post_test_score IS NOT NULL"
    named_by = [
        (f"named_{sex.value}", f"SUM(CASE WHEN p.sex = '{sex.value}' THEN 1 ELSE 0 END)")
        for sex in Sex
    ] + [
        (f"named_{column}", f"SUM(CASE WHEN a.age_band = '{band.value}' THEN 1 ELSE 0 END)")
        for band, column in BAND_COLUMNS.items()
    ]
    counted_by = [
        (f"headcount_{sex.value}", f"SUM(CASE WHEN h.sex = '{sex.value}' THEN h.count ELSE 0 END)")
        for sex in Sex
    ] + [
        (
            f"headcount_{column}",
            f"SUM(CASE WHEN h.age_band = '{band.value}' THEN h.count ELSE 0 END)",
        )
        for band, column in BAND_COLUMNS.items()
    ]
    named_columns = [
        "named",
        *(name for name, _sql in named_by),
        "scored",
        "pre_total",
        "post_total",
    ]
    counted_columns = ["headcount", *(name for name, _sql in counted_by)]
    named_select = ", ".join(
        [
            "COUNT(*) AS named",
            *(f"{sql} AS {name}" for name, sql in named_by),
            f"SUM(CASE WHEN {both_scores} THEN 1 ELSE 0 END) AS scored",
            f"SUM(CASE WHEN {both_scores} THEN a.pre_test_score ELSE 0 END) AS pre_total",
            f"SUM(CASE WHEN {both_scores} THEN a.post_test_score ELSE 0 END) AS post_total",
        ]
    )
    counted_select = ", ".join(
        ["SUM(h.count) AS headcount", *(f"{sql} AS {name}" for name, sql in counted_by)]
    )
    columns = [*named_columns, *counted_columns]
    values = [f"COALESCE(n.{name}, 0)" for name in named_columns] + [
        f"COALESCE(hc.{name}, 0)" for name in counted_columns
    ]
    sql = f"""
        INSERT INTO {_table(KeptSession)} (
            session_id, date, group_id, district_id, province_id, next_of_group,
            month, quarter, following_month, following_quarter, {", ".join(columns)})
        SELECT s.id, s.date, g.id, d.id, d.province_id,
            COALESCE(LEAD(s.date) OVER (PARTITION BY s.group_id ORDER BY s.date, s.id),
                '{NO_NEXT_DATE}'),
            {_periods("s.date")}, {", ".join(values)}
        FROM {_table(TrainingSession)} s
        {_places_join("s.group_id")}
        LEFT JOIN (
            SELECT a.session_id, {named_select}
            FROM {_table(Attendance)} a JOIN {_table(Participant)} p ON p.id = a.participant_id
            {inner_where.replace("session_id", "a.session_id", 1)}
            GROUP BY a.session_id
        ) n ON n.session_id = s.id
        LEFT JOIN (
            SELECT h.session_id, {counted_select}
            FROM {_table(Headcount)} h {inner_where} GROUP BY h.session_id
        ) hc ON hc.session_id = s.id
        WHERE {COUNTED_SESSION} {where}
    """
    with connection.cursor() as cursor:
        inner = params if group_ids is not None else []
        cursor.execute(sql, [*inner, *inner, *COUNTED_PARAMS, *params])


def _in(column: str, keys: Iterable[int]) -> tuple[str, list[Any]]:
    ordered: list[Any] = sorted(keys)
    return f"AND {column} IN ({', '.join(['%s'] * len(ordered))})", ordered


def _column(rows: QuerySet, name: str) -> set[int]:
    return set(rows.order_by().values_list(name, flat=True).distinct())


@transaction.atomic
def kept_figures_rebuild() -> None:
    """Every kept row again from the trainings' tables (a first deploy, the benchmark)."""
    KeptFiguresChange.objects.all().delete()
    KeptAttendance.objects.all().delete()
    KeptSession.objects.all().delete()
    _insert_attendances("", [])
    _insert_sessions(None)
    kept_periods.rebuild()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (
                KeptAttendance,
                KeptSession,
                KeptDistrictPeriod,
                KeptPeoplePeriod,
                KeptPeopleToDate,
            ):
                cursor.execute(f"ANALYZE {_table(model)}")


def kept_figures_behind() -> bool:
    """Whether more changes wait than a request should apply (see IN_REQUEST_LIMIT)."""
    return KeptFiguresChange.objects.count() > IN_REQUEST_LIMIT


#: Set while a refresh task waits, so that readers queue one, not one each.
REFRESH_QUEUED = "trainings:kept-figures-refresh-queued"


def kept_figures_refresh_queue() -> None:
    """Ask the task worker for a refresh after the commit, unless one is waiting already."""
    from .tasks import kept_figures_refresh_task

    if cache.add(REFRESH_QUEUED, True, timeout=600):
        transaction.on_commit(kept_figures_refresh_task.enqueue)


def kept_figures_refresh_soon() -> bool:
    """In a request or a service: apply the recorded changes now if they are few, else
    leave them to the task after the commit. True if the kept figures are now current."""
    if kept_figures_behind():
        kept_figures_refresh_queue()
        return False
    kept_figures_refresh()
    return True


@transaction.atomic
def kept_figures_refresh() -> int:
    """Bring the kept rows up to date with every change recorded; returns how many.

    Inside a change's transaction it also sees that change's own records, so a service
    calling it leaves its transaction with the figures already right.
    """
    changes = list(
        KeptFiguresChange.objects.select_for_update()
        .order_by("pk")
        .values_list("pk", "kind", "key")
    )
    if not changes:
        return 0
    change_ids = [pk for pk, _kind, _key in changes]
    marked_people = {
        key for _pk, kind, key in changes if kind == KeptFiguresChange.Kind.PARTICIPANT
    }
    marked_sessions = {key for _pk, kind, key in changes if kind == KeptFiguresChange.Kind.SESSION}
    if len(marked_people) + len(marked_sessions) > FULL_REBUILD_ABOVE:
        kept_figures_rebuild()
        return len(changes)

    # People counted at a changed session, now or before; sessions whose sums hold a
    # changed person's sex; groups whose sessions changed (their `next_of_group`).
    people = (
        marked_people
        | _column(Attendance.objects.filter(session_id__in=marked_sessions), "participant_id")
        | _column(KeptAttendance.objects.filter(session_id__in=marked_sessions), "participant_id")
    )
    sessions = (
        marked_sessions
        | _column(Attendance.objects.filter(participant_id__in=marked_people), "session_id")
        | _column(KeptAttendance.objects.filter(participant_id__in=marked_people), "session_id")
    )
    groups = _column(TrainingSession.objects.filter(pk__in=sessions), "group_id") | _column(
        KeptSession.objects.filter(session_id__in=sessions), "group_id"
    )

    # Locked in id order, so two refreshes wait for each other rather than deadlock, and
    # the SQL below reads what the other one committed.
    list(Participant.objects.select_for_update().filter(pk__in=people).order_by("pk").values("pk"))
    list(YouthGroup.objects.select_for_update().filter(pk__in=groups).order_by("pk").values("pk"))
    if people:
        where, params = _in("participant_id", people)
        kept_by_difference = [
            (
                KeptPeoplePeriod,
                kept_periods.people_select(where),
                kept_periods.PEOPLE_KEYS,
                kept_periods.PEOPLE_VALUES,
            ),
            (
                KeptPeopleToDate,
                kept_periods.people_to_date_select(where),
                kept_periods.TO_DATE_KEYS,
                kept_periods.TO_DATE_VALUES,
            ),
        ]
        counted_before = [
            kept_periods.counts(select, params, keys)
            for _model, select, keys, _values in kept_by_difference
        ]
        KeptAttendance.objects.filter(participant_id__in=people).delete()
        _insert_attendances(*_in("a.participant_id", people))
        for (model, select, keys, values), old in zip(
            kept_by_difference, counted_before, strict=True
        ):
            after = kept_periods.counts(select, params, keys)
            kept_periods.add(model, keys, values, old, after)
    if groups:
        where, params = _in("group_id", groups)
        select, keys = kept_periods.sessions_select(where), kept_periods.SESSION_KEYS
        before = kept_periods.counts(select, params, keys)
        KeptSession.objects.filter(group_id__in=groups).delete()
        _insert_sessions(sorted(groups))
        after = kept_periods.counts(select, params, keys)
        kept_periods.add(KeptDistrictPeriod, keys, kept_periods.SESSION_VALUES, before, after)
    KeptFiguresChange.objects.filter(pk__in=change_ids).delete()
    return len(changes)
