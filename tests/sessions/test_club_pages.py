"""The club leaders' pages: "My club" and reporting a session, in Khmer, their club only."""

import datetime

import pytest
from django.utils import timezone

from sessions.models import (
    Attendance,
    Headcount,
    Membership,
    Participant,
    TrainingSession,
)
from sessions.services import training_session_return
from tests.factories import (
    TrainingSessionFactory,
    YouthGroupFactory,
    club_leader_of,
    officer_of,
    roster_of,
)

HOME = "/km/club/"
NEW = "/km/club/sessions/new/"
FUTURE_DATE_KM = "កាលបរិច្ឆេទវគ្គមិនអាចនៅពេលអនាគតបានទេ។"


def edit_url(session):
    return f"/km/club/sessions/{session.pk}/edit/"


@pytest.fixture
def clubs(db):
    club_a = YouthGroupFactory(name="Club A", province="17")
    club_b = YouthGroupFactory(name="Club B", province="17")
    return {
        "a": club_a,
        "b": club_b,
        "leader_a": club_leader_of(club_a, username="leader.a"),
        "leader_b": club_leader_of(club_b, username="leader.b"),
    }


def report_data(club, *, members=(), present=(), newcomers=(), headcount=None, **overrides):
    """The POST of the report form, as a browser without JavaScript sends it."""
    data = {
        "date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "start_time": "09:00",
        "duration_minutes": "90",
        "commune": str(club.commune_id),
        "facilitators": [str(educator.pk) for educator in club.peer_educators.all()],
        "audience": "youth",
        "notes": "",
        "attendance_mode": "headcount" if headcount is not None else "named",
        "roll-present": [str(member.pk) for member in present],
        "newcomers-TOTAL_FORMS": str(max(3, len(newcomers))),
        "newcomers-INITIAL_FORMS": "0",
        "newcomers-MIN_NUM_FORMS": "0",
        "newcomers-MAX_NUM_FORMS": "50",
        "save_draft": "1",
    }
    for index, newcomer in enumerate(newcomers):
        for key, value in newcomer.items():
            data[f"newcomers-{index}-{key}"] = value
    for key, value in (headcount or {}).items():
        data[f"headcount-{key}"] = str(value)
    data.update(overrides)
    return data


def adult(name):
    return {"name": name, "sex": "male", "year_of_birth": "2000", "consent": "on"}


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith("/km/accounts/login/")


def test_officer_who_leads_no_club_gets_a_clear_page(client, db):
    client.force_login(officer_of("17"))
    for url in (HOME, NEW):
        response = client.get(url)
        assert response.status_code == 403
        assert "trainings/club/no_club.html" in [t.name for t in response.templates]


def test_leader_sees_only_their_own_clubs_sessions(client, clubs):
    mine = TrainingSessionFactory(group=clubs["a"], notes="x")
    theirs = TrainingSessionFactory(group=clubs["b"])
    client.force_login(clubs["leader_a"])
    response = client.get(HOME)
    assert response.status_code == 200
    assert list(response.context["training_sessions"]) == [mine]
    assert theirs not in response.context["training_sessions"]
    assert "Club A" in response.content.decode()
    assert 'href="/km/club/"' in response.content.decode()  # "My club" in the nav


def test_leader_gets_404_on_another_clubs_session(client, clubs):
    theirs = TrainingSessionFactory(group=clubs["b"], status=TrainingSession.Status.DRAFT)
    client.force_login(clubs["leader_a"])
    assert client.get(edit_url(theirs)).status_code == 404
    assert client.post(edit_url(theirs), report_data(clubs["a"])).status_code == 404


@pytest.mark.parametrize("status", ["verified", "submitted"])
def test_a_verified_or_submitted_session_cannot_be_edited(client, clubs, status):
    session = TrainingSessionFactory(group=clubs["a"], status=status)
    client.force_login(clubs["leader_a"])
    assert client.get(edit_url(session)).status_code == 404
    response = client.post(edit_url(session), report_data(clubs["a"], notes="changed"))
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.status == status
    assert session.notes == ""


