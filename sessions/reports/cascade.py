"""The training cascade's figures: trainers trained, and the people reached through them.

The programme trains champions (members of youth clubs, commune councils, NGOs…) at a
training of trainers; verified, it makes them peer educators of their group. They then
hold sessions in their communities. These selectors answer the donors' questions about
that chain, each with a few GROUP BY queries:

- a *trainer* is a peer educator made by a verified training of trainers;
- the sessions *through* a trainer are the verified sessions they facilitated on or after
  the day of their training, trainings of trainers excluded;
- *people reached* counts distinct named participants, as everywhere else: someone who was
  trained as a trainer and also attends community sessions is one person reached, and their
  own training of trainers reaches no one (see docs/decisions.md).

Scoping is that of the rest of the reports: the trainers of groups in the user's provinces,
and of those only the sessions the user may see.
"""

import calendar
import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import get_language, gettext

from geography.models import Province
from sessions.models import AgeBand, Attendance, PeerEducator, Sex, TrainingSession
from sessions.scoping import AnyUser, training_sessions_for_user, youth_groups_for_user

from .selectors import ReportFilters

Facilitation = TrainingSession.facilitators.through

#: The bands of the distribution of people reached per trainer (lowest, highest or None).
REACH_BANDS = [(0, 0), (1, 9), (10, 24), (25, 49), (50, None)]

