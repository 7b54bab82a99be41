"""The agencies' register's test data: a few agencies and the staff of each role."""

import datetime

import pytest

from agencies.models import Agency, AgencyStatus, Country
from geography.models import Province
from tests.factories import UserFactory

LIST_DATE = datetime.date(2025, 6, 30)


def agency(**fields) -> Agency:
    destinations = fields.pop("destinations", [])
    branches = fields.pop("branches", [])
    fields.setdefault("source", "Ministry of Labour and Vocational Training")
    fields.setdefault("source_date", LIST_DATE)
    made = Agency(**fields)
    made.full_clean()
    made.save()
    made.destinations.set(Country.objects.filter(code__in=destinations))
    made.branch_provinces.set(Province.objects.filter(code__in=branches))
    return made


@pytest.fixture
def agencies(db):
    """Three agencies as the ministry's list names them."""
    return {
        "sokha": agency(
            name_km="ក្រុមហ៊ុន សុខា ម៉ានផៅវ័រ ឯ.ក",
            name_en="Sokha Manpower Co., Ltd.",
            licence_number="០៤៥/២២",
            licence_issued_on=datetime.date(2022, 3, 1),
            licence_expires_on=datetime.date(2099, 3, 1),
            status=AgencyStatus.LICENSED,
            destinations=["MY", "TH"],
            branches=["17"],
        ),
        "angkor": agency(
            name_km="អង្គរ ការងារ អន្តរជាតិ",
            name_en="Angkor Overseas Recruitment",
            licence_number="112-19",
            status=AgencyStatus.SUSPENDED,
            destinations=["KR"],
        ),
        "mekong": agency(
            name_km="មេគង្គ ជំនាញ",
            name_en="Mékong Skills",
            licence_number="077/20",
            status=AgencyStatus.REVOKED,
        ),
    }


@pytest.fixture
def national(db):
    return UserFactory(username="national.agencies", role="National program officers")


@pytest.fixture
def program_officer(db):
    return UserFactory(username="officer.agencies", role="Program officers")


@pytest.fixture
def editor(db):
    return UserFactory(username="editor.agencies", role="Editors")
