"""Every way a session arrives (club, admin, import) stamps it and logs "submitted"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sessions.models import TrainingSession, TrainingsLogEntry
from tests.sessions.imports.helpers import ATTENDANCE_HEADERS, confirm, upload, xlsx_bytes
from tests.sessions.test_trainings_admin import empty_formsets

pytestmark = pytest.mark.django_db


def submitted_entries(session):
    return TrainingsLogEntry.objects.for_instance(session).filter(action="trainings.submit")


def assert_submitted_by(session, user, *, since):
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.submitted_by == user
    assert session.submitted_at is not None and session.submitted_at >= since
    entries = submitted_entries(session)
    assert [(entry.user, entry.label) for entry in entries] == [(user, str(session))]


def test_a_session_an_officer_adds_in_the_admin_shows_submitted_in_its_history(
    client, users, siem_reap_club
):
    officer, group = users["officer_x"], siem_reap_club["group"]
    client.force_login(officer)
    before = timezone.now()
    response = client.post(
        reverse("training_sessions:add"),
        {
            "group": group.pk,
            "date": "2025-01-10",
            "duration_minutes": 60,
            "commune": group.commune.pk,
            "attendance_mode": "headcount",
            **empty_formsets(),
        },
    )
    assert response.status_code == 302
    session = TrainingSession.objects.exclude(pk=siem_reap_club["session"].pk).get()
    assert session.source == TrainingSession.Source.ADMIN
    assert_submitted_by(session, officer, since=before)
    # Created, then submitted: the history reads in that order, newest first.
    actions = TrainingsLogEntry.objects.for_instance(session).values_list("action", flat=True)
    assert list(actions) == ["trainings.submit", "wagtail.create"]
    history = client.get(reverse("training_sessions:history", args=[session.pk]))
    with translation.override("km"):
        submitted = translation.gettext("Submitted for verification")
    assert submitted in history.content.decode()


@pytest.mark.parametrize("kind", ["attendance", "sessions"])
def test_sessions_an_officer_imports_show_submitted_in_their_history(
    client, users, siem_reap_club, kind
):
    officer, group = users["officer_x"], siem_reap_club["group"]
    client.force_login(officer)
    if kind == "attendance":
        rows = [
            ATTENDANCE_HEADERS,
            [
                "S-1",
                "17",
                group.name,
                "01/03/2025",
                90,
                "Kim Vichet",
                "M",
                1999,
                "01/03/2025",
                "Sok",
            ],
            [
                "S-2",
                "17",
                group.name,
                "02/03/2025",
                90,
                "Kim Vichet",
                "M",
                1999,
                "01/03/2025",
                "Sok",
            ],
        ]
    else:
        headers = ["external id", "province", "youth group", "date", "duration in minutes"]
        rows = [
            [*headers, "female 15-17"],
            ["S-1", "17", group.name, "01/03/2025", 60, 4],
            ["S-2", "17", group.name, "02/03/2025", 60, 7],
        ]
    before = timezone.now()
    __, log = upload(client, kind, xlsx_bytes(rows))
    assert log.rows_rejected == 0, log.errors
    confirm(client, log)
    imported = TrainingSession.objects.filter(source=TrainingSession.Source.IMPORT)
    assert sorted(imported.values_list("external_id", flat=True)) == ["S-1", "S-2"]
    for session in imported:
        assert_submitted_by(session, officer, since=before)


def test_re_importing_a_file_logs_no_second_submission(client, users, siem_reap_club):
    officer, group = users["officer_x"], siem_reap_club["group"]
    client.force_login(officer)
    headers = ["external id", "province", "youth group", "date", "duration in minutes"]
    rows = [[*headers, "female 15-17"], ["S-1", "17", group.name, "01/03/2025", 60, 4]]
    for count in (4, 6):
        rows[1][5] = count
        __, log = upload(client, "sessions", xlsx_bytes(rows))
        confirm(client, log)
    session = TrainingSession.objects.get(external_id="S-1")
    assert submitted_entries(session).count() == 1


def test_a_club_report_submitted_shows_submitted_in_its_history(client, db):
    from tests.factories import YouthGroupFactory, club_leader_of
    from tests.sessions.test_club_pages import NEW, report_data

    club = YouthGroupFactory(name="Club A", province="17")
    leader = club_leader_of(club, username="leader.a")
    client.force_login(leader)
    before = timezone.now()
    data = report_data(club, headcount={"count_female_15_17": 5}, submit="1")
    del data["save_draft"]
    response = client.post(NEW, data)
    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert session.date == timezone.localdate() - datetime.timedelta(days=1)
    assert_submitted_by(session, leader, since=before)
