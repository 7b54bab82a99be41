"""Reads of the trainings app that compute an answer in the database."""

import datetime
from collections.abc import Iterable
from typing import TypeAlias

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.expressions import Combinable, Func
from django.db.models.functions import Coalesce, Lower, Replace, Right

from .models import (
    Attendance,
    Headcount,
    Participant,
    PeerEducator,
    SessionLesson,
    TrainingSession,
    YouthGroup,
)

#: Characters people put in names and phone numbers that do not tell two people apart.
_NAME_NOISE = [" ", "\u200b", ".", "-"]
_PHONE_NOISE = [" ", "-", ".", "(", ")", "+"]
#: Cambodian numbers differ in their prefix (0, +855, 855): the last 8 digits decide.
_PHONE_DIGITS = 8

#: The group, the day and the set of lessons taught (see `same_session_key`).
SameSessionKey: TypeAlias = tuple[int, datetime.date, frozenset[int]]


def _without(expression: Combinable, characters: Iterable[str]) -> Combinable:
    for character in characters:
        expression = Replace(expression, Value(character), Value(""), output_field=CharField())
    return expression


def _normalised_name(expression: Combinable) -> Combinable:
    return _without(Lower(expression), _NAME_NOISE)


def _normalised_phone(expression: Combinable) -> Func:
    return Right(_without(expression, _PHONE_NOISE), _PHONE_DIGITS)


def _normalise_in_python(text: str, characters: Iterable[str], *, lower: bool = True) -> str:
    text = text.lower() if lower else text
    for character in characters:
        text = text.replace(character, "")
    return text


def same_session_key(
    *, group_id: int, date: datetime.date, lesson_ids: Iterable[int]
) -> SameSessionKey:
    """What makes two reports one session: the group, the day and the set of lessons taught.

    Two reports with the same key are likely one session reported twice (the admin and the
    club warn of it); an import without external ids knows its sessions by it.
    """
    return (group_id, date, frozenset(lesson_ids))


def sessions_by_same_session_key(
    *, group_ids: Iterable[int], dates: Iterable[datetime.date]
) -> dict[SameSessionKey, list[TrainingSession]]:
    """The sessions of these groups on these days, by `same_session_key`, newest first.

    Two queries (the sessions, their lessons) for a whole batch of an import.
    """
    candidates = TrainingSession.objects.filter(
        group_id__in=set(group_ids), date__in=set(dates)
    ).prefetch_related("session_lessons")
    by_key: dict[SameSessionKey, list[TrainingSession]] = {}
    for session in candidates:
        by_key.setdefault(_key_of(session), []).append(session)
    return by_key


def _key_of(session: TrainingSession) -> SameSessionKey:
    return same_session_key(
        group_id=session.group_id,
        date=session.date,
        lesson_ids=(session_lesson.lesson_id for session_lesson in session.session_lessons.all()),
    )


def _count_per_session(
    model: type[Attendance] | type[Headcount], aggregate: Count | Sum
) -> Coalesce:
    # A subquery per session, not a join: a join of attendances and headcounts would
    # multiply the rows (and the counts) by each other.
    rows = model.objects.filter(session=OuterRef("pk")).order_by().values("session")
    return Coalesce(
        Subquery(rows.annotate(total=aggregate).values("total"), output_field=IntegerField()), 0
    )


def training_sessions_with_attendance(
    queryset: QuerySet[TrainingSession],
) -> QuerySet[TrainingSession]:
    """Each session with `named_attendees`, `headcount_total` and their sum `attendance_total`,
    computed by the database in the same query as the sessions."""
    return queryset.annotate(
        named_attendees=_count_per_session(Attendance, Count("pk")),
        headcount_total=_count_per_session(Headcount, Sum("count")),
    ).annotate(attendance_total=F("named_attendees") + F("headcount_total"))


