"""A small programme whose every figure is worked out by hand in the tests.

Two provinces: Siem Reap (17, club A) and Battambang (02, club B).

| session | club | date       | status    | attendance                                 | lessons |
| ------- | ---- | ---------- | --------- | ------------------------------------------ | ------- |
| s1      | A    | 2025-12-10 | verified  | P1 (40→80), P2 (50→70)                     | L1      |
| s2      | A    | 2026-01-15 | verified  | P1 (60→90), P2 (no test), P3 (30→60)       | L1, L2  |
| s3      | B    | 2026-01-20 | verified  | headcount: female 10–14 ×5, male 15–17 ×3  | L2      |
| s4      | B    | 2026-02-05 | verified  | P3 (no test)                               | –       |
| s5      | A    | 2026-01-25 | submitted | P1, P4                                     | L3      |
| s6      | B    | 2026-02-10 | returned  | headcount: male 25+ ×7                     | –       |

P1 female, born 2008 (17 in 2025: 15–17; 18 in 2026: 18–24), plans to go to Thailand.
P2 male, born 2011 (14 in 2025: 10–14; 15 in 2026: 15–17).
P3 female, born 1990 (25+), returned migrant, plans to go to " Thailand " (spaces).
P4 prefers not to say, born 2000: only at the unverified s5, so never counted.
"""

import datetime

import pytest

from curriculum.models import LessonPage, PrintedFileDownload
from sessions.models import Headcount, SessionLesson, Sex, TrainingSession
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    PeerEducatorFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
)
from tests.fixtures.curriculum import publish

VERIFIED = TrainingSession.Status.VERIFIED


def session(group, date, status=VERIFIED, *, facilitators=(), lessons=(), mode="named"):
    training_session = TrainingSessionFactory(
        group=group, date=date, status=status, attendance_mode=mode
    )
    training_session.facilitators.set(facilitators)
    for lesson in lessons:
        SessionLesson.objects.create(session=training_session, lesson=lesson)
    return training_session


@pytest.fixture
def programme(geography, curriculum_tree, en_locale):
    lesson_1 = curriculum_tree["lesson"]
    lesson_2 = curriculum_tree["short_lesson"]
    lesson_3 = publish(
        curriculum_tree["module"],
        LessonPage(
            title="លេខទូរស័ព្ទជំនួយ",
            slug="hotlines",
            summary="ស្គាល់លេខទូរស័ព្ទជំនួយ។",
            duration_minutes=15,
            learning_objectives="<p>ដឹងលេខ។</p>",
            safeguarding_note="<p>ស្ដាប់។</p>",
            body=[],
        ),
    )
    club_a = YouthGroupFactory(name="Club A", province="17")
    club_b = YouthGroupFactory(name="Club B", province="02")
    educator_a1 = PeerEducatorFactory(group=club_a)
    educator_a2 = PeerEducatorFactory(group=club_a)
    educator_a3 = PeerEducatorFactory(group=club_a)
    educator_b1 = PeerEducatorFactory(group=club_b)

    p1 = ParticipantFactory(
        sex=Sex.FEMALE, year_of_birth=2008, plans_to_migrate=True, destination="Thailand"
    )
    p2 = ParticipantFactory(sex=Sex.MALE, year_of_birth=2011)
    p3 = ParticipantFactory(
        sex=Sex.FEMALE,
        year_of_birth=1990,
        returned_migrant=True,
        plans_to_migrate=True,
        destination=" Thailand ",
    )
    p4 = ParticipantFactory(
        sex=Sex.PREFER_NOT_TO_SAY, year_of_birth=2000, plans_to_migrate=True, destination="Korea"
    )

    s1 = session(
        club_a, datetime.date(2025, 12, 10), facilitators=[educator_a1], lessons=[lesson_1]
    )
    AttendanceFactory(session=s1, participant=p1, pre_test_score=40, post_test_score=80)
    AttendanceFactory(session=s1, participant=p2, pre_test_score=50, post_test_score=70)
    s2 = session(
        club_a,
        datetime.date(2026, 1, 15),
        facilitators=[educator_a1, educator_a2],
        lessons=[lesson_1, lesson_2],
    )
    AttendanceFactory(session=s2, participant=p1, pre_test_score=60, post_test_score=90)
    AttendanceFactory(session=s2, participant=p2)
    AttendanceFactory(session=s2, participant=p3, pre_test_score=30, post_test_score=60)
    s3 = session(
        club_b,
        datetime.date(2026, 1, 20),
        facilitators=[educator_b1],
        lessons=[lesson_2],
        mode="headcount",
    )
    Headcount.objects.create(session=s3, sex=Sex.FEMALE, age_band="10-14", count=5)
    Headcount.objects.create(session=s3, sex=Sex.MALE, age_band="15-17", count=3)
    s4 = session(club_b, datetime.date(2026, 2, 5))
    AttendanceFactory(session=s4, participant=p3)
    s5 = session(
        club_a,
        datetime.date(2026, 1, 25),
        TrainingSession.Status.SUBMITTED,
        facilitators=[educator_a3],
        lessons=[lesson_3],
    )
    AttendanceFactory(session=s5, participant=p1, pre_test_score=0, post_test_score=0)
    AttendanceFactory(session=s5, participant=p4)
    s6 = session(
        club_b, datetime.date(2026, 2, 10), TrainingSession.Status.RETURNED, mode="headcount"
    )
    Headcount.objects.create(session=s6, sex=Sex.MALE, age_band="25+", count=7)

    # Downloads: the Khmer handout of L1 12 times over two days, its plan 3 times, and
    # one day outside January 2026.
    km = lesson_1.locale
    for day, variant, count in [
        (datetime.date(2026, 1, 3), "handout", 7),
        (datetime.date(2026, 1, 4), "handout", 5),
        (datetime.date(2026, 1, 4), "lesson-plan", 3),
        (datetime.date(2025, 11, 30), "handout", 100),
    ]:
        PrintedFileDownload.objects.create(
            page=lesson_1, locale=km, variant=variant, day=day, count=count
        )
    PrintedFileDownload.objects.create(
        page=lesson_2, locale=km, variant="handout", day=datetime.date(2026, 1, 9), count=2
    )
    return {
        "lessons": [lesson_1, lesson_2, lesson_3],
        "clubs": {"a": club_a, "b": club_b},
        "sessions": [s1, s2, s3, s4, s5, s6],
        "participants": [p1, p2, p3, p4],
    }
