"""Importing spreadsheets through the admin screen: preview, confirm, re-import, scoping."""

import datetime

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from sessions.imports.kinds import KINDS
from sessions.models import (
    Attendance,
    Headcount,
    ImportLog,
    Membership,
    Participant,
    PeerEducator,
    SessionLesson,
    TrainingSession,
    YouthGroup,
)
from tests.factories import ParticipantFactory, TrainingSessionFactory, YouthGroupFactory

from .helpers import ATTENDANCE_HEADERS, confirm, csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(officer):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()


def attendance_rows(club, *people, session="S-1", date="01/03/2025"):
    return [
        ATTENDANCE_HEADERS,
        *(
            [session, "Siem Reap", club.name, date, 90, name, sex, year, "01/03/2025", "Sok Dara"]
            for name, sex, year in people
        ),
    ]


PEOPLE = [("Chan Sreymom", "F", 2000), ("Kim Vichet", "ប្រុស", 1999), ("Heng Sophea", "f", 2001)]


def database_state():
    return (
        TrainingSession.objects.count(),
        Participant.objects.count(),
        Attendance.objects.count(),
        Membership.objects.count(),
        YouthGroup.objects.count(),
        PeerEducator.objects.count(),
        Headcount.objects.count(),
    )


def test_the_preview_shows_what_would_be_created_and_writes_nothing(officer_client, club):
    before = database_state()
    response, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    assert log.status == ImportLog.Status.CHECKED
    assert (log.rows_total, log.rows_created, log.rows_rejected) == (3, 3, 0)
    assert database_state() == before
    content = response.content.decode()
    assert reverse("trainings_imports:confirm", args=[log.pk]) in content
    assert len(log.file_sha256) == 64
    assert log.user.username == "officer.siemreap"


def test_confirming_writes_sessions_people_and_attendance(officer_client, officer, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    confirm(officer_client, log)
    log.refresh_from_db()
    assert log.status == ImportLog.Status.DONE
    assert log.rows_created == 3
    session = TrainingSession.objects.get()
    assert session.source == TrainingSession.Source.IMPORT
    assert session.status == TrainingSession.Status.SUBMITTED
    assert session.submitted_by == officer
    assert session.external_id == "S-1"
    assert session.attendance_mode == TrainingSession.AttendanceMode.NAMED
    assert session.commune == club.commune
    assert sorted(session.attendances.values_list("participant__name", flat=True)) == [
        "Chan Sreymom",
        "Heng Sophea",
        "Kim Vichet",
    ]
    assert set(Attendance.objects.values_list("age_band", flat=True)) == {"18-24", "25+"}
    assert Membership.objects.filter(group=club).count() == 3


def test_reimporting_the_same_file_creates_no_duplicates(officer_client, club):
    data = xlsx_bytes(attendance_rows(club, *PEOPLE))
    __, log = upload(officer_client, "attendance", data)
    confirm(officer_client, log)
    state = database_state()
    __, again = upload(officer_client, "attendance", data)
    assert (again.rows_created, again.rows_updated, again.rows_skipped) == (0, 0, 3)
    confirm(officer_client, again)
    again.refresh_from_db()
    assert again.status == ImportLog.Status.DONE
    assert database_state() == state


def test_an_updated_file_adds_only_what_is_new(officer_client, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE[:2])))
    confirm(officer_client, log)
    __, again = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    assert (again.rows_created, again.rows_skipped) == (1, 2)
    confirm(officer_client, again)
    assert TrainingSession.objects.count() == 1
    assert Participant.objects.count() == 3
    assert Attendance.objects.count() == 3


def test_without_external_id_a_session_is_known_by_group_date_and_lessons(
    officer_client, club, curriculum_tree
):
    lesson = curriculum_tree["lesson"]
    headers = ["province", "youth group", "date", "duration in minutes", "lessons", "female 15-17"]
    rows = [headers, ["17", club.name, "2025-03-01", 60, lesson.slug, 4]]
    __, log = upload(officer_client, "sessions", xlsx_bytes(rows))
    confirm(officer_client, log)
    session = TrainingSession.objects.get()
    assert list(session.session_lessons.values_list("lesson", flat=True)) == [lesson.pk]
    assert session.session_lessons.get().revision_id == lesson.live_revision_id
    rows[1][5] = 6  # the same session, the headcount corrected
    __, again = upload(officer_client, "sessions", xlsx_bytes(rows))
    assert (again.rows_created, again.rows_updated) == (0, 1)
    confirm(officer_client, again)
    assert TrainingSession.objects.count() == 1
    assert list(Headcount.objects.values_list("sex", "age_band", "count")) == [
        ("female", "15-17", 6)
    ]
    assert SessionLesson.objects.count() == 1


