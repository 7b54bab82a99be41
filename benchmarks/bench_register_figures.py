"""The commune register's figures with 500,000 movements (BENCH_MOVEMENTS to change), for a
national officer and a province officer, against hand-written SQL GROUP BY queries that
give the same counts, in the same run.

On PostgreSQL (as `make bench` runs it), the rows are made by the database itself, one
INSERT ... SELECT over generate_series each for movements and sightings: 500,000 in seconds
where building them in Python took minutes. SQLite (a quick look) builds them in Python:
    sh scripts/with-postgres.sh env DJANGO_SETTINGS_MODULE=config.settings.test \
        .venv/bin/python benchmarks/bench_register_figures.py
"""
# ruff: noqa: S608 - the SQL is built from constants of this file, never from input

import datetime
import os
import random
import time

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from agencies.models import Agency, AgencyStatus, Country  # noqa: E402
from communes.choices import (  # noqa: E402
    AgeBand,
    Answer,
    Channel,
    MovementKind,
    PassportHolder,
    RecruiterKind,
    ReportedTo,
    ReturnReason,
    Sector,
)
from communes.models import FeeCap, Movement, RecruitmentActivity  # noqa: E402
from communes.selectors import FigureFilters, register_figures  # noqa: E402
from geography.loading import load_geography  # noqa: E402
from geography.models import Province, Village  # noqa: E402
from tests.factories import UserFactory, officer_of  # noqa: E402

MOVEMENTS = int(os.environ.get("BENCH_MOVEMENTS", "500000"))
REPEAT = int(os.environ.get("BENCH_REGISTER_REPEAT", "5"))
#: The province officer's province: Siem Reap, among the largest.
OFFICER_PROVINCE = "17"
DESTINATIONS = ("TH", "MY", "KR", "JP", "SG")
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = 365 * 5
KINDS = (MovementKind.DEPARTURE, MovementKind.RETURN)


def _text_array(values) -> str:
    return "ARRAY[" + ", ".join(f"'{value}'" for value in values) + "]::text[]"


def _pick(values) -> str:
    """SQL for a random one of these constants, drawn again for each row."""
    return f"({_text_array(values)})[1 + floor(random() * {len(values)})::int]"


