"""Every programme indicator, computed in the database: the one module reports read from.

Only verified sessions count. Each function takes the sessions of a report (from
`report_sessions`, which applies province scoping and the filters) and answers with
GROUP BY queries, never a loop over rows. The admin reports, the XLSX and PDF
exports, the dashboard panel and the public home page figures all call these.

Places are those of the session's youth group (commune → district → province), as in
`sessions.scoping`, so a report by province holds what that province's officers see.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import CharField, Count, F, Max, Q, QuerySet, Sum, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce, Concat, Trim, TruncMonth, TruncQuarter

from curriculum.models import PrintedFileDownload
from curriculum.print_variants import LESSON_VARIANTS, PrintVariant
from geography.models import District, Province
from sessions.models import AgeBand, Attendance, Headcount, Participant, Sex, TrainingSession
from sessions.scoping import AnyUser, provinces_for_user, training_sessions_for_user

from .lesson_reach import LessonReachSource, lesson_reach_sources

MONTH, QUARTER = "month", "quarter"
PROVINCE_OF_SESSION = "group__commune__district__province"
DISTRICT_OF_SESSION = "group__commune__district"


@dataclass(frozen=True)
class ReportFilters:
    """What a report covers: a date range, a place, and the period its time series uses."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    province_id: int | None = None
    district_id: int | None = None
    group_id: int | None = None
    period: str = MONTH


@dataclass
class Row:
    """One line of a breakdown: a key, its label, and the figures for it."""

    key: object
    label: str
    sessions: int | None = None
    attendances: int = 0
    people: int | None = 0
    extra: dict = field(default_factory=dict)


def report_sessions(*, user: AnyUser, filters: ReportFilters, everywhere: bool = False) -> QuerySet:
    """The verified community sessions a report counts: the user's provinces, narrowed by
    the filters. Trainings of trainers are not among them (see docs/decisions.md).

    `everywhere` is for the public figures only, which cover the whole country.
    """
    sessions = TrainingSession.objects.all() if everywhere else training_sessions_for_user(user)
    # A training of trainers reaches champions, not communities: its figures are the
    # cascade's (sessions.reports.cascade), so no one is counted as reached twice over.
    sessions = sessions.filter(
        status=TrainingSession.Status.VERIFIED, is_training_of_trainers=False
    )
    if filters.date_from:
        sessions = sessions.filter(date__gte=filters.date_from)
    if filters.date_to:
        sessions = sessions.filter(date__lte=filters.date_to)
    if filters.province_id:
        sessions = sessions.filter(**{f"{PROVINCE_OF_SESSION}_id": filters.province_id})
    if filters.district_id:
        sessions = sessions.filter(**{f"{DISTRICT_OF_SESSION}_id": filters.district_id})
    if filters.group_id:
        sessions = sessions.filter(group_id=filters.group_id)
    return sessions.order_by()


def report_provinces(
    *, user: AnyUser, filters: ReportFilters, everywhere: bool = False
) -> QuerySet:
    """The provinces a report is about: the user's, or the one filtered on."""
    provinces = Province.objects.all() if everywhere else provinces_for_user(user)
    if filters.province_id:
        provinces = provinces.filter(pk=filters.province_id)
    if filters.district_id:
        provinces = provinces.filter(districts__pk=filters.district_id)
    return provinces.order_by("code")


def _attendances(sessions: QuerySet) -> QuerySet:
    return Attendance.objects.filter(session__in=sessions.values("pk")).order_by()


def _headcounts(sessions: QuerySet) -> QuerySet:
    return Headcount.objects.filter(session__in=sessions.values("pk")).order_by()


# -- Headline figures ----------------------------------------------------------------------


@dataclass
class PeopleFigures:
    """What one pass over the named attendances, person by person, tells.

    `cells` maps (sex, latest age band) to [people, attendances]; the rest are totals.
    """

    cells: dict
    people: int = 0
    attendances: int = 0
    planning_to_migrate: int = 0
    returned_migrants: int = 0
    scored: int = 0
    pre_total: int = 0
    post_total: int = 0


