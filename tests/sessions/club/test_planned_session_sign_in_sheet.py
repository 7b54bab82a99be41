"""A club leader plans a session, prints its Khmer sign-in sheet, and reports it from its QR code.

The sheet is read back as a person would: its text with pdftotext, its QR code drawn by
pdftoppm and decoded with zxing-cpp. Written also as the attacks: another club's leader,
another province's officer, the anonymous reader.
"""

import datetime

import pytest
from django.utils import timezone

from sessions.models import AccessLogEntry, Membership, TrainingSession
from tests.factories import (
    MinorParticipantFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    officer_of,
)
from tests.fixtures.pdf import assert_khmer_font_only, pdf_text
from tests.fixtures.qr import qr_texts_on_first_page
from tests.sessions.test_club_pages import report_data

pytestmark = pytest.mark.django_db

PLANNED = TrainingSession.Status.PLANNED


def sheet_url(session) -> str:
    return f"/km/club/sessions/{session.pk}/sign-in-sheet/"


def edit_url(session) -> str:
    return f"/km/club/sessions/{session.pk}/edit/"


@pytest.fixture
def khmer_roster(clubs):
    """Club A's roster: an adult and a minor with Khmer names, and one who left."""
    adult = ParticipantFactory(name="សុខ ស្រីមុំ")
    minor = MinorParticipantFactory(name="ចាន់ ដារ៉ា")
    gone = ParticipantFactory(name="កែវ សុភា")
    for person in (adult, minor):
        Membership.objects.create(group=clubs["a"], participant=person)
    Membership.objects.create(group=clubs["a"], participant=gone, left_on=datetime.date(2024, 1, 1))
    return {"adult": adult, "minor": minor, "gone": gone}


@pytest.fixture
def planned(clubs, khmer_roster):
    return TrainingSessionFactory(
        group=clubs["a"], status=PLANNED, date=timezone.localdate() + datetime.timedelta(days=3)
    )


def test_a_leader_plans_a_session_in_the_future(client, clubs):
    client.force_login(clubs["leader_a"])
    day = timezone.localdate() + datetime.timedelta(days=5)
    response = client.post(
        "/km/club/sessions/plan/",
        {"date": day.isoformat(), "duration_minutes": "90", "commune": clubs["a"].commune_id},
    )
    session = TrainingSession.objects.get(group=clubs["a"])
    assert response.status_code == 302
    assert (session.status, session.date) == (PLANNED, day)
    assert sheet_url(session) in client.get(response["Location"]).content.decode()


def test_a_plan_with_a_missing_date_is_a_khmer_error_and_nothing_is_saved(client, clubs):
    client.force_login(clubs["leader_a"])
    response = client.post(
        "/km/club/sessions/plan/", {"duration_minutes": "0", "commune": clubs["a"].commune_id}
    )
    assert response.status_code == 400
    assert "ត្រូវតែបំពេញចន្លោះនេះ" in response.content.decode()  # "This field is required."
    assert not TrainingSession.objects.exists()


def test_the_sheet_lists_the_roster_in_khmer_and_its_qr_opens_this_sessions_form(
    client, clubs, planned, khmer_roster
):
    client.force_login(clubs["leader_a"])
    response = client.get(sheet_url(planned))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "សុខ ស្រីមុំ" in text
    assert "ចាន់ ដារ៉ា" in text
    assert "កែវ សុភា" not in text  # left the club: not on the roll
    assert "សន្លឹកចុះឈ្មោះចូលរួម" in text  # the sheet's Khmer title
    assert_khmer_font_only(response.content)
    assert qr_texts_on_first_page(response.content) == [f"http://testserver{edit_url(planned)}"]
    # The sheet lists names: the leader's printing of each is logged.
    assert (
        AccessLogEntry.objects.filter(
            user=clubs["leader_a"], screen="club:session_sign_in_sheet"
        ).count()
        == 2
    )


def test_the_qr_codes_form_has_the_roster_ticked(client, clubs, planned, khmer_roster):
    client.force_login(clubs["leader_a"])
    response = client.get(edit_url(planned))
    assert response.status_code == 200
    assert set(response.context["roll_form"].initial["present"]) == {
        khmer_roster["adult"].pk,
        khmer_roster["minor"].pk,
    }


def test_reporting_a_planned_session_makes_it_the_report_not_a_second_one(
    client, clubs, khmer_roster
):
    planned = TrainingSessionFactory(
        group=clubs["a"], status=PLANNED, date=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], present=[khmer_roster["minor"]])
    data["submit"] = "1"
    response = client.post(edit_url(planned), data)
    assert response.status_code == 302
    assert TrainingSession.objects.count() == 1
    planned.refresh_from_db()
    assert planned.status == TrainingSession.Status.SUBMITTED
    assert list(planned.attendances.values_list("participant", flat=True)) == [
        khmer_roster["minor"].pk
    ]


def test_a_planned_session_still_in_the_future_cannot_be_reported(client, clubs, planned):
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], date=planned.date.isoformat())
    response = client.post(edit_url(planned), data)
    assert response.status_code == 200
    planned.refresh_from_db()
    assert planned.status == PLANNED


def test_another_clubs_leader_gets_404_for_the_sheet_and_the_form(client, clubs, planned):
    client.force_login(clubs["leader_b"])
    assert client.get(sheet_url(planned)).status_code == 404
    assert client.get(edit_url(planned)).status_code == 404


def test_an_officer_of_the_province_is_no_club_leader_on_the_public_site(client, planned):
    client.force_login(officer_of("02"))
    assert client.get(sheet_url(planned)).status_code in (403, 404)
    assert client.post("/km/club/sessions/plan/", {}).status_code == 403


def test_the_anonymous_reader_is_sent_to_log_in(client, planned):
    for url in (sheet_url(planned), edit_url(planned), "/km/club/sessions/plan/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_reported_session_has_no_sign_in_sheet(client, clubs, khmer_roster):
    reported = TrainingSessionFactory(group=clubs["a"], status=TrainingSession.Status.DRAFT)
    client.force_login(clubs["leader_a"])
    assert client.get(sheet_url(reported)).status_code == 404
