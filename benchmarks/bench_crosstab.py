"""Cross-tabulation pages at the programme report's scale (1,000,000 attendances;
BENCH_REPORT_ATTENDANCES to change), against hand-written SQL giving the same cells and
totals, in the same run: province × sex and month × age band, people and attendances.

On PostgreSQL:
    sh scripts/with-postgres.sh env .venv/bin/python benchmarks/bench_crosstab.py
"""

import os
import random

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from demo.synthetic_trainings import training_data_generate  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from sessions.models import Headcount, TrainingSession  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

ATTENDANCES = int(os.environ.get("BENCH_REPORT_ATTENDANCES", "1000000"))
SESSIONS = int(os.environ.get("BENCH_REPORT_SESSIONS", str(max(ATTENDANCES // 10, 10))))
REPEAT = int(os.environ.get("BENCH_REPORT_REPEAT", "5"))
DATES = "date_from=2021-01-01&date_to=2026-10-31"
URL = "/admin/reports/programme/crosstab/?rows={rows}&columns={columns}&" + DATES

VERIFIED_SESSIONS = """
    (SELECT s.id, s.date, d.province_id
     FROM trainings_trainingsession s
     JOIN trainings_youthgroup g ON g.id = s.group_id
     JOIN trainings_commune c ON c.id = g.commune_id
     JOIN trainings_district d ON d.id = c.district_id
     WHERE s.status = 'verified' AND s.date BETWEEN '2021-01-01' AND '2026-10-31')
"""


def hand_written_queries(row_key: tuple[str, str], column_key: tuple[str, str]) -> list[str]:
    """Cells, row totals, column totals and the grand total, named and by headcount.

    Each key is (its expression over attendances `a`, sessions `v` and people `p`; the same
    over headcounts `h` and `v`).
    """
    named = f"""FROM trainings_attendance a JOIN {VERIFIED_SESSIONS} v ON v.id = a.session_id
                JOIN trainings_participant p ON p.id = a.participant_id"""
    counted = f"FROM trainings_headcount h JOIN {VERIFIED_SESSIONS} v ON v.id = h.session_id"
    queries = []
    for keys in ((row_key, column_key), (row_key,), (column_key,), ()):
        named_keys = ", ".join(key[0] for key in keys)
        counted_keys = ", ".join(key[1] for key in keys)
        group = " GROUP BY " + ", ".join(str(i + 1) for i in range(len(keys))) if keys else ""
        prefix = f"{named_keys}, " if keys else ""
        queries.append(f"SELECT {prefix}COUNT(*), COUNT(DISTINCT a.participant_id) {named}{group}")
        prefix = f"{counted_keys}, " if keys else ""
        queries.append(f"SELECT {prefix}SUM(h.count) {counted}{group}")
    return queries


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
        rng = random.Random(7)  # noqa: S311 - benchmark data
        session_ids = list(TrainingSession.objects.values_list("pk", flat=True))
        Headcount.objects.bulk_create(
            [
                Headcount(session_id=pk, sex="female", age_band="15-17", count=rng.randint(1, 30))
                for pk in rng.sample(session_ids, len(session_ids) // 10)
            ],
            batch_size=20_000,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        report("crosstab_bench_attendances", counts.attendances, "rows")

        client = Client()
        client.force_login(UserFactory(username="bench-national", role="National program officers"))
        month = (
            "date_trunc('month', v.date)"
            if connection.vendor == "postgresql"
            else "strftime('%Y-%m-01', v.date)"
        )
        tables = {
            "province_by_sex": (
                ("province", "sex"),
                (("v.province_id", "v.province_id"), ("p.sex", "h.sex")),
            ),
            "month_by_age_band": (
                ("month", "age_band"),
                ((month, month), ("a.age_band", "h.age_band")),
            ),
        }
        for name, ((rows, columns), (row_key, column_key)) in tables.items():
            url = URL.format(rows=rows, columns=columns)
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            table = response.context["crosstab"]
            queries = hand_written_queries(row_key, column_key)
            results = run_sql(queries)
            # The same figures, or the comparison means nothing: the grand totals, and the
            # sum of the column totals of attendances (an additive dimension in both tables).
            (attendances, people), headcount = results[6][0], results[7][0][0] or 0
            assert table.people.grand_total == people, (table.people.grand_total, people)
            assert table.attendances.grand_total == attendances + headcount
            named_columns = sum(row[-2] for row in results[4])
            counted_columns = sum(row[-1] or 0 for row in results[5])
            assert sum(table.attendances.column_totals) == named_columns + counted_columns

            # Counted by a wrapper: the test client's request resets Django's query log.
            executed: list[str] = []

            def counting(execute, sql, params, many, context, executed=executed):
                executed.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(counting):
                client.get(url)
            page_time = median_seconds(lambda url=url: client.get(url), repeat=REPEAT, warmup=1)
            sql_time = median_seconds(
                lambda queries=queries: run_sql(queries), repeat=REPEAT, warmup=1
            )
            report(f"crosstab_{name}_hand_written_sql", sql_time * 1000, "ms")
            report(f"crosstab_{name}_page", page_time * 1000, "ms", sql_time * 1000)
            report(f"crosstab_{name}_page_queries", len(executed), "queries")


if __name__ == "__main__":
    main()
