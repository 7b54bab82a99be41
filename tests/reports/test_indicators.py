"""Every indicator against figures worked out by hand on the fixture in conftest.py."""

import datetime

import pytest

from sessions.reports.selectors import (
    QUARTER,
    ReportFilters,
    by_age_band,
    by_district,
    by_period,
    by_province,
    by_sex,
    handout_downloads,
    lessons_taught,
    planning_to_migrate_by_destination,
    programme_report,
    report_provinces,
    report_sessions,
    totals,
)
from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def sessions_of(user, **filters):
    return report_sessions(user=user, filters=ReportFilters(**filters))


def as_table(rows, *fields):
    return {row.key: tuple(getattr(row, name) for name in fields) for row in rows}


def test_headline_figures_count_verified_sessions_only(programme, national):
    figures = totals(sessions_of(national))
    assert figures["sessions"] == 4
    assert figures["named_attendances"] == 6
    assert figures["headcount_attendances"] == 8
    assert figures["attendances"] == 14
    assert figures["people"] == 3  # P1, P2, P3; headcounts never add people
    assert figures["active_groups"] == 2
    assert figures["active_peer_educators"] == 3  # a3 only facilitated the unverified s5
    assert figures["provinces_covered"] == 2
    assert figures["planning_to_migrate"] == 2
    assert figures["returned_migrants"] == 1


def test_knowledge_gain_is_the_mean_of_paired_scores(programme, national):
    knowledge = totals(sessions_of(national))["knowledge"]
    assert knowledge == {"scored_attendances": 4, "mean_pre": 45.0, "mean_post": 75.0, "gain": 30.0}


def test_by_sex_adds_headcounts_to_attendances_but_not_to_people(programme, national):
    rows = as_table(by_sex(sessions_of(national)), "attendances", "people")
    assert rows == {"female": (9, 2), "male": (5, 1), "prefer_not_to_say": (0, 0)}


def test_by_age_band_uses_the_band_on_the_day_and_people_their_latest(programme, national):
    rows = as_table(by_age_band(sessions_of(national)), "attendances", "people")
    assert rows == {
        "10-14": (6, 0),
        "15-17": (5, 1),
        "18-24": (1, 1),
        "25+": (2, 1),
    }
    assert sum(people for __, people in rows.values()) == 3


def test_by_province_lists_every_province_of_the_report(programme, national):
    filters = ReportFilters()
    rows = by_province(sessions_of(national), report_provinces(user=national, filters=filters))
    assert len(rows) == 25
    table = as_table(rows, "sessions", "attendances", "people")
    assert table["17"] == (2, 5, 3)
    assert table["02"] == (2, 9, 1)
    assert table["12"] == (0, 0, 0)


def test_by_district(programme, national):
    rows = by_district(sessions_of(national))
    assert [(row.sessions, row.attendances, row.people) for row in rows] == [(2, 9, 1), (2, 5, 3)]
    assert rows[0].extra["province"]  # Battambang's district comes first, by code


def test_by_month_and_by_quarter(programme, national):
    rows = by_period(sessions_of(national), ReportFilters())
    assert as_table(rows, "label", "sessions", "attendances", "people") == {
        datetime.date(2025, 12, 1): ("2025-12", 1, 2, 2),
        datetime.date(2026, 1, 1): ("2026-01", 2, 11, 3),
        datetime.date(2026, 2, 1): ("2026-02", 1, 1, 1),
    }
    rows = by_period(sessions_of(national), ReportFilters(period=QUARTER))
    assert as_table(rows, "label", "sessions", "attendances", "people") == {
        datetime.date(2025, 10, 1): ("2025 Q4", 1, 2, 2),
        datetime.date(2026, 1, 1): ("2026 Q1", 3, 12, 3),
    }


def test_empty_months_in_the_range_show_as_zero(programme, national):
    filters = ReportFilters(
        date_from=datetime.date(2025, 11, 1), date_to=datetime.date(2026, 3, 31)
    )
    rows = by_period(report_sessions(user=national, filters=filters), filters)
    assert [row.label for row in rows] == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert [row.sessions for row in rows] == [0, 1, 2, 1, 0]