def test_sessions_with_headcounts(officer_client, club):
    headers = [
        "លេខសម្គាល់ / external id",
        "ខេត្ត / province",
        "ក្រុមយុវជន / youth group",
        "កាលបរិច្ឆេទ / date",
        "រយៈពេល (នាទី) / duration in minutes",
        "female 10-14",
        "male 10-14",
        "ប្រុស ២៥+",
    ]
    rows = [
        headers,
        ["H-1", "សៀមរាប", club.name, "០១/០៣/២០២៥", "៩០", 3, 2, 1],
        ["H-2", "Siem Reab", f"  {club.name.upper()} ", 45717, 60, 5, "", ""],
    ]
    __, log = upload(officer_client, "sessions", xlsx_bytes(rows))
    assert log.rows_created == 2, log.errors
    confirm(officer_client, log)
    first = TrainingSession.objects.get(external_id="H-1")
    assert first.date == datetime.date(2025, 3, 1)
    assert first.attendance_mode == TrainingSession.AttendanceMode.HEADCOUNT
    assert sorted(first.headcounts.values_list("sex", "age_band", "count")) == [
        ("female", "10-14", 3),
        ("male", "10-14", 2),
        ("male", "25+", 1),
    ]
    assert TrainingSession.objects.get(external_id="H-2").date == datetime.date(2025, 3, 1)


def test_a_verified_session_is_not_changed_by_import(officer_client, english, club):
    TrainingSessionFactory(
        group=club,
        date=datetime.date(2025, 3, 1),
        source=TrainingSession.Source.IMPORT,
        external_id="V-1",
        status=TrainingSession.Status.VERIFIED,
        duration_minutes=90,
    )
    rows = [
        ["external id", "province", "youth group", "date", "duration in minutes", "male 18-24"],
        ["V-1", "17", club.name, "01/03/2025", 30, 7],
    ]
    __, log = upload(officer_client, "sessions", xlsx_bytes(rows))
    assert log.rows_rejected == 1
    assert "was verified already" in log.errors[0]["message"]
    assert TrainingSession.objects.get().duration_minutes == 90


def test_youth_groups_by_place_names_in_khmer_and_english(officer_client, officer):
    rows = [
        ["group name", "province", "district", "commune", "founded on", "active"],
        ["Club A", "Siem Reap", "", "", "01/01/2024", "yes"],
        ["Club B", "ខេត្តសៀមរាប", "", "", "2024-01-01", ""],
    ]
    from tests.factories import commune_in

    commune = commune_in("17")
    rows[1][3] = commune.name_en
    rows[2][3] = commune.code
    __, log = upload(
        officer_client, "youth_groups", csv_bytes(rows, delimiter=";", bom=True), "g.csv"
    )
    assert (log.rows_created, log.rows_rejected) == (2, 0), log.errors
    confirm(officer_client, log)
    assert set(YouthGroup.objects.values_list("name", "commune")) == {
        ("Club A", commune.pk),
        ("Club B", commune.pk),
    }
    rows[1][5] = "no"
    __, again = upload(officer_client, "youth_groups", csv_bytes(rows), "g.csv")
    assert (again.rows_updated, again.rows_skipped) == (1, 1)
    confirm(officer_client, again)
    assert YouthGroup.objects.get(name="Club A").active is False
    assert YouthGroup.objects.count() == 2


def test_peer_educators_are_matched_by_group_and_name(officer_client, club):
    rows = [
        ["province", "youth group", "name in Khmer", "sex", "year of birth", "trained on"],
        ["17", club.name, "សុខ ដារ៉ា", "ស្រី", "២០០៣", "01/03/2024"],
        ["17", club.name, "ចាន់ ថា", "M", 2002, ""],
    ]
    __, log = upload(officer_client, "peer_educators", xlsx_bytes(rows))
    assert log.rows_created == 2, log.errors
    confirm(officer_client, log)
    rows[2][4] = 2001
    __, again = upload(officer_client, "peer_educators", xlsx_bytes(rows))
    assert (again.rows_updated, again.rows_skipped) == (1, 1)
    confirm(officer_client, again)
    assert PeerEducator.objects.count() == 2
    assert PeerEducator.objects.get(name_km="ចាន់ ថា").year_of_birth == 2001


def test_blank_rows_and_stray_spaces_are_ignored(officer_client, club):
    rows = attendance_rows(club, *PEOPLE[:1])
    rows.insert(1, [None] * len(ATTENDANCE_HEADERS))
    rows.append(["  "] * len(ATTENDANCE_HEADERS))
    rows[2][5] = "  Chan   Sreymom  "
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert (log.rows_total, log.rows_created) == (1, 1)
    confirm(officer_client, log)
    assert Participant.objects.get().name == "Chan Sreymom"


