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

#: Texts a spreadsheet program would run as formulas, typed into the fields exported.
EXPORT_FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\r=1"]


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


@pytest.fixture
def two_provinces(siem_reap_club):
    """Siem Reap's club (17) and a Battambang club (02), each with a session and an attendee."""
    group = YouthGroupFactory(name="Battambang club", province="02")
    educator = PeerEducatorFactory(group=group, name_latin="Battambang educator")
    session = TrainingSessionFactory(group=group, external_id="BTB-1")
    attendance = AttendanceFactory(session=session, participant__name="Battambang person")
    attendance.participant.home_commune = group.commune
    attendance.participant.save()
    return {
        "x": siem_reap_club,
        "y": {
            "group": group,
            "educator": educator,
            "session": session,
            "participant": attendance.participant,
        },
    }


@pytest.fixture
def formula_session(siem_reap_club):
    session = siem_reap_club["session"]
    participant = siem_reap_club["participant"]
    participant.name = EXPORT_FORMULAS[0]
    participant.destination = EXPORT_FORMULAS[1]
    participant.save()
    session.notes = EXPORT_FORMULAS[2]
    session.return_reason = EXPORT_FORMULAS[3]
    session.save()
    group = siem_reap_club["group"]
    group.name = EXPORT_FORMULAS[4] + "club"
    group.contact_phone = "+855 12 345 678"
    group.save()
    return session
