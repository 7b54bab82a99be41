"""Importing 50,000 attendance rows (BENCH_IMPORT_ROWS) from XLSX and CSV: check and write,
against a plain bulk_create of the same rows and django-import-export's row-by-row path;
peak memory of the import (tracemalloc)."""

import csv
import datetime
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from harness import report, setup_django, throwaway_database

setup_django()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from import_export import resources, widgets  # noqa: E402
from import_export.fields import Field  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from tablib import Dataset  # noqa: E402

from geography.loading import load_geography  # noqa: E402
from sessions.imports.service import import_check, import_write  # noqa: E402
from sessions.models import (  # noqa: E402
    Attendance,
    ImportLog,
    Participant,
    TrainingSession,
    YouthGroup,
)
from sessions.services import training_sessions_mark_submitted  # noqa: E402
from tests.factories import commune_in, officer_of  # noqa: E402

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "50000"))
# The row-by-row path takes minutes for 50,000 rows: it is timed on a sample and scaled.
ROW_BY_ROW_ROWS = min(ROWS, int(os.environ.get("BENCH_IMPORT_ROW_BY_ROW_ROWS", "2000")))
PER_SESSION = 25
HEADERS = [
    "external id",
    "province",
    "youth group",
    "date",
    "duration in minutes",
    "name",
    "sex",
    "year of birth",
    "consent given on",
    "consent collected by",
]


def rows(groups: list[YouthGroup], count: int):
    start = datetime.date(2021, 1, 1)
    for number in range(count):
        session = number // PER_SESSION
        group = groups[session % len(groups)]
        date = start + datetime.timedelta(days=session % 1300)
        yield [
            f"B-{session:06d}",
            "17",
            group.name,
            date.strftime("%d/%m/%Y"),
            90,
            f"Person {number:06d}",
            "F" if number % 2 else "M",
            1985 + number % 15,  # adults on the day, so one consent suffices
            date.strftime("%d/%m/%Y"),
            "Sok Dara",
        ]


def write_xlsx(path: Path, groups, count: int) -> None:
    # A normal workbook, not write-only: like Excel's, it has shared strings and its
    # dimensions at the top, which read-only reading relies on.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "attendance"
    sheet.append(HEADERS)
    for row in rows(groups, count):
        sheet.append(row)
    workbook.save(path)


def write_csv(path: Path, groups, count: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows(groups, count))


class Rollback(Exception):
    pass


def rolled_back(action):
    """Time `action` inside a transaction that is then undone, so each run starts equal."""
    try:
        with transaction.atomic():
            start = time.perf_counter()
            result = action()
            elapsed = time.perf_counter() - start
            raise Rollback(elapsed, result)
    except Rollback as done:
        return done.args


def fast_import(officer, path: Path, name: str):
    log = ImportLog.objects.create(
        kind="attendance",
        user=officer,
        file_name=name,
        file_sha256="0" * 64,
        stored_path=path.name,
        language="en",
    )
    start = time.perf_counter()
    import_check(log=log)
    check_seconds = time.perf_counter() - start
    assert log.status == ImportLog.Status.CHECKED and not log.rows_rejected, log.errors[:3]
    log.status = ImportLog.Status.IMPORTING
    log.save()
    # The write removes the stored file when it is done; keep a copy for the next run.
    keep = path.read_bytes()
    start = time.perf_counter()
    import_write(log=log)
    write_seconds = time.perf_counter() - start
    path.write_bytes(keep)
    assert log.status == ImportLog.Status.DONE, (log.file_error, log.errors[:3])
    assert log.rows_created == ROWS
    return check_seconds, write_seconds


def bulk_create_same_rows(groups, officer):
    """The floor: the same sessions, people and attendances, already parsed, bulk-created."""
    sessions, people, attendances = {}, [], []
    for external_id, __, group_name, date, minutes, name, sex, year, consent, by in rows(
        groups, ROWS
    ):
        date = datetime.datetime.strptime(date, "%d/%m/%Y").date()
        session = sessions.get(external_id)
        if session is None:
            group = next(g for g in groups if g.name == group_name)
            session = sessions[external_id] = TrainingSession(
                group=group,
                date=date,
                duration_minutes=minutes,
                commune_id=group.commune_id,
                source="import",
                external_id=external_id,
            )
        person = Participant(
            name=name,
            sex="female" if sex == "F" else "male",
            year_of_birth=year,
            consent_given_on=datetime.datetime.strptime(consent, "%d/%m/%Y").date(),
            consent_collected_by=by,
        )
        people.append(person)
        attendance = Attendance(session=session, participant=person)
        attendance.keep_age_band_on_the_day()
        attendances.append(attendance)
    TrainingSession.objects.bulk_create(sessions.values())
    # Submitted as every import's sessions are: stamped, with their history entries.
    training_sessions_mark_submitted(sessions=list(sessions.values()), user=officer)
    Participant.objects.bulk_create(people)
    for attendance in attendances:
        attendance.session_id = attendance.session.pk
        attendance.participant_id = attendance.participant.pk
    Attendance.objects.bulk_create(attendances)