def test_the_roll_starts_with_every_member_ticked(client, clubs):
    members = roster_of(clubs["a"], 5)
    client.force_login(clubs["leader_a"])
    response = client.get(NEW)
    assert response.status_code == 200
    roll = response.context["roll_form"]
    assert sorted(roll["present"].value()) == sorted(member.pk for member in members)
    assert response.content.decode().count('name="roll-present"') == 5
    assert response.context["form"]["commune"].value() == clubs["a"].commune_id


def test_roll_with_two_absent_and_two_newcomers_records_five_attendances(
    client, clubs, curriculum_tree
):
    members = roster_of(clubs["a"], 5)
    lesson = curriculum_tree["lesson"]
    client.force_login(clubs["leader_a"])
    data = report_data(
        clubs["a"],
        present=members[2:],
        newcomers=[adult("Newcomer One"), adult("Newcomer Two")],
        lessons_taught=[str(lesson.pk)],
        submit="1",
    )
    del data["save_draft"]
    response = client.post(NEW, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == HOME
    session = TrainingSession.objects.get(group=clubs["a"])
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.source == TrainingSession.Source.WEB_FORM
    assert session.attendances.count() == 3 + 2
    absent = {members[0].pk, members[1].pk}
    assert not session.attendances.filter(participant_id__in=absent).exists()
    newcomers = Participant.objects.filter(name__startswith="Newcomer")
    assert newcomers.count() == 2
    assert Membership.objects.filter(group=clubs["a"], participant__in=newcomers).count() == 2
    assert newcomers.first().consent_given_on == timezone.localdate()
    session_lesson = session.session_lessons.get()
    assert session_lesson.lesson_id == lesson.pk
    assert session_lesson.revision_id == lesson.live_revision_id
    assert list(session.facilitators.all()) == list(clubs["a"].peer_educators.all())


def test_headcount_mode_records_headcounts(client, clubs):
    roster_of(clubs["a"], 2)
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], headcount={"count_female_10_14": 4, "count_male_25_plus": 3})
    response = client.post(NEW, data)
    assert response.status_code == 302
    session = TrainingSession.objects.get(group=clubs["a"])
    assert session.attendance_mode == TrainingSession.AttendanceMode.HEADCOUNT
    assert {(row.sex, row.age_band, row.count) for row in Headcount.objects.all()} == {
        ("female", "10-14", 4),
        ("male", "25+", 3),
    }
    assert not Attendance.objects.exists()


def test_a_future_date_shows_a_khmer_message_and_saves_nothing(client, clubs):
    members = roster_of(clubs["a"], 3)
    client.force_login(clubs["leader_a"])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = report_data(
        clubs["a"], present=members, newcomers=[adult("Newcomer One")], date=tomorrow
    )
    response = client.post(NEW, data)
    assert response.status_code == 200
    assert FUTURE_DATE_KM in response.content.decode()
    assert response.context["form"].errors["date"] == [FUTURE_DATE_KM]
    assert not TrainingSession.objects.exists()
    assert not Participant.objects.filter(name="Newcomer One").exists()


def test_a_minor_newcomer_without_guardian_consent_saves_nothing(client, clubs):
    members = roster_of(clubs["a"], 3)
    client.force_login(clubs["leader_a"])
    minor = {
        "name": "Young Newcomer",
        "sex": "female",
        "year_of_birth": str(timezone.localdate().year - 15),
        "assent": "on",
    }
    data = report_data(clubs["a"], present=members, newcomers=[adult("Newcomer One"), minor])
    response = client.post(NEW, data)
    assert response.status_code == 200
    # The message asks for the tick the form shows (the form records date and collector).
    newcomer = response.context["newcomer_formset"][1]
    [message] = newcomer.errors["guardian_consent"]
    assert str(newcomer.fields["guardian_consent"].label) in message
    assert "អាណាព្យាបាល" in message  # guardian, in Khmer
    assert message in response.content.decode()
    assert response.context["LANGUAGE_CODE"] == "km"
    assert not TrainingSession.objects.exists()
    assert not Participant.objects.filter(name__contains="Newcomer").exists()


