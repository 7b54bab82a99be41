"""The programme report page with 1,000,000 attendances (BENCH_REPORT_ATTENDANCES to change),
against hand-written SQL GROUP BY queries that give the same figures, in the same run; and
the page read from the kept figures against the live selectors it replaced (the country to
the latest attendance, one province over a year, the country over a range ending before the
latest attendance), with what verifying one session costs to keep them current.

On PostgreSQL:
    sh scripts/with-postgres.sh env .venv/bin/python benchmarks/bench_reports.py
"""
# ruff: noqa: S608 - the SQL is built from constants of this file, never from input

import os
import random
import statistics

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

import datetime  # noqa: E402
import time  # noqa: E402
from unittest import mock  # noqa: E402

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from demo.synthetic_trainings import training_data_generate  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from geography.models import Province  # noqa: E402
from sessions.models import Headcount, TrainingSession  # noqa: E402
from sessions.reports import kept  # noqa: E402
from sessions.reports.selectors import ReportFilters, programme_report  # noqa: E402
from sessions.services import training_session_verify  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

ATTENDANCES = int(os.environ.get("BENCH_REPORT_ATTENDANCES", "1000000"))
SESSIONS = int(os.environ.get("BENCH_REPORT_SESSIONS", str(max(ATTENDANCES // 10, 10))))
REPEAT = int(os.environ.get("BENCH_REPORT_REPEAT", "5"))
URL = "/admin/reports/programme/?date_from=2021-01-01&date_to=2026-10-31"
VERIFY_REPEAT = int(os.environ.get("BENCH_REPORT_VERIFY_REPEAT", "21"))

VERIFIED_SESSIONS = """
    SELECT s.id, s.date, s.group_id, d.id AS district_id, d.province_id
    FROM trainings_trainingsession s
    JOIN trainings_youthgroup g ON g.id = s.group_id
    JOIN trainings_commune c ON c.id = g.commune_id
    JOIN trainings_district d ON d.id = c.district_id
    WHERE s.status = 'verified' AND s.date BETWEEN '2021-01-01' AND '2026-10-31'
"""


def hand_written_queries(month: str) -> list[str]:
    """The report's figures as plain SQL: the floor any implementation could reach."""
    v = f"({VERIFIED_SESSIONS})"
    return [
        f"SELECT COUNT(*), COUNT(DISTINCT group_id), COUNT(DISTINCT province_id) FROM {v} v",
        f"""SELECT COUNT(*), COUNT(DISTINCT a.participant_id),
                COUNT(DISTINCT CASE WHEN p.plans_to_migrate THEN a.participant_id END),
                COUNT(DISTINCT CASE WHEN p.returned_migrant THEN a.participant_id END),
                COUNT(CASE WHEN a.pre_test_score IS NOT NULL
                           AND a.post_test_score IS NOT NULL THEN 1 END),
                AVG(CASE WHEN a.post_test_score IS NOT NULL THEN a.pre_test_score END),
                AVG(CASE WHEN a.pre_test_score IS NOT NULL THEN a.post_test_score END)
            FROM trainings_attendance a JOIN {v} v ON v.id = a.session_id
            JOIN trainings_participant p ON p.id = a.participant_id""",
        f"SELECT SUM(h.count) FROM trainings_headcount h JOIN {v} v ON v.id = h.session_id",
        f"""SELECT COUNT(DISTINCT f.peereducator_id) FROM trainings_trainingsession_facilitators f
            JOIN {v} v ON v.id = f.trainingsession_id""",
        # by sex
        f"""SELECT p.sex, COUNT(*), COUNT(DISTINCT a.participant_id)
            FROM trainings_attendance a JOIN {v} v ON v.id = a.session_id
            JOIN trainings_participant p ON p.id = a.participant_id GROUP BY p.sex""",
        f"""SELECT h.sex, SUM(h.count) FROM trainings_headcount h JOIN {v} v ON v.id = h.session_id
            GROUP BY h.sex""",
        # by age band: on the day, and each person's latest band
        f"""SELECT a.age_band, COUNT(*) FROM trainings_attendance a
            JOIN {v} v ON v.id = a.session_id GROUP BY a.age_band""",
        f"""SELECT band, COUNT(*) FROM (SELECT a.participant_id, MAX(a.age_band) AS band
            FROM trainings_attendance a JOIN {v} v ON v.id = a.session_id
            GROUP BY a.participant_id) per_person GROUP BY band""",
        f"""SELECT h.age_band, SUM(h.count) FROM trainings_headcount h
            JOIN {v} v ON v.id = h.session_id GROUP BY h.age_band""",
        # by province, district and month: sessions, attendances and people, headcounts
        *[
            query
            for key in ("province_id", "district_id", month)
            for query in (
                f"SELECT {key}, COUNT(*), COUNT(DISTINCT group_id) FROM {v} v GROUP BY 1",
                f"""SELECT {key}, COUNT(*), COUNT(DISTINCT a.participant_id)
                    FROM trainings_attendance a JOIN {v} v ON v.id = a.session_id GROUP BY 1""",
                f"""SELECT {key}, SUM(h.count) FROM trainings_headcount h
                    JOIN {v} v ON v.id = h.session_id GROUP BY 1""",
            )
        ],
        f"""SELECT TRIM(p.destination), COUNT(DISTINCT a.participant_id)
            FROM trainings_attendance a JOIN {v} v ON v.id = a.session_id
            JOIN trainings_participant p ON p.id = a.participant_id
            WHERE p.plans_to_migrate GROUP BY 1""",
        f"""SELECT l.lesson_id, v.province_id, COUNT(DISTINCT l.session_id)
            FROM trainings_sessionlesson l JOIN {v} v ON v.id = l.session_id GROUP BY 1, 2""",
        """SELECT page_id, locale_id, SUM(count) FROM curriculum_printedfiledownload
            WHERE variant IN ('handout', 'lesson-plan')
              AND day BETWEEN '2021-01-01' AND '2026-10-31' GROUP BY 1, 2""",
    ]


def run_sql(queries: list[str]) -> list[list[tuple]]:
    with connection.cursor() as cursor:
        results = []
        for query in queries:
            cursor.execute(query)
            results.append(cursor.fetchall())
        return results


def main() -> None:
    with throwaway_database():
        load_geography()
        counts = training_data_generate(sessions=SESSIONS, attendances=ATTENDANCES, seed=7)
        # A tenth of the sessions took a headcount too, so the report adds both.
        rng = random.Random(7)  # noqa: S311 - benchmark data
        session_ids = list(TrainingSession.objects.values_list("pk", flat=True))
        Headcount.objects.bulk_create(
            [
                Headcount(session_id=pk, sex="female", age_band="15-17", count=rng.randint(1, 30))
                for pk in rng.sample(session_ids, len(session_ids) // 10)
            ],
            batch_size=20_000,
        )
        start = time.perf_counter()
        kept.kept_figures_rebuild()
        rebuild_time = time.perf_counter() - start
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        report("report_bench_attendances", counts.attendances, "rows")
        report("report_bench_sessions", counts.sessions, "sessions")

        national = UserFactory(username="bench-national", role="National program officers")
        client = Client()
        client.force_login(national)
        response = client.get(URL)
        assert response.status_code == 200
        figures = response.context["report"]["totals"]

        month = (
            "date_trunc('month', date)"
            if connection.vendor == "postgresql"
            else "strftime('%Y-%m-01', date)"
        )
        queries = hand_written_queries(month)
        results = run_sql(queries)
        sessions, __, provinces = results[0][0]
        attendances, people = results[1][0][:2]
        headcount = results[2][0][0] or 0
        # The same figures, or the comparison means nothing.
        assert (figures["sessions"], figures["people"]) == (sessions, people)
        assert figures["attendances"] == attendances + headcount
        assert figures["provinces_covered"] == provinces

        with CaptureQueriesContext(connection) as captured:
            client.get(URL)
        page_queries = len(captured)
        page_time = median_seconds(lambda: client.get(URL), repeat=REPEAT, warmup=1)
        sql_time = median_seconds(lambda: run_sql(queries), repeat=REPEAT, warmup=1)
        report("report_hand_written_sql", sql_time * 1000, "ms")
        report("report_page_national", page_time * 1000, "ms", sql_time * 1000)
        report("report_page_queries", page_queries, "queries")
        report("report_hand_written_sql_queries", len(queries), "queries")
        kept_against_live(client, national, rebuild_time)


def kept_against_live(client: Client, national, rebuild_time: float) -> None:
    """The page from the kept figures against the live selectors, and the cost of keeping."""
    everything = ReportFilters(
        date_from=datetime.date(2021, 1, 1), date_to=datetime.date(2026, 10, 31)
    )
    province = Province.objects.order_by("code")[4]
    one_year = ReportFilters(
        province_id=province.pk,
        date_from=datetime.date(2025, 1, 1),
        date_to=datetime.date(2025, 12, 31),
    )
    province_url = (
        f"/admin/reports/programme/?province={province.pk}&date_from=2025-01-01&date_to=2025-12-31"
    )
    # Ending before the latest attendance, so people are counted from each one's last
    # attendance in the range, not read from the rows kept to date.
    until_mid_2025 = ReportFilters(
        date_from=datetime.date(2021, 1, 1), date_to=datetime.date(2025, 6, 30)
    )
    until_mid_2025_url = "/admin/reports/programme/?date_from=2021-01-01&date_to=2025-06-30"
    for filters in (everything, one_year, until_mid_2025):  # the same figures, or nothing
        assert programme_report(user=national, filters=filters) == programme_report(
            user=national, filters=filters, live=True
        )
    for name, filters, url in (
        ("national", everything, URL),
        ("province_year", one_year, province_url),
        ("national_until_mid_2025", until_mid_2025, until_mid_2025_url),
    ):
        live = median_seconds(
            lambda filters=filters: programme_report(user=national, filters=filters, live=True),
            repeat=REPEAT,
            warmup=1,
        )
        figures = median_seconds(
            lambda filters=filters: programme_report(user=national, filters=filters),
            repeat=REPEAT,
            warmup=1,
        )
        with mock.patch("sessions.reports.views.programme_report", live_report):
            live_page = median_seconds(lambda url=url: client.get(url), repeat=REPEAT, warmup=1)
        page = median_seconds(lambda url=url: client.get(url), repeat=REPEAT, warmup=1)
        report(f"report_live_selectors_{name}", live * 1000, "ms")
        report(f"report_kept_figures_{name}", figures * 1000, "ms", live * 1000)
        report(f"report_live_page_{name}", live_page * 1000, "ms")
        report(f"report_kept_page_{name}", page * 1000, "ms", live_page * 1000)
    report("report_kept_rebuild", rebuild_time, "s")

    # Verifying one session: with the kept figures brought up to date in its transaction,
    # against the same verification with the refresh left to later.
    sessions = list(
        TrainingSession.objects.filter(status=TrainingSession.Status.VERIFIED).order_by("?")[
            : 2 * VERIFY_REPEAT
        ]
    )
    TrainingSession.objects.filter(pk__in=[s.pk for s in sessions]).update(
        status=TrainingSession.Status.SUBMITTED
    )
    kept.kept_figures_refresh()
    with_kept = _verify_times(sessions[:VERIFY_REPEAT], national)
    with mock.patch("sessions.services.kept_figures_refresh_soon"):
        without = _verify_times(sessions[VERIFY_REPEAT:], national)
    kept.kept_figures_refresh()
    report("report_verify_without_kept_update", without * 1000, "ms")
    report("report_verify_with_kept_update", with_kept * 1000, "ms", without * 1000)


def live_report(**kwargs) -> dict:
    """The report page as it was: every figure counted by the live selectors."""
    return programme_report(**kwargs, live=True)


def _verify_times(sessions: list, user) -> float:
    timings = []
    for session in sessions:
        session.refresh_from_db()
        start = time.perf_counter()
        training_session_verify(session=session, user=user)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


if __name__ == "__main__":
    main()
