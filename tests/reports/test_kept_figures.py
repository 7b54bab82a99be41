"""The report's kept figures: every change recorded by the database, refreshed to what a
rebuild from scratch gives, read as the live selectors count (on the `programme` fixture).

The property test (test_kept_figures_property.py) drives random sequences of the services;
these pin each mechanism on its own, including writes that bypass every service.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db.models import F

from sessions.models import (
    Attendance,
    Headcount,
    KeptAttendance,
    KeptDistrictPeriod,
    KeptFiguresChange,
    KeptPeoplePeriod,
    KeptPeopleToDate,
    KeptSession,
    Participant,
    Sex,
    TrainingSession,
    YouthGroup,
)
from sessions.reports import kept
from sessions.reports.kept_selectors import kept_figures
from sessions.reports.selectors import QUARTER, ReportFilters, programme_report
from sessions.services import training_session_verify
from tests.factories import UserFactory, commune_in, officer_of

pytestmark = pytest.mark.django_db

KEPT_MODELS = (
    KeptAttendance,
    KeptSession,
    KeptDistrictPeriod,
    KeptPeoplePeriod,
    KeptPeopleToDate,
)


def kept_rows() -> dict:
    """Every kept row, comparable (zero period rows are what a rebuild leaves out)."""
    rows = {}
    for model in KEPT_MODELS:
        values = [
            tuple(sorted((k, v) for k, v in row.items() if k != "id"))
            for row in model.objects.values()
        ]
        if model in (KeptPeoplePeriod, KeptPeopleToDate):
            values = [row for row in values if dict(row)["people"]]
        if model is KeptDistrictPeriod:
            values = [row for row in values if dict(row)["sessions"]]
        rows[model.__name__] = sorted(values)
    return rows


def recorded() -> set:
    return set(KeptFiguresChange.objects.values_list("kind", "key"))


def test_changes_made_without_any_service_are_recorded_by_the_database(programme):
    kept.kept_figures_refresh()
    s1, s2, s3, s4, s5, _s6 = programme["sessions"]
    p1, p2, p3, _p4 = programme["participants"]

    # A bulk insert sends no signal; the trigger records its session all the same.
    Attendance.objects.bulk_create([Attendance(session=s4, participant=p2, age_band="15-17")])
    Headcount.objects.filter(session=s3).update(count=9)
    TrainingSession.objects.filter(pk=s5.pk).update(status=TrainingSession.Status.VERIFIED)
    assert recorded() == {("s", s4.pk), ("s", s3.pk), ("s", s5.pk)}

    KeptFiguresChange.objects.all().delete()
    Participant.objects.filter(pk=p3.pk).update(sex=Sex.MALE)
    Participant.objects.filter(pk=p1.pk).update(year_of_birth=2007)
    assert recorded() == {("p", p3.pk)}

    KeptFiguresChange.objects.all().delete()
    # A club moved to another commune takes its sessions to another place.
    YouthGroup.objects.filter(pk=programme["clubs"]["b"].pk).update(commune=commune_in("17"))
    assert recorded() == {("s", s3.pk), ("s", s4.pk), ("s", programme["sessions"][5].pk)}

    KeptFiguresChange.objects.all().delete()
    TrainingSession.objects.filter(pk=s1.pk).update(duration_minutes=90)
    assert recorded() == set(), "a change no figure depends on is not recorded"
    Attendance.objects.filter(session=s2, participant=p2).delete()
    assert recorded() == {("s", s2.pk)}


def test_a_refresh_leaves_exactly_the_rows_a_rebuild_makes(programme):
    kept.kept_figures_refresh()
    s1, s2, s3, s4, s5, _s6 = programme["sessions"]
    _p1, p2, p3, p4 = programme["participants"]
    before_changes = kept_rows()
    kept.kept_figures_rebuild()
    assert kept_rows() == before_changes

    TrainingSession.objects.filter(pk=s5.pk).update(status=TrainingSession.Status.VERIFIED)
    TrainingSession.objects.filter(pk=s1.pk).update(status=TrainingSession.Status.RETURNED)
    TrainingSession.objects.filter(pk=s2.pk).update(date=datetime.date(2026, 3, 31))
    Participant.objects.filter(pk=p3.pk).update(sex=Sex.MALE, plans_to_migrate=False)
    Attendance.objects.filter(session=s4, participant=p3).update(participant=p2)
    Attendance.objects.bulk_create([Attendance(session=s4, participant=p4, age_band="25+")])
    Headcount.objects.filter(session=s3).delete()
    YouthGroup.objects.filter(pk=programme["clubs"]["b"].pk).update(commune=commune_in("17"))
    kept.kept_figures_refresh()
    refreshed = kept_rows()
    assert refreshed != before_changes
    assert not KeptFiguresChange.objects.exists()

    kept.kept_figures_rebuild()
    assert kept_rows() == refreshed


@pytest.mark.parametrize(
    "filters",
    [
        ReportFilters(),
        ReportFilters(date_from=datetime.date(2026, 1, 16), date_to=datetime.date(2026, 2, 7)),
        ReportFilters(
            date_from=datetime.date(2025, 12, 1),
            date_to=datetime.date(2026, 3, 31),
            period=QUARTER,
        ),
        ReportFilters(date_to=datetime.date(2026, 1, 15)),
        ReportFilters(date_from=datetime.date(2026, 1, 1)),
        ReportFilters(date_from=datetime.date(2026, 1, 16)),
        ReportFilters(date_from=datetime.date(2025, 12, 1), date_to=datetime.date(2027, 1, 10)),
    ],
    ids=["all", "mid-month", "quarters", "until", "from", "from mid-month", "past the last"],
)
def test_kept_figures_are_the_live_figures(programme, filters):
    national = UserFactory(role="National program officers")
    siem_reap = officer_of("17")
    for user in (national, siem_reap):
        assert kept_figures(user=user, filters=filters, provinces=None) is not None
        assert programme_report(user=user, filters=filters) == programme_report(
            user=user, filters=filters, live=True
        )


def test_a_place_filter_counts_people_once_in_that_place(programme):
    national = UserFactory(role="National program officers")
    club_a = programme["clubs"]["a"]
    province = club_a.commune.district.province_id
    for filters in (
        ReportFilters(province_id=province),
        ReportFilters(district_id=club_a.commune.district_id),
        ReportFilters(group_id=club_a.pk, date_from=datetime.date(2026, 1, 1)),
    ):
        kept_report = programme_report(user=national, filters=filters)
        assert kept_report == programme_report(user=national, filters=filters, live=True)
        assert kept_report["totals"]["people"] == 3  # P1, P2 and P3 came to club A


def test_another_provinces_filter_shows_an_officer_nothing(programme):
    siem_reap = officer_of("17")
    battambang = programme["clubs"]["b"].commune.district
    for filters in (
        ReportFilters(province_id=battambang.province_id),
        ReportFilters(district_id=battambang.pk),
        ReportFilters(group_id=programme["clubs"]["b"].pk),
    ):
        report = programme_report(user=siem_reap, filters=filters)
        assert report == programme_report(user=siem_reap, filters=filters, live=True)
        assert report["totals"]["sessions"] == 0
        assert report["totals"]["people"] == 0
        assert all(row.people == 0 for row in report["by_period"])


def test_an_officer_of_some_provinces_is_counted_live(programme):
    both = officer_of("17", "02")
    assert kept_figures(user=both, filters=ReportFilters(), provinces=None) is None
    # A person reached in both provinces is one person for them: only a live count says so.
    p1 = programme["participants"][0]
    Attendance.objects.create(session=programme["sessions"][3], participant=p1)
    report = programme_report(user=both, filters=ReportFilters())
    assert report == programme_report(user=both, filters=ReportFilters(), live=True)
    assert report["totals"]["people"] == 3


def test_many_waiting_changes_are_left_to_the_task_and_counted_live(programme, monkeypatch):
    national = UserFactory(role="National program officers")
    kept.kept_figures_refresh()
    monkeypatch.setattr(kept, "IN_REQUEST_LIMIT", 0)
    cache.delete(kept.REFRESH_QUEUED)
    TrainingSession.objects.filter(pk=programme["sessions"][4].pk).update(
        status=TrainingSession.Status.VERIFIED
    )
    assert kept_figures(user=national, filters=ReportFilters(), provinces=None) is None
    assert cache.get(kept.REFRESH_QUEUED), "one refresh is queued for the worker"
    report = programme_report(user=national, filters=ReportFilters())
    assert report["totals"]["people"] == 4  # P4 at the newly verified s5, counted live
    assert report == programme_report(user=national, filters=ReportFilters(), live=True)


def test_verifying_brings_the_kept_figures_up_to_date_in_its_own_transaction(programme):
    national = UserFactory(role="National program officers")
    kept.kept_figures_refresh()
    s5 = programme["sessions"][4]
    training_session_verify(session=s5, user=national)
    assert not KeptFiguresChange.objects.exists()
    p1, _p2, _p3, p4 = programme["participants"]
    counted = KeptAttendance.objects.filter(session_id=s5.pk)
    assert set(counted.values_list("participant_id", flat=True)) == {p1.pk, p4.pk}
    assert KeptSession.objects.filter(session_id=s5.pk).get().named == 2


def test_people_are_counted_in_their_band_at_their_latest_session(programme):
    """P1 was 15–17 in December and 18–24 in January: one person, in 18–24; if a later
    session recorded a younger band (a mistake), the latest session still decides."""
    national = UserFactory(role="National program officers")
    report = programme_report(user=national, filters=ReportFilters())
    people = {row.key: row.people for row in report["by_age_band"]}
    assert people["18-24"] == 1
    p1 = programme["participants"][0]
    Attendance.objects.filter(session=programme["sessions"][1], participant=p1).update(
        age_band="10-14"
    )
    report = programme_report(user=national, filters=ReportFilters())
    assert report == programme_report(user=national, filters=ReportFilters(), live=True)
    people = {row.key: row.people for row in report["by_age_band"]}
    # P1's latest band, not their highest (15–17 in December); P2 15–17, P3 25+.
    assert people == {"10-14": 1, "15-17": 1, "18-24": 0, "25+": 1}


def test_a_range_to_the_latest_attendance_reads_people_kept_by_month(programme):
    """Until the latest attendance (the default view), people come from the rows kept per
    month: tampering with those moves the report, and nothing else reads them."""
    national = UserFactory(role="National program officers")
    kept.kept_figures_refresh()
    latest = KeptAttendance.objects.order_by("-date").values_list("date", flat=True)[0]
    to_date = [ReportFilters(), ReportFilters(date_to=latest)]
    before_latest = ReportFilters(date_to=latest - datetime.timedelta(days=1))
    reports = {
        filters: programme_report(user=national, filters=filters)
        for filters in [*to_date, before_latest]
    }
    KeptPeopleToDate.objects.filter(
        level=KeptPeoplePeriod.Level.NATIONAL, facet=KeptPeopleToDate.Facet.PERSON
    ).update(people=F("people") + 1)

    for filters in to_date:
        tampered = programme_report(user=national, filters=filters)
        assert tampered["totals"]["people"] > reports[filters]["totals"]["people"]
    assert programme_report(user=national, filters=before_latest) == reports[before_latest]