def people_figures(sessions: QuerySet) -> PeopleFigures:
    """People reached, by sex and latest age band, with their answers and scores: one query.

    The inner query groups the attendances by person (their count, highest age band and
    test scores); the outer one joins each person once to their sex and answers and
    groups by sex and band. Every distinct-people figure of the report's headline, by sex
    and by age band, comes from it, instead of a COUNT(DISTINCT) over the attendances each.
    """
    scored = Q(pre_test_score__isnull=False, post_test_score__isnull=False)
    per_person = (
        _attendances(sessions)
        .values("participant")
        .annotate(
            n=Count("pk"),
            # The day and band of the latest attendance as one text ("2026-03-0718-24"):
            # its maximum is the latest day, with that day's highest band.
            band=Max(Concat(Cast("session__date", CharField()), "age_band")),
            scored=Count("pk", filter=scored),
            pre=Sum("pre_test_score", filter=scored),
            post=Sum("post_test_score", filter=scored),
        )
    )
    sql, params = per_person.query.sql_with_params()
    connection = connections[per_person.db]
    quote = connection.ops.quote_name
    participants = quote(Participant._meta.db_table)
    column = {name: f"per_person.{quote(name)}" for name in ("participant", "n", "band")}
    band = f"SUBSTR({column['band']}, {len('YYYY-MM-DD') + 1})"
    query = f"""
        SELECT person.{quote("sex")}, {band}, COUNT(*), SUM({column["n"]}),
            SUM(CASE WHEN person.{quote("plans_to_migrate")} THEN 1 ELSE 0 END),
            SUM(CASE WHEN person.{quote("returned_migrant")} THEN 1 ELSE 0 END),
            SUM(per_person.{quote("scored")}), SUM(per_person.{quote("pre")}),
            SUM(per_person.{quote("post")})
        FROM ({sql}) per_person
        JOIN {participants} person ON person.{quote("id")} = {column["participant"]}
        GROUP BY person.{quote("sex")}, {band}
    """  # noqa: S608 - names quoted by the backend, values passed as parameters
    figures = PeopleFigures(cells={})
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for sex, band, people, attendances, planning, returned, tested, pre, post in cursor:
            figures.cells[(sex, band)] = [people, attendances]
            figures.people += people
            figures.attendances += attendances
            figures.planning_to_migrate += planning or 0
            figures.returned_migrants += returned or 0
            figures.scored += tested or 0
            figures.pre_total += pre or 0
            figures.post_total += post or 0
    return figures


def totals(sessions: QuerySet, people: PeopleFigures | None = None) -> dict:
    """Sessions, attendances (named and headcount), people reached and who they were.

    People reached are distinct named participants; headcounts add to attendances only.
    Four queries (three if `people` was computed already), whatever the number of rows.
    """
    session_figures = sessions.aggregate(
        sessions=Count("pk"),
        groups=Count("group", distinct=True),
        provinces=Count(PROVINCE_OF_SESSION, distinct=True),
    )
    people = people if people is not None else people_figures(sessions)
    headcount = _headcounts(sessions).aggregate(total=Coalesce(Sum("count"), 0))["total"]
    educators = TrainingSession.facilitators.through.objects.filter(
        trainingsession__in=sessions.values("pk")
    ).aggregate(educators=Count("peereducator", distinct=True))["educators"]
    return {
        "sessions": session_figures["sessions"],
        "active_groups": session_figures["groups"],
        "provinces_covered": session_figures["provinces"],
        "active_peer_educators": educators,
        "named_attendances": people.attendances,
        "headcount_attendances": headcount,
        "attendances": people.attendances + headcount,
        "people": people.people,
        "planning_to_migrate": people.planning_to_migrate,
        "returned_migrants": people.returned_migrants,
        "knowledge": knowledge_figures(
            scored=people.scored, pre_total=people.pre_total, post_total=people.post_total
        ),
    }


