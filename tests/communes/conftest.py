"""The commune registers' test data: two communes in two provinces, their people and records."""

import datetime

import pytest

from agencies.models import Agency, AgencyStatus, Country
from communes.choices import Channel, MovementKind, PassportHolder, ReturnReason, Sector
from communes.models import FocalPointAssignment, Movement, RecruitmentActivity
from tests.factories import UserFactory, commune_in, officer_of

DAY = datetime.date(2025, 5, 10)


def movement(commune, **fields) -> Movement:
    """A departure (by default) from the commune's first village, saved as the phone saves it."""
    fields.setdefault("kind", MovementKind.DEPARTURE)
    fields.setdefault("date", DAY)
    fields.setdefault("sex", "female")
    fields.setdefault("age_band", "18-24")
    fields.setdefault("sector", Sector.C)
    fields.setdefault("channel", Channel.BROKER)
    if "destination_province" not in fields:
        fields.setdefault("destination_country", Country.objects.get(code="TH"))
    if fields["kind"] == MovementKind.RETURN:
        fields.setdefault("return_reason", ReturnReason.EXPLOITATION)
    made = Movement(commune=commune, village=commune.villages.order_by("code").first(), **fields)
    made.full_clean()
    made.save()
    return made


def focal_point_of(*communes, username=None):
    user = UserFactory(role="Commune focal points", **({"username": username} if username else {}))
    for commune in communes:
        FocalPointAssignment.objects.create(focal_point=user, commune=commune)
    return user


@pytest.fixture
def communes(db):
    """Commune A in Siem Reap (17), commune B in Battambang (02)."""
    return {"A": commune_in("17"), "B": commune_in("02")}


@pytest.fixture
def records(communes):
    """In each commune, a departure through a broker with consent (a name kept) and a sighting."""
    made = {}
    for key, commune in communes.items():
        made[key] = movement(
            commune,
            contact_consent=True,
            consent_recorded_on=DAY,
            name=f"Secret name {key}",
            phone=f"01234567{key}",
            passport_holder=PassportHolder.AGENCY_OR_BROKER,
            has_passport="yes",
        )
        made[f"{key}-sighting"] = RecruitmentActivity.objects.create(
            commune=commune,
            seen_on=DAY,
            recruiter_kind="broker",
            recruiter_description=f"Broker of {key}",
        )
    return made


@pytest.fixture
def focal_point_a(communes):
    return focal_point_of(communes["A"], username="focal.a")


@pytest.fixture
def focal_point_b(communes):
    return focal_point_of(communes["B"], username="focal.b")


@pytest.fixture
def officer_siem_reap(db):
    return officer_of("17", username="officer.17")


@pytest.fixture
def officer_battambang(db):
    return officer_of("02", username="officer.02")


@pytest.fixture
def national(db):
    return UserFactory(username="national.communes", role="National program officers")


@pytest.fixture
def editor(db):
    return UserFactory(username="editor.communes", role="Editors")


@pytest.fixture
def licensed_agency(db):
    agency = Agency(name_en="Sokha Manpower", licence_number="045/22", status=AgencyStatus.LICENSED)
    agency.full_clean()
    agency.save()
    return agency