def test_every_bad_row_is_listed_by_row_column_and_message(officer_client, english, club):
    rows = attendance_rows(club, *PEOPLE)
    rows[1][1] = "Atlantis"  # unknown province
    rows[2][3] = "31/02/2025"  # impossible date
    rows[3][6] = "Q"  # unknown sex
    response, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 3
    assert [(error["row"], error["column"]) for error in log.errors] == [
        (2, "province"),
        (3, "date"),
        (4, "sex"),
    ]
    content = response.content.decode()
    assert "There is no province “Atlantis”." in content
    assert "“31/02/2025” is not a date that exists." in content
    assert reverse("trainings_imports:confirm", args=[log.pk]) not in content
    assert not TrainingSession.objects.exists()


def test_messages_are_in_khmer_for_a_khmer_officer(officer_client, club):
    rows = attendance_rows(club, *PEOPLE[:1])
    rows[1][1] = "Atlantis"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.language == "km"
    assert log.errors[0]["column"] == "ខេត្ត"
    assert "Atlantis" in log.errors[0]["message"]
    assert "There is no" not in log.errors[0]["message"]


def test_a_missing_required_column_is_a_file_error(officer_client, english, club):
    rows = [[header for header in ATTENDANCE_HEADERS if header != "date"], ["x"] * 9]
    response, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.status == ImportLog.Status.FAILED
    assert "date" in log.file_error
    assert "The file has no column" in response.content.decode()


def test_an_unknown_commune_and_an_unknown_group_are_row_errors(officer_client, english, club):
    rows = [
        ["group name", "province", "commune", "founded on"],
        ["Club A", "17", "Nowhere commune", "01/01/2024"],
    ]
    __, log = upload(officer_client, "youth_groups", xlsx_bytes(rows))
    assert log.errors[0]["column"] == "commune"
    assert "Nowhere commune" in log.errors[0]["message"]
    rows = attendance_rows(club, *PEOPLE[:1])
    rows[1][2] = "No such club"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.errors[0]["column"] == "youth group"


def test_a_row_outside_the_officers_provinces_is_rejected(officer_client, english):
    battambang_club = YouthGroupFactory(name="Battambang club", province="02")
    rows = attendance_rows(battambang_club, *PEOPLE[:1])
    rows[1][1] = "Battambang"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 1
    assert log.errors[0]["column"] == "province"
    assert "is not one of your provinces" in log.errors[0]["message"]


def test_a_future_date_and_a_date_before_the_club_existed_are_rejected(officer_client, club):
    rows = attendance_rows(club, *PEOPLE[:2])
    rows[1][3] = "01/01/2099"
    rows[2][3] = "01/01/2019"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 2
    assert {error["row"] for error in log.errors} == {2, 3}


def test_a_minor_without_guardian_consent_is_rejected(officer_client, club):
    rows = attendance_rows(club, ("Young One", "F", datetime.date.today().year - 14))
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 1


def test_participants_are_found_by_their_code(officer_client, club):
    person = ParticipantFactory(name="Known Person")
    Membership.objects.create(group=club, participant=person)
    rows = [
        [*ATTENDANCE_HEADERS, "participant code"],
        ["S-9", "17", club.name, "01/03/2025", 60, "Known Person", "F", "", "", "", person.code],
        ["S-9", "17", club.name, "01/03/2025", 60, "Nobody", "F", "", "", "", "P-ZZZZZZZZ"],
    ]
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_created == 1
    assert log.errors[0]["row"] == 3
    rows.pop()
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    confirm(officer_client, log)
    assert Attendance.objects.get().participant == person
    assert Participant.objects.count() == 1


def test_nothing_can_be_confirmed_while_a_row_is_bad(officer_client, club):
    rows = attendance_rows(club, *PEOPLE)
    rows[1][6] = "Q"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    response = confirm(officer_client, log)
    assert response.status_code in (403, 200)
    log.refresh_from_db()
    assert log.status == ImportLog.Status.NEEDS_FIXING
    assert not TrainingSession.objects.exists()


