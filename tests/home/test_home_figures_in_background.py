"""The home page's figures are counted by a task, never in a reader's request, and the
cached home page is purged when new figures are ready."""

import time

import pytest
from django.core.cache import cache
from django_tasks import default_task_backend

from sessions.models import TrainingSession
from sessions.reports import public
from sessions.reports.tasks import public_impact_figures_recompute
from sessions.services import training_session_verify
from tests.factories import (
    AttendanceFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
    officer_of,
)
from tests.fixtures.page_cache import served_from_cache

pytestmark = pytest.mark.django_db

FIGURES_SECTION = 'class="impact"'


@pytest.fixture
def queued_tasks(settings):
    """Tasks are kept, not run: what a request queued is seen, as a worker would get it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def recounts_queued(backend) -> int:
    return sum(1 for result in backend.results if result.task == public_impact_figures_recompute)


@pytest.fixture
def verified_sessions(db):
    group = YouthGroupFactory(province="17")
    sessions = [
        TrainingSessionFactory(group=group, status=TrainingSession.Status.VERIFIED)
        for __ in range(5)
    ]
    for session in sessions:
        for __ in range(2):
            AttendanceFactory(session=session)
    return sessions


def test_a_reader_request_never_counts_the_figures_it_queues_the_count(
    client,
    home_pages,
    verified_sessions,
    page_cache_on,
    queued_tasks,
    django_capture_on_commit_callbacks,
):
    cache.clear()
    for __ in range(3):
        response = client.get("/km/")
        assert FIGURES_SECTION not in response.content.decode()
    assert recounts_queued(queued_tasks) == 1

    # The worker counts them; the cached home page (without figures) is purged.
    with django_capture_on_commit_callbacks(execute=True):
        public_impact_figures_recompute.call()
    response = client.get("/km/")
    assert not served_from_cache(response)
    assert FIGURES_SECTION in response.content.decode()
    assert "10" in response.content.decode()


def test_figures_an_hour_old_are_shown_while_their_recount_waits(
    client, home_pages, verified_sessions, page_cache_on, queued_tasks
):
    figures = {"people": 1234, "sessions": 55, "provinces": 6}
    cache.set(public.CACHE_KEY, {"figures": figures, "counted_at": time.time() - 2 * 3600}, None)

    response = client.get("/km/")

    assert "1,234" in response.content.decode()
    assert recounts_queued(queued_tasks) == 1


def test_verifying_a_session_recounts_the_figures_and_purges_the_cached_home_page(
    client, home_pages, verified_sessions, page_cache_on, django_capture_on_commit_callbacks
):
    client.get("/km/")
    before = client.get("/km/")
    assert served_from_cache(before)
    assert "<dd>10</dd>" in before.content.decode()

    waiting = TrainingSessionFactory(
        group=verified_sessions[0].group, status=TrainingSession.Status.SUBMITTED
    )
    for __ in range(3):
        AttendanceFactory(session=waiting)
    with django_capture_on_commit_callbacks(execute=True):
        training_session_verify(session=waiting, user=officer_of("17"))

    after = client.get("/km/")
    assert not served_from_cache(after)
    assert "<dd>13</dd>" in after.content.decode()


def test_a_recount_that_changes_nothing_keeps_the_cached_home_page(
    client, home_pages, verified_sessions, page_cache_on, django_capture_on_commit_callbacks
):
    client.get("/km/")
    with django_capture_on_commit_callbacks(execute=True):
        public_impact_figures_recompute.call()
    assert served_from_cache(client.get("/km/"))