def generate_register_in_postgresql(agency_id: int) -> None:
    """The same spread as `generate_register`, made by PostgreSQL from generate_series.

    The random draws are columns of an inner SELECT (volatile, so PostgreSQL draws them once
    a row): the village's index picks its commune too, and the kind decides the return's
    fields as the model's constraints require. `setseed` makes every run the same data.
    """
    movement_columns = f"""
        SELECT g AS number,
               1 + floor(random() * (SELECT count(*) FROM trainings_village))::int AS village,
               {_pick(KINDS)} AS kind,
               {_pick(Channel.values)} AS channel,
               random() < 0.9 AS abroad,
               CASE WHEN random() < 0.5 THEN floor(random() * 1200)::int END AS fees,
               random() AS draw
        FROM generate_series(1, {MOVEMENTS}) AS g"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.7)")
        # Every id is drawn from its table: the foreign keys' row-by-row checks (most of
        # the load's time) are skipped for the load, as pg_restore does.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            f"""
            WITH villages AS (
                SELECT array_agg(id ORDER BY id) AS ids,
                       array_agg(commune_id ORDER BY id) AS communes
                FROM trainings_village),
            countries AS (
                SELECT array_agg(id ORDER BY code) AS ids FROM agencies_country
                WHERE code IN ({", ".join(f"'{code}'" for code in DESTINATIONS)})),
            provinces AS (SELECT array_agg(id ORDER BY code) AS ids FROM trainings_province)
            INSERT INTO communes_movement (
                person_code, commune_id, village_id, kind, date, sex, age_band,
                destination_country_id, destination_province_id, sector, channel, agency_id,
                currency, fees_paid, fees_paid_usd, has_passport, has_work_permit,
                has_contract_they_read, passport_holder, orientation_received, return_reason,
                help_wanted, contact_consent, name, phone, is_sample, created_at, updated_at)
            SELECT 'B-' || lpad(row.number::text, 9, '0'),
                   villages.communes[row.village], villages.ids[row.village], row.kind,
                   DATE '{FIRST_DAY.isoformat()}' + floor(random() * {DAYS})::int,
                   {_pick(("female", "male"))}, {_pick(AgeBand.values)},
                   CASE WHEN row.abroad THEN countries.ids[1 + floor(row.draw
                       * cardinality(countries.ids))::int] END,
                   CASE WHEN NOT row.abroad THEN provinces.ids[1 + floor(row.draw
                       * cardinality(provinces.ids))::int] END,
                   {_pick(Sector.values)}, row.channel,
                   CASE WHEN row.channel = '{Channel.LICENSED_AGENCY}' THEN {agency_id} END,
                   'USD', row.fees, row.fees, 'unknown', 'unknown', 'unknown',
                   {_pick(PassportHolder.values)}, 'unknown',
                   CASE WHEN row.kind = '{MovementKind.RETURN}'
                       THEN {_pick(ReturnReason.values)} ELSE '' END,
                   FALSE, FALSE, '', '', FALSE, now(), now()
            FROM ({movement_columns}) AS row, villages, countries, provinces"""
        )
        cursor.execute(
            f"""
            WITH villages AS (
                SELECT array_agg(id ORDER BY id) AS ids,
                       array_agg(commune_id ORDER BY id) AS communes
                FROM trainings_village)
            INSERT INTO communes_recruitmentactivity (
                commune_id, village_id, seen_on, recruiter_kind, recruiter_description,
                sector, promised, currency, licensed, reported_to, is_sample,
                created_at, updated_at)
            SELECT villages.communes[row.village], villages.ids[row.village],
                   DATE '{FIRST_DAY.isoformat()}' + floor(random() * {DAYS})::int,
                   {_pick((RecruiterKind.BROKER, RecruiterKind.UNKNOWN))}, '',
                   '{Sector.UNKNOWN}', '', 'USD', {_pick(Answer.values)},
                   {_pick(ReportedTo.values)}, FALSE, now(), now()
            FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM trainings_village))::int
                      AS village
                  FROM generate_series(1, {MOVEMENTS // 20})) AS row, villages"""
        )
        cursor.execute("SET session_replication_role = DEFAULT")


def generate_register(rng: random.Random) -> None:
    """Movements spread over every village of the real geography, and a sighting per twenty."""
    for country in Country.objects.filter(code__in=DESTINATIONS[:3]):
        FeeCap.objects.create(country=country, amount_usd=500)
    agency = Agency.objects.create(
        name_en="Bench Manpower", licence_number="001/21", status=AgencyStatus.LICENSED
    )
    if connection.vendor == "postgresql":
        generate_register_in_postgresql(agency.pk)
        return
    villages = list(Village.objects.values_list("pk", "commune_id"))
    countries = list(Country.objects.filter(code__in=DESTINATIONS).values_list("pk", flat=True))
    provinces = list(Province.objects.values_list("pk", flat=True))
    movements = []
    for number in range(MOVEMENTS):
        village, commune = rng.choice(villages)
        kind = rng.choice(KINDS)
        channel = rng.choice(Channel.values)
        abroad = rng.random() < 0.9
        fees = rng.choice((None, rng.randrange(0, 1200)))
        movements.append(
            Movement(
                person_code=f"B-{number:09d}",
                commune_id=commune,
                village_id=village,
                kind=kind,
                date=FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS)),
                sex=rng.choice(("female", "male")),
                age_band=rng.choice(AgeBand.values),
                destination_country_id=rng.choice(countries) if abroad else None,
                destination_province_id=None if abroad else rng.choice(provinces),
                sector=rng.choice(Sector.values),
                channel=channel,
                agency_id=agency.pk if channel == Channel.LICENSED_AGENCY else None,
                fees_paid=fees,
                fees_paid_usd=fees,
                passport_holder=rng.choice(PassportHolder.values),
                return_reason=(
                    rng.choice(ReturnReason.values) if kind == MovementKind.RETURN else ""
                ),
            )
        )
        if len(movements) == 20_000:
            Movement.objects.bulk_create(movements)
            movements = []
    Movement.objects.bulk_create(movements)
    RecruitmentActivity.objects.bulk_create(
        [
            RecruitmentActivity(
                commune_id=commune,
                village_id=village,
                seen_on=FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS)),
                recruiter_kind=rng.choice((RecruiterKind.BROKER, RecruiterKind.UNKNOWN)),
                licensed=rng.choice(Answer.values),
                reported_to=rng.choice(ReportedTo.values),
            )
            for village, commune in (rng.choice(villages) for _ in range(MOVEMENTS // 20))
        ],
        batch_size=20_000,
    )


