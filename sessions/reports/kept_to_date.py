"""People reached up to the latest attendance, read from `KeptPeopleToDate`.

A range that ends on or after the latest kept attendance (the report's default: until today)
counts each person at their last attendance in the place, so its people are the kept rows of
the months from the range's start, summed: a few hundred rows where counting each person's
last attendance reads one index entry per person (240,000 for the country). A range that
starts within a month counts that month's remaining days from the kept attendances
(`ToDate.partial`), as the report counts any partial period.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Max, QuerySet, Sum

from geography.models import District
from sessions.models import KeptAttendance, KeptPeoplePeriod, KeptPeopleToDate

from .selectors import ReportFilters

#: The report's place level → the kept level its people are counted at.
KEPT_LEVELS = {
    "national": KeptPeoplePeriod.Level.NATIONAL,
    "province": KeptPeoplePeriod.Level.PROVINCE,
    "district": KeptPeoplePeriod.Level.DISTRICT,
}
Facet = KeptPeopleToDate.Facet


@dataclass(frozen=True)
class ToDate:
    """A report whose people are kept to date: the place (its level and node), the first
    month read from the kept rows (None: all of them), and the kept attendances of the
    days before it, counted as rows."""

    level: str
    node: int
    first_month: datetime.date | None
    partial: QuerySet

    def kept(self, facet: str, level: str | None = None) -> QuerySet:
        """The kept rows of a facet from the first month on, at the report's level."""
        rows = KeptPeopleToDate.objects.filter(facet=facet, level=level or self.level)
        if self.first_month:
            rows = rows.filter(month__gte=self.first_month)
        return rows.order_by()


def people_to_date(
    *, level: str, node: int | None, filters: ReportFilters, attendances: QuerySet
) -> ToDate | None:
    """The report's people kept to date, or None: its range ends before the latest
    attendance, or its place is not kept (a group, or outside the viewer's provinces).

    `attendances` are the report's kept attendances, filtered by its place and dates."""
    if level not in KEPT_LEVELS or node is None:
        return None
    latest = KeptAttendance.objects.aggregate(latest=Max("date"))["latest"]
    if latest is None or (filters.date_to and filters.date_to < latest):
        return None
    first_month = None
    partial = attendances.none()
    if filters.date_from:
        first_month = filters.date_from.replace(day=1)
        if first_month != filters.date_from:
            first_month = (first_month + datetime.timedelta(days=31)).replace(day=1)
            partial = attendances.filter(date__lt=first_month)
    return ToDate(level=KEPT_LEVELS[level], node=node, first_month=first_month, partial=partial)


def kept_person_cells(to_date: ToDate) -> dict[tuple[str, str], Counter]:
    """People by (sex, band), with those planning to migrate and returned migrants."""
    rows = (
        to_date.kept(Facet.PERSON)
        .filter(node=to_date.node, people__gt=0)
        .values("sex", "age_band")
        .annotate(people_=Sum("people"), planning_=Sum("planning"), returned_=Sum("returned"))
    )
    return {
        (row["sex"], row["age_band"]): Counter(
            people=row["people_"], planning=row["planning_"], returned=row["returned_"]
        )
        for row in rows
    }


def kept_people_by_place(to_date: ToDate) -> tuple[Counter, Counter]:
    """People by province and by district, within the report's place.

    Each is counted at its own level (a person reached in two districts of one province is
    one person of the province), except under a district filter, where the district is
    the province's only part the report sees."""
    district_level = KeptPeoplePeriod.Level.DISTRICT
    districts = _sums(to_date.kept(Facet.PLACE, district_level))
    if to_date.level == district_level:
        in_district = _counted(districts.filter(node=to_date.node))
        province = District.objects.values_list("province_id", flat=True).get(pk=to_date.node)
        return +Counter({province: in_district[to_date.node]}), in_district
    provinces = _sums(to_date.kept(Facet.PLACE, KeptPeoplePeriod.Level.PROVINCE))
    if to_date.level == KeptPeoplePeriod.Level.PROVINCE:
        provinces = provinces.filter(node=to_date.node)
        districts = districts.filter(
            node__in=District.objects.filter(province_id=to_date.node).values("pk")
        )
    return _counted(provinces), _counted(districts)


def kept_destinations(to_date: ToDate) -> Counter:
    """People planning to migrate, by the destination they gave."""
    rows = (
        to_date.kept(Facet.DESTINATION)
        .filter(node=to_date.node, people__gt=0)
        .values("destination")
        .annotate(people_=Sum("people"))
    )
    return Counter({row["destination"]: row["people_"] for row in rows})


def _sums(rows: QuerySet) -> QuerySet:
    return rows.filter(people__gt=0).values("node").annotate(people_=Sum("people"))


def _counted(rows: QuerySet) -> Counter:
    return Counter({row["node"]: row["people_"] for row in rows})
