"""Each trainings rule gives the same answer on the club pages, in the admin and in the import."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation

from sessions.admin import exports
from sessions.imports import resources
from sessions.models import (
    CONSENT_COLLECTOR_FIELDS,
    CONSENT_FIELDS,
    Attendance,
    Participant,
    SessionLesson,
    TrainingSession,
)
from sessions.selectors import likely_duplicate_sessions
from sessions.services import participant_erase, training_session_submit
from tests.factories import (
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
    club_leader_of,
)
from tests.sessions.imports.helpers import ATTENDANCE_HEADERS, confirm, upload, xlsx_bytes
from tests.sessions.test_club_pages import FUTURE_DATE_KM, NEW, adult, edit_url, report_data
from tests.sessions.test_trainings_admin import empty_formsets

pytestmark = pytest.mark.django_db

Status = TrainingSession.Status


@pytest.fixture
def club(db):
    return YouthGroupFactory(name="Club A", province="17", founded_on=datetime.date(2020, 1, 1))


@pytest.fixture
def leader(club):
    return club_leader_of(club, username="leader.a")


@pytest.fixture
def officer_client(client, users):
    client.force_login(users["officer_x"])
    return client


def import_attendance(client, club, *people, date="01/03/2025", lessons=None, session="S-1"):
    """Upload and confirm an attendance file of `people` ((name, sex, year) each)."""
    headers = [*ATTENDANCE_HEADERS, *(["lessons"] if lessons is not None else [])]
    rows = [
        headers,
        *(
            [session, "17", club.name, date, 90, name, sex, year, "01/03/2025", "Sok Dara"]
            + ([lessons] if lessons is not None else [])
            for name, sex, year in people
        ),
    ]
    __, log = upload(client, "attendance", xlsx_bytes(rows))
    if not log.rows_rejected:
        confirm(client, log)
        log.refresh_from_db()
    return log


# Which statuses a club may change: "My club", the report form and the submit service.


@pytest.mark.parametrize(
    "status, with_the_club",
    [
        (Status.DRAFT, True),
        (Status.RETURNED, True),
        (Status.SUBMITTED, False),
        (Status.VERIFIED, False),
    ],
)
def test_a_club_changes_and_submits_only_its_draft_and_returned_sessions(
    client, club, leader, status, with_the_club
):
    session = TrainingSessionFactory(group=club, status=status)
    client.force_login(leader)
    assert (edit_url(session) in client.get("/km/club/").content.decode()) is with_the_club
    assert client.get(edit_url(session)).status_code == (200 if with_the_club else 404)
    if with_the_club:
        training_session_submit(session=session, user=leader)
        session.refresh_from_db()
        assert session.status == Status.SUBMITTED
    else:
        with pytest.raises(ValidationError):
            training_session_submit(session=session, user=leader)


# The session date rules: the club's form, the admin's form and the import, in Khmer.


def test_a_future_session_date_gets_the_same_khmer_message_everywhere(
    client, officer_client, club, leader, users
):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    log = import_attendance(officer_client, club, ("Kim Vichet", "M", 1999), date=future)
    assert [error["message"] for error in log.errors] == [FUTURE_DATE_KM]

    group = YouthGroupFactory(province="17")
    admin_form = officer_client.post(
        reverse("training_sessions:add"),
        {
            "group": group.pk,
            "date": future,
            "duration_minutes": 60,
            "commune": group.commune_id,
            "attendance_mode": "headcount",
            **empty_formsets(),
        },
    ).context["form"]
    assert admin_form.errors["date"] == [FUTURE_DATE_KM]

    client.force_login(leader)
    response = client.post(NEW, report_data(club, date=future, newcomers=[adult("Kim Vichet")]))
    assert response.context["form"].errors["date"] == [FUTURE_DATE_KM]


def test_a_session_before_the_club_was_founded_gets_the_same_khmer_message_everywhere(
    client, officer_client, club, leader
):
    with translation.override("km"):
        message = translation.gettext(
            "The session cannot be before the group was founded (%(founded_on)s)."
        )
        on_the_form = formats.date_format(club.founded_on, "SHORT_DATE_FORMAT")
    log = import_attendance(officer_client, club, ("Kim Vichet", "M", 1999), date="31/12/2019")
    # The import writes the date as its spreadsheet cells do.
    assert [error["message"] for error in log.errors] == [message % {"founded_on": "01/01/2020"}]

    client.force_login(leader)
    response = client.post(NEW, report_data(club, date="2019-12-31", newcomers=[adult("Kim")]))
    assert response.context["form"].errors["date"] == [message % {"founded_on": on_the_form}]


# The age band on the day of the session: an attendance saved by a form, and one imported.


def test_an_attendance_keeps_the_age_band_of_the_session_day_however_it_is_recorded(
    officer_client, club
):
    last_year = timezone.localdate().year - 1
    born = last_year - 24  # 24 at last year's session: 18-24; 25 and over by now.
    session = TrainingSessionFactory(group=club, date=datetime.date(last_year, 3, 1))
    by_a_form = Attendance.objects.create(
        session=session, participant=ParticipantFactory(year_of_birth=born)
    )
    log = import_attendance(
        officer_client, club, ("Kim Vichet", "M", born), date=f"01/03/{last_year}", session="S-9"
    )
    assert log.rows_created == 1, log.errors
    imported = Attendance.objects.get(participant__name="Kim Vichet")
    assert by_a_form.age_band == imported.age_band == "18-24"
    assert imported.participant.age_band_on(timezone.localdate()) == "25+"


# The participant code: a club's newcomer and an imported person get the same kind of code.


def test_participants_get_the_same_kind_of_code_from_the_club_and_from_an_import(
    client, officer_client, club, leader
):
    import_attendance(officer_client, club, ("Kim Vichet", "M", 1999))
    client.force_login(leader)  # The same browser, now the club leader's.
    assert client.post(NEW, report_data(club, newcomers=[adult("Newcomer")])).status_code == 302
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(codes) == 2
    assert all(re.fullmatch(r"P-[A-Z2-7]{8}", code) for code in codes), codes


# The consent fields: the admin's form, the import's columns, the exports and erasure.


def test_every_consent_field_is_in_the_admin_form_the_import_and_the_export(
    officer_client, siem_reap_club
):
    participant = siem_reap_club["participant"]
    form = officer_client.get(reverse("participants:edit", args=[participant.pk])).context["form"]
    assert set(CONSENT_FIELDS) <= set(form.fields)
    assert set(CONSENT_FIELDS) <= {column.key for column in resources.PARTICIPANT_COLUMNS}
    exported = {column.name: column.personal for column in exports.PARTICIPANT_COLUMNS}
    # Who collected a consent is a name: personal data, for national officers only.
    assert {field: exported[field] for field in CONSENT_FIELDS} == {
        field: field in CONSENT_COLLECTOR_FIELDS for field in CONSENT_FIELDS
    }


def test_erasing_a_participant_removes_every_consent_collectors_name(users, siem_reap_club):
    participant = siem_reap_club["participant"]
    Participant.objects.filter(pk=participant.pk).update(
        **dict.fromkeys(CONSENT_COLLECTOR_FIELDS, "Sok Dara")
    )
    participant_erase(participant=participant, user=users["national"])
    participant.refresh_from_db()
    assert [getattr(participant, field) for field in CONSENT_COLLECTOR_FIELDS] == ["", "", ""]


# "The same session": the duplicate warning and the import that updates it agree.


def test_the_import_updates_the_session_the_duplicate_warning_calls_the_same(
    officer_client, club, curriculum_tree
):
    lesson, other_lesson = curriculum_tree["lesson"], curriculum_tree["short_lesson"]
    session = TrainingSessionFactory(group=club, date=datetime.date(2025, 3, 1))
    SessionLesson.objects.create(session=session, lesson=lesson)
    same = TrainingSessionFactory(group=club, date=session.date)
    SessionLesson.objects.create(session=same, lesson=lesson)
    assert list(likely_duplicate_sessions(session=same)) == [session]
    SessionLesson.objects.create(session=same, lesson=other_lesson)
    assert not likely_duplicate_sessions(session=same).exists()
    same.delete()

    before = TrainingSession.objects.count()
    log = import_attendance(
        officer_client, club, ("Kim", "M", 1999), lessons=lesson.slug, session=""
    )
    assert (log.rows_created, log.rows_rejected) == (1, 0), log.errors
    assert TrainingSession.objects.count() == before
    assert session.attendances.get().participant.name == "Kim"
    both = f"{lesson.slug}; {other_lesson.slug}"
    import_attendance(officer_client, club, ("Kim", "M", 1999), lessons=both, session="")
    assert TrainingSession.objects.count() == before + 1
