"""Demo training sessions, so the officers' lists, the club's page and the reports show something.

The demo club of Siem Reap (made with the demo accounts) gets a few months of sessions in
each state a session can be in; a second demo club in Battambang lets the two demo officers
see that each has only their own province (demo/data/trainings.toml). Names are invented and
marked as demo data. Built once: a club that already has sessions is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from curriculum.models import LessonPage
from geography.models import Commune
from sessions.models import (
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

from .accounts import DEMO_CLUB
from .data_files import demo_data


def demo_trainings_build() -> int:
    """Sessions for the demo clubs that have none yet; returns how many were made."""
    plan = demo_data("trainings")
    siem_reap_club = YouthGroup.objects.filter(name=DEMO_CLUB["name"]).first()
    if siem_reap_club is None:
        return 0
    reviewer = get_user_model().objects.filter(username="national").first()
    lessons = list(LessonPage.objects.live().filter(locale__language_code="km").order_by("path"))
    made = 0
    with transaction.atomic():
        made += _sessions_build(siem_reap_club, plan["club"]["sessions"], lessons, reviewer)
        second_club = _second_club(plan["second_club"])
        if second_club is not None:
            made += _sessions_build(second_club, plan["second_club"]["sessions"], lessons, reviewer)
    return made


def _second_club(club: dict) -> YouthGroup | None:
    commune = (
        Commune.objects.filter(district__province__code=club["province"]).order_by("code").first()
    )
    if commune is None:
        return None
    group, created = YouthGroup.objects.get_or_create(
        name=club["name"],
        defaults={"commune": commune, "founded_on": club["founded_on"]},
    )
    if created:
        educator = club["educator"]
        PeerEducator.objects.create(
            name_km=educator["name_km"],
            name_latin=educator["name_latin"],
            sex=Sex(educator["sex"]),
            year_of_birth=educator["year_of_birth"],
            group=group,
            trained_on=educator["trained_on"],
        )
    return group


def _sessions_build(group, plan, lessons, reviewer) -> int:
    if group.training_sessions.exists():
        return 0
    today = timezone.localdate()
    roster = list(Participant.objects.filter(youth_groups=group).order_by("name", "pk"))
    facilitators = list(group.peer_educators.select_related("user"))
    submitter = next((educator.user for educator in facilitators if educator.user_id), None)
    for index, planned in enumerate(plan):
        days_ago = planned["days_ago"]
        status = TrainingSession.Status(planned["status"])
        mode = TrainingSession.AttendanceMode(planned["attendance_mode"])
        session = TrainingSession.objects.create(
            group=group,
            date=today - datetime.timedelta(days=days_ago),
            start_time=datetime.time(14, 0),
            duration_minutes=90,
            commune=group.commune,
            status=status,
            return_reason=planned.get("return_reason", ""),
            source=TrainingSession.Source.WEB_FORM,
            attendance_mode=mode,
            notes=f"{DEMO_CLUB['collector']}.",
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
                Headcount(
                    session=session,
                    sex=Sex(row["sex"]),
                    age_band=AgeBand(row["age_band"]),
                    count=row["count"],
                )
                for row in demo_data("trainings")["headcount"]
            )
        for number, participant in enumerate(roster[: planned["present"]]):
            Attendance.objects.create(
                session=session,
                participant=participant,
                pre_test_score=40 + (number * 7) % 30,
                post_test_score=65 + (number * 5) % 30,
            )
    return len(plan)
