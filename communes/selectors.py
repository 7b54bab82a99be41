"""The commune registers' figures, counted in the database from what the viewer may read.

Every figure starts from `scoping.movements_for_user` (or the sightings' equivalent), so a
table holds only the communes the viewer reaches, and is one GROUP BY query. The counts
come back whole (`CountTable`); `shown` hides the small ones (`suppression`) for everyone
but national officers (`scoping.sees_exact_figures`), so every screen and export that
shows a figure goes through one gate.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .choices import (
    Channel,
    MovementKind,
    PassportHolder,
    RecruiterKind,
    ReportedTo,
    ReturnReason,
    Sector,
)
from .figure_links import FiguresChanged, shown_linked
from .models import Movement, RecruitmentActivity
from .scoping import (
    AnyUser,
    movements_for_user,
    recruitment_activities_for_user,
    sees_exact_figures,
)
from .suppression import SuppressedTable, suppress_table

#: How many times the figures are counted before two tables' disagreeing is an error.
ATTEMPTS = 3

#: The columns of the tables of departures and returns, in this order.
KINDS = (MovementKind.DEPARTURE, MovementKind.RETURN)


@dataclass(frozen=True)
class FigureFilters:
    """What the figures cover: a period (both days included) and a place, all optional."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    province_id: int | None = None
    district_id: int | None = None
    commune_id: int | None = None


@dataclass(frozen=True)
class CountTable:
    """Counts by row and column, with the labels a reader sees; no count hidden yet."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_keys: tuple[object, ...] = ()
    #: For places: each row's place (its id) and the place it lies in (a district's province).
    row_ids: tuple[object, ...] = ()
    row_parents: tuple[object, ...] = ()


def _place_q(filters: FigureFilters) -> Q:
    condition = Q()
    if filters.commune_id is not None:
        condition &= Q(commune_id=filters.commune_id)
    if filters.district_id is not None:
        condition &= Q(commune__district_id=filters.district_id)
    if filters.province_id is not None:
        condition &= Q(commune__district__province_id=filters.province_id)
    return condition


def figure_movements(*, user: AnyUser, filters: FigureFilters) -> QuerySet[Movement]:
    """The movements the figures count: the viewer's communes, narrowed by the filters."""
    movements = movements_for_user(user).filter(_place_q(filters))
    if filters.date_from is not None:
        movements = movements.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        movements = movements.filter(date__lte=filters.date_to)
    return movements.order_by()


def figure_recruitment_activities(
    *, user: AnyUser, filters: FigureFilters
) -> QuerySet[RecruitmentActivity]:
    activities = recruitment_activities_for_user(user).filter(_place_q(filters))
    if filters.date_from is not None:
        activities = activities.filter(seen_on__gte=filters.date_from)
    if filters.date_to is not None:
        activities = activities.filter(seen_on__lte=filters.date_to)
    return activities.order_by()


def register_years(user: AnyUser) -> list[int]:
    """The years with a record this user may read, newest first; this year when there is none."""
    years = {day.year for day in movements_for_user(user).dates("date", "year")}
    years |= {day.year for day in recruitment_activities_for_user(user).dates("seen_on", "year")}
    return sorted(years, reverse=True) or [timezone.localdate().year]


def _local_name(prefix: str) -> Callable[[Mapping[str, Any]], str]:
    """The place's or country's name in the reader's language (the other where it is empty).

    The language is read once per table: read for each of a table's thousands of rows, it
    cost more than the query.
    """
    english_first = get_language() == "en"

    def name(row: Mapping[str, Any]) -> str:
        khmer, english = row[f"{prefix}name_km"] or "", row[f"{prefix}name_en"] or ""
        return (english or khmer) if english_first else (khmer or english)

    return name


def _by_kind(
    movements: QuerySet[Movement],
    key: str | Any,
    label: Callable[[Mapping[str, Any]], str],
    extra: Iterable[str] = (),
    place: tuple[str, str | None] | None = None,
) -> CountTable:
    """Departures and returns by `key` (a field, or an expression), rows in the key's order.

    `place`: the fields of the row's place id and of the place it lies in, kept for the
    lines that tie the tables of places together (`figure_links`).
    """
    place_fields = [field for field in place or () if field]
    grouped = (
        movements.annotate(figure_key=key if not isinstance(key, str) else F(key))
        .values("figure_key", "kind", *extra, *place_fields)
        .annotate(count=Count("pk"))
        .order_by("figure_key")
    )
    rows: dict[object, list[int]] = {}
    labels: dict[object, str] = {}
    places: dict[object, tuple[object, object]] = {}
    for row in grouped:
        counts = rows.setdefault(row["figure_key"], [0] * len(KINDS))
        counts[KINDS.index(row["kind"])] += row["count"]
        labels[row["figure_key"]] = label(row)
        if place:
            identity, parent = place
            places[row["figure_key"]] = (row[identity], row[parent] if parent else None)
    return CountTable(
        row_labels=tuple(labels[key_value] for key_value in rows),
        column_labels=tuple(str(kind.label) for kind in KINDS),
        counts=tuple(tuple(counts) for counts in rows.values()),
        row_keys=tuple(rows),
        row_ids=tuple(places[key_value][0] for key_value in rows) if place else (),
        row_parents=tuple(places[key_value][1] for key_value in rows) if place else (),
    )


