"""Demo training sessions, so the officers' lists, the club's page and the reports show something.

The demo club of Siem Reap (made with the demo accounts) gets a few months of sessions in
each state a session can be in; a second demo club in Battambang lets the two demo officers
see that each has only their own province. Names are invented and marked as demo data.
Built once: a club that already has sessions is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from curriculum.models import LessonPage
from geography.models import Commune

from .demo_accounts import DEMO_CLUB_NAME, DEMO_COLLECTOR
from .models import (
    AgeBand,
    Attendance,
    Headcount,
    Participant,
    PeerEducator,
    SessionLesson,
    Sex,
    TrainingSession,
    YouthGroup,
)

SECOND_CLUB_NAME = "Demo youth club (Battambang)"
SECOND_CLUB_PROVINCE = "02"

#: (days ago, status, attendance mode, how many of the roster came, return reason)
SIEM_REAP_SESSIONS = [
    (120, TrainingSession.Status.VERIFIED, TrainingSession.AttendanceMode.NAMED, 10, ""),
    (90, TrainingSession.Status.VERIFIED, TrainingSession.AttendanceMode.NAMED, 8, ""),
    (60, TrainingSession.Status.VERIFIED, TrainingSession.AttendanceMode.HEADCOUNT, 0, ""),
    (35, TrainingSession.Status.VERIFIED, TrainingSession.AttendanceMode.NAMED, 12, ""),
    (
        20,
        TrainingSession.Status.RETURNED,
        TrainingSession.AttendanceMode.NAMED,
        6,
        "Please add the lessons you taught.",
    ),
    (6, TrainingSession.Status.SUBMITTED, TrainingSession.AttendanceMode.NAMED, 9, ""),
]
BATTAMBANG_SESSIONS = [
    (75, TrainingSession.Status.VERIFIED, TrainingSession.AttendanceMode.HEADCOUNT, 0, ""),
    (15, TrainingSession.Status.SUBMITTED, TrainingSession.AttendanceMode.HEADCOUNT, 0, ""),
]
DEMO_HEADCOUNT = [
    (Sex.FEMALE, AgeBand.AGE_15_17, 7),
    (Sex.MALE, AgeBand.AGE_15_17, 5),
    (Sex.FEMALE, AgeBand.AGE_18_24, 9),
    (Sex.MALE, AgeBand.AGE_18_24, 6),
]


def demo_trainings_build() -> int:
    """Sessions for the demo clubs that have none yet; returns how many were made."""
    siem_reap_club = YouthGroup.objects.filter(name=DEMO_CLUB_NAME).first()
    if siem_reap_club is None:
        return 0
    reviewer = get_user_model().objects.filter(username="national").first()
    lessons = list(LessonPage.objects.live().filter(locale__language_code="km").order_by("path"))
    made = 0
    with transaction.atomic():
        made += _sessions_build(siem_reap_club, SIEM_REAP_SESSIONS, lessons, reviewer)
        battambang_club = _second_club()
        if battambang_club is not None:
            made += _sessions_build(battambang_club, BATTAMBANG_SESSIONS, lessons, reviewer)
    return made


def _second_club() -> YouthGroup | None:
    commune = (
        Commune.objects.filter(district__province__code=SECOND_CLUB_PROVINCE)
        .order_by("code")
        .first()
    )
    if commune is None:
        return None
    group, created = YouthGroup.objects.get_or_create(
        name=SECOND_CLUB_NAME,
        defaults={"commune": commune, "founded_on": datetime.date(2021, 6, 1)},
    )
    if created:
        PeerEducator.objects.create(
            name_km="អ្នកអប់រំសាកល្បង បាត់ដំបង",
            name_latin="Demo educator Battambang",
            sex=Sex.MALE,
            year_of_birth=2000,
            group=group,
            trained_on=datetime.date(2022, 2, 1),
        )
    return group


def _sessions_build(group, plan, lessons, reviewer) -> int:
    if group.training_sessions.exists():
        return 0
    today = timezone.localdate()
    roster = list(Participant.objects.filter(youth_groups=group).order_by("name", "pk"))
    facilitators = list(group.peer_educators.select_related("user"))
    submitter = next((educator.user for educator in facilitators if educator.user_id), None)
    for index, (days_ago, status, mode, present, reason) in enumerate(plan):
        session = TrainingSession.objects.create(
            group=group,
            date=today - datetime.timedelta(days=days_ago),
            start_time=datetime.time(14, 0),
            duration_minutes=90,
            commune=group.commune,
            status=status,
            return_reason=reason,
            source=TrainingSession.Source.WEB_FORM,
            attendance_mode=mode,
            notes=f"{DEMO_COLLECTOR}.",
            submitted_by=submitter,
            submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
            verified_by=reviewer if status == TrainingSession.Status.VERIFIED else None,
            verified_at=(
                timezone.now() - datetime.timedelta(days=days_ago - 2)
                if status == TrainingSession.Status.VERIFIED
                else None
            ),
        )
        session.facilitators.set(facilitators)
        if lessons and status != TrainingSession.Status.RETURNED:
            SessionLesson.objects.create(session=session, lesson=lessons[index % len(lessons)])
        if mode == TrainingSession.AttendanceMode.HEADCOUNT:
            Headcount.objects.bulk_create(
                Headcount(session=session, sex=sex, age_band=band, count=count)
                for sex, band, count in DEMO_HEADCOUNT
            )
        for number, participant in enumerate(roster[:present]):
            Attendance.objects.create(
                session=session,
                participant=participant,
                pre_test_score=40 + (number * 7) % 30,
                post_test_score=65 + (number * 5) % 30,
            )
    return len(plan)
