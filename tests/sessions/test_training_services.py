"""Verifying, returning, erasing and merging, through the services every screen calls."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from sessions.models import Attendance, Membership, Participant, SessionLesson, TrainingSession
from sessions.selectors import likely_duplicate_sessions, possible_duplicate_participants
from sessions.services import (
    participant_erase,
    participants_merge,
    training_session_return,
    training_session_submit,
    training_session_verify,
)
from tests.factories import (
    AttendanceFactory,
    MinorParticipantFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("messages_in_english")]


def test_officer_of_the_province_verifies_a_submitted_session(users, siem_reap_club):
    session = siem_reap_club["session"]
    training_session_verify(session=session, user=users["officer_x"])
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.VERIFIED
    assert session.verified_by == users["officer_x"]
    assert session.verified_at is not None


def test_officer_of_another_province_cannot_verify_and_nothing_changes(users, siem_reap_club):
    session = siem_reap_club["session"]
    with pytest.raises(PermissionDenied):
        training_session_verify(session=session, user=users["officer_y"])
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SUBMITTED


def test_only_submitted_sessions_can_be_verified(users, siem_reap_club):
    session = TrainingSessionFactory(
        group=siem_reap_club["group"], status=TrainingSession.Status.DRAFT
    )
    with pytest.raises(ValidationError, match="Only submitted sessions can be verified"):
        training_session_verify(session=session, user=users["national"])


def test_a_returned_session_says_why_and_can_be_resubmitted(users, siem_reap_club):
    session = siem_reap_club["session"]
    with pytest.raises(ValidationError):
        training_session_return(session=session, user=users["officer_x"], reason="  ")
    training_session_return(session=session, user=users["officer_x"], reason="Add the lessons.")
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.RETURNED
    assert session.return_reason == "Add the lessons."
    training_session_submit(session=session, user=users["officer_x"])
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SUBMITTED


def test_club_leader_submits_only_their_own_clubs_session(users, siem_reap_club):
    leader = users["club_leader"]
    educator = siem_reap_club["educator"]
    educator.user = leader
    educator.save()
    own = TrainingSessionFactory(group=siem_reap_club["group"], status="draft")
    other = TrainingSessionFactory(status="draft")
    training_session_submit(session=own, user=leader)
    assert own.status == TrainingSession.Status.SUBMITTED
    assert own.submitted_by == leader
    with pytest.raises(PermissionDenied):
        training_session_submit(session=other, user=leader)


def test_bulk_verify_verifies_submitted_sessions_of_the_officers_provinces_only(
    client, users, siem_reap_club
):
    own = siem_reap_club["session"]
    draft = TrainingSessionFactory(group=siem_reap_club["group"], status="draft")
    battambang = TrainingSessionFactory(group=YouthGroupFactory(province="02"))
    client.force_login(users["officer_x"])
    listing = client.get(reverse("training_sessions:index"))
    assert b"bulk-actions-choices" in listing.content
    url = reverse("wagtail_bulk_action", args=["trainings", "trainingsession", "verify"])
    query = f"?id={own.pk}&id={draft.pk}&id={battambang.pk}"
    confirm = client.get(url + query)
    assert confirm.status_code == 200
    assert str(battambang) not in confirm.content.decode()
    response = client.post(url + query, {})
    assert response.status_code == 302
    statuses = dict(TrainingSession.objects.values_list("pk", "status"))
    assert statuses[own.pk] == "verified"
    assert statuses[draft.pk] == "draft"
    assert statuses[battambang.pk] == "submitted"


def test_bulk_verify_of_another_provinces_session_alone_is_not_found(client, users, siem_reap_club):
    client.force_login(users["officer_y"])
    url = reverse("wagtail_bulk_action", args=["trainings", "trainingsession", "verify"])
    url += f"?id={siem_reap_club['session'].pk}"
    response = client.post(url, {})
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"].startswith("/km/")
    assert TrainingSession.objects.get().status == "submitted"


def test_erasing_a_participant_keeps_the_figures(users, siem_reap_club):
    session = siem_reap_club["session"]
    minor = MinorParticipantFactory(name="Keo Pisey", contact_phone="097 111 2222")
    AttendanceFactory(session=session, participant=minor)
    Membership.objects.create(group=siem_reap_club["group"], participant=minor)

    def figures():
        return list(
            Attendance.objects.values("participant__sex", "age_band", "participant__home_commune")
            .annotate(count=Count("pk"))
            .order_by("participant__sex", "age_band")
        )

    before = figures()
    band_before = minor.age_band_on(session.date)
    participant_erase(participant=minor, user=users["national"])
    minor.refresh_from_db()
    assert figures() == before
    assert minor.name == "" and minor.contact_phone == "" and minor.year_of_birth is None
    assert minor.assent_collected_by == "" and minor.guardian_consent_collected_by == ""
    assert minor.age_band == band_before == "15-17"
    assert minor.sex == "female" and minor.home_commune is not None
    assert minor.erased_at is not None
    assert minor.memberships.get().left_on == timezone.localdate()


def test_only_national_officers_erase(users, siem_reap_club):
    with pytest.raises(PermissionDenied):
        participant_erase(participant=siem_reap_club["participant"], user=users["officer_x"])
    assert Participant.objects.get().name == "Chan Sreymom"


def test_merging_moves_attendances_without_duplicates(users, siem_reap_club):
    session = siem_reap_club["session"]
    keep = siem_reap_club["participant"]
    duplicate = ParticipantFactory(name="chan  sreymom", contact_phone="")
    AttendanceFactory(session=session, participant=duplicate)  # both recorded at one session
    other_session = TrainingSessionFactory(group=session.group)
    AttendanceFactory(session=other_session, participant=duplicate)
    Membership.objects.create(group=session.group, participant=duplicate)

    participants_merge(keep=keep, duplicate=duplicate, user=users["officer_x"])

    assert not Participant.objects.filter(pk=duplicate.pk).exists()
    assert set(keep.attendances.values_list("session", flat=True)) == {
        session.pk,
        other_session.pk,
    }
    assert Attendance.objects.filter(session=session).count() == 1
    assert keep.memberships.count() == 1


def test_officer_of_another_province_cannot_merge(users, siem_reap_club):
    duplicate = ParticipantFactory()
    with pytest.raises(PermissionDenied):
        participants_merge(
            keep=siem_reap_club["participant"], duplicate=duplicate, user=users["officer_y"]
        )
    assert Participant.objects.count() == 2


def test_likely_duplicate_session_has_the_same_group_date_and_lessons(curriculum_tree):
    lesson, short = curriculum_tree["lesson"], curriculum_tree["short_lesson"]
    first = TrainingSessionFactory()
    SessionLesson.objects.create(session=first, lesson=lesson)
    same = TrainingSessionFactory(group=first.group, date=first.date)
    SessionLesson.objects.create(session=same, lesson=lesson)
    more_lessons = TrainingSessionFactory(group=first.group, date=first.date)
    SessionLesson.objects.create(session=more_lessons, lesson=lesson)
    SessionLesson.objects.create(session=more_lessons, lesson=short)
    TrainingSessionFactory(group=first.group, date=first.date - datetime.timedelta(days=1))
    assert list(likely_duplicate_sessions(session=first)) == [same]
    assert first.session_lessons.get().revision == lesson.live_revision


def test_possible_duplicate_participants_by_name_and_year_or_phone(siem_reap_club):
    person = siem_reap_club["participant"]
    same_name = ParticipantFactory(name=" CHAN SREYMOM ", year_of_birth=person.year_of_birth)
    same_phone = ParticipantFactory(
        name="Someone else", contact_phone="+855 " + person.contact_phone.lstrip("0")
    )
    ParticipantFactory(name="Chan Sreymom", year_of_birth=person.year_of_birth - 5)
    assert set(possible_duplicate_participants(participant=person)) == {same_name, same_phone}


def test_sessions_without_lessons_on_the_same_day_are_likely_duplicates(curriculum_tree):
    first = TrainingSessionFactory()
    same = TrainingSessionFactory(group=first.group, date=first.date)
    with_a_lesson = TrainingSessionFactory(group=first.group, date=first.date)
    SessionLesson.objects.create(session=with_a_lesson, lesson=curriculum_tree["lesson"])
    assert list(likely_duplicate_sessions(session=first)) == [same]
