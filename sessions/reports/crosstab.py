"""Cross-tabulations of the programme's reach: any two dimensions, people and attendances.

A cell holds the distinct people reached and the attendances (named and headcount) whose
session, person or attendance has the row's and the column's value. Totals are counted, not
summed: a person who came in January and in March is one person in each month's cell and
one person in the total, so people's totals can be less than the sum of their cells
(attendances too, by lesson, where a session taught two lessons). The age band is the band
on the day of each attendance, as headcounts record it, so a person who moved up a band
counts in both bands' cells and once in the total.

Seven GROUP BY queries whatever the size of the data (cells, row totals, column totals and
the grand total, of named attendances and of headcounts), all over `report_sessions`, so
province scoping and the report's filters hold. `count_cells` is the one place that
counts: it can later read kept summary tables instead of the live rows.

Tables shown to anyone but a national officer hide counts under `SMALL_COUNT` with the
cells that would give them back (`communes.suppression`, the rule of the public figures).
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Aggregate, Count, F, QuerySet, Sum
from django.db.models.expressions import Combinable
from django.db.models.functions import TruncMonth, TruncQuarter
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from communes.suppression import suppress_table
from geography.models import District
from sessions.models import AgeBand, Attendance, Headcount, Sex, TrainingSession
from sessions.scoping import AnyUser, can_access_all_provinces

from .public import SMALL_COUNT
from .selectors import (
    DISTRICT_OF_SESSION,
    MONTH,
    PROVINCE_OF_SESSION,
    QUARTER,
    ReportFilters,
    period_label,
    report_provinces,
    report_sessions,
)


@dataclass(frozen=True)
class Dimension:
    """A way to split the figures: its name in URLs, its label, and how each row reaches it."""

    name: str
    label: Promise
    #: The expression on an Attendance row; on a Headcount row.
    on_attendance: Callable[[], Combinable]
    on_headcount: Callable[[], Combinable]


def _session(lookup: str) -> Callable[[], Combinable]:
    return lambda: F(f"session__{lookup}")


DIMENSIONS: dict[str, Dimension] = {
    dimension.name: dimension
    for dimension in (
        Dimension(
            "province",
            gettext_lazy("province"),
            _session(f"{PROVINCE_OF_SESSION}_id"),
            _session(f"{PROVINCE_OF_SESSION}_id"),
        ),
        Dimension(
            "district",
            gettext_lazy("district"),
            _session(f"{DISTRICT_OF_SESSION}_id"),
            _session(f"{DISTRICT_OF_SESSION}_id"),
        ),
        Dimension(
            MONTH,
            gettext_lazy("month"),
            lambda: TruncMonth("session__date"),
            lambda: TruncMonth("session__date"),
        ),
        Dimension(
            QUARTER,
            gettext_lazy("quarter"),
            lambda: TruncQuarter("session__date"),
            lambda: TruncQuarter("session__date"),
        ),
        Dimension("sex", gettext_lazy("sex"), lambda: F("participant__sex"), lambda: F("sex")),
        Dimension(
            "age_band", gettext_lazy("age band"), lambda: F("age_band"), lambda: F("age_band")
        ),
        Dimension("audience", gettext_lazy("audience"), _session("audience"), _session("audience")),
        Dimension(
            "lesson",
            gettext_lazy("lesson"),
            _session("session_lessons__lesson_id"),
            _session("session_lessons__lesson_id"),
        ),
    )
}


class BadDimension(ValueError):
    """A dimension asked for (in a URL) that the cross-tabulation does not have."""


def dimension_pair(rows: str, columns: str) -> tuple[Dimension, Dimension]:
    """The two dimensions named, or `BadDimension` with a message for the person asking."""
    for name in (rows, columns):
        if name not in DIMENSIONS:
            raise BadDimension(
                _("“%(name)s” is not a way to split the figures. Choose one of: %(choices)s.")
                % {
                    "name": name,
                    "choices": ", ".join(str(dimension.label) for dimension in DIMENSIONS.values()),
                }
            )
    if rows == columns:
        raise BadDimension(
            _("Choose two different ways to split the figures, one for rows and one for columns.")
        )
    return DIMENSIONS[rows], DIMENSIONS[columns]


@dataclass(frozen=True)
class Counts:
    """One measure of a cross-tabulation, keyed by the dimensions' raw values."""

    cells: dict[tuple[object, object], int]
    row_totals: dict[object, int]
    column_totals: dict[object, int]
    grand_total: int


@dataclass(frozen=True)
class CountedCrossTab:
    people: Counts
    attendances: Counts


