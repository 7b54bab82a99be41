"""Reads of the advice log: the adviser's lists, the overdue referrals, and the figures.

The figures start from `scoping.advice_records_for_user`, are counted in the database
(GROUP BY), and are shown through the commune register's suppression (`communes.selectors.
shown`), so the advice log hides small counts exactly as the register does.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from communes.selectors import CountTable, Figure, FigureFilters, shown
from curriculum.models import HelpEntry

from .choices import OPEN_STATUSES, AdviceChannel, Answer, MigratedAnswer, ReferralStatus, Topic
from .models import AdviceRecord, AdviceTopic, FollowUp, Referral
from .scoping import (
    AnyUser,
    advice_records_for_user,
    authored_follow_ups,
    authored_referrals,
    sees_exact_figures,
)


def overdue_referrals(
    referrals: QuerySet[Referral], *, now: datetime.datetime | None = None
) -> QuerySet[Referral]:
    """Referrals still waiting on the service past their due time, most overdue first."""
    return (
        referrals.filter(status__in=OPEN_STATUSES, due_at__lt=now or timezone.now())
        .select_related("service", "advice_record__commune")
        .order_by("due_at", "pk")
    )


def adviser_overdue_referrals(user: AnyUser) -> QuerySet[Referral]:
    return overdue_referrals(authored_referrals(user))


def adviser_open_referrals(user: AnyUser) -> QuerySet[Referral]:
    return (
        authored_referrals(user)
        .filter(status__in=OPEN_STATUSES)
        .select_related("service", "advice_record")
        .order_by("due_at", "pk")
    )


def adviser_follow_ups_due(
    user: AnyUser, *, today: datetime.date | None = None
) -> QuerySet[FollowUp]:
    return (
        authored_follow_ups(user)
        .filter(done_on__isnull=True, due_on__lte=today or timezone.localdate())
        .select_related("advice_record")
        .order_by("due_on", "pk")
    )


# The figures ---------------------------------------------------------------------------


def advice_years(user: AnyUser) -> list[int]:
    """The years with an advice record this user may read, newest first; this year when none."""
    years = {day.year for day in advice_records_for_user(user).dates("date", "year")}
    return sorted(years, reverse=True) or [timezone.localdate().year]


def figure_advice_records(*, user: AnyUser, filters: FigureFilters) -> QuerySet[AdviceRecord]:
    records = advice_records_for_user(user)
    if filters.commune_id is not None:
        records = records.filter(commune_id=filters.commune_id)
    if filters.district_id is not None:
        records = records.filter(commune__district_id=filters.district_id)
    if filters.province_id is not None:
        records = records.filter(commune__district__province_id=filters.province_id)
    if filters.date_from is not None:
        records = records.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        records = records.filter(date__lte=filters.date_to)
    return records.order_by()


def _choice_rows(
    queryset: QuerySet[Any], field: str, choices: Any, column_label: str
) -> CountTable:
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


def consultations_by_topic(records: QuerySet[AdviceRecord]) -> CountTable:
    topics = AdviceTopic.objects.filter(advice_record__in=records.values("pk"))
    return _choice_rows(topics, "topic", Topic, _("consultations"))


def consultations_by_channel(records: QuerySet[AdviceRecord]) -> CountTable:
    return _choice_rows(records, "channel", AdviceChannel, _("consultations"))


def consultations_at_trainings(records: QuerySet[AdviceRecord]) -> CountTable:
    counts = records.aggregate(
        training=Count("pk", filter=Q(channel=AdviceChannel.TRAINING)),
        elsewhere=Count("pk", filter=~Q(channel=AdviceChannel.TRAINING)),
    )
    return CountTable(
        row_labels=(_("at a training session"), _("elsewhere")),
        column_labels=(_("consultations"),),
        counts=((counts["training"],), (counts["elsewhere"],)),
        row_keys=("training", "elsewhere"),
    )


def consultations_by_month(records: QuerySet[AdviceRecord]) -> CountTable:
    rows = list(
        records.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )

    def label(month: Any) -> str:
        if isinstance(month, str):  # SQLite may hand back text
            month = datetime.date.fromisoformat(month[:10])
        return f"{month:%Y-%m}"

    return CountTable(
        row_labels=tuple(label(row["month"]) for row in rows),
        column_labels=(_("consultations"),),
        counts=tuple((row["count"],) for row in rows),
        row_keys=tuple(row["month"] for row in rows),
    )


def consultations_by_place(records: QuerySet[AdviceRecord], level: str) -> CountTable:
    """By province, district or commune (`level`), named in the reader's language."""
    prefix = {
        "province": "commune__district__province__",
        "district": "commune__district__",
        "commune": "commune__",
    }[level]
    rows = list(
        records.values(f"{prefix}code", f"{prefix}name_km", f"{prefix}name_en")
        .annotate(count=Count("pk"))
        .order_by(f"{prefix}code")
    )
    english = get_language() == "en"
    return CountTable(
        row_labels=tuple(
            (row[f"{prefix}name_en"] if english else row[f"{prefix}name_km"])
            or row[f"{prefix}name_km"]
            or row[f"{prefix}name_en"]
            for row in rows
        ),
        column_labels=(_("consultations"),),
        counts=tuple((row["count"],) for row in rows),
        row_keys=tuple(row[f"{prefix}code"] for row in rows),
    )


