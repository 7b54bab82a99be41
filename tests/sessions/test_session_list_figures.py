"""The session list shows each session's attendance and marks reports of the same session
(`same_session_key`), with the same number of queries however many sessions it lists."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sessions.models import Headcount, SessionLesson, TrainingSession
from sessions.selectors import likely_duplicate_sessions
from tests.factories import AttendanceFactory, TrainingSessionFactory, YouthGroupFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 1)


def listed(client, **filters) -> dict[int, TrainingSession]:
    response = client.get(reverse("training_sessions:index"), filters)
    assert response.status_code == 200
    return {session.pk: session for session in response.context["object_list"]}


def test_the_list_shows_named_attendees_and_headcounts_as_attendance(client, users, siem_reap_club):
    named = siem_reap_club["session"]  # one named participant
    AttendanceFactory(session=named)
    counted = TrainingSessionFactory(
        group=siem_reap_club["group"], attendance_mode=TrainingSession.AttendanceMode.HEADCOUNT
    )
    Headcount.objects.create(session=counted, sex="female", age_band="15-17", count=7)
    Headcount.objects.create(session=counted, sex="male", age_band="18-24", count=5)
    client.force_login(users["officer_x"])
    sessions = listed(client)
    assert sessions[named.pk].attendance_total == 2
    assert sessions[counted.pk].attendance_total == 12
    page = client.get(reverse("training_sessions:index")).content.decode()
    assert "attendance" in page or "ការចូលរួម" in page


def with_lessons(group, lessons, date=DAY) -> TrainingSession:
    session = TrainingSessionFactory(group=group, date=date)
    for lesson in lessons:
        SessionLesson.objects.create(session=session, lesson=lesson)
    return session


def test_reports_of_the_same_session_are_marked_as_the_duplicate_warning_says(
    client, users, siem_reap_club, curriculum_tree
):
    group = siem_reap_club["group"]
    other_group = YouthGroupFactory(name="Another club", province="17")
    lesson, short = curriculum_tree["lesson"], curriculum_tree["short_lesson"]
    sessions = {
        "one lesson": with_lessons(group, [lesson]),
        "same lesson": with_lessons(group, [lesson]),
        "two lessons": with_lessons(group, [lesson, short]),
        "the two in another order": with_lessons(group, [short, lesson]),
        "the other lesson": with_lessons(group, [short]),
        "a day later": with_lessons(group, [short], date=DAY + datetime.timedelta(days=1)),
        "no lessons": with_lessons(other_group, []),
        "no lessons either": with_lessons(other_group, []),
        "another group": with_lessons(other_group, [lesson, short]),
    }
    client.force_login(users["officer_x"])
    shown = listed(client)
    marks = {name: shown[session.pk].has_duplicate for name, session in sessions.items()}
    assert marks == {
        "one lesson": True,
        "same lesson": True,
        "two lessons": True,
        "the two in another order": True,
        "the other lesson": False,
        "a day later": False,
        "no lessons": True,
        "no lessons either": True,
        "another group": False,
    }
    # One rule: the list's mark and the review screen's warning agree on every session.
    for name, session in sessions.items():
        assert marks[name] == likely_duplicate_sessions(session=session).exists(), name
    page = client.get(reverse("training_sessions:index")).content.decode()
    assert page.count("possible duplicate") + page.count("អាចស្ទួន") >= 6


def list_queries(client) -> int:
    url = reverse("training_sessions:index")
    client.get(url)  # caches warmed as on any later request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_sessions(group, lesson, count: int) -> None:
    for index in range(count):
        session = with_lessons(group, [lesson], date=DAY - datetime.timedelta(days=index % 3))
        AttendanceFactory(session=session)
        Headcount.objects.create(session=session, sex="male", age_band="10-14", count=index + 1)


def test_the_list_takes_as_many_queries_for_a_full_page_as_for_two_sessions(
    client, users, siem_reap_club, curriculum_tree
):
    group = YouthGroupFactory(name="Busy club", province="17")
    client.force_login(users["officer_x"])
    add_sessions(group, curriculum_tree["lesson"], 2)
    few = list_queries(client)
    add_sessions(group, curriculum_tree["lesson"], 40)
    many = list_queries(client)
    assert TrainingSession.objects.count() > 40
    assert many == few


def test_another_provinces_officer_sees_neither_the_sessions_nor_their_figures(
    client, users, siem_reap_club, curriculum_tree
):
    group = siem_reap_club["group"]
    first = with_lessons(group, [curriculum_tree["lesson"]])
    with_lessons(group, [curriculum_tree["lesson"]])
    client.force_login(users["officer_y"])
    assert listed(client) == {}
    page = client.get(reverse("training_sessions:index"), {"group": group.pk}).content.decode()
    assert str(first.group) not in page
