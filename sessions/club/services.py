"""Writes of the club leaders: the session report (lessons, roll, newcomers, headcount), the roster.

All in one transaction, every row through `full_clean()`: a report is saved whole or not at all.
"""

import uuid

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from curriculum.models import LessonPage

from ..models import (
    Attendance,
    Headcount,
    Membership,
    Participant,
    PeerEducator,
    TrainingSession,
    YouthGroup,
)
from ..scoping import club_for_user
from ..services import training_session_submit


def _lessons_set(session: TrainingSession, lessons: list[LessonPage]) -> None:
    wanted = {lesson.pk: lesson for lesson in lessons}
    session.session_lessons.exclude(lesson_id__in=wanted).delete()
    kept = set(session.session_lessons.values_list("lesson_id", flat=True))
    for order, lesson in enumerate(lessons):
        if lesson.pk in kept:
            continue
        # SessionLesson.save() records the lesson's live revision: the one taught.
        session_lesson = session.session_lessons.model(
            session=session, lesson=lesson, sort_order=order
        )
        session_lesson.full_clean()
        session_lesson.save()


def _named_attendance_set(session: TrainingSession, participants: list[Participant]) -> None:
    session.headcounts.all().delete()
    wanted = {participant.pk for participant in participants}
    Attendance.objects.filter(session=session).exclude(participant_id__in=wanted).delete()
    existing = set(
        Attendance.objects.filter(session=session).values_list("participant_id", flat=True)
    )
    for participant in participants:
        if participant.pk in existing:
            continue
        attendance = Attendance(session=session, participant=participant)
        try:
            attendance.full_clean(validate_unique=False)
        except ValidationError as error:
            name = participant.name or participant.code
            raise ValidationError(
                [f"{name}: {message}" for message in error.messages], code="attendance"
            ) from error
        attendance.save()


def _headcount_set(session: TrainingSession, counts: dict[tuple[str, str], int]) -> None:
    Attendance.objects.filter(session=session).delete()
    session.headcounts.all().delete()
    for (sex, age_band), count in counts.items():
        headcount = Headcount(session=session, sex=sex, age_band=age_band, count=count)
        headcount.full_clean()
        headcount.save()


@transaction.atomic
def club_training_session_save(
    *,
    session: TrainingSession,
    user: User,
    lessons: list[LessonPage],
    facilitators: list[PeerEducator],
    present: list[Participant] | None = None,
    newcomers: list[Participant] | None = None,
    headcounts: dict[tuple[str, str], int] | None = None,
    submit: bool = False,
    submission_key: uuid.UUID | None = None,
) -> TrainingSession:
    """Save a club leader's report of `session` (already cleaned by its form), then submit it.

    Newcomers become participants and join the club's roster. A ValidationError from any
    row rolls the whole report back. `submission_key`, made on the leader's phone, marks the
    report as this leader's: the database takes each key once per leader, so a resend of the
    same report fails here (and the view answers with the session already saved).
    """
    if not session.club_may_edit:
        raise ValidationError(_("Only a draft or returned session can be changed."))
    if session.pk is None:
        session.source = TrainingSession.Source.WEB_FORM
    if submission_key is not None:
        session.submission_key = submission_key
        session.reported_by = user
    if session.is_planned:
        # Reported, the planned session is the report itself (a draft until submitted), and
        # its date is checked as a held session's: not in the future.
        session.status = TrainingSession.Status.DRAFT
    session.full_clean()
    session.save()
    session.facilitators.set(
        [educator for educator in facilitators if educator.group_id == session.group_id]
    )
    _lessons_set(session, list(lessons))
    if session.attendance_mode == TrainingSession.AttendanceMode.HEADCOUNT:
        _headcount_set(session, headcounts or {})
    else:
        attending = list(present or [])
        today = timezone.localdate()
        for participant in newcomers or []:
            participant.home_commune = participant.home_commune or session.group.commune
            participant.full_clean()
            participant.save()
            Membership.objects.create(group=session.group, participant=participant, joined_on=today)
            attending.append(participant)
        _named_attendance_set(session, attending)
    if submit:
        training_session_submit(session=session, user=user)
    return session


@transaction.atomic
def club_member_add(*, club: YouthGroup, participant: Participant, user: User) -> Membership:
    """A new person (with their consents, checked by the model) joins the club's roster today."""
    if club_for_user(user) != club:
        raise PermissionDenied(_("You may only change your own club's roster."))
    participant.home_commune = participant.home_commune or club.commune
    participant.full_clean()
    participant.save()
    membership = Membership(group=club, participant=participant, joined_on=timezone.localdate())
    membership.full_clean()
    membership.save()
    log(instance=club, action="wagtail.edit", user=user)
    return membership


@transaction.atomic
def club_membership_end(*, membership: Membership, user: User) -> Membership:
    """A member leaves the club today: off the roll, while their attendance stays in history."""
    if club_for_user(user) != membership.group:
        raise PermissionDenied(_("You may only change your own club's roster."))
    current = Membership.objects.select_for_update().get(pk=membership.pk)
    if current.left_on is not None:
        raise ValidationError(_("This member has already left the club."))
    membership.left_on = timezone.localdate()
    membership.full_clean()
    membership.save(update_fields=["left_on"])
    log(instance=membership.group, action="wagtail.edit", user=user)
    return membership
