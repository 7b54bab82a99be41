"""Import test data: an officer of Siem Reap (17) with a youth club there."""

import datetime

import pytest

from tests.factories import UserFactory, YouthGroupFactory, officer_of


@pytest.fixture
def officer(db):
    return officer_of("17", "22", username="officer.siemreap")


@pytest.fixture
def other_officer(db):
    return officer_of("02", username="officer.battambang")


@pytest.fixture
def national(db):
    return UserFactory(username="national", role="National program officers")


@pytest.fixture
def club(db):
    return YouthGroupFactory(
        name="Banteay Srei youth club", province="17", founded_on=datetime.date(2020, 1, 1)
    )


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
