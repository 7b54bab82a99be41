"""Handouts given with advice, in the programme report's lessons: a column of their own,
in the viewer's provinces, under the report's date and place filters, small counts hidden
from all but national officers, and through the escaping writer into the XLSX."""

import datetime
import io
import re
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import load_workbook

from advice.models import AdviceRecord
from curriculum.models import LessonPage
from sessions.reports.selectors import ReportFilters, programme_report
from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/programme/"
SIEM_REAP_DAY = datetime.date(2026, 1, 10)
BATTAMBANG_DAY = datetime.date(2026, 3, 1)


def give_handouts(commune, day, lessons, times=1):
    for _time in range(times):
        record = AdviceRecord.objects.create(
            date=day, channel="in_person", sex="female", age_band="18-24", commune=commune
        )
        record.handouts.add(*lessons)


@pytest.fixture
def advice_handouts(programme):
    """Five people in Siem Reap given lesson 3's handout (never taught at a verified
    session); one in Battambang given lesson 1's (taught only in Siem Reap)."""
    lesson_1, __, lesson_3 = programme["lessons"]
    give_handouts(programme["clubs"]["a"].commune, SIEM_REAP_DAY, [lesson_3], times=5)
    give_handouts(programme["clubs"]["b"].commune, BATTAMBANG_DAY, [lesson_1])
    return programme


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def reach(report) -> dict:
    return {lesson["lesson_id"]: lesson["reach"] for lesson in report["lessons"]["lessons"]}


def sessions_held(report) -> dict:
    return {lesson["lesson_id"]: lesson["sessions"] for lesson in report["lessons"]["lessons"]}


def test_the_national_report_counts_every_province_in_a_column_of_its_own(
    advice_handouts, national
):
    lesson_1, lesson_2, lesson_3 = advice_handouts["lessons"]
    report = programme_report(user=national, filters=ReportFilters())
    with translation.override("en"):
        assert [str(label) for label in report["lessons"]["reach_columns"]] == [
            "Handouts given with advice"
        ]
    assert reach(report) == {lesson_1.pk: [1], lesson_2.pk: [0], lesson_3.pk: [5]}
    # Not added into the sessions: lesson 3 was given out, never taught at a verified session.
    assert sessions_held(report) == {lesson_1.pk: 2, lesson_2.pk: 2, lesson_3.pk: 0}
    assert report["lessons"]["lessons"][-1]["provinces_not_reached"]


def test_siem_reap_sees_its_own_handouts_and_not_battambangs(client, advice_handouts):
    lesson_1, lesson_2, lesson_3 = advice_handouts["lessons"]
    client.force_login(officer_of("17"))
    response = client.get(REPORT)
    assert response.status_code == 200
    assert reach(response.context["report"]) == {
        lesson_1.pk: [0],
        lesson_2.pk: [0],
        lesson_3.pk: [5],
    }
    # The column's heading, in Khmer (the default language).
    assert "ឯកសារចែកដែលបានផ្តល់ជាមួយដំបូន្មាន" in response.content.decode()


def test_battambang_sees_not_siem_reaps_and_its_own_small_count_is_hidden(client, advice_handouts):
    lesson_1, lesson_2, lesson_3 = advice_handouts["lessons"]
    client.force_login(officer_of("02"))
    response = client.get(REPORT)
    report = response.context["report"]
    assert lesson_3.pk not in reach(report)
    assert reach(report) == {lesson_1.pk: [None], lesson_2.pk: [0]}
    assert '<td class="number">បានលាក់</td>' in response.content.decode()
    # A province's officer typing Siem Reap in stays in Battambang.
    siem_reap = advice_handouts["clubs"]["a"].commune.district.province
    response = client.get(REPORT, {"province": siem_reap.pk})
    assert lesson_3.pk not in reach(response.context["report"])