def hand_written_queries(month: str, province_id: int | None) -> list[str]:
    """The figures as plain SQL, one query each, scoped to a province or not at all."""
    scope = (
        "TRUE"
        if province_id is None
        else f"""m.commune_id IN (SELECT c0.id FROM trainings_commune c0
                  JOIN trainings_district d0 ON d0.id = c0.district_id
                  WHERE d0.province_id = {province_id})"""
    )
    places = """JOIN trainings_commune c ON c.id = m.commune_id
        JOIN trainings_district d ON d.id = c.district_id
        JOIN trainings_province p ON p.id = d.province_id"""
    by_kind = "m.kind, COUNT(*) FROM communes_movement m"
    return [
        f"SELECT {month}, {by_kind} WHERE {scope} GROUP BY 1, 2",
        f"SELECT p.code, p.name_km, p.name_en, {by_kind} {places} WHERE {scope} GROUP BY p.id, 4",
        f"SELECT d.code, d.name_km, d.name_en, {by_kind} {places} WHERE {scope} GROUP BY d.id, 4",
        f"""SELECT c.code, c.name_km, c.name_en, {by_kind}
            JOIN trainings_commune c ON c.id = m.commune_id WHERE {scope} GROUP BY c.id, 4""",
        f"""SELECT co.code, co.name_km, co.name_en, {by_kind}
            JOIN agencies_country co ON co.id = m.destination_country_id
            WHERE {scope} GROUP BY co.id, 4""",
        f"""SELECT dp.code, dp.name_km, dp.name_en, {by_kind}
            JOIN trainings_province dp ON dp.id = m.destination_province_id
            WHERE {scope} GROUP BY dp.id, 4""",
        f"SELECT m.sector, {by_kind} WHERE {scope} GROUP BY 1, 2",
        f"SELECT m.channel, {by_kind} WHERE {scope} GROUP BY 1, 2",
        f"""SELECT COUNT(CASE WHEN m.channel = 'agency' THEN 1 END),
                COUNT(CASE WHEN m.channel <> 'agency' THEN 1 END)
            FROM communes_movement m WHERE m.kind = 'departure' AND {scope}""",
        f"""SELECT co.code, co.name_km, co.name_en,
                COUNT(CASE WHEN m.fees_paid_usd <= f.amount_usd THEN 1 END),
                COUNT(CASE WHEN m.fees_paid_usd > f.amount_usd THEN 1 END),
                COUNT(CASE WHEN m.fees_paid_usd IS NULL THEN 1 END)
            FROM communes_movement m
            JOIN communes_feecap f ON f.country_id = m.destination_country_id
            JOIN agencies_country co ON co.id = m.destination_country_id
            WHERE m.kind = 'departure' AND {scope} GROUP BY co.id""",
        f"""SELECT m.passport_holder, COUNT(*) FROM communes_movement m
            WHERE m.kind = 'departure' AND {scope} GROUP BY 1""",
        f"""SELECT m.return_reason, COUNT(*) FROM communes_movement m
            WHERE m.kind = 'return' AND {scope} GROUP BY 1""",
        f"""SELECT m.reported_to, COUNT(*) FROM communes_recruitmentactivity m
            WHERE (m.recruiter_kind = 'broker' OR m.licensed = 'no') AND {scope} GROUP BY 1""",
    ]