#: Months after their training by which a trainer is expected to have held a session.
DEFAULT_IDLE_MONTHS = 3


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 January + 1 → 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def trainers(*, user: AnyUser, filters: ReportFilters) -> QuerySet:
    """Peer educators made by a verified training of trainers, in the user's provinces.

    The date range is that of their training; the place is that of their group.
    """
    queryset = PeerEducator.objects.filter(
        group__in=youth_groups_for_user(user).values("pk"),
        trained_at__status=TrainingSession.Status.VERIFIED,
        trained_at__is_training_of_trainers=True,
    )
    if filters.date_from:
        queryset = queryset.filter(trained_on__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(trained_on__lte=filters.date_to)
    if filters.province_id:
        queryset = queryset.filter(group__commune__district__province_id=filters.province_id)
    if filters.district_id:
        queryset = queryset.filter(group__commune__district_id=filters.district_id)
    if filters.group_id:
        queryset = queryset.filter(group_id=filters.group_id)
    return queryset.order_by()


def facilitations(*, user: AnyUser, filters: ReportFilters, trainer_set: QuerySet) -> QuerySet:
    """Each (trainer, session) pair of a verified community session held since their training."""
    queryset = Facilitation.objects.filter(
        peereducator__in=trainer_set.values("pk"),
        trainingsession__in=training_sessions_for_user(user).values("pk"),
        trainingsession__status=TrainingSession.Status.VERIFIED,
        trainingsession__is_training_of_trainers=False,
        trainingsession__date__gte=F("peereducator__trained_on"),
    )
    if filters.date_to:
        queryset = queryset.filter(trainingsession__date__lte=filters.date_to)
    return queryset.order_by()


def _age_band_at_training() -> Subquery:
    """The trainer's age band on the day of their training, as their attendance recorded it."""
    return Subquery(
        Attendance.objects.filter(
            session_id=OuterRef("trained_at_id"), participant_id=OuterRef("participant_id")
        ).values("age_band")[:1]
    )


def _khmer() -> bool:
    return (get_language() or "").startswith("km")


def trainers_trained(trainer_set: QuerySet) -> dict:
    """Trainers trained in all, and by kind of group, province, sex and age band."""
    by_kind = (
        trainer_set.values("group__kind", "group__kind__name_km", "group__kind__name_en")
        .annotate(n=Count("pk"))
        .order_by("group__kind")
    )
    khmer = _khmer()
    province_counts = dict(
        trainer_set.values_list("group__commune__district__province")
        .annotate(n=Count("pk"))
        .order_by()
    )
    provinces = Province.objects.filter(pk__in=province_counts).order_by("code")
    sex_counts = dict(trainer_set.values_list("sex").annotate(n=Count("pk")).order_by())
    band_counts = dict(
        trainer_set.annotate(band=_age_band_at_training())
        .values_list("band")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "total": sum(province_counts.values()),
        "by_kind": [
            (
                row["group__kind"],
                row["group__kind__name_km" if khmer else "group__kind__name_en"],
                row["n"],
            )
            for row in by_kind
        ],
        "by_province": [(p.pk, str(p), province_counts[p.pk]) for p in provinces],
        "by_sex": [(value, label, sex_counts.get(value, 0)) for value, label in Sex.choices],
        "by_age_band": [
            (value, label, band_counts.get(value, 0)) for value, label in AgeBand.choices
        ]
        + ([(None, _not_recorded(), band_counts[None])] if band_counts.get(None) else []),
    }


def _not_recorded() -> str:
    return gettext("not recorded")


@dataclass
class TrainerReach:
    """One trainer, where they are, and what went through them since their training."""

    trainer: PeerEducator
    sessions: int = 0
    people: int = 0
    attendances: int = 0
    first_session: datetime.date | None = None
    last_session: datetime.date | None = None


def reach_per_trainer(*, user: AnyUser, filters: ReportFilters, trainer_set: QuerySet) -> list:
    """Sessions, people and attendances through each trainer, most people first: 3 queries
    and the trainers' own."""
    pairs = facilitations(user=user, filters=filters, trainer_set=trainer_set)
    sessions = {
        row["peereducator"]: row
        for row in pairs.values("peereducator").annotate(
            sessions=Count("trainingsession", distinct=True),
            first=Min("trainingsession__date"),
            last=Max("trainingsession__date"),
        )
    }
    named = {
        row["peereducator"]: row
        for row in pairs.values("peereducator").annotate(
            people=Count("trainingsession__attendances__participant", distinct=True),
            attendances=Count("trainingsession__attendances"),
        )
    }
    counted = dict(
        pairs.values_list("peereducator")
        .annotate(n=Sum("trainingsession__headcounts__count"))
        .order_by()
    )
    rows = []
    for trainer in trainer_set.select_related(
        "group__kind", "group__commune__district__province", "trained_at"
    ).order_by("group__commune__district__province__code", "group__name", "name_km", "pk"):
        held, reached = sessions.get(trainer.pk, {}), named.get(trainer.pk, {})
        rows.append(
            TrainerReach(
                trainer=trainer,
                sessions=held.get("sessions", 0),
                people=reached.get("people", 0),
                attendances=reached.get("attendances", 0) + (counted.get(trainer.pk) or 0),
                first_session=held.get("first"),
                last_session=held.get("last"),
            )
        )
    rows.sort(key=lambda row: -row.people)
    return rows


def reach_distribution(rows: list) -> dict:
    """The median of people reached per trainer, and how many trainers reached how many."""
    people = [row.people for row in rows]
    bands = []
    for lowest, highest in REACH_BANDS:
        count = sum(1 for n in people if n >= lowest and (highest is None or n <= highest))
        bands.append({"lowest": lowest, "highest": highest, "trainers": count})
    return {
        "median": statistics.median(people) if people else None,
        "bands": bands,
    }


def idle_trainers(rows: list, *, months: int, today: datetime.date | None = None) -> list:
    """Trainers who held no session within `months` of their training, that time now past."""
    today = today or timezone.localdate()
    idle = []
    for row in rows:
        trained_on = row.trainer.trained_on
        if trained_on is None:
            continue
        deadline = add_months(trained_on, months)
        if deadline <= today and (row.first_session is None or row.first_session >= deadline):
            idle.append(row)
    idle.sort(key=lambda row: (row.trainer.trained_on, row.trainer.name_km))
    return idle


def people_reached_through_trainers(
    *, user: AnyUser, filters: ReportFilters, trainer_set: QuerySet
) -> int:
    """Distinct people named at the sessions of any trainer: one person, once."""
    pairs = facilitations(user=user, filters=filters, trainer_set=trainer_set)
    return (
        Attendance.objects.filter(session__in=pairs.values("trainingsession"))
        .values("participant")
        .distinct()
        .count()
    )


@dataclass
class Chain:
    """The cascade of one province: the programme's trainings of trainers, the champion groups
    their trainers belong to, and the communes their sessions reached."""

    province: Province
    trainings: int
    trainers: int
    people: int
    groups: list  # [{"pk", "name", "kind", "trainers", "people"}]
    communes: list  # [{"pk", "name", "people", "sessions"}]
    links: list  # [{"group", "commune", "people", "sessions"}]


def province_chain(*, user: AnyUser, filters: ReportFilters, province: Province) -> Chain:
    """Programme → champions → communities in one province, for the picture of the chain."""
    in_province = ReportFilters(
        date_from=filters.date_from, date_to=filters.date_to, province_id=province.pk
    )
    trainer_set = trainers(user=user, filters=in_province)
    pairs = facilitations(user=user, filters=in_province, trainer_set=trainer_set)
    trainer_counts = {
        row["group"]: row
        for row in trainer_set.values(
            "group", "group__name", "group__kind__name_km", "group__kind__name_en"
        )
        .annotate(n=Count("pk"))
        .order_by()
    }
    khmer = _khmer()
    links = list(
        pairs.values(
            "peereducator__group",
            "trainingsession__commune",
            "trainingsession__commune__name_km",
            "trainingsession__commune__name_en",
        )
        .annotate(
            people=Count("trainingsession__attendances__participant", distinct=True),
            sessions=Count("trainingsession", distinct=True),
        )
        .order_by()
    )
    group_people = dict(
        pairs.values_list("peereducator__group")
        .annotate(n=Count("trainingsession__attendances__participant", distinct=True))
        .order_by()
    )
    commune_rows = {
        row["trainingsession__commune"]: row
        for row in pairs.values("trainingsession__commune")
        .annotate(
            people=Count("trainingsession__attendances__participant", distinct=True),
            sessions=Count("trainingsession", distinct=True),
        )
        .order_by()
    }
    commune_names = {
        link["trainingsession__commune"]: link[
            "trainingsession__commune__name_km" if khmer else "trainingsession__commune__name_en"
        ]
        for link in links
    }
    groups = sorted(
        (
            {
                "pk": pk,
                "name": row["group__name"],
                "kind": row["group__kind__name_km" if khmer else "group__kind__name_en"],
                "trainers": row["n"],
                "people": group_people.get(pk, 0),
            }
            for pk, row in trainer_counts.items()
        ),
        key=lambda group: (-group["people"], group["name"]),
    )
    communes = sorted(
        (
            {
                "pk": pk,
                "name": commune_names[pk],
                "people": row["people"],
                "sessions": row["sessions"],
            }
            for pk, row in commune_rows.items()
        ),
        key=lambda commune: (-commune["people"], commune["name"]),
    )
    trainings = TrainingSession.objects.filter(pk__in=trainer_set.values("trained_at")).count()
    return Chain(
        province=province,
        trainings=trainings,
        trainers=sum(row["n"] for row in trainer_counts.values()),
        people=Attendance.objects.filter(session__in=pairs.values("trainingsession"))
        .values("participant")
        .distinct()
        .count(),
        groups=groups,
        communes=communes,
        links=[
            {
                "group": link["peereducator__group"],
                "commune": link["trainingsession__commune"],
                "people": link["people"],
                "sessions": link["sessions"],
            }
            for link in links
        ],
    )


def cascade_report(
    *,
    user: AnyUser,
    filters: ReportFilters,
    idle_months: int = DEFAULT_IDLE_MONTHS,
    chain_province: Province | None = None,
    today: datetime.date | None = None,
) -> dict:
    """Every figure of the cascade for the report's filters, for the screen and the exports.

    The chain is drawn for `chain_province`, or else for the province with most trainers.
    """
    trainer_set = trainers(user=user, filters=filters)
    rows = reach_per_trainer(user=user, filters=filters, trainer_set=trainer_set)
    trained = trainers_trained(trainer_set)
    if chain_province is None and trained["by_province"]:
        # No province chosen: the chain of the one with the most trainers (then by code).
        most = max(trained["by_province"], key=lambda row: row[2])
        chain_province = Province.objects.get(pk=most[0])
    return {
        "filters": filters,
        "trained": trained,
        "people_reached": people_reached_through_trainers(
            user=user, filters=filters, trainer_set=trainer_set
        ),
        "sessions_through_trainers": facilitations(
            user=user, filters=filters, trainer_set=trainer_set
        )
        .values("trainingsession")
        .distinct()
        .count(),
        "per_trainer": rows,
        "distribution": reach_distribution(rows),
        "idle_months": idle_months,
        "idle": idle_trainers(rows, months=idle_months, today=today),
        "chain": province_chain(user=user, filters=filters, province=chain_province)
        if chain_province is not None
        else None,
    }
