"""The advice log's part in the programme report's lesson reach: handouts given with advice.

Registered with `sessions.reports.lesson_reach` in `AdviceConfig.ready()`, since `sessions`
may not import this app. The report's filters apply to the advice record's own date and
commune; a youth group filter keeps the advice given at that group's training sessions.
"""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from sessions.reports.lesson_reach import LessonReachSource
from sessions.reports.selectors import ReportFilters

from .models import AdviceRecord
from .scoping import AnyUser, advice_records_for_user


def report_advice_records(user: AnyUser, filters: ReportFilters) -> QuerySet[AdviceRecord]:
    """The advice records the viewer's report covers: their provinces', narrowed by the filters."""
    records = advice_records_for_user(user)
    if filters.date_from:
        records = records.filter(date__gte=filters.date_from)
    if filters.date_to:
        records = records.filter(date__lte=filters.date_to)
    if filters.province_id:
        records = records.filter(commune__district__province_id=filters.province_id)
    if filters.district_id:
        records = records.filter(commune__district_id=filters.district_id)
    if filters.group_id:
        records = records.filter(training_session__group_id=filters.group_id)
    return records.order_by()


def handouts_given_by_lesson(user: AnyUser, filters: ReportFilters) -> dict[int, int]:
    """{lesson id: handouts of it given with advice} over the report's records, one query."""
    through = AdviceRecord.handouts.through
    rows = (
        through.objects.filter(advicerecord__in=report_advice_records(user, filters).values("pk"))
        .values("lessonpage_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["lessonpage_id"]: row["count"] for row in rows}


HANDOUTS_GIVEN_WITH_ADVICE = LessonReachSource(
    key="advice_handouts",
    label=_("Handouts given with advice"),
    counts=handouts_given_by_lesson,
)