def _grouped(queryset: QuerySet, keys: dict[str, Combinable], **figures: Aggregate) -> list[dict]:
    if not keys:
        return [queryset.aggregate(**figures)]
    return list(queryset.values(**keys).annotate(**figures).order_by())


@dataclass(frozen=True)
class CellCounts:
    """Distinct people and attendances for each combination of the dimensions' values."""

    people: dict[tuple, int]
    attendances: dict[tuple, int]


def count_cells(sessions: QuerySet, dimensions: Sequence[Dimension]) -> CellCounts:
    """People and attendances of `sessions` grouped by any number of dimensions: two queries.

    Keys are tuples of the dimensions' values, "not recorded" as None, months as dates.
    Headcounts add to attendances and never to people. With no dimension, the key is ().
    """
    attendances = Attendance.objects.filter(session__in=sessions.values("pk")).order_by()
    headcounts = Headcount.objects.filter(session__in=sessions.values("pk")).order_by()
    names = [f"d{index}" for index in range(len(dimensions))]
    people: dict[tuple, int] = {}
    attended: dict[tuple, int] = {}
    named = _grouped(
        attendances,
        {
            name: dimension.on_attendance()
            for name, dimension in zip(names, dimensions, strict=True)
        },
        attendances=Count("pk"),
        people=Count("participant", distinct=True),
    )
    for row in named:
        key = tuple(_normal(row.get(name)) for name in names)
        people[key] = people.get(key, 0) + (row["people"] or 0)
        attended[key] = attended.get(key, 0) + (row["attendances"] or 0)
    counted = _grouped(
        headcounts,
        {name: dimension.on_headcount() for name, dimension in zip(names, dimensions, strict=True)},
        total=Sum("count"),
    )
    for row in counted:
        key = tuple(_normal(row.get(name)) for name in names)
        attended[key] = attended.get(key, 0) + (row["total"] or 0)
        people.setdefault(key, 0)
    return CellCounts(people=people, attendances=attended)


def count_crosstab(sessions: QuerySet, rows: Dimension, columns: Dimension) -> CountedCrossTab:
    """People and attendances per cell, per row, per column and in all: counted, never summed."""
    people: dict[str, dict] = {}
    attended: dict[str, dict] = {}
    for level, dimensions in (
        ("cells", [rows, columns]),
        ("rows", [rows]),
        ("columns", [columns]),
        ("all", []),
    ):
        counted = count_cells(sessions, dimensions)
        people[level], attended[level] = counted.people, counted.attendances

    def counts(figures: dict[str, dict]) -> Counts:
        return Counts(
            cells=dict(figures["cells"]),
            row_totals={key: value for (key,), value in figures["rows"].items()},
            column_totals={key: value for (key,), value in figures["columns"].items()},
            grand_total=figures["all"].get((), 0),
        )

    return CountedCrossTab(people=counts(people), attendances=counts(attended))


def _normal(value: object) -> object:
    """One key for "not recorded" ("" or NULL), and dates for truncated dates on every backend."""
    if value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:  # SQLite hands truncated dates back as text
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


# -- Labels and order of each dimension's values -------------------------------------------


def _choices(choices: Sequence[tuple[str, object]], keys: set) -> list[tuple[object, str]]:
    listed = [(value, str(label)) for value, label in choices]
    return listed + _not_recorded(keys)


def _not_recorded(keys: set) -> list[tuple[object, str]]:
    return [(None, _("not recorded"))] if None in keys else []


def dimension_values(
    dimension: Dimension, keys: set, *, user: AnyUser, filters: ReportFilters
) -> list[tuple[object, str]]:
    """The dimension's (key, label) pairs in their order: every choice of a short list (and
    every province of the report), else only the values that have figures."""
    if dimension.name == "province":
        provinces = report_provinces(user=user, filters=filters)
        return [(province.pk, province.name) for province in provinces]
    if dimension.name == "district":
        districts = District.objects.filter(pk__in=[key for key in keys if key is not None])
        return [(district.pk, district.name) for district in districts.order_by("code")]
    if dimension.name in (MONTH, QUARTER):
        days = sorted(key for key in keys if isinstance(key, datetime.date))
        return [(day, period_label(day, dimension.name)) for day in days]
    if dimension.name == "sex":
        return _choices(Sex.choices, keys)
    if dimension.name == "age_band":
        return _choices(AgeBand.choices, keys)
    if dimension.name == "audience":
        return _choices(TrainingSession.Audience.choices, keys)
    from curriculum.models import LessonPage

    titles = LessonPage.objects.filter(pk__in=[key for key in keys if key is not None])
    lessons = sorted(titles.values_list("pk", "title"), key=lambda pair: (pair[1], pair[0]))
    return [(pk, title) for pk, title in lessons] + [
        (None, _("no lesson recorded")) for __ in [None] if None in keys
    ]