def by_month(movements: QuerySet[Movement]) -> CountTable:
    def label(row: Mapping[str, Any]) -> str:
        month = row["figure_key"]
        if isinstance(month, str):  # SQLite may hand back text
            month = datetime.date.fromisoformat(month[:10])
        return f"{month:%Y-%m}"

    return _by_kind(movements, TruncMonth("date"), label)


def by_commune(movements: QuerySet[Movement], *, places: bool = False) -> CountTable:
    return _by_kind(
        movements,
        "commune__code",
        _local_name("commune__"),
        extra=("commune__name_km", "commune__name_en"),
        place=("commune_id", "commune__district_id") if places else None,
    )


def by_district(movements: QuerySet[Movement], *, places: bool = False) -> CountTable:
    return _by_kind(
        movements,
        "commune__district__code",
        _local_name("commune__district__"),
        extra=("commune__district__name_km", "commune__district__name_en"),
        place=("commune__district_id", "commune__district__province_id") if places else None,
    )


def by_province(movements: QuerySet[Movement], *, places: bool = False) -> CountTable:
    return _by_kind(
        movements,
        "commune__district__province__code",
        _local_name("commune__district__province__"),
        extra=("commune__district__province__name_km", "commune__district__province__name_en"),
        place=("commune__district__province_id", None) if places else None,
    )


def by_destination(movements: QuerySet[Movement]) -> CountTable:
    """By country abroad, and for work inside Cambodia by province (its code, never a country's)."""
    abroad = _by_kind(
        movements.filter(destination_country__isnull=False),
        "destination_country__code",
        _local_name("destination_country__"),
        extra=("destination_country__name_km", "destination_country__name_en"),
    )
    province_name = _local_name("destination_province__")
    inside = _by_kind(
        movements.filter(destination_province__isnull=False),
        "destination_province__code",
        lambda row: _("%(province)s (Cambodia)") % {"province": province_name(row)},
        extra=("destination_province__name_km", "destination_province__name_en"),
    )
    return CountTable(
        row_labels=abroad.row_labels + inside.row_labels,
        column_labels=abroad.column_labels,
        counts=abroad.counts + inside.counts,
        row_keys=abroad.row_keys + inside.row_keys,
    )


def _choice_label(choices: type[Any]) -> Callable[[Mapping[str, Any]], str]:
    labels = dict(choices.choices)
    return lambda row: str(labels.get(row["figure_key"], row["figure_key"]))


def by_sector(movements: QuerySet[Movement]) -> CountTable:
    return _by_kind(movements, "sector", _choice_label(Sector))


def by_channel(movements: QuerySet[Movement]) -> CountTable:
    return _by_kind(movements, "channel", _choice_label(Channel))


def _one_column(
    queryset: QuerySet[Any], field: str, choices: type[Any], column_label: str
) -> CountTable:
    """Counts by a choice field, one row for each choice (zeros included), in the choices' order."""
    found = {
        row[field]: row["count"]
        for row in queryset.values(field).annotate(count=Count("pk")).order_by(field)
    }
    return CountTable(
        row_labels=tuple(str(label) for _value, label in choices.choices),
        column_labels=(column_label,),
        counts=tuple((found.get(value, 0),) for value, _label in choices.choices),
        row_keys=tuple(value for value, _label in choices.choices),
    )


def licensed_agency_share(movements: QuerySet[Movement]) -> CountTable:
    """Departures through an agency of the register, against all others."""
    counts = movements.filter(kind=MovementKind.DEPARTURE).aggregate(
        licensed=Count("pk", filter=Q(channel=Channel.LICENSED_AGENCY)),
        other=Count("pk", filter=~Q(channel=Channel.LICENSED_AGENCY)),
    )
    return CountTable(
        row_labels=(_("through an agency of the register"), _("any other way")),
        column_labels=(_("departures"),),
        counts=((counts["licensed"],), (counts["other"],)),
        row_keys=("licensed", "other"),
    )


def fees_against_cap(movements: QuerySet[Movement]) -> CountTable:
    """Departures to a country with a fee cap, by country: within the cap, above, unknown."""
    with_cap = movements.filter(
        kind=MovementKind.DEPARTURE, destination_country__fee_cap__isnull=False
    )
    cap = F("destination_country__fee_cap__amount_usd")
    grouped = (
        with_cap.values(
            "destination_country__code",
            "destination_country__name_km",
            "destination_country__name_en",
        )
        .annotate(
            within=Count("pk", filter=Q(fees_paid_usd__lte=cap)),
            above=Count("pk", filter=Q(fees_paid_usd__gt=cap)),
            unknown=Count("pk", filter=Q(fees_paid_usd__isnull=True)),
        )
        .order_by("destination_country__code")
    )
    rows = list(grouped)
    country_name = _local_name("destination_country__")
    return CountTable(
        row_labels=tuple(country_name(row) for row in rows),
        column_labels=(_("within the cap"), _("above the cap"), _("fees not known")),
        counts=tuple((row["within"], row["above"], row["unknown"]) for row in rows),
        row_keys=tuple(row["destination_country__code"] for row in rows),
    )


