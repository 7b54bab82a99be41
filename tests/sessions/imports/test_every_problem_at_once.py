"""The import check as an officer reads it: every problem of a row at once, named by column,
and values outside the template's lists refused with the values it accepts."""

import datetime

import pytest

from sessions.models import Participant, TrainingSession

from .helpers import ATTENDANCE_HEADERS, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(officer):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()


def person_row(club, *, sex="F", date="01/03/2025", year=2000, audience=None):
    row = ["S-1", "Siem Reap", club.name, date, 90, "Chan Sreymom", sex, year, "01/03/2025", "Sok"]
    return row if audience is None else [*row, audience]


def test_a_row_with_three_problems_shows_three_messages_in_one_upload(
    officer_client, english, club
):
    rows = [
        [*ATTENDANCE_HEADERS, "audience"],
        person_row(club, sex="X", date="01/01/2099", audience="teachers"),
    ]
    response, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 1
    assert [(error["row"], error["column"]) for error in log.errors] == [
        (2, "date"),
        (2, "audience"),
        (2, "sex"),
    ]
    content = response.content.decode()
    assert "The session date cannot be in the future." in content
    assert content.count("is not in the template&#x27;s list") == 2
    assert not Participant.objects.exists()


def test_a_minors_missing_consents_are_named_by_column_with_the_rows_other_problems(
    officer_client, english, club
):
    minor = datetime.date.today().year - 14  # needs their own assent and a guardian's consent
    rows = [ATTENDANCE_HEADERS, person_row(club, date="01/01/2099", year=minor)]
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert [error["column"] for error in log.errors] == [
        "date",
        "own assent given on",
        "guardian's consent given on",
    ]


def test_a_session_row_lists_its_unknown_group_bad_duration_and_missing_headcount(
    officer_client, english, club
):
    rows = [
        ["external id", "province", "youth group", "date", "duration in minutes", "audience"],
        ["H-1", "Siem Reap", "No such club", "01/03/2025", "ninety", "teachers"],
    ]
    __, log = upload(officer_client, "sessions", xlsx_bytes(rows))
    assert sorted(error["column"] for error in log.errors) == sorted(
        ["youth group", "duration in minutes", "audience", "female 10-14"]
    )
    assert not TrainingSession.objects.exists()


def test_a_sex_outside_the_template_is_refused_with_the_accepted_values(
    officer_client, english, club
):
    rows = [ATTENDANCE_HEADERS, person_row(club, sex="X")]
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 1
    (error,) = log.errors
    assert error["column"] == "sex"
    assert "“X” is not in the template's list" in error["message"]
    for accepted in ("ស្រី", "ប្រុស", "មិនចង់ប្រាប់"):
        assert accepted in error["message"]
    assert not Participant.objects.exists()


def test_an_audience_outside_the_template_is_refused_with_the_accepted_values(
    officer_client, english, club
):
    rows = [[*ATTENDANCE_HEADERS, "audience"], person_row(club, audience="teachers")]
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    (error,) = log.errors
    assert error["column"] == "audience"
    assert "យុវជន" in error["message"] and "youth" in error["message"]


def test_the_template_words_for_prefers_not_to_say_are_still_read(officer_client, club):
    rows = [ATTENDANCE_HEADERS, person_row(club, sex="មិនចង់ប្រាប់")]
    __, log = upload(officer_client, "attendance", xlsx_bytes(rows))
    assert log.rows_rejected == 0, log.errors
    assert log.rows_created == 1
