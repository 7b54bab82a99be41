"""The public home page's figures (verified only, "<5", cached, refreshed on verify) and
the officers' dashboard panel."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from sessions.models import TrainingSession
from sessions.reports.public import public_impact_figures, shown_count
from sessions.services import training_session_verify
from tests.factories import (
    AttendanceFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    UserFactory,
    YouthGroupFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def figures_on(client, path="/km/"):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    section = page.select_one("section.impact")
    if section is None:
        return None
    return {
        item.dt.get_text(strip=True): item.dd.get_text(strip=True)
        for item in section.select("dl div")
    }


def test_small_counts_are_shown_as_less_than_five():
    assert [shown_count(n) for n in (0, 1, 4, 5, 1234)] == ["<5", "<5", "<5", "5", "1,234"]


def test_the_home_page_shows_verified_figures_with_small_counts_hidden(client, programme):
    figures = figures_on(client)
    # 3 people, 4 sessions, 2 provinces: all under 5.
    assert list(figures.values()) == ["<5", "<5", "<5"]
    html = client.get("/km/").content.decode()
    for participant in programme["participants"]:
        assert participant.name not in html
        assert participant.code not in html


def test_the_home_page_has_no_figures_before_any_verified_session(client, curriculum_tree):
    assert figures_on(client) is None


def test_figures_are_cached_and_refreshed_when_a_session_is_verified(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    group = YouthGroupFactory(province="17")
    officer = officer_of("17")
    people = [ParticipantFactory() for __ in range(6)]
    verified = TrainingSessionFactory(group=group, status=TrainingSession.Status.VERIFIED)
    for person in people[:5]:
        AttendanceFactory(session=verified, participant=person)
    waiting = TrainingSessionFactory(group=group, date=timezone.localdate())
    AttendanceFactory(session=waiting, participant=people[5])
    cache.clear()

    assert public_impact_figures() == {"people": "5", "sessions": "<5", "provinces": "<5"}
    with django_assert_max_num_queries(0):
        public_impact_figures()  # from the cache

    # An unverified session changes nothing, even saved again.
    waiting.notes = "changed"
    with django_capture_on_commit_callbacks(execute=True):
        waiting.save()
    assert public_impact_figures()["people"] == "5"

    with django_capture_on_commit_callbacks(execute=True):
        training_session_verify(session=waiting, user=officer)
    assert public_impact_figures()["people"] == "6"


def test_deleting_a_verified_session_refreshes_the_figures(django_capture_on_commit_callbacks):
    session = TrainingSessionFactory(status=TrainingSession.Status.VERIFIED)
    for __ in range(5):
        AttendanceFactory(session=session)
    cache.clear()
    assert public_impact_figures()["people"] == "5"
    with django_capture_on_commit_callbacks(execute=True):
        session.attendances.all().delete()
        session.delete()
    assert public_impact_figures() is None


def test_the_dashboard_panel_compares_this_month_with_last(client):
    officer = officer_of("17")
    group = YouthGroupFactory(province="17")
    other = YouthGroupFactory(province="02")
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    verified = TrainingSession.Status.VERIFIED
    for day in (this_month, this_month):
        AttendanceFactory(session=TrainingSessionFactory(group=group, date=day, status=verified))
    TrainingSessionFactory(group=group, date=last_month, status=verified)
    TrainingSessionFactory(group=other, date=this_month, status=verified)  # not theirs
    TrainingSessionFactory(group=group, date=this_month)  # submitted: waiting
    TrainingSessionFactory(group=other, date=this_month)  # waiting, but not theirs
    client.force_login(officer)
    response = client.get("/admin/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    panel = page.select_one(".programme-panel")
    rows = {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")]
        for row in panel.select("tbody tr")
    }
    values = list(rows.values())
    assert values[0] == ["2", "1", "+1"]  # sessions: this month, last month, change
    assert values[1] == ["2", "0", "+2"]  # attendances
    assert "1" in panel.select_one(".panel-awaiting").get_text().split()  # one waiting


def test_editors_have_no_programme_panel(client):
    client.force_login(UserFactory(role="Editors"))
    response = client.get("/admin/")
    assert b"programme-panel" not in response.content