def run_sql(queries: list[str]) -> list[list[tuple]]:
    with connection.cursor() as cursor:
        results = []
        for query in queries:
            cursor.execute(query)
            results.append(cursor.fetchall())
        return results


def _by_kind(rows: list[tuple]) -> dict[object, tuple[int, ...]]:
    """(key, ..., kind, count) rows as {key: (departures, returns)}."""
    table: dict[object, list[int]] = {}
    for row in rows:
        key, kind, count = row[0], row[-2], row[-1]
        if isinstance(key, datetime.datetime):
            key = key.date()
        table.setdefault(key, [0, 0])[KINDS.index(kind)] += count
    return {key: tuple(counts) for key, counts in table.items()}


def _one_way(rows: list[tuple]) -> dict[object, tuple[int, ...]]:
    return {row[0]: (row[1],) for row in rows if row[1]}


def sql_figures(results: list[list[tuple]]) -> dict[str, dict[object, tuple[int, ...]]]:
    """The hand-written results keyed as the figures page keys its tables."""
    licensed, other = results[8][0]
    return {
        "month": _by_kind(results[0]),
        "province": _by_kind(results[1]),
        "district": _by_kind(results[2]),
        "commune": _by_kind(results[3]),
        "destination": {**_by_kind(results[4]), **_by_kind(results[5])},
        "sector": _by_kind(results[6]),
        "channel": _by_kind(results[7]),
        "licensed_share": {"licensed": (licensed,), "other": (other,)},
        "fees": {row[0]: tuple(row[3:]) for row in results[9]},
        "passports": _one_way(results[10]),
        "return_reasons": _one_way(results[11]),
        "unlicensed_recruiters": _one_way(results[12]),
    }


def page_figures(figures) -> dict[str, dict[object, tuple[int, ...]]]:
    """The selectors' whole counts (before hiding), zero rows left out as SQL leaves them."""
    tables = {}
    for figure in figures:
        table = {}
        for key, counts in zip(figure.table.row_keys, figure.table.counts, strict=True):
            if isinstance(key, datetime.datetime):
                key = key.date()
            if any(counts) or figure.key in ("licensed_share", "fees"):
                table[key] = counts
        tables[figure.key] = table
    return tables


def measure(name: str, user, queries: list[str]) -> None:
    def figures():
        return register_figures(user=user, filters=FigureFilters())

    # The same figures, or the comparison means nothing.
    assert page_figures(figures()) == sql_figures(run_sql(queries)), name
    report(f"register_{name}_same_counts_as_sql", 1, "check")
    with CaptureQueriesContext(connection) as captured:
        figures()
    page_time = median_seconds(figures, repeat=REPEAT, warmup=1)
    sql_time = median_seconds(lambda: run_sql(queries), repeat=REPEAT, warmup=1)
    report(f"register_{name}_hand_written_sql", sql_time * 1000, "ms")
    report(f"register_{name}_figures", page_time * 1000, "ms", sql_time * 1000)
    report(f"register_{name}_figures_queries", len(captured), "queries")
    report(f"register_{name}_hand_written_sql_queries", len(queries), "queries")


def main() -> None:
    with throwaway_database():
        load_geography()
        started = time.perf_counter()
        generate_register(random.Random(7))  # noqa: S311 - benchmark data
        report("register_bench_load", time.perf_counter() - started, "s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        report("register_bench_movements", Movement.objects.count(), "rows")
        month = (
            "CAST(date_trunc('month', m.date) AS date)"
            if connection.vendor == "postgresql"
            else "date(m.date, 'start of month')"
        )
        national = UserFactory(username="bench-national", role="National program officers")
        officer = officer_of(OFFICER_PROVINCE, username="bench-officer")
        province_id = Province.objects.get(code=OFFICER_PROVINCE).pk
        measure("national", national, hand_written_queries(month, None))
        measure("province_officer", officer, hand_written_queries(month, province_id))


if __name__ == "__main__":
    main()
