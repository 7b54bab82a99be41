"""The programme report's figures read from the kept rows (`sessions.models.kept_figures`).

The same figures as the live selectors of `selectors.py`, which stay the reference (a
property test holds them equal after every kind of change), from a few small queries:
people are counted as rows (each person's last attendance in the range, by the `next_*`
date of the place the report is about), never as COUNT(DISTINCT) over a million rows.

While many changes wait for the task (a first deploy, a large import), the report is
counted live too: exact, slower, never behind.

A person's "last attendance" depends on the place counted in: the country, a province, a
district or a group. A report about several provinces but not all (an officer of two
provinces) has no such place, so it is counted live: `kept_figures` answers None.
"""

import datetime
from collections import Counter

from django.db import models
from django.db.models import Aggregate, Count, F, Q, QuerySet, Sum

from geography.models import District
from sessions.models import (
    AgeBand,
    KeptAttendance,
    KeptDistrictPeriod,
    KeptPeoplePeriod,
    KeptSession,
    Sex,
    TrainingSession,
)
from sessions.models.kept_figures import PeriodKind
from sessions.scoping import AnyUser, can_access_all_provinces, provinces_for_user

from .kept import kept_figures_refresh_soon
from .kept_columns import BAND_COLUMNS, SESSION_SUMS
from .kept_periods import PERIOD_COLUMNS
from .kept_to_date import (
    ToDate,
    kept_destinations,
    kept_people_by_place,
    kept_person_cells,
    people_to_date,
)
from .selectors import (
    QUARTER,
    ReportFilters,
    Row,
    _as_date,
    _next_period,
    _period_start,
    destination_rows,
    district_rows,
    knowledge_figures,
    period_rows,
    province_rows,
)

#: A range's end when it has none: before NO_NEXT_DATE, after every session.
OPEN_END = datetime.date(9999, 12, 30)


def _place_counted_in(
    *, user: AnyUser, filters: ReportFilters, everywhere: bool
) -> tuple[str, list[int] | None] | None:
    """The level of place people are counted once in, and the provinces the report may
    cover (None: all); None when the report's place is not one of the kept levels."""
    if everywhere or can_access_all_provinces(user):
        scope = None
    elif user is None or not user.is_authenticated:
        return None
    else:
        scope = list(provinces_for_user(user).values_list("pk", flat=True))
    if filters.group_id:
        return "group", scope
    if filters.district_id:
        return "district", scope
    if filters.province_id:
        return "province", scope
    if scope is None:
        return "national", scope
    return ("province", scope) if len(scope) == 1 else None


