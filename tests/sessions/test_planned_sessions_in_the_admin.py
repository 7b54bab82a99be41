"""An officer plans a session in the admin, prints its sheet, and enters it from the QR code.

Written also as the attacks: another province's officer, an editor, a club leader and the
anonymous reader, on every new admin URL.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions.models import Membership, TrainingSession
from tests.factories import MinorParticipantFactory, TrainingSessionFactory
from tests.fixtures.pdf import pdf_text
from tests.fixtures.qr import qr_texts_on_first_page

from .test_trainings_admin import empty_formsets

pytestmark = pytest.mark.django_db

PLANNED = TrainingSession.Status.PLANNED
PLAN_URL = "/admin/training_sessions/plan/"


def sheet_url(session) -> str:
    return f"/admin/training_sessions/sign-in-sheet/{session.pk}/"


def plan_data(group, *, days_ahead: int = 4) -> dict:
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return {
        "group": group.pk,
        "date": day.isoformat(),
        "duration_minutes": 60,
        "commune": group.commune.pk,
        **empty_formsets(),
    }


@pytest.fixture
def planned(siem_reap_club):
    group = siem_reap_club["group"]
    Membership.objects.create(group=group, participant=MinorParticipantFactory(name="ស៊ុន សុភ័ក្ត្រ"))
    return TrainingSessionFactory(
        group=group, status=PLANNED, date=timezone.localdate() + datetime.timedelta(days=2)
    )


def test_an_officer_plans_a_session_in_the_future(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    assert client.get(PLAN_URL).status_code == 200
    response = client.post(PLAN_URL, plan_data(siem_reap_club["group"]))
    assert response.status_code == 302
    session = TrainingSession.objects.get(status=PLANNED)
    assert session.source == TrainingSession.Source.ADMIN
    assert response["Location"] == reverse("training_sessions:edit", args=[session.pk])
    edit_page = client.get(response["Location"]).content.decode()
    assert sheet_url(session) in edit_page


def test_an_officer_cannot_plan_for_another_provinces_club(client, users, two_provinces):
    before = TrainingSession.objects.count()
    client.force_login(users["officer_y"])
    response = client.post(PLAN_URL, plan_data(two_provinces["x"]["group"]))
    assert response.status_code == 200
    assert "group" in response.context["form"].errors
    assert TrainingSession.objects.count() == before


def test_the_officers_sheet_names_the_roster_and_its_qr_opens_the_admin_form(
    client, users, planned
):
    client.force_login(users["officer_x"])
    response = client.get(sheet_url(planned))
    assert response.status_code == 200
    assert "ស៊ុន សុភ័ក្ត្រ" in pdf_text(response.content)
    edit = reverse("training_sessions:edit", args=[planned.pk])
    assert qr_texts_on_first_page(response.content) == [f"http://testserver{edit}"]


def test_entering_the_planned_session_in_the_admin_submits_that_session(
    client, users, siem_reap_club
):
    planned = TrainingSessionFactory(
        group=siem_reap_club["group"],
        status=PLANNED,
        date=timezone.localdate() - datetime.timedelta(days=1),
    )
    before = TrainingSession.objects.count()
    client.force_login(users["officer_x"])
    data = plan_data(siem_reap_club["group"], days_ahead=-1)
    data["attendance_mode"] = "named"
    response = client.post(reverse("training_sessions:edit", args=[planned.pk]), data)
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == TrainingSession.Status.SUBMITTED
    assert planned.submitted_by == users["officer_x"]
    assert TrainingSession.objects.count() == before


def test_a_planned_session_entered_before_its_day_is_refused(client, users, planned):
    client.force_login(users["officer_x"])
    data = plan_data(planned.group, days_ahead=2)
    data["attendance_mode"] = "named"
    response = client.post(reverse("training_sessions:edit", args=[planned.pk]), data)
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    planned.refresh_from_db()
    assert planned.status == PLANNED


@pytest.mark.parametrize("who", ["officer_y", "editor"])
def test_another_provinces_officer_and_an_editor_get_no_sheet(client, users, planned, who):
    client.force_login(users[who])
    response = client.get(sheet_url(planned))
    assert response.status_code in (302, 403, 404)
    assert response.get("Content-Type") != "application/pdf"


@pytest.mark.parametrize("who", ["club_leader", "anonymous"])
def test_club_leaders_and_the_anonymous_are_sent_to_the_admin_login(client, users, planned, who):
    if who != "anonymous":
        client.force_login(users[who])
    for url in (sheet_url(planned), PLAN_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_an_editor_may_not_plan(client, users, siem_reap_club):
    client.force_login(users["editor"])
    response = client.post(PLAN_URL, plan_data(siem_reap_club["group"]))
    assert response.status_code in (302, 403)
    assert not TrainingSession.objects.filter(status=PLANNED).exists()


def test_the_officers_qr_form_has_the_roster_as_attendance_rows(client, users, planned):
    member = planned.group.memberships.get().participant
    client.force_login(users["officer_x"])
    response = client.get(reverse("training_sessions:edit", args=[planned.pk]))
    assert response.status_code == 200
    attendances = response.context["form"].formsets["attendances"]
    assert [form.initial.get("participant") for form in attendances.forms] == [member.pk]
    page = response.content.decode()
    assert 'name="attendances-TOTAL_FORMS" value="1"' in page
    assert "ស៊ុន សុភ័ក្ត្រ" in page