def test_a_failure_in_the_middle_of_writing_leaves_the_database_as_it_was(
    officer_client, club, settings, monkeypatch
):
    settings.IMPORT_BATCH_SIZE = 2
    people = [(f"Person {number}", "F", 2000) for number in range(7)]
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *people)))
    assert log.rows_created == 7
    before = database_state()
    kind = KINDS["attendance"]
    original = kind.process
    calls = []

    def fail_on_third_batch(rows, context):
        calls.append(context.write)
        if context.write and calls.count(True) == 3:
            raise RuntimeError("disk full")
        return original(rows, context)

    monkeypatch.setattr(kind, "process", fail_on_third_batch)
    response = confirm(officer_client, log)
    assert response.status_code == 200
    log.refresh_from_db()
    assert log.status == ImportLog.Status.FAILED
    assert log.file_error
    assert database_state() == before


def test_an_officer_cannot_see_another_officers_import(client, officer_client, other_officer, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    client.force_login(other_officer)
    response = client.get(reverse("trainings_imports:detail", args=[log.pk]), follow=True)
    assert response.status_code == 404
    response = client.post(reverse("trainings_imports:confirm", args=[log.pk]), follow=True)
    assert response.status_code == 404
    index = client.get(reverse("trainings_imports:index"))
    assert log.file_name not in index.content.decode()


def test_a_national_officer_sees_every_import(client, officer_client, national, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    client.force_login(national)
    assert client.get(reverse("trainings_imports:detail", args=[log.pk])).status_code == 200


def test_editors_and_club_leaders_cannot_import(client, db):
    from tests.factories import UserFactory

    for role in ("Editors", "Club leaders"):
        client.force_login(UserFactory(role=role))
        response = client.get(reverse("trainings_imports:index"))
        assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "empty"),
        (b"%PDF-1.4\x00\x00", "report.pdf", "not a spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "secret.xlsx", "password"),
        (xlsx_bytes([["read me"]], title="instructions"), "wrong.xlsx", "no sheet of data"),
        ("province;name\nSiem Reap;Sreÿmom\n".encode("latin-1"), "latin.csv", "UTF-8"),
        (csv_bytes([ATTENDANCE_HEADERS]), "header-only.csv", "no data rows"),
    ],
)
def test_bad_files_get_a_clear_message(officer_client, english, data, name, message):
    response, __ = upload(officer_client, "attendance", data, name)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()


