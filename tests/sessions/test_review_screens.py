"""The officers' decision screens: verify or return a session, erase or merge a participant."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from sessions.models import Attendance, Participant, TrainingSession, TrainingsLogEntry
from tests.factories import AttendanceFactory, ParticipantFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

ROLES = ["officer_x", "officer_y", "national", "club_leader", "editor", "anonymous"]


def login(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])


def is_denied(response) -> bool:
    """Refused as Wagtail refuses: login page, dashboard redirect, 403 or 404."""
    if response.status_code in (403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location.startswith("/admin/login/") or location == "/admin/" or location.startswith("/km/")
    )


@pytest.fixture
def submitted(siem_reap_club):
    session = siem_reap_club["session"]
    session.status = TrainingSession.Status.SUBMITTED
    session.save()
    return session


@pytest.mark.parametrize("role", ROLES)
def test_who_may_verify_a_session_on_its_review_screen(client, users, submitted, role):
    login(client, users, role)
    url = reverse("training_sessions:review", args=[submitted.pk])
    shown = client.get(url)
    response = client.post(url, {"action": "verify"})
    submitted.refresh_from_db()
    if role in ("officer_x", "national"):
        assert shown.status_code == 200
        assert response.status_code == 302
        assert submitted.status == TrainingSession.Status.VERIFIED
        assert submitted.verified_by == users[role]
        assert TrainingsLogEntry.objects.filter(
            object_id=str(submitted.pk), action="trainings.verify"
        ).exists()
    else:
        assert is_denied(shown), role
        assert is_denied(response), role
        assert submitted.status == TrainingSession.Status.SUBMITTED


def test_returning_needs_a_reason_the_club_will_read(client, users, submitted):
    client.force_login(users["officer_x"])
    url = reverse("training_sessions:review", args=[submitted.pk])
    response = client.post(url, {"action": "return", "reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["return_form"].errors
    submitted.refresh_from_db()
    assert submitted.status == TrainingSession.Status.SUBMITTED

    client.post(url, {"action": "return", "reason": "Add the lessons you taught."})
    submitted.refresh_from_db()
    assert submitted.status == TrainingSession.Status.RETURNED
    assert submitted.return_reason == "Add the lessons you taught."


def test_a_session_not_submitted_cannot_be_verified_twice(client, users, submitted):
    client.force_login(users["officer_x"])
    url = reverse("training_sessions:review", args=[submitted.pk])
    client.post(url, {"action": "verify"})
    response = client.post(url, {"action": "verify"})
    assert response.status_code == 200
    assert not response.context["can_review"]
    errors = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("submitted" in message or "ដាក់ស្នើ" in message for message in errors)


def test_edit_and_inspect_screens_link_to_the_review_of_a_submitted_session(
    client, users, submitted
):
    client.force_login(users["officer_x"])
    review_url = reverse("training_sessions:review", args=[submitted.pk])
    for view in ["edit", "inspect"]:
        content = client.get(reverse(f"training_sessions:{view}", args=[submitted.pk])).content
        assert review_url in content.decode(), view
    listing = client.get(reverse("training_sessions:index")).content.decode()
    assert review_url in listing


def test_review_warns_of_a_likely_duplicate(client, users, submitted):
    TrainingSessionFactory(group=submitted.group, date=submitted.date, commune=submitted.commune)
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:review", args=[submitted.pk]))
    assert len(response.context["duplicates"]) == 1


def test_saving_a_likely_duplicate_in_the_admin_warns_but_saves(client, users, siem_reap_club):
    from tests.sessions.test_trainings_admin import empty_formsets

    session = siem_reap_club["session"]
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("training_sessions:add"),
        {
            "group": session.group.pk,
            "date": session.date.isoformat(),
            "duration_minutes": 60,
            "commune": session.commune.pk,
            "attendance_mode": "headcount",
            **empty_formsets(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert TrainingSession.objects.filter(group=session.group, date=session.date).count() == 2
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(session.group.name in message for message in warnings), warnings


@pytest.mark.parametrize("role", ROLES)
def test_only_a_national_officer_erases_a_participant(client, users, siem_reap_club, role):
    participant = siem_reap_club["participant"]
    login(client, users, role)
    url = reverse("participants:erase", args=[participant.pk])
    shown = client.get(url)
    response = client.post(url)
    participant.refresh_from_db()
    if role == "national":
        assert shown.status_code == 200
        assert response.status_code == 302
        assert participant.erased_at is not None
        assert participant.name == ""
    else:
        assert is_denied(shown), role
        assert is_denied(response), role
        assert participant.name == "Chan Sreymom"


def test_erasing_from_the_admin_keeps_the_attendance_counted(client, users, siem_reap_club):
    participant = siem_reap_club["participant"]
    session = siem_reap_club["session"]
    client.force_login(users["national"])
    client.post(reverse("participants:erase", args=[participant.pk]))
    attendance = Attendance.objects.get(session=session)
    assert attendance.participant_id == participant.pk
    assert attendance.age_band
    participant.refresh_from_db()
    assert (participant.sex, participant.home_commune_id) != ("", None)


def test_an_officer_finds_and_merges_a_duplicate_in_their_province(client, users, siem_reap_club):
    kept = siem_reap_club["participant"]
    kept.year_of_birth = 2006
    kept.save()
    duplicate = ParticipantFactory(
        name="chan  sreymom", year_of_birth=2006, home_commune=kept.home_commune
    )
    other_session = TrainingSessionFactory(group=siem_reap_club["group"])
    AttendanceFactory(session=other_session, participant=duplicate)
    client.force_login(users["officer_x"])
    url = reverse("participants:duplicates", args=[kept.pk])
    assert duplicate in client.get(url).context["candidates"]
    response = client.post(url, {"duplicate": duplicate.pk})
    assert response.status_code == 302
    assert not Participant.objects.filter(pk=duplicate.pk).exists()
    assert set(kept.attendances.values_list("session", flat=True)) == {
        siem_reap_club["session"].pk,
        other_session.pk,
    }


def test_a_participant_of_another_province_cannot_be_merged_in(client, users, siem_reap_club):
    kept = siem_reap_club["participant"]
    from tests.factories import commune_in

    stranger = ParticipantFactory(name="Chan Sreymom", home_commune=commune_in("02"))
    client.force_login(users["officer_x"])
    response = client.post(
        reverse("participants:duplicates", args=[kept.pk]), {"duplicate": stranger.pk}
    )
    assert is_denied(response)
    assert Participant.objects.filter(pk=stranger.pk).exists()
