"""The club form's tests use the two clubs of the club pages' tests."""

from tests.sessions.test_club_pages import clubs  # noqa: F401 - shared fixture