def passport_holders(movements: QuerySet[Movement]) -> CountTable:
    """Who holds the passport of the people who left (the agency or broker's row is the alarm)."""
    return _one_column(
        movements.filter(kind=MovementKind.DEPARTURE),
        "passport_holder",
        PassportHolder,
        _("departures"),
    )


def returns_by_reason(movements: QuerySet[Movement]) -> CountTable:
    return _one_column(
        movements.filter(kind=MovementKind.RETURN), "return_reason", ReturnReason, _("returns")
    )


def unlicensed_recruiters_reported(activities: QuerySet[RecruitmentActivity]) -> CountTable:
    """Recruiters seen, not on the register or not licensed, by whom they were reported to."""
    unlicensed = activities.filter(Q(recruiter_kind=RecruiterKind.BROKER) | Q(licensed="no"))
    return _one_column(unlicensed, "reported_to", ReportedTo, _("recruiters seen"))


def shown(table: CountTable, *, exact: bool) -> SuppressedTable:
    """The table as the viewer sees it: whole for national officers, else small counts hidden."""
    threshold = 0 if exact else settings.REGISTER_SMALL_COUNT
    return suppress_table(table.counts, threshold=threshold)


@dataclass(frozen=True)
class ShownRow:
    """A line of a table as the page prints it: None where a count is hidden."""

    label: str
    values: tuple[int | None, ...]


@dataclass(frozen=True)
class Figure:
    """One table of the figures page: its key, title, counts, and the counts as shown."""

    key: str
    title: str
    table: CountTable
    shown: SuppressedTable

    @property
    def rows_have_totals(self) -> bool:
        """A one-column table's row totals repeat its cells: they are left out."""
        return len(self.table.column_labels) > 1

    @property
    def rows(self) -> list[ShownRow]:
        """Each row with its total, then the columns' totals and the grand total."""
        width = len(self.table.column_labels)
        lines = []
        for row, label in enumerate(self.table.row_labels):
            values = [self.shown.cell(row, column) for column in range(width)]
            if self.rows_have_totals:
                values.append(self.shown.row_total(row))
            lines.append(ShownRow(label, tuple(values)))
        totals = [self.shown.column_total(column) for column in range(width)]
        if self.rows_have_totals:
            totals.append(self.shown.grand())
        lines.append(ShownRow(_("total"), tuple(totals)))
        return lines


def _register_figures(*, user: AnyUser, filters: FigureFilters) -> list[Figure]:
    movements = figure_movements(user=user, filters=filters)
    activities = figure_recruitment_activities(user=user, filters=filters)
    exact = sees_exact_figures(user)
    tables: list[tuple[str, str, CountTable]] = [
        ("month", _("Departures and returns by month"), by_month(movements)),
        # The places' ids tie the tables together for suppression; whole figures need none.
        ("province", _("By province"), by_province(movements, places=not exact)),
        ("district", _("By district"), by_district(movements, places=not exact)),
        ("commune", _("By commune"), by_commune(movements, places=not exact)),
        ("destination", _("By destination"), by_destination(movements)),
        ("sector", _("By work"), by_sector(movements)),
        ("channel", _("By the way they went"), by_channel(movements)),
        (
            "licensed_share",
            _("Departures through an agency of the register"),
            licensed_agency_share(movements),
        ),
        ("fees", _("Fees paid against the official cap"), fees_against_cap(movements)),
        ("passports", _("Who holds the passport"), passport_holders(movements)),
        ("return_reasons", _("Returns by reason"), returns_by_reason(movements)),
        (
            "unlicensed_recruiters",
            _("Unlicensed recruiters seen, by whom they were reported to"),
            unlicensed_recruiters_reported(activities),
        ),
    ]
    if exact:
        return [Figure(key, title, table, shown(table, exact=True)) for key, title, table in tables]
    # A reader holds every table at once: they are suppressed as one (figure_links).
    suppressed = shown_linked({key: table for key, _title, table in tables})
    return [Figure(key, title, table, suppressed[key]) for key, title, table in tables]


def register_figures(*, user: AnyUser, filters: FigureFilters) -> list[Figure]:
    """Every table of the figures page, as this user may see them (one query each).

    The tables are counted one query after another: a record saved in between makes two
    of them disagree on a total they share (`FiguresChanged`), and they are counted again.
    """
    for _attempt in range(ATTEMPTS - 1):
        try:
            return _register_figures(user=user, filters=filters)
        except FiguresChanged:
            continue
    return _register_figures(user=user, filters=filters)