def test_people_planning_to_migrate_by_destination(programme, national):
    rows = planning_to_migrate_by_destination(sessions_of(national))
    assert [(row.label, row.people) for row in rows] == [("Thailand", 2)]  # not P4's Korea


def test_lessons_taught_where_and_where_not_yet(programme, national):
    lesson_1, lesson_2, __ = programme["lessons"]
    filters = ReportFilters()
    result = lessons_taught(sessions_of(national), report_provinces(user=national, filters=filters))
    lessons = {lesson["lesson_id"]: lesson for lesson in result["lessons"]}
    assert set(lessons) == {lesson_1.pk, lesson_2.pk}  # L3 only at the unverified session
    assert lessons[lesson_1.pk]["sessions"] == 2
    assert [p["sessions"] for p in lessons[lesson_1.pk]["provinces"]] == [2]
    assert len(lessons[lesson_1.pk]["provinces_not_reached"]) == 24
    assert lessons[lesson_2.pk]["sessions"] == 2
    assert len(lessons[lesson_2.pk]["provinces"]) == 2
    assert len(result["provinces_without_lesson"]) == 23


def test_handout_downloads_by_lesson_and_language(programme):
    lesson_1, lesson_2, __ = programme["lessons"]
    filters = ReportFilters(date_from=datetime.date(2026, 1, 1), date_to=datetime.date(2026, 1, 31))
    rows = handout_downloads(filters)
    assert [
        (row.key, row.extra["language"], row.extra["handouts"], row.extra["lesson_plans"])
        for row in rows
    ] == [(lesson_1.pk, "km", 12, 3), (lesson_2.pk, "km", 2, 0)]
    assert handout_downloads(ReportFilters())[0].attendances == 115


def test_date_range_place_and_group_filters(programme, national):
    january = {"date_from": datetime.date(2026, 1, 1), "date_to": datetime.date(2026, 1, 31)}
    figures = totals(sessions_of(national, **january))
    assert (figures["sessions"], figures["attendances"], figures["people"]) == (2, 11, 3)
    club_b = programme["clubs"]["b"]
    figures = totals(sessions_of(national, group_id=club_b.pk))
    assert (figures["sessions"], figures["attendances"], figures["people"]) == (2, 9, 1)
    province = club_b.commune.district.province
    figures = totals(sessions_of(national, province_id=province.pk))
    assert (figures["sessions"], figures["attendances"], figures["people"]) == (2, 9, 1)
    district = programme["clubs"]["a"].commune.district
    figures = totals(sessions_of(national, district_id=district.pk))
    assert (figures["sessions"], figures["attendances"], figures["people"]) == (2, 5, 3)


def test_an_officer_counts_only_their_provinces(programme):
    siem_reap = officer_of("17", "22")
    report = programme_report(user=siem_reap, filters=ReportFilters())
    assert report["totals"]["sessions"] == 2
    assert report["totals"]["attendances"] == 5
    assert report["totals"]["people"] == 3
    assert [row.key for row in report["by_province"]] == ["17", "22"]
    assert report["lessons"]["provinces_without_lesson"] == [
        row.label for row in report["by_province"] if row.key == "22"
    ]
    battambang = officer_of("02")
    report = programme_report(user=battambang, filters=ReportFilters())
    assert (report["totals"]["sessions"], report["totals"]["people"]) == (2, 1)
    assert as_table(report["by_sex"], "attendances", "people")["female"] == (6, 1)


def test_a_province_outside_the_officers_own_gives_nothing(programme):
    siem_reap = officer_of("17")
    battambang_pk = programme["clubs"]["b"].commune.district.province.pk
    report = programme_report(user=siem_reap, filters=ReportFilters(province_id=battambang_pk))
    assert report["totals"]["sessions"] == 0
    assert report["by_province"] == []


def test_users_without_provinces_get_empty_reports(programme):
    for user in (UserFactory(role="Editors"), UserFactory(role="Club leaders")):
        report = programme_report(user=user, filters=ReportFilters())
        assert report["totals"]["sessions"] == 0
        assert report["by_province"] == []