class RowByRowAttendanceResource(resources.ModelResource):
    """django-import-export's default path: each row finds or makes its session and person."""

    session = Field(
        attribute="session",
        column_name="external id",
        widget=widgets.ForeignKeyWidget(TrainingSession, "external_id"),
    )
    participant = Field(
        attribute="participant",
        column_name="name",
        widget=widgets.ForeignKeyWidget(Participant, "name"),
    )

    class Meta:
        model = Attendance
        fields = ("session", "participant")
        import_id_fields = ("session", "participant")

    def __init__(self, groups, officer):
        super().__init__()
        self.groups = {group.name: group for group in groups}
        self.officer = officer

    def before_import_row(self, row, **kwargs):
        date = datetime.datetime.strptime(row["date"], "%d/%m/%Y").date()
        group = self.groups[row["youth group"]]
        TrainingSession.objects.get_or_create(
            source="import",
            external_id=row["external id"],
            defaults={
                "group": group,
                "date": date,
                "duration_minutes": row["duration in minutes"],
                "commune_id": group.commune_id,
                "status": "submitted",
                "submitted_by": self.officer,
            },
        )
        Participant.objects.get_or_create(
            name=row["name"],
            defaults={
                "sex": "female" if row["sex"] == "F" else "male",
                "year_of_birth": row["year of birth"],
                "consent_given_on": date,
                "consent_collected_by": row["consent collected by"],
            },
        )


def row_by_row(groups, officer, count: int):
    dataset = Dataset(headers=HEADERS)
    for row in rows(groups, count):
        dataset.append(row)
    result = RowByRowAttendanceResource(groups, officer).import_data(
        dataset, dry_run=False, raise_errors=True
    )
    assert not result.has_errors()
    assert Attendance.objects.count() == count
    return result


def main() -> None:
    with throwaway_database(), tempfile.TemporaryDirectory() as folder:
        settings.IMPORT_FILES_ROOT = Path(folder)
        load_geography()
        officer = officer_of("17", username="bench-officer")
        groups = [
            YouthGroup.objects.create(
                name=f"Bench club {number}",
                commune=commune_in("17"),
                founded_on=datetime.date(2020, 1, 1),
            )
            for number in range(10)
        ]
        xlsx, text = Path(folder) / "attendance.xlsx", Path(folder) / "attendance.csv"
        write_xlsx(xlsx, groups, ROWS)
        write_csv(text, groups, ROWS)

        baseline, __ = rolled_back(lambda: bulk_create_same_rows(groups, officer))
        report(f"bulk_create_{ROWS}_attendance_rows", baseline, "s")
        for label, path in (("xlsx", xlsx), ("csv", text)):
            total, (check, write) = rolled_back(lambda path=path: fast_import(officer, path, "f"))
            # The import proper is the write once the officer confirms; the check before it
            # (the preview) reads and checks the same rows without writing.
            report(f"import_{ROWS}_attendance_rows_{label}_write", write, "s", baseline)
            report(f"import_{ROWS}_attendance_rows_{label}_check", check, "s", baseline)
            report(f"import_{ROWS}_attendance_rows_{label}_check_and_write", total, "s", baseline)
            if label == "xlsx":
                xlsx_seconds = write

        sample, __ = rolled_back(lambda: row_by_row(groups, officer, ROW_BY_ROW_ROWS))
        scaled = sample * ROWS / ROW_BY_ROW_ROWS
        report(
            f"import_export_row_by_row_{ROWS}_rows_scaled_from_{ROW_BY_ROW_ROWS}",
            scaled,
            "s",
            baseline,
        )
        report(f"import_{ROWS}_rows_xlsx_write_against_row_by_row", xlsx_seconds / scaled, "ratio")

        tracemalloc.start()
        rolled_back(lambda: fast_import(officer, xlsx, "a.xlsx"))
        __, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        report(f"import_{ROWS}_rows_xlsx_peak_memory", peak / 1048576, "MB")
        report("xlsx_file_size", xlsx.stat().st_size / 1048576, "MB")


if __name__ == "__main__":
    main()
