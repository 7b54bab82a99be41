"""The advice log's test data: two communes in two provinces, an adviser in each, officers."""

import datetime

import pytest
from django.utils import timezone

from advice.models import AdviceRecord, Referral
from advice.services import advice_record_log, referral_consents_fill
from communes.models import FocalPointAssignment
from tests.factories import (
    UserFactory,
    YouthGroupFactory,
    club_leader_of,
    commune_in,
    officer_of,
)


def focal_point_of(*communes, username):
    user = UserFactory(role="Commune focal points", username=username)
    for commune in communes:
        FocalPointAssignment.objects.create(focal_point=user, commune=commune)
    return user


def logged_advice(
    *, user, commune, name="", phone="", service=None, age_band="18-24", **fields
) -> AdviceRecord:
    """A conversation as the phone logs it; with a service, referred with consent."""
    record = AdviceRecord(
        date=fields.pop("date", timezone.localdate()),
        channel=fields.pop("channel", "in_person"),
        sex="female",
        age_band=age_band,
        commune=commune,
        contact_consent=bool(name or phone),
        name=name,
        phone=phone,
        **fields,
    )
    referral = None
    if service is not None:
        referral = Referral(service=service, urgency="day")
        referral_consents_fill(
            referral=referral,
            user=user,
            on=record.date,
            consent=True,
            assent=True,
            guardian_consent=True,
        )
    return advice_record_log(
        record=record, topics=["agency"], handouts=[], referral=referral, user=user
    )


@pytest.fixture
def communes(db):
    """Commune A in Siem Reap (17), commune B in Battambang (02)."""
    return {"A": commune_in("17"), "B": commune_in("02")}


@pytest.fixture
def focal_point_a(communes):
    return focal_point_of(communes["A"], username="focal.a")


@pytest.fixture
def focal_point_b(communes):
    return focal_point_of(communes["B"], username="focal.b")


@pytest.fixture
def club_leader(communes):
    return club_leader_of(YouthGroupFactory(province="17"), username="leader.a")


@pytest.fixture
def officer_siem_reap(db):
    return officer_of("17", username="officer.17")


@pytest.fixture
def officer_battambang(db):
    return officer_of("02", username="officer.02")


@pytest.fixture
def national(db):
    return UserFactory(username="national.advice", role="National program officers")


@pytest.fixture
def editor(db):
    return UserFactory(username="editor.advice", role="Editors")


@pytest.fixture
def records(communes, focal_point_a, focal_point_b, help_entries):
    """In each commune, a named conversation referred to the national hotline."""
    return {
        key: logged_advice(
            user=user,
            commune=communes[key],
            name=f"Secret name {key}",
            phone=f"01234567{key}",
            service=help_entries["national"],
        )
        for key, user in (("A", focal_point_a), ("B", focal_point_b))
    }


DAY = datetime.timedelta(days=1)