def _another_report_of_the_same_session() -> Exists:
    """Whether another session has this one's `same_session_key`, as an SQL condition.

    Same group, same day, and the same set of lessons: the other teaches no lesson this
    one did not, and this one none the other did not (two NOT EXISTS make set equality).
    The OuterRefs count the levels: the session listed, the other, a lesson of either.
    """
    listed_teaches_it = SessionLesson.objects.filter(
        session_id=OuterRef(OuterRef(OuterRef("pk"))), lesson_id=OuterRef("lesson_id")
    )
    other_teaches_more = SessionLesson.objects.filter(session_id=OuterRef("pk")).filter(
        ~Exists(listed_teaches_it)
    )
    other_teaches_it = SessionLesson.objects.filter(
        session_id=OuterRef(OuterRef("pk")), lesson_id=OuterRef("lesson_id")
    )
    listed_teaches_more = SessionLesson.objects.filter(session_id=OuterRef(OuterRef("pk"))).filter(
        ~Exists(other_teaches_it)
    )
    others = (
        TrainingSession.objects.filter(group_id=OuterRef("group_id"), date=OuterRef("date"))
        .exclude(pk=OuterRef("pk"))
        .filter(~Exists(other_teaches_more), ~Exists(listed_teaches_more))
    )
    return Exists(others)


def training_sessions_with_duplicate_mark(
    queryset: QuerySet[TrainingSession],
) -> QuerySet[TrainingSession]:
    """Each session with `has_duplicate`: another report of it exists (`same_session_key`).

    The other report is of the same group, so of the same provinces: the mark tells an
    officer nothing about sessions they may not see.
    """
    return queryset.annotate(has_duplicate=_another_report_of_the_same_session())


def likely_duplicate_sessions(*, session: TrainingSession) -> QuerySet[TrainingSession]:
    """Other sessions with the same `same_session_key`: same group, day and lessons."""
    alike = sessions_by_same_session_key(group_ids=[session.group_id], dates=[session.date])
    return TrainingSession.objects.filter(
        pk__in=[other.pk for other in alike.get(_key_of(session), []) if other.pk != session.pk]
    )


def possible_duplicate_participants(
    *, participant: Participant, among: QuerySet[Participant] | None = None
) -> QuerySet[Participant]:
    """Others who may be the same person: same name and year of birth, or same phone.

    Names are compared without case, spaces or zero-width spaces; phones by their last
    8 digits. `among` narrows the search, e.g. to `participants_for_user(user)`.
    """
    queryset = (among if among is not None else Participant.objects.all()).filter(
        erased_at__isnull=True
    )
    if participant.pk:
        queryset = queryset.exclude(pk=participant.pk)
    matches = Q(pk__in=[])
    name = _normalise_in_python(participant.name, _NAME_NOISE)
    if name and participant.year_of_birth:
        matches |= Q(normalised_name=name, year_of_birth=participant.year_of_birth)
    phone = _normalise_in_python(participant.contact_phone, _PHONE_NOISE, lower=False)
    if len(phone) >= _PHONE_DIGITS:
        matches |= Q(normalised_phone=phone[-_PHONE_DIGITS:])
    return queryset.annotate(
        normalised_name=_normalised_name(F("name")),
        normalised_phone=_normalised_phone(F("contact_phone")),
    ).filter(matches)


def youth_group_roster(group: YouthGroup) -> QuerySet[Participant]:
    """The club's current members (not left, not erased), by name: the roll and the sheet."""
    # One filter() call, so the membership that is current is the one with this club.
    return Participant.objects.filter(
        memberships__group=group, memberships__left_on__isnull=True, erased_at__isnull=True
    ).order_by("name", "pk")


def sessions_facilitated_since_training(
    *, educator: PeerEducator, sessions: QuerySet[TrainingSession]
) -> QuerySet[TrainingSession]:
    """Of `sessions` (those the user may see), the ones a peer educator facilitated since
    their training (all, if no date is known), newest first: their page lists them."""
    sessions = sessions.filter(facilitators=educator)
    if educator.trained_on:
        sessions = sessions.filter(date__gte=educator.trained_on)
    return sessions.select_related("group", "commune").order_by("-date", "-pk")