def test_a_file_over_the_limit_is_refused_at_upload(officer_client, english, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    response, log = upload(officer_client, "attendance", b"x" * 200, "big.csv")
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert log is None


def test_the_import_screen_is_in_the_trainings_menu(officer_client):
    response = officer_client.get(reverse("wagtailadmin_home"))
    assert reverse("trainings_imports:index") in response.content.decode()


def test_a_row_with_several_problems_lists_each_of_them(officer_client, english, club):
    rows = attendance_rows(club, *PEOPLE[:1])
    rows[1][1] = "Atlantis"
    rows[1][3] = "31/02/2025"
    rows[1][6] = "Q"
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert [error["column"] for error in log.errors] == ["province", "date", "sex"]
    assert log.rows_rejected == 1


def test_a_running_import_shows_a_progress_bar_that_refreshes(officer_client, officer):
    from django.core.cache import cache

    from sessions.imports.service import progress_key

    log = ImportLog.objects.create(
        kind="attendance", user=officer, file_name="big.xlsx", file_sha256="0" * 64
    )
    cache.set(progress_key(log.pk), (12000, 50000))
    content = officer_client.get(reverse("trainings_imports:detail", args=[log.pk])).content
    content = content.decode()
    assert '<progress max="100" value="24">' in content
    assert '<meta http-equiv="refresh" content="2">' in content


def test_a_background_import_runs_through_the_task_queue(officer, club, settings):
    """With a real queue the upload returns at once; the tasks then check and write."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sessions.imports.service import import_confirm, import_upload
    from sessions.imports.tasks import import_check_task, import_write_task

    data = xlsx_bytes(attendance_rows(club, *PEOPLE))
    log = import_upload(
        user=officer,
        kind="attendance",
        uploaded_file=SimpleUploadedFile("a.xlsx", data),
        language="en",
    )
    assert log.status == ImportLog.Status.CHECKING
    assert import_check_task.call(log.pk) == ImportLog.Status.CHECKED
    log.refresh_from_db()
    import_confirm(log=log, user=officer)
    assert import_write_task.call(log.pk) == ImportLog.Status.DONE
    assert Attendance.objects.count() == 3


def test_a_person_at_several_sessions_across_batches_is_one_participant(
    officer_client, club, settings
):
    settings.IMPORT_BATCH_SIZE = 2
    rows = [ATTENDANCE_HEADERS]
    for number, date in enumerate(["01/03/2025", "02/03/2025", "03/03/2025"]):
        for name in ("Chan Sreymom", f"Guest {number}"):
            rows.append([f"S-{number}", "17", club.name, date, 60, name, "F", 2000, date, "Sok"])
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert (log.rows_created, log.rows_rejected) == (6, 0)
    confirm(officer_client, log)
    assert Participant.objects.filter(name="Chan Sreymom").count() == 1
    assert Attendance.objects.filter(participant__name="Chan Sreymom").count() == 3
    assert TrainingSession.objects.count() == 3


def test_a_cancelled_import_writes_nothing_and_keeps_its_preview(officer_client, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    officer_client.post(reverse("trainings_imports:cancel", args=[log.pk]))
    log.refresh_from_db()
    assert (log.status, log.rows_created) == (ImportLog.Status.CANCELLED, 3)
    confirm(officer_client, log)
    log.refresh_from_db()
    assert log.status == ImportLog.Status.CANCELLED
    assert not TrainingSession.objects.exists()


def test_a_checked_file_nobody_confirms_is_deleted_after_two_days(officer_client, club):
    from sessions.imports.service import files_root

    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    stored = files_root() / log.stored_path
    assert stored.exists()
    ImportLog.objects.filter(pk=log.pk).update(
        created_at=log.created_at - datetime.timedelta(days=3)
    )
    upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    log.refresh_from_db()
    assert log.status == ImportLog.Status.CANCELLED
    assert not stored.exists()


def test_an_import_whose_worker_died_is_shown_as_failed_not_running_forever(officer_client, club):
    from sessions.imports.service import STALLED_AFTER

    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    # As if the worker died after the officer confirmed: the status stays "importing".
    ImportLog.objects.filter(pk=log.pk).update(
        status=ImportLog.Status.IMPORTING,
        started_at=log.started_at - STALLED_AFTER - datetime.timedelta(minutes=1),
    )
    response = officer_client.get(reverse("trainings_imports:detail", args=[log.pk]))
    log.refresh_from_db()
    assert log.status == ImportLog.Status.FAILED
    assert log.file_error in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_a_running_import_within_its_time_is_left_running(officer_client, club):
    __, log = upload(officer_client, "attendance", xlsx_bytes(attendance_rows(club, *PEOPLE)))
    ImportLog.objects.filter(pk=log.pk).update(status=ImportLog.Status.IMPORTING)
    officer_client.get(reverse("trainings_imports:detail", args=[log.pk]))
    log.refresh_from_db()
    assert log.status == ImportLog.Status.IMPORTING


def external_id_rows(kind: str, club, external_id: str) -> list[list]:
    if kind == "attendance":
        return attendance_rows(club, *PEOPLE[:1], session=external_id)
    return [
        ["external id", "province", "youth group", "date", "duration in minutes", "male 18-24"],
        [external_id, "17", club.name, "01/03/2025", 90, 7],
    ]


def preview(log) -> tuple:
    return (log.status, log.rows_created, log.rows_updated, log.rows_rejected, log.errors)


@pytest.mark.parametrize("kind", ["sessions", "attendance"])
def test_an_import_does_not_tell_an_officer_an_external_id_exists_in_another_province(
    officer_client, english, club, kind
):
    battambang_session = TrainingSessionFactory(
        group=YouthGroupFactory(name="Battambang club", province="02"),
        date=datetime.date(2025, 2, 1),
        source=TrainingSession.Source.IMPORT,
        external_id="BB-7",
    )
    __, unused = upload(officer_client, kind, xlsx_bytes(external_id_rows(kind, club, "XX-7")))
    __, probe = upload(officer_client, kind, xlsx_bytes(external_id_rows(kind, club, "BB-7")))
    # The answer for an id another province uses is the answer for an id nobody uses.
    assert preview(probe) == preview(unused)
    confirm(officer_client, probe)
    probe.refresh_from_db()
    assert probe.status == ImportLog.Status.DONE
    mine = TrainingSession.objects.get(external_id="BB-7", group=club)
    assert mine.date == datetime.date(2025, 3, 1)
    battambang_session.refresh_from_db()
    assert battambang_session.date == datetime.date(2025, 2, 1)
    assert battambang_session.group.name == "Battambang club"


def test_an_external_id_of_another_of_the_officers_clubs_is_still_rejected(
    officer_client, english, club
):
    other_club = YouthGroupFactory(name="Other Siem Reap club", province="17")
    TrainingSessionFactory(
        group=other_club, source=TrainingSession.Source.IMPORT, external_id="SR-1"
    )
    __, log = upload(
        officer_client, "sessions", xlsx_bytes(external_id_rows("sessions", club, "SR-1"))
    )
    assert log.rows_rejected == 1
    assert "belongs to another group" in log.errors[0]["message"]
