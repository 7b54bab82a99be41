"""A session's edit form posted with the id of another session's row is refused, not a 500.

The attack: an officer edits a session of their own province and, in the inline rows
(attendance, headcount, lessons), types the id of a row of another session, of another
province, as if it were one of this session's rows.
"""

import pytest
from django.urls import reverse

from sessions.models import Attendance, Headcount, TrainingSession
from tests.factories import AttendanceFactory, TrainingSessionFactory, YouthGroupFactory

from .test_trainings_admin import empty_formsets

pytestmark = pytest.mark.django_db


@pytest.fixture
def battambang_session(db):
    group = YouthGroupFactory(name="Battambang club", province="02")
    session = TrainingSessionFactory(group=group, notes="Battambang notes")
    AttendanceFactory(session=session, participant__name="Battambang person", post_test_score=10)
    Headcount.objects.create(session=session, sex="female", age_band="15-17", count=4)
    return session


def session_form(session, educator) -> dict:
    return {
        "group": session.group.pk,
        "date": session.date.isoformat(),
        "duration_minutes": 90,
        "commune": session.commune.pk,
        "facilitators": [educator.pk],
        "attendance_mode": "named",
        "notes": "Changed by the tampered form",
        **empty_formsets(),
    }


def tampered_rows(relation: str, foreign, own_session) -> dict:
    """One initial row of `relation` whose id is `foreign`'s, another session's row."""
    rows = {
        f"{relation}-TOTAL_FORMS": 1,
        f"{relation}-INITIAL_FORMS": 1,
        f"{relation}-0-id": foreign.pk,
    }
    if relation == "attendances":
        own_participant = own_session.attendances.get().participant
        rows.update(
            {
                f"{relation}-0-participant": own_participant.pk,
                f"{relation}-0-post_test_score": 99,
            }
        )
    else:
        rows.update(
            {
                f"{relation}-0-sex": "male",
                f"{relation}-0-age_band": "25+",
                f"{relation}-0-count": 40,
            }
        )
    return rows


def state(*sessions) -> list:
    return [
        (
            TrainingSession.objects.filter(pk=session.pk).values("notes").get(),
            sorted(
                Attendance.objects.filter(session=session).values_list(
                    "pk", "participant_id", "post_test_score"
                )
            ),
            sorted(
                Headcount.objects.filter(session=session).values_list(
                    "pk", "sex", "age_band", "count"
                )
            ),
        )
        for session in sessions
    ]


@pytest.mark.parametrize("relation", ["attendances", "headcounts"])
@pytest.mark.parametrize("delete", [False, True], ids=["change", "delete"])
def test_a_row_id_of_another_provinces_session_is_refused_and_nothing_saved(
    client, users, siem_reap_club, battambang_session, relation, delete
):
    session = siem_reap_club["session"]
    foreign = getattr(battambang_session, relation).get()
    before = state(session, battambang_session)
    data = {
        **session_form(session, siem_reap_club["educator"]),
        **tampered_rows(relation, foreign, session),
    }
    if delete:
        data[f"{relation}-0-DELETE"] = "on"
    client.force_login(users["officer_x"])
    response = client.post(reverse("training_sessions:edit", args=[session.pk]), data)
    assert response.status_code in (200, 400)
    assert state(session, battambang_session) == before
    content = response.content.decode()
    assert "Battambang person" not in content
    assert response.context["form"].formsets[relation].non_form_errors()
    # The officer reads why on the form, in Khmer (the admin's default language here).
    assert str(response.context["form"].formsets[relation].non_form_errors()[0]) in content


def test_a_row_id_that_is_no_number_is_refused_with_the_message(client, users, siem_reap_club):
    session = siem_reap_club["session"]
    before = state(session)
    data = {
        **session_form(session, siem_reap_club["educator"]),
        "attendances-TOTAL_FORMS": 1,
        "attendances-INITIAL_FORMS": 1,
        "attendances-0-id": "1 OR 1=1",
        "attendances-0-participant": siem_reap_club["participant"].pk,
    }
    client.force_login(users["officer_x"])
    response = client.post(reverse("training_sessions:edit", args=[session.pk]), data)
    assert response.status_code in (200, 400)
    assert state(session) == before
    # In Khmer, the admin's default language here.
    assert "ជួរខ្លះនៃទម្រង់នេះ មិនមែនជាជួររបស់កំណត់ត្រានេះទេ" in response.content.decode()