def handouts_by_lesson(records: QuerySet[AdviceRecord]) -> CountTable:
    """The lessons whose handouts were given with advice, by title (the lessons' reach)."""
    through = AdviceRecord.handouts.through
    rows = list(
        through.objects.filter(advicerecord__in=records.values("pk"))
        .values("lessonpage__title")
        .annotate(count=Count("pk"))
        .order_by("lessonpage__title")
    )
    return CountTable(
        row_labels=tuple(row["lessonpage__title"] for row in rows),
        column_labels=(_("handouts given"),),
        counts=tuple((row["count"],) for row in rows),
        row_keys=tuple(row["lessonpage__title"] for row in rows),
    )


def referrals_by_service_and_status(referrals: QuerySet[Referral]) -> CountTable:
    """Rows: the kinds of help of the directory; columns: the statuses."""
    grouped = referrals.values("service__category", "status").annotate(count=Count("pk"))
    statuses = [value for value, _label in ReferralStatus.choices]
    cells = {(row["service__category"], row["status"]): row["count"] for row in grouped}
    categories = [
        (value, label)
        for value, label in HelpEntry.Category.choices
        if any(cells.get((value, status)) for status in statuses)
    ]
    return CountTable(
        row_labels=tuple(str(label) for _value, label in categories),
        column_labels=tuple(str(label) for _value, label in ReferralStatus.choices),
        counts=tuple(
            tuple(cells.get((value, status), 0) for status in statuses)
            for value, _label in categories
        ),
        row_keys=tuple(value for value, _label in categories),
    )


def follow_ups_done(records: QuerySet[AdviceRecord]) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(
        advice_record__in=records.values("pk"), done_on__isnull=False
    ).order_by()


def figure_referrals(records: QuerySet[AdviceRecord]) -> QuerySet[Referral]:
    return Referral.objects.filter(advice_record__in=records.values("pk")).order_by()


@dataclass(frozen=True)
class ReferralSummary:
    """How the referrals close: None where a figure rests on too few to show."""

    referrals: int | None
    done: int | None
    share_done_percent: int | None
    median_days_to_done: float | None
    overdue: int | None


def median_days_to_done(referrals: QuerySet[Referral]) -> tuple[int, float | None]:
    """How many referrals are done, and the median days from referral to done.

    The middle one or two durations are read in the database (ORDER BY, OFFSET), on SQLite
    and PostgreSQL alike, rather than every row in Python.
    """
    done = referrals.filter(status=ReferralStatus.DONE, done_at__isnull=False).annotate(
        duration=ExpressionWrapper(F("done_at") - F("referred_at"), output_field=DurationField())
    )
    count = done.count()
    if not count:
        return 0, None
    ordered = done.order_by("duration").values_list("duration", flat=True)
    middle = list(ordered[(count - 1) // 2 : count // 2 + 1])
    seconds = sum(duration.total_seconds() for duration in middle) / len(middle)
    return count, round(seconds / 86400, 1)


def referral_summary(
    referrals: QuerySet[Referral], *, exact: bool, now: datetime.datetime | None = None
) -> ReferralSummary:
    counts = referrals.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now or timezone.now())),
    )
    done, median = median_days_to_done(referrals)
    threshold = 0 if exact else settings.REGISTER_SMALL_COUNT

    def shown_count(value: int) -> int | None:
        return None if 0 < value < threshold else value

    total = counts["total"]
    # A share or a median of fewer than `threshold` referrals would describe people.
    enough = exact or total >= threshold
    return ReferralSummary(
        referrals=shown_count(total),
        done=shown_count(done),
        share_done_percent=round(100 * done / total) if total and enough else None,
        median_days_to_done=median if exact or done >= threshold else None,
        overdue=shown_count(counts["overdue"]),
    )


def advice_figures(
    *, user: AnyUser, filters: FigureFilters
) -> tuple[list[Figure], ReferralSummary]:
    """Every table of the advice figures, and the referrals' summary, as this user may see them."""
    records = figure_advice_records(user=user, filters=filters)
    referrals = figure_referrals(records)
    exact = sees_exact_figures(user)
    tables: list[tuple[str, str, CountTable]] = [
        ("topic", _("Consultations by topic"), consultations_by_topic(records)),
        ("channel", _("Consultations by channel"), consultations_by_channel(records)),
        (
            "training",
            _("Advice at training sessions and elsewhere"),
            consultations_at_trainings(records),
        ),
        ("month", _("Consultations by month"), consultations_by_month(records)),
        ("province", _("Consultations by province"), consultations_by_place(records, "province")),
        ("commune", _("Consultations by commune"), consultations_by_place(records, "commune")),
        ("handouts", _("Handouts given with advice, by lesson"), handouts_by_lesson(records)),
        (
            "referrals",
            _("Referrals by kind of service and status"),
            referrals_by_service_and_status(referrals),
        ),
        (
            "follow_up_helped",
            _("Follow-ups: did the advice help?"),
            _choice_rows(follow_ups_done(records), "advice_helped", Answer, _("follow-ups")),
        ),
        (
            "follow_up_migrated",
            _("Follow-ups: did the person migrate?"),
            _choice_rows(follow_ups_done(records), "migrated", MigratedAnswer, _("follow-ups")),
        ),
    ]
    figures = [Figure(key, title, table, shown(table, exact=exact)) for key, title, table in tables]
    return figures, referral_summary(referrals, exact=exact)
