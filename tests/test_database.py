"""The suite runs on the database `make test` asked for: PostgreSQL, then SQLite."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_asked_for():
    expected = os.environ.get("EXPECT_DATABASE_VENDOR")
    if not expected:
        pytest.skip("EXPECT_DATABASE_VENDOR is not set (make test sets it)")
    assert connection.vendor == expected