def test_the_date_and_place_filters_apply_to_the_advice(advice_handouts, national):
    lesson_1, lesson_2, lesson_3 = advice_handouts["lessons"]
    january = ReportFilters(date_from=datetime.date(2026, 1, 1), date_to=datetime.date(2026, 1, 31))
    assert reach(programme_report(user=national, filters=january)) == {
        lesson_1.pk: [0],
        lesson_2.pk: [0],
        lesson_3.pk: [5],
    }
    march = ReportFilters(date_from=datetime.date(2026, 3, 1))
    assert reach(programme_report(user=national, filters=march)) == {lesson_1.pk: [1]}
    battambang = advice_handouts["clubs"]["b"].commune.district.province
    in_battambang = ReportFilters(province_id=battambang.pk)
    assert reach(programme_report(user=national, filters=in_battambang)) == {
        lesson_1.pk: [1],
        lesson_2.pk: [0],
    }


def test_the_query_count_does_not_grow_with_the_handouts(advice_handouts, national):
    lesson_1, lesson_2, __ = advice_handouts["lessons"]
    programme_report(user=national, filters=ReportFilters())  # the user's permissions cached
    with CaptureQueriesContext(connection) as before:
        programme_report(user=national, filters=ReportFilters())
    give_handouts(advice_handouts["clubs"]["a"].commune, SIEM_REAP_DAY, [lesson_1, lesson_2], 6)
    with CaptureQueriesContext(connection) as after:
        report = programme_report(user=national, filters=ReportFilters())
    assert reach(report)[lesson_2.pk] == [6]
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_xlsx_carries_the_column_through_the_escaping_writer(client, advice_handouts, national):
    lesson_3 = advice_handouts["lessons"][2]
    formula = '=HYPERLINK("http://x","click")'
    LessonPage.objects.filter(pk=lesson_3.pk).update(title=formula)
    client.force_login(national)
    response = client.get(REPORT, {"export": "xlsx", "language": "en"})
    rows = list(load_workbook(io.BytesIO(response.content))["Lessons taught"].iter_rows())
    headings = [cell.value for cell in rows[0]]
    assert headings[:3] == ["lesson", "Sessions held", "Handouts given with advice"]
    given = next(row for row in rows if row[0].value == formula)
    assert (given[0].data_type, given[0].quotePrefix) == ("s", True)
    assert (given[1].value, given[2].value) == (0, 5)


def test_a_provinces_xlsx_says_hidden_for_a_small_count(client, advice_handouts):
    lesson_1 = advice_handouts["lessons"][0]
    client.force_login(officer_of("02"))
    response = client.get(REPORT, {"export": "xlsx", "language": "en"})
    rows = list(load_workbook(io.BytesIO(response.content))["Lessons taught"].iter_rows())
    given = next(row for row in rows if row[0].value == lesson_1.title)
    assert given[2].value == "hidden"


def test_a_group_filter_keeps_the_advice_given_at_its_sessions(advice_handouts, national):
    lesson_1, lesson_2, __ = advice_handouts["lessons"]
    club_a, club_b = advice_handouts["clubs"]["a"], advice_handouts["clubs"]["b"]
    s2 = advice_handouts["sessions"][1]
    record = AdviceRecord.objects.create(
        date=s2.date,
        channel="training",
        training_session=s2,
        sex="male",
        age_band="15-17",
        commune=club_a.commune,
    )
    record.handouts.add(lesson_2)
    at_club_a = ReportFilters(group_id=club_a.pk)
    assert reach(programme_report(user=national, filters=at_club_a)) == {
        lesson_1.pk: [0],
        lesson_2.pk: [1],
    }
    at_club_b = ReportFilters(group_id=club_b.pk)
    assert reach(programme_report(user=national, filters=at_club_b)) == {lesson_2.pk: [0]}


def test_the_pdf_shows_the_column(client, advice_handouts, national):
    client.force_login(national)
    response = client.get(REPORT, {"export": "pdf", "language": "en"})
    assert response.status_code == 200
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Handouts" in text and "given with" in text and "advice" in text
    # Lesson 3: no session held, five handouts given with advice.
    assert re.search(r"លេខទូរស័ព្ទជំនួយ\s+0\s+5\s", text)