def knowledge_figures(*, scored: int, pre_total: int, post_total: int) -> dict:
    """Mean test scores before and after, and the gain, of the attendances with both."""
    mean_pre = pre_total / scored if scored else None
    mean_post = post_total / scored if scored else None
    return {
        "scored_attendances": scored,
        "mean_pre": _rounded(mean_pre),
        "mean_post": _rounded(mean_post),
        "gain": (
            _rounded(mean_post - mean_pre)
            if mean_pre is not None and mean_post is not None
            else None
        ),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


# -- Breakdowns ----------------------------------------------------------------------------


def by_sex(sessions: QuerySet, people: PeopleFigures | None = None) -> list[Row]:
    """Attendances and people reached by sex (female, male, prefers not to say)."""
    people = people if people is not None else people_figures(sessions)
    named: dict = {}
    for (sex, __), (persons, attendances) in people.cells.items():
        entry = named.setdefault(sex, [0, 0])
        entry[0] += persons
        entry[1] += attendances
    counted = dict(
        _headcounts(sessions).values("sex").annotate(total=Sum("count")).values_list("sex", "total")
    )
    return [
        Row(
            key=sex.value,
            label=str(sex.label),
            attendances=named.get(sex.value, [0, 0])[1] + counted.get(sex.value, 0),
            people=named.get(sex.value, [0, 0])[0],
        )
        for sex in Sex
    ]


def by_age_band(sessions: QuerySet, people: PeopleFigures | None = None) -> list[Row]:
    """Attendances by the age band on the day; people by their band at their latest session.

    A person who moved up a band during the period counts once, in their band at their
    latest session (the highest, if two that day), so the bands add up to the people reached.
    """
    people = people if people is not None else people_figures(sessions)
    latest: dict = {}
    for (__, band), (persons, __attendances) in people.cells.items():
        latest[band] = latest.get(band, 0) + persons
    attendances = dict(
        _attendances(sessions)
        .values("age_band")
        .annotate(n=Count("pk"))
        .values_list("age_band", "n")
    )
    counted = dict(
        _headcounts(sessions)
        .values("age_band")
        .annotate(total=Sum("count"))
        .values_list("age_band", "total")
    )
    return [
        Row(
            key=band.value,
            label=str(band.label),
            attendances=attendances.get(band.value, 0) + counted.get(band.value, 0),
            people=latest.get(band.value, 0),
        )
        for band in AgeBand
    ]


def _by_key(
    sessions: QuerySet,
    session_key: str,
    key_expression: Callable[[str], Combinable] | None = None,
) -> dict:
    """Sessions, groups, attendances and people per value of a session field, in 3 queries."""
    session_expression = key_expression(session_key) if key_expression else F(session_key)
    figures: dict = {}
    for row in (
        sessions.values(key=session_expression)
        .annotate(sessions=Count("pk"), groups=Count("group", distinct=True))
        .order_by()
    ):
        figures[row["key"]] = {**row, "attendances": 0, "people": 0}
    prefixed = f"session__{session_key}"
    named_expression = key_expression(prefixed) if key_expression else F(prefixed)
    for row in (
        _attendances(sessions)
        .values(key=named_expression)
        .annotate(attendances=Count("pk"), people=Count("participant", distinct=True))
    ):
        entry = figures.setdefault(row["key"], {"sessions": 0, "groups": 0, "attendances": 0})
        entry["attendances"] += row["attendances"]
        entry["people"] = row["people"]
    for row in _headcounts(sessions).values(key=named_expression).annotate(total=Sum("count")):
        entry = figures.setdefault(row["key"], {"sessions": 0, "groups": 0, "attendances": 0})
        entry["attendances"] += row["total"]
        entry.setdefault("people", 0)
    return figures


def by_province(sessions: QuerySet, provinces: QuerySet) -> list[Row]:
    """Every province of the report, with none left out (the map shades them all)."""
    return province_rows(_by_key(sessions, f"{PROVINCE_OF_SESSION}_id"), provinces)


def province_rows(figures: dict, provinces: QuerySet) -> list[Row]:
    """Rows of figures by province id (sessions, groups, attendances, people)."""
    return [
        Row(
            key=province.code,
            label=province.name,
            sessions=figures.get(province.pk, {}).get("sessions", 0),
            attendances=figures.get(province.pk, {}).get("attendances", 0),
            people=figures.get(province.pk, {}).get("people", 0),
            extra={"groups": figures.get(province.pk, {}).get("groups", 0), "pk": province.pk},
        )
        for province in provinces
    ]


def by_district(sessions: QuerySet) -> list[Row]:
    """The districts where sessions were held, by province and district code."""
    return district_rows(_by_key(sessions, f"{DISTRICT_OF_SESSION}_id"))


def district_rows(figures: dict) -> list[Row]:
    """Rows of figures by district id, for the districts that have any."""
    districts = District.objects.filter(pk__in=figures).select_related("province")
    return [
        Row(
            key=district.code,
            label=district.name,
            sessions=figures[district.pk]["sessions"],
            attendances=figures[district.pk]["attendances"],
            people=figures[district.pk].get("people", 0),
            extra={"province": district.province.name, "groups": figures[district.pk]["groups"]},
        )
        for district in districts.order_by("code")
    ]


def _period_start(day: datetime.date, period: str) -> datetime.date:
    if period == QUARTER:
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day.replace(day=1)


def _next_period(day: datetime.date, period: str) -> datetime.date:
    months = 3 if period == QUARTER else 1
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def period_label(day: datetime.date, period: str) -> str:
    if period == QUARTER:
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def by_period(sessions: QuerySet, filters: ReportFilters) -> list[Row]:
    """Month by month (or quarter by quarter), with empty periods shown as zero."""
    trunc = TruncQuarter if filters.period == QUARTER else TruncMonth
    return period_rows(_by_key(sessions, "date", key_expression=lambda name: trunc(name)), filters)


def period_rows(figures: dict, filters: ReportFilters) -> list[Row]:
    """Rows of figures by the first day of each period, empty periods shown as zero."""
    days = [_as_date(key) for key in figures if key is not None]
    figures = {_as_date(key): value for key, value in figures.items() if key is not None}
    if not days and not (filters.date_from and filters.date_to):
        return []
    first = _period_start(filters.date_from or min(days), filters.period)
    last = _period_start(filters.date_to or max(days), filters.period)
    rows: list[Row] = []
    day = first
    while day <= last and len(rows) < 240:  # 20 years of months at most
        entry = figures.get(day, {})
        rows.append(
            Row(
                key=day,
                label=period_label(day, filters.period),
                sessions=entry.get("sessions", 0),
                attendances=entry.get("attendances", 0),
                people=entry.get("people", 0),
            )
        )
        day = _next_period(day, filters.period)
    return rows


def _as_date(value: datetime.date | str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):  # SQLite may hand back text
        return datetime.date.fromisoformat(value[:10])
    return value


# -- Migration -----------------------------------------------------------------------------


def planning_to_migrate_by_destination(sessions: QuerySet) -> list[Row]:
    """People reached who plan to migrate, by the destination they gave (most first)."""
    rows = (
        _attendances(sessions)
        .filter(participant__plans_to_migrate=True)
        .values(destination=Trim("participant__destination"))
        .annotate(people=Count("participant", distinct=True))
        .order_by()
    )
    return destination_rows({row["destination"]: row["people"] for row in rows})


def destination_rows(people: dict[str, int]) -> list[Row]:
    """Rows of people by destination, most first, then by name as written: ordered here,
    not by the database, whose collation would order the ties differently from one
    server to another (and from the kept figures, which add two counts)."""
    return [
        Row(key=destination, label=destination, people=count)
        for destination, count in sorted(people.items(), key=lambda item: (-item[1], item[0]))
        if count
    ]


# -- Lessons -------------------------------------------------------------------------------


def lessons_taught(
    sessions: QuerySet,
    provinces: QuerySet,
    *,
    reach: Sequence[tuple[LessonReachSource, dict[int, int]]] = (),
    threshold: int = 0,
) -> dict:
    """Each lesson: sessions that taught it, where, and the report's provinces not reached.

    Also the provinces where no lesson at all was taught in the report's period. `reach`
    holds the other apps' counts of the lesson (`lesson_reach`), each a column of its own
    (`reach_columns`), never added into the sessions; a count under `threshold` reads None.
    """
    from sessions.models import SessionLesson

    rows = (
        SessionLesson.objects.filter(session__in=sessions.values("pk"))
        .values("lesson_id", province_id=F(f"session__{PROVINCE_OF_SESSION}_id"))
        .annotate(sessions=Count("session", distinct=True))
        .order_by()
    )
    province_list = list(provinces)
    names = {province.pk: province.name for province in province_list}
    per_lesson: dict[int, dict[int, int]] = {}
    for row in rows:
        per_lesson.setdefault(row["lesson_id"], {})[row["province_id"]] = row["sessions"]
    reached_otherwise = {lesson_id for _source, counts in reach for lesson_id in counts}
    from curriculum.models import LessonPage

    titles = dict(
        LessonPage.objects.filter(pk__in={*per_lesson, *reached_otherwise}).values_list(
            "pk", "title"
        )
    )
    lessons = []
    for lesson_id in {*per_lesson, *reached_otherwise}:
        where = per_lesson.get(lesson_id, {})
        lessons.append(
            {
                "lesson_id": lesson_id,
                "title": titles.get(lesson_id, ""),
                "sessions": sum(where.values()),
                "reach": [
                    _shown_count(counts.get(lesson_id, 0), threshold) for _source, counts in reach
                ],
                "provinces": [
                    {"name": names.get(pk, ""), "sessions": count}
                    for pk, count in sorted(where.items(), key=lambda item: -item[1])
                ],
                "provinces_not_reached": [
                    province.name for province in province_list if province.pk not in where
                ],
            }
        )
    lessons.sort(key=lambda lesson: (-lesson["sessions"], lesson["title"]))
    taught_anywhere = {pk for where in per_lesson.values() for pk in where}
    return {
        "lessons": lessons,
        "reach_columns": [source.label for source, _counts in reach],
        "provinces_without_lesson": [
            province.name for province in province_list if province.pk not in taught_anywhere
        ],
    }


def _shown_count(value: int, threshold: int) -> int | None:
    """None for a count of 1 to `threshold` - 1, which could point at a person."""
    return None if 0 < value < threshold else value


def lesson_reach(*, user: AnyUser, filters: ReportFilters) -> list:
    """Each registered source of lesson reach with its counts for this viewer and filters."""
    return [(source, source.counts(user, filters)) for source in lesson_reach_sources()]


# -- Downloads -----------------------------------------------------------------------------


def handout_downloads(filters: ReportFilters) -> list[Row]:
    """Downloads of lesson handouts and lesson plans, by lesson and language.

    Downloads are counted without a place (no personal data), so only the dates apply.
    """
    downloads = PrintedFileDownload.objects.filter(variant__in=LESSON_VARIANTS)
    if filters.date_from:
        downloads = downloads.filter(day__gte=filters.date_from)
    if filters.date_to:
        downloads = downloads.filter(day__lte=filters.date_to)
    rows = (
        downloads.values("page_id", "page__title", "locale__language_code")
        .annotate(
            handouts=Coalesce(Sum("count", filter=Q(variant=PrintVariant.HANDOUT)), Value(0)),
            lesson_plans=Coalesce(
                Sum("count", filter=Q(variant=PrintVariant.LESSON_PLAN)), Value(0)
            ),
            total=Sum("count"),
        )
        .order_by("-total", "page__title")
    )
    return [
        Row(
            key=row["page_id"],
            label=row["page__title"],
            attendances=row["total"],
            people=None,
            extra={
                "language": row["locale__language_code"],
                "handouts": row["handouts"],
                "lesson_plans": row["lesson_plans"],
            },
        )
        for row in rows
    ]


# -- Everything for one report -------------------------------------------------------------


def programme_report(*, user: AnyUser, filters: ReportFilters, live: bool = False) -> dict:
    """All the indicators of the main report, for the screen and the exports alike.

    `live` counts every figure from the trainings' own tables: the reference the kept
    figures are checked against.
    """
    # The crosstab's rule of who sees small counts (it imports this module, hence here).
    from .crosstab import suppression_threshold
    from .kept_selectors import kept_figures

    provinces = report_provinces(user=user, filters=filters)
    figures = None if live else kept_figures(user=user, filters=filters, provinces=provinces)
    if figures is None:
        sessions = report_sessions(user=user, filters=filters)
        people = people_figures(sessions)
        figures = {
            "sessions": sessions,
            "totals": totals(sessions, people),
            "by_sex": by_sex(sessions, people),
            "by_age_band": by_age_band(sessions, people),
            "by_province": by_province(sessions, provinces),
            "by_district": by_district(sessions),
            "by_period": by_period(sessions, filters),
            "destinations": planning_to_migrate_by_destination(sessions),
        }
    sessions = figures.pop("sessions")
    return {
        "filters": filters,
        **figures,
        "lessons": lessons_taught(
            sessions,
            provinces,
            reach=lesson_reach(user=user, filters=filters),
            threshold=suppression_threshold(user),
        ),
        "downloads": handout_downloads(filters),
    }


def month_figures(*, user: AnyUser, month: datetime.date) -> dict:
    """Sessions, attendances and people reached in the calendar month holding `month`."""
    first = month.replace(day=1)
    last = _next_period(first, MONTH) - datetime.timedelta(days=1)
    from .kept_selectors import kept_totals

    filters = ReportFilters(date_from=first, date_to=last)
    figures = kept_totals(user=user, filters=filters)
    if figures is None:
        figures = totals(report_sessions(user=user, filters=filters))
    return {key: figures[key] for key in ("sessions", "attendances", "people")}


def sessions_awaiting_verification(*, user: AnyUser) -> int:
    """Submitted sessions of the user's provinces, waiting for an officer to verify them."""
    return training_sessions_for_user(user).filter(status=TrainingSession.Status.SUBMITTED).count()


def national_figures() -> dict:
    """The country's headline figures for the public home page (no personal data)."""
    from .kept_selectors import kept_totals

    figures = kept_totals(user=None, filters=ReportFilters(), everywhere=True)
    assert figures is not None  # the whole country is always kept
    return {
        "people": figures["people"],
        "sessions": figures["sessions"],
        "provinces": figures["provinces_covered"],
    }
