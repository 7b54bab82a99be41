"""Accounts tests use the trainings' club in Siem Reap and its people."""

from tests.sessions.conftest import siem_reap_club, users  # noqa: F401 - shared fixtures