# -- As shown --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownTable:
    """One measure laid out in the dimensions' order; a hidden entry reads as None."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    column_totals: tuple[int | None, ...]
    grand_total: int | None
    hidden_count: int


def _shown(counts: Counts, row_keys: list, column_keys: list, threshold: int) -> ShownTable:
    cells = [[counts.cells.get((row, column), 0) for column in column_keys] for row in row_keys]
    row_totals = [counts.row_totals.get(row, 0) for row in row_keys]
    column_totals = [counts.column_totals.get(column, 0) for column in column_keys]
    grand = counts.grand_total
    rows, columns = len(row_keys), len(column_keys)
    hidden: set[tuple[int, int]] = set()
    if threshold and rows and columns:
        # Cells hidden as in an additive table (what a reader could subtract), and any total
        # that is itself small: counted totals are at most the sum of their cells, so a
        # shown total less the shown cells only ever bounds a hidden cell from below.
        hidden |= suppress_table(cells, threshold).hidden
        small = lambda value: 0 < value < threshold  # noqa: E731
        hidden |= {(row, columns) for row in range(rows) if small(row_totals[row])}
        hidden |= {(rows, column) for column in range(columns) if small(column_totals[column])}
        if small(grand):
            hidden.add((rows, columns))

    def entry(row: int, column: int, value: int) -> int | None:
        return None if (row, column) in hidden else value

    return ShownTable(
        cells=tuple(
            tuple(entry(row, column, cells[row][column]) for column in range(columns))
            for row in range(rows)
        ),
        row_totals=tuple(entry(row, columns, row_totals[row]) for row in range(rows)),
        column_totals=tuple(
            entry(rows, column, column_totals[column]) for column in range(columns)
        ),
        grand_total=entry(rows, columns, grand),
        hidden_count=len(hidden),
    )


@dataclass(frozen=True)
class Measure:
    """One measure's table, its rows as (label, cells, row total) for templates and files."""

    title: str
    table: ShownTable
    row_labels: tuple[str, ...]

    @property
    def lines(self) -> list[tuple[str, tuple[int | None, ...], int | None]]:
        return list(zip(self.row_labels, self.table.cells, self.table.row_totals, strict=True))


@dataclass(frozen=True)
class CrossTab:
    """A cross-tabulation as the viewer may see it, for the screen and the exports alike."""

    rows: Dimension
    columns: Dimension
    filters: ReportFilters
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    people: ShownTable
    attendances: ShownTable
    #: The smallest count shown to this viewer; 0 when nothing is hidden (national officers).
    threshold: int

    @property
    def measures(self) -> list["Measure"]:
        """People reached, then attendances, each with its rows labelled for a table."""
        return [
            Measure(_("People reached"), self.people, self.row_labels),
            Measure(_("Attendances"), self.attendances, self.row_labels),
        ]

    @property
    def is_empty(self) -> bool:
        return not self.row_labels or not self.column_labels


def suppression_threshold(user: AnyUser) -> int:
    """National officers see every count; everyone else, none under `SMALL_COUNT`."""
    return 0 if can_access_all_provinces(user) else SMALL_COUNT


def crosstab(*, user: AnyUser, filters: ReportFilters, rows: str, columns: str) -> CrossTab:
    """The cross-tabulation of `rows` by `columns` over the user's report (`BadDimension`)."""
    row_dimension, column_dimension = dimension_pair(rows, columns)
    sessions = report_sessions(user=user, filters=filters)
    counted = count_crosstab(sessions, row_dimension, column_dimension)
    row_keys = {row for row, __ in counted.attendances.cells} | set(counted.attendances.row_totals)
    column_keys = {column for __, column in counted.attendances.cells} | set(
        counted.attendances.column_totals
    )
    row_values = dimension_values(row_dimension, row_keys, user=user, filters=filters)
    column_values = dimension_values(column_dimension, column_keys, user=user, filters=filters)
    threshold = suppression_threshold(user)
    ordered_rows = [key for key, __ in row_values]
    ordered_columns = [key for key, __ in column_values]
    return CrossTab(
        rows=row_dimension,
        columns=column_dimension,
        filters=filters,
        row_labels=tuple(label for __, label in row_values),
        column_labels=tuple(label for __, label in column_values),
        people=_shown(counted.people, ordered_rows, ordered_columns, threshold),
        attendances=_shown(counted.attendances, ordered_rows, ordered_columns, threshold),
        threshold=threshold,
    )