def _rows(model: type[models.Model], filters: ReportFilters, scope: list[int] | None) -> QuerySet:
    rows = model._default_manager.order_by()
    if scope is not None:
        rows = rows.filter(province_id__in=scope)
    if filters.date_from:
        rows = rows.filter(date__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(date__lte=filters.date_to)
    if filters.province_id:
        rows = rows.filter(province_id=filters.province_id)
    if filters.district_id:
        rows = rows.filter(district_id=filters.district_id)
    if filters.group_id:
        rows = rows.filter(group_id=filters.group_id)
    return rows


def _kind(filters: ReportFilters) -> tuple[str, tuple[str, str]]:
    """The kept period kind of the report, and its (period, following period) columns."""
    kind = PeriodKind.QUARTER if filters.period == QUARTER else PeriodKind.MONTH
    return kind, PERIOD_COLUMNS[kind]


def _whole_periods(filters: ReportFilters) -> tuple[datetime.date | None, datetime.date | None]:
    """The first day of the range's first whole period, and of the period after its last
    whole one (None where the range is open): whole periods are read summed."""
    lower = upper = None
    if filters.date_from:
        start = _period_start(filters.date_from, filters.period)
        lower = start if start == filters.date_from else _next_period(start, filters.period)
    if filters.date_to:
        upper = _period_start(filters.date_to + datetime.timedelta(days=1), filters.period)
    return lower, upper


def _in_whole_periods(
    lower: datetime.date | None, upper: datetime.date | None, field: str = "period"
) -> Q:
    """Within the whole periods (every period, for a range without dates)."""
    whole = Q(**{f"{field}__isnull": False})
    if lower:
        whole &= Q(**{f"{field}__gte": lower})
    if upper:
        whole &= Q(**{f"{field}__lt": upper})
    return whole


def _session_figures(
    *,
    level: str,
    filters: ReportFilters,
    scope: list[int] | None,
    end: datetime.date,
    breakdowns: bool,
) -> tuple[Counter, dict[str, list[dict]]]:
    """Sessions and their sums, and (`breakdowns`) sessions, attendances and groups by
    district and by period, by province always: whole periods from the kept district
    periods, the range's partial ones from its kept sessions, added up by the database.

    A group is counted in a period at its last session of the period."""
    kind, (period, following) = _kind(filters)
    lower, upper = _whole_periods(filters)
    sessions = _rows(KeptSession, filters, scope)
    # Each source: its rows, how to count their sessions and groups, its period column.
    sources: list[tuple[QuerySet, Aggregate, Aggregate, str]] = []
    if level != "group":
        # Periods kept by difference stay as rows of zeros once emptied: not "held there".
        districts = _rows(KeptDistrictPeriod, ReportFilters(), scope).filter(
            _in_whole_periods(lower, upper), kind=kind, sessions__gt=0
        )
        if filters.province_id:
            districts = districts.filter(province_id=filters.province_id)
        if filters.district_id:
            districts = districts.filter(district_id=filters.district_id)
        sources.append((districts, Sum("sessions"), Sum("groups"), "period"))
        sessions = sessions.exclude(_in_whole_periods(lower, upper, "date"))
    last_of_period = Q(next_of_group__gt=end) | Q(next_of_group__gte=F(following))
    sources.append((sessions, Count("pk"), Count("pk", filter=last_of_period), period))

    sums: Counter = Counter()
    rows: dict[str, list[dict]] = {"province_id": [], "district_id": [], "period": []}
    attended = Sum(F("named") + F("headcount"))
    for source, held, groups, period_column in sources:
        totals = source.aggregate(held_=held, **{f"{name}_": Sum(name) for name in SESSION_SUMS})
        sums.update({name.removesuffix("_"): value or 0 for name, value in totals.items()})
        places = ("province_id", "district_id") if breakdowns else ("province_id",)
        for place in places:
            rows[place] += source.values(place).annotate(held_=held, attended_=attended)
        if breakdowns:
            rows["period"] += source.values(period_=F(period_column)).annotate(
                held_=held, groups_=groups, attended_=attended
            )
    return sums, rows


def _groups_in_range(sessions: QuerySet, end: datetime.date) -> list[dict]:
    """Active groups by province and district: each at its last session in the range."""
    return list(
        sessions.filter(next_of_group__gt=end)
        .values("province_id", "district_id")
        .annotate(groups=Count("pk"))
    )


LEVELS = ("national", "province", "district", "group")


def _people_by_place(rows: QuerySet, level: str, end: datetime.date) -> QuerySet:
    """People reached by district and by province, in one pass over each person's last
    attendance in their district (their last in the province is one of those).

    Under a finer filter (a district, a group) every row is in that place, so a person is
    counted once in it: the filter's level decides."""

    def counted_in(place: str) -> str:
        return f"next_{max(place, level, key=LEVELS.index)}"

    return (
        rows.filter(**{f"{counted_in('district')}__gt": end})
        .values("province_id", "district_id")
        .annotate(
            in_district=Count("pk"),
            in_province=Count("pk", filter=Q(**{f"{counted_in('province')}__gt": end})),
        )
    )


def _people_by_period(
    *,
    level: str,
    node: int | None,
    attendances: QuerySet,
    filters: ReportFilters,
    next_field: str,
    end: datetime.date,
) -> dict:
    """People reached in each period: whole periods kept, partial ones counted as rows."""
    kind, (period, following) = _kind(filters)
    lower, upper = _whole_periods(filters)
    figures: Counter = Counter()
    if node is not None:
        whole = KeptPeoplePeriod.objects.filter(
            _in_whole_periods(lower, upper), level=level[0], node=node, kind=kind, people__gt=0
        )
        figures.update(dict(whole.values_list("period", "people")))
        attendances = attendances.exclude(_in_whole_periods(lower, upper, "date"))
    last_of_period = Q(**{f"{next_field}__gt": end}) | Q(**{f"{next_field}__gte": F(following)})
    counted = (
        attendances.filter(last_of_period).values(period=F(period)).annotate(people=Count("pk"))
    )
    figures.update({row["period"]: row["people"] for row in counted})
    return figures


def _node(level: str, filters: ReportFilters, scope: list[int] | None) -> int | None:
    """The place whose whole periods are kept for this report, or None: count rows."""
    if level == "national":
        return 0
    if level == "province":
        province = filters.province_id or (scope[0] if scope else None)
        return province if scope is None or province in scope else None
    if level == "district":
        province = (
            District.objects.filter(pk=filters.district_id or 0)
            .values_list("province_id", flat=True)
            .first()
        )
        return filters.district_id if scope is None or province in scope else None
    return None


def _add(figures: dict, key: object, **values: int) -> None:
    entry = figures.setdefault(key, {"sessions": 0, "groups": 0, "attendances": 0, "people": 0})
    for name, value in values.items():
        entry[name] += value


def kept_totals(*, user: AnyUser, filters: ReportFilters, everywhere: bool = False) -> dict | None:
    """The headline figures (`selectors.totals`) from the kept rows, or None (see above)."""
    figures = kept_figures(user=user, filters=filters, everywhere=everywhere, provinces=None)
    return None if figures is None else figures["totals"]


def kept_figures(
    *,
    user: AnyUser,
    filters: ReportFilters,
    provinces: QuerySet | None,
    everywhere: bool = False,
) -> dict | None:
    """Totals and breakdowns of the programme report from the kept rows, or None."""
    place = _place_counted_in(user=user, filters=filters, everywhere=everywhere)
    if place is None:
        return None
    level, scope = place
    if not kept_figures_refresh_soon():
        return None
    end = filters.date_to or OPEN_END
    next_field = f"next_{level}"
    sessions = _rows(KeptSession, filters, scope)
    attendances = _rows(KeptAttendance, filters, scope)

    sums, session_rows = _session_figures(
        level=level, filters=filters, scope=scope, end=end, breakdowns=provinces is not None
    )
    groups_rows = _groups_in_range(sessions, end)
    by_province: dict = {}
    by_district: dict = {}
    by_period: dict = {}
    for figures, column in ((by_province, "province_id"), (by_district, "district_id")):
        for row in session_rows[column]:
            _add(figures, row[column], sessions=row["held_"], attendances=row["attended_"] or 0)
    for row in session_rows["period"]:
        _add(
            by_period,
            _as_date(row["period_"]),
            sessions=row["held_"],
            groups=row["groups_"],
            attendances=row["attended_"] or 0,
        )
    for row in groups_rows:
        _add(by_province, row["province_id"], groups=row["groups"])
        _add(by_district, row["district_id"], groups=row["groups"])

    node = _node(level, filters, scope)
    # People of a range that runs to the latest attendance are kept summed by month; only
    # the days before its first whole month are counted from the attendances.
    to_date = people_to_date(level=level, node=node, filters=filters, attendances=attendances)
    counted = attendances if to_date is None else to_date.partial
    last_attendances = counted.filter(**{f"{next_field}__gt": end})
    people_cells = _person_cells(last_attendances)
    if to_date is not None:
        for key, cell in kept_person_cells(to_date).items():
            people_cells.setdefault(key, Counter()).update(cell)
    if provinces is not None:
        for row in _people_by_place(counted, level, end):
            _add(by_province, row["province_id"], people=row["in_province"])
            _add(by_district, row["district_id"], people=row["in_district"])
        if to_date is not None:
            in_provinces, in_districts = kept_people_by_place(to_date)
            for province, people in in_provinces.items():
                _add(by_province, province, people=people)
            for district, people in in_districts.items():
                _add(by_district, district, people=people)
        for key, people in _people_by_period(
            level=level,
            node=node,
            attendances=attendances,
            filters=filters,
            next_field=next_field,
            end=end,
        ).items():
            _add(by_period, _as_date(key), people=people)

    people = sum(cell["people"] for cell in people_cells.values())
    counted_sessions = TrainingSession.objects.filter(pk__in=sessions.values("session_id"))
    educators = TrainingSession.facilitators.through.objects.filter(
        trainingsession__in=sessions.values("session_id")
    ).aggregate(educators=Count("peereducator", distinct=True))["educators"]
    totals = {
        "sessions": sums["held"],
        "active_groups": sum(row["groups"] for row in groups_rows),
        "provinces_covered": len(
            {row["province_id"] for row in session_rows["province_id"] if row["held_"]}
        ),
        "active_peer_educators": educators,
        "named_attendances": sums["named"],
        "headcount_attendances": sums["headcount"],
        "attendances": sums["named"] + sums["headcount"],
        "people": people,
        "planning_to_migrate": sum(cell["planning"] for cell in people_cells.values()),
        "returned_migrants": sum(cell["returned"] for cell in people_cells.values()),
        "knowledge": knowledge_figures(
            scored=sums["scored"], pre_total=sums["pre_total"], post_total=sums["post_total"]
        ),
    }
    if provinces is None:
        return {"totals": totals}
    return {
        "sessions": counted_sessions,
        "totals": totals,
        "by_sex": [
            Row(
                key=sex.value,
                label=str(sex.label),
                attendances=sums[f"named_{sex.value}"] + sums[f"headcount_{sex.value}"],
                people=sum(
                    cell["people"]
                    for (cell_sex, _band), cell in people_cells.items()
                    if cell_sex == sex.value
                ),
            )
            for sex in Sex
        ],
        "by_age_band": [
            Row(
                key=band.value,
                label=str(band.label),
                attendances=sums[f"named_{BAND_COLUMNS[band]}"]
                + sums[f"headcount_{BAND_COLUMNS[band]}"],
                people=sum(
                    cell["people"]
                    for (_sex, cell_band), cell in people_cells.items()
                    if cell_band == band.value
                ),
            )
            for band in AgeBand
        ],
        "by_province": province_rows(by_province, provinces),
        "by_district": district_rows(by_district),
        "by_period": period_rows(by_period, filters),
        "destinations": _destinations(last_attendances, to_date),
    }


def _person_cells(last_attendances: QuerySet) -> dict[tuple[str, str], Counter]:
    """People by (sex, band), with those planning to migrate and returned migrants, of
    attendances that are each one person's last."""
    return {
        (row["sex"], row["age_band"]): Counter(
            people=row["people"], planning=row["planning"], returned=row["returned"]
        )
        for row in last_attendances.values("sex", "age_band").annotate(
            people=Count("pk"),
            planning=Count("pk", filter=Q(plans_to_migrate=True)),
            returned=Count("pk", filter=Q(returned_migrant=True)),
        )
    }


def _destinations(last_attendances: QuerySet, to_date: ToDate | None) -> list[Row]:
    """People planning to migrate by destination, most first."""
    people = Counter() if to_date is None else kept_destinations(to_date)
    people.update(
        dict(
            last_attendances.filter(plans_to_migrate=True)
            .values("destination")
            .annotate(people=Count("pk"))
            .values_list("destination", "people")
        )
    )
    return destination_rows(people)
