"""Synthetic trainings at scale, for benchmarks and load tests: fast, repeatable, not demo data.

Rows are written with bulk_create in large batches inside one transaction; nothing here
runs model validation, so it must only ever be used on a throwaway database.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import connection, transaction

from geography.models import Commune
from sessions.models import (
    AgeBand,
    Attendance,
    Participant,
    PeerEducator,
    Sex,
    TrainingSession,
    YouthGroup,
)

BATCH = 20_000
GENERATED_MODELS = [YouthGroup, PeerEducator, Participant, TrainingSession, Attendance]
FIRST_DAY = datetime.date(2021, 1, 1)
LAST_DAY = datetime.date(2026, 10, 31)


@dataclass
class GeneratedCounts:
    groups: int
    participants: int
    sessions: int
    attendances: int


@transaction.atomic
def training_data_generate(
    *,
    sessions: int,
    attendances: int,
    groups: int = 2_000,
    seed: int = 1,
    province_codes: tuple[str, ...] = (),
) -> GeneratedCounts:
    """Create `sessions` verified sessions with `attendances` named attendances in all."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, repeatable by its seed
    per_session = max(1, attendances // max(sessions, 1))
    pool_size = max(per_session * 12, 20)
    communes = Commune.objects.all()
    if province_codes:
        communes = communes.filter(district__province__code__in=province_codes)
    communes = list(communes.values_list("pk", flat=True))
    group_rows = YouthGroup.objects.bulk_create(
        [
            YouthGroup(
                name=f"Generated club {index:05d}",
                commune_id=rng.choice(communes),
                founded_on=datetime.date(2020, 1, 1),
            )
            for index in range(groups)
        ],
        batch_size=BATCH,
    )
    PeerEducator.objects.bulk_create(
        [
            PeerEducator(name_km=f"អ្នកអប់រំ {group.pk}", sex=Sex.FEMALE, group=group)
            for group in group_rows
        ],
        batch_size=BATCH,
    )
    bands = [band.value for band in AgeBand]
    participants = Participant.objects.bulk_create(
        [
            Participant(
                code=f"G{seed % 10}-{index:08d}",
                sex=rng.choice((Sex.FEMALE, Sex.MALE)),
                age_band=rng.choice(bands),
            )
            for index in range(groups * pool_size)
        ],
        batch_size=BATCH,
    )
    pools = [participants[i * pool_size : (i + 1) * pool_size] for i in range(groups)]
    span = (LAST_DAY - FIRST_DAY).days
    session_rows = TrainingSession.objects.bulk_create(
        [
            TrainingSession(
                group_id=group_rows[group_index].pk,
                date=FIRST_DAY + datetime.timedelta(days=rng.randrange(span)),
                duration_minutes=rng.choice((45, 60, 90, 120)),
                commune_id=group_rows[group_index].commune_id,
                status=TrainingSession.Status.VERIFIED,
                source=TrainingSession.Source.IMPORT,
                attendance_mode=TrainingSession.AttendanceMode.NAMED,
            )
            for group_index in (rng.randrange(groups) for _ in range(sessions))
        ],
        batch_size=BATCH,
    )
    group_index_by_id = {group.pk: index for index, group in enumerate(group_rows)}
    written = 0
    batch: list[Attendance] = []
    for session in session_rows:
        pool = pools[group_index_by_id[session.group_id]]
        for participant in rng.sample(pool, min(per_session, len(pool))):
            batch.append(
                Attendance(
                    session_id=session.pk, participant=participant, age_band=participant.age_band
                )
            )
        if len(batch) >= BATCH:
            Attendance.objects.bulk_create(batch, batch_size=BATCH)
            written += len(batch)
            batch = []
    Attendance.objects.bulk_create(batch, batch_size=BATCH)
    written += len(batch)
    transaction.on_commit(_statistics_refresh)
    return GeneratedCounts(
        groups=groups,
        participants=len(participants),
        sessions=len(session_rows),
        attendances=written,
    )


def _statistics_refresh() -> None:
    """Let PostgreSQL's planner know the tables just grew a millionfold.

    Autovacuum would get there in its own time; until then the planner believes the
    tables nearly empty and picks plans (full scans, hash joins) that are slow at size.
    """
    if connection.vendor != "postgresql":
        return
    tables = [model._meta.db_table for model in GENERATED_MODELS]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')  # table names come from the models
