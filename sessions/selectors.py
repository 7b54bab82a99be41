"""Reads of the trainings app that compute an answer in the database."""

from collections.abc import Iterable

from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.expressions import Combinable, Func
from django.db.models.functions import Lower, Replace, Right

from .models import Participant, TrainingSession

#: Characters people put in names and phone numbers that do not tell two people apart.
_NAME_NOISE = [" ", "\u200b", ".", "-"]
_PHONE_NOISE = [" ", "-", ".", "(", ")", "+"]
#: Cambodian numbers differ in their prefix (0, +855, 855): the last 8 digits decide.
_PHONE_DIGITS = 8


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


def likely_duplicate_sessions(*, session: TrainingSession) -> QuerySet[TrainingSession]:
    """Other sessions of the same group on the same day that taught the same lessons."""
    lesson_ids = {session_lesson.lesson_id for session_lesson in session.session_lessons.all()}
    candidates = TrainingSession.objects.filter(group_id=session.group_id, date=session.date)
    if session.pk:
        candidates = candidates.exclude(pk=session.pk)
    candidates = candidates.annotate(lesson_count=Count("session_lessons", distinct=True))
    if not lesson_ids:
        # No lessons recorded: alike are the group's other sessions that day without lessons.
        return candidates.filter(lesson_count=0)
    return candidates.annotate(
        matching_lesson_count=Count(
            "session_lessons", filter=Q(session_lessons__lesson_id__in=lesson_ids), distinct=True
        ),
    ).filter(lesson_count=len(lesson_ids), matching_lesson_count=len(lesson_ids))


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
