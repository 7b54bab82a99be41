"""Trainings test data: a club in Siem Reap (17) with a session and a participant."""

import pytest
from django.utils import translation

from tests.factories import (
    AttendanceFactory,
    PeerEducatorFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    officer_of,
)


@pytest.fixture
def siem_reap_club(db):
    """One of everything in Siem Reap, as an officer there works with it."""
    group = YouthGroupFactory(name="Banteay Srei youth club", province="17")
    educator = PeerEducatorFactory(group=group, name_latin="Sok Dara")
    session = TrainingSessionFactory(group=group)
    session.facilitators.add(educator)
    attendance = AttendanceFactory(session=session, participant__name="Chan Sreymom")
    return {
        "group": group,
        "educator": educator,
        "session": session,
        "participant": attendance.participant,
    }


@pytest.fixture
def users(db):
    return {
        "officer_x": officer_of("17", username="officer.siemreap"),
        "officer_y": officer_of("02", username="officer.battambang"),
        "national": UserFactory(username="national", role="National program officers"),
        "club_leader": UserFactory(username="clubleader", role="Club leaders"),
        "editor": UserFactory(username="editor", role="Editors"),
    }


@pytest.fixture
def messages_in_english():
    """Messages checked in English; the Khmer ones officers read are checked where it says so."""
    with translation.override("en"):
        yield