def test_save_as_draft_keeps_a_draft_and_submit_submits(client, clubs):
    members = roster_of(clubs["a"], 2)
    client.force_login(clubs["leader_a"])
    client.post(NEW, report_data(clubs["a"], present=members))
    session = TrainingSession.objects.get()
    assert session.status == TrainingSession.Status.DRAFT
    assert client.get(HOME).content.decode().count(edit_url(session)) == 1

    data = report_data(clubs["a"], present=members[:1], submit="1")
    del data["save_draft"]
    response = client.post(edit_url(session), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.submitted_by == clubs["leader_a"]
    assert session.attendances.count() == 1


def test_a_returned_session_shows_its_reason_and_can_be_submitted_again(client, clubs):
    members = roster_of(clubs["a"], 2)
    session = TrainingSessionFactory(group=clubs["a"])
    officer = officer_of("17", role="Program officers")
    training_session_return(session=session, user=officer, reason="Add the lesson taught")
    client.force_login(clubs["leader_a"])
    home = client.get(HOME).content.decode()
    assert "Add the lesson taught" in home
    assert edit_url(session) in home
    assert "Add the lesson taught" in client.get(edit_url(session)).content.decode()

    data = report_data(clubs["a"], present=members, submit="1")
    del data["save_draft"]
    assert client.post(edit_url(session), data).status_code == 302
    session.refresh_from_db()
    assert session.status == TrainingSession.Status.SUBMITTED


def test_a_likely_duplicate_is_warned_about_but_saved(client, clubs, curriculum_tree):
    members = roster_of(clubs["a"], 1)
    client.force_login(clubs["leader_a"])
    data = report_data(
        clubs["a"], present=members, lessons_taught=[str(curriculum_tree["lesson"].pk)]
    )
    client.post(NEW, data, follow=True)
    response = client.post(NEW, data, follow=True)
    assert TrainingSession.objects.count() == 2
    assert any(message.level_tag == "warning" for message in response.context["messages"])


def test_a_club_leader_lands_on_my_club_after_logging_in(client, clubs):
    response = client.post(
        "/km/accounts/login/",
        {"username": "leader.a", "password": "correct horse battery"},
    )
    assert response["Location"] == HOME


def test_others_land_on_the_home_page_after_logging_in(client, db):
    officer_of("17", username="officer.x")
    response = client.post(
        "/km/accounts/login/",
        {"username": "officer.x", "password": "correct horse battery"},
    )
    assert response["Location"] == "/"


def test_the_demo_club_leader_leads_a_siem_reap_club_of_twelve_members(settings, db):
    from django.contrib.auth import get_user_model

    from demo.accounts import demo_accounts_create
    from sessions.scoping import club_for_user

    settings.DEMO_ACCOUNTS_ALLOWED = True
    demo_accounts_create()
    demo_accounts_create()  # idempotent
    club = club_for_user(get_user_model().objects.get(username="clubleader"))
    assert club.province.code == "17"
    assert club.members.count() == 12
    assert all(
        name.startswith("Demo member") for name in club.members.values_list("name", flat=True)
    )


def test_a_member_who_left_the_club_is_not_on_its_roll(client, clubs):
    stays, leaves = roster_of(clubs["a"], 2)
    Membership.objects.filter(group=clubs["a"], participant=leaves).update(
        left_on=timezone.localdate()
    )
    Membership.objects.create(group=clubs["b"], participant=leaves)
    client.force_login(clubs["leader_a"])
    response = client.get(NEW)
    assert list(response.context["roll_form"].fields["present"].queryset) == [stays]


def test_a_member_without_consent_on_the_roll_saves_nothing(client, clubs):
    (member,) = roster_of(clubs["a"], 1)
    Participant.objects.filter(pk=member.pk).update(consent_given_on=None)
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], present=[member], newcomers=[adult("Newcomer One")])
    response = client.post(NEW, data)
    assert response.status_code == 200
    errors = response.context["roll_form"].non_field_errors()
    assert errors and errors[0].startswith(member.name)
    assert not TrainingSession.objects.exists()
    assert not Participant.objects.filter(name="Newcomer One").exists()
    assert 'name="date"' in response.content.decode()
