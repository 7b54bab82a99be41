"""Large exports are made in the background: a progress page, then a file for its asker alone.

The threshold (EXPORT_BACKGROUND_ROWS) is set low here so that a handful of rows takes the
background path end to end, through the immediate task backend of the test settings.
"""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from geography.models import Province
from sessions.admin.export_jobs import export_job_build, export_job_create
from sessions.models import AccessLogEntry, Attendance, ExportJob, ExportLog, ProvinceAssignment
from sessions.services import participant_erase
from tests.factories import AttendanceFactory, TrainingSessionFactory
from tests.sessions.conftest import EXPORT_FORMULAS as FORMULAS
from tests.sessions.test_exports import csv_rows, export_url, in_english

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def export_files_root(settings, tmp_path):
    """Each test's files in a folder of its own."""
    settings.EXPORT_FILES_ROOT = tmp_path / "exports"


@pytest.fixture
def in_background(settings):
    """Every export of more than no rows goes to the background."""
    settings.EXPORT_BACKGROUND_ROWS = 0
    return settings


def job_of(response) -> ExportJob:
    assert response.status_code == 302, response.status_code
    job_id = int(response["Location"].rstrip("/").split("/")[-1])
    assert response["Location"] == reverse("trainings_exports:detail", args=[job_id])
    return ExportJob.objects.get(pk=job_id)


def download(client, job):
    return client.get(reverse("trainings_exports:download", args=[job.pk]))


def export_files() -> list[Path]:
    root = Path(settings.EXPORT_FILES_ROOT)
    return sorted(root.iterdir()) if root.exists() else []


def xlsx_rows_of(response) -> list[dict]:
    content = b"".join(response.streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))
    headings = [in_english(heading) for heading in rows[0]]
    return [dict(zip(headings, row, strict=True)) for row in rows[1:]]


def test_a_small_export_is_still_downloaded_at_once(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    response = client.get(export_url("training_sessions", "csv"))
    assert response.status_code == 200
    assert len(csv_rows(response)) == 1
    assert not ExportJob.objects.exists()


def test_a_large_csv_export_is_made_in_the_background_complete_and_offered_to_its_asker(
    client, users, siem_reap_club, in_background
):
    group = siem_reap_club["group"]
    for _ in range(4):
        AttendanceFactory.create_batch(3, session=TrainingSessionFactory(group=group))
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("attendance", "csv")))
    assert job.status == ExportJob.Status.DONE
    assert (job.rows_total, job.rows_done) == (13, 13)

    page = client.get(reverse("trainings_exports:detail", args=[job.pk]))
    assert page.status_code == 200
    assert reverse("trainings_exports:download", args=[job.pk]).encode() in page.content

    response = download(client, job)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="attendance-')
    rows = csv_rows(response)  # starts with the byte order mark
    assert len(rows) == 13
    assert {row["participant code"] for row in rows} == set(
        Attendance.objects.filter(session__group=group).values_list("participant__code", flat=True)
    )
    # Only the finished file is kept, under EXPORT_FILES_ROOT, not in the public media.
    [stored] = export_files()
    assert stored.suffix == ".csv"
    assert not stored.is_relative_to(settings.MEDIA_ROOT)


def test_a_background_xlsx_reads_back_with_its_formulas_kept_as_text(
    client, users, formula_session, in_background
):
    client.force_login(users["national"])
    for list_name in ["participants", "training_sessions", "youth_groups"]:
        job = job_of(client.get(export_url(list_name, "xlsx")))
        response = download(client, job)
        content = b"".join(response.streaming_content)
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        assert sheet.max_row == 2
        texts = [
            cell
            for row in sheet.iter_rows(min_row=2)
            for cell in row
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))
        ]
        assert texts, list_name
        for cell in texts:
            assert cell.data_type == "s" and cell.quotePrefix, (list_name, cell.value)
    participant = xlsx_rows_of(
        download(client, ExportJob.objects.filter(list_name="participants").get())
    )
    assert participant[0]["name"] == FORMULAS[0]


def test_a_background_csv_escapes_formulas(client, users, formula_session, in_background):
    client.force_login(users["national"])
    job = job_of(client.get(export_url("participants", "csv")))
    [participant] = csv_rows(download(client, job))
    assert participant["name"] == "'" + FORMULAS[0]
    assert participant["destination"] == "'" + FORMULAS[1]


def test_the_file_holds_only_the_askers_provinces_whatever_filter_was_sent(
    client, users, two_provinces, in_background
):
    client.force_login(users["officer_x"])
    battambang = Province.objects.get(code="02")
    group = two_provinces["y"]["group"]
    own = [str(two_provinces["x"]["session"].pk)]
    # Another province's id typed as a filter: the filter refuses it, the list stays theirs.
    for params in [{}, {"province": battambang.pk}, {"group": group.pk}]:
        job = job_of(client.get(export_url("training_sessions", "csv", **params)))
        assert [row["session ID"] for row in csv_rows(download(client, job))] == own
        job = job_of(client.get(export_url("attendance", "xlsx", **params)))
        codes = {row["participant code"] for row in xlsx_rows_of(download(client, job))}
        assert codes == {two_provinces["x"]["participant"].code}


def test_the_rows_are_chosen_with_the_askers_provinces_when_the_file_is_built(users, two_provinces):
    officer = users["officer_x"]
    battambang = Province.objects.get(code="02")
    assignment = ProvinceAssignment.objects.create(officer=officer, province=battambang)
    job = export_job_create(
        user=officer,
        list_name=ExportLog.ListName.TRAINING_SESSIONS,
        export_format="csv",
        view_name="training_sessions:index",
        filters={},
        language="en",
    )
    # Battambang is taken from the officer before a worker gets to the job.
    assignment.delete()
    job = export_job_build(job=job)
    assert job.status == ExportJob.Status.DONE
    assert job.rows_total == 1
    text = (Path(settings.EXPORT_FILES_ROOT) / job.stored_name).read_text(encoding="utf-8-sig")
    assert "BTB-1" not in text


@pytest.mark.parametrize("who", ["officer_y", "national", "editor"])
def test_nobody_but_the_asker_opens_or_downloads_an_export(
    client, users, siem_reap_club, in_background, who
):
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    client.force_login(users[who])
    for name in ["detail", "download"]:
        response = client.get(reverse(f"trainings_exports:{name}", args=[job.pk]))
        assert response.status_code in (302, 404), (name, response.status_code)
        assert b"Banteay" not in response.content
    response = client.post(reverse("trainings_exports:again", args=[job.pk]))
    assert response.status_code in (302, 404)
    assert ExportJob.objects.count() == 1


def test_another_province_officer_gets_404_for_someone_elses_export(
    client, users, siem_reap_club, in_background
):
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    client.force_login(users["officer_y"])
    assert client.get(reverse("trainings_exports:detail", args=[job.pk])).status_code == 404
    assert download(client, job).status_code == 404
    assert client.post(reverse("trainings_exports:again", args=[job.pk])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_and_gets_no_file(
    client, users, siem_reap_club, in_background
):
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    client.logout()
    response = download(client, job)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_a_tampered_job_id_is_a_404(client, users, siem_reap_club, in_background):
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    prefix = reverse("trainings_exports:index")
    for tampered in [f"{job.pk + 1}/download/", "0/download/", f"{job.pk}x/download/", "-1/"]:
        assert client.get(prefix + tampered).status_code == 404, tampered


def test_each_download_of_personal_data_is_logged(client, users, two_provinces, in_background):
    client.force_login(users["national"])
    job = job_of(client.get(export_url("participants", "xlsx", q="Chan")))
    assert job.personal_data
    export_log = ExportLog.objects.get()
    assert job.export_log == export_log
    assert (export_log.row_count, export_log.personal_data) == (1, True)
    built = AccessLogEntry.objects.get()
    assert (built.action, built.search, built.export_log) == ("exported", "Chan", export_log)
    download(client, job)
    download(client, job)
    downloads = AccessLogEntry.objects.filter(details__export_job=job.pk)
    assert downloads.count() == 2
    assert {entry.screen for entry in downloads} == {"trainings_exports:download"}
    assert {entry.export_log for entry in downloads} == {export_log}


def test_a_program_officer_who_lost_the_province_no_longer_downloads_its_file(
    client, users, siem_reap_club, in_background
):
    officer = users["officer_x"]
    client.force_login(officer)
    job = job_of(client.get(export_url("training_sessions", "csv")))
    ProvinceAssignment.objects.filter(officer=officer).delete()
    assert download(client, job).status_code == 404


def test_a_national_officer_who_lost_the_personal_data_permission_no_longer_downloads_it(
    client, users, siem_reap_club, in_background
):
    national = users["national"]
    client.force_login(national)
    job = job_of(client.get(export_url("participants", "csv")))
    assert job.personal_data
    national.user_permissions.add(Permission.objects.get(codename="access_all_provinces"))
    for group in national.groups.all():
        national.groups.remove(group)
    national.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert download(client, job).status_code == 404


def test_a_failed_build_says_so_and_offers_no_file(client, users, siem_reap_club):
    job = export_job_create(
        user=users["officer_x"],
        list_name=ExportLog.ListName.TRAINING_SESSIONS,
        export_format="csv",
        view_name="training_sessions:index",
        filters={"ordering": "no_such_column"},
        language="en",
    )
    # The officer's account lost the admin before the file was made.
    users["officer_x"].is_active = False
    users["officer_x"].save()
    job = export_job_build(job=job)
    assert job.status == ExportJob.Status.FAILED
    assert job.error == "Your account may no longer export this list."
    assert not export_files()


def test_an_unexpected_failure_leaves_no_half_file_and_a_clear_message(
    client, users, siem_reap_club, messages_in_english
):
    job = export_job_create(
        user=users["officer_x"],
        list_name=ExportLog.ListName.TRAINING_SESSIONS,
        export_format="xlsx",
        view_name="training_sessions:index",
        filters={},
        language="en",
    )
    # The folder for the files is a file: writing fails midway.
    root = Path(settings.EXPORT_FILES_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    (root / f"export-{job.pk}.partial").mkdir()
    job = export_job_build(job=job)
    assert job.status == ExportJob.Status.FAILED
    assert "Something went wrong while making the file" in job.error
    assert not job.stored_name
    client.force_login(users["officer_x"])
    page = client.get(reverse("trainings_exports:detail", args=[job.pk]))
    assert b"Something went wrong while making the file" in page.content
    assert reverse("trainings_exports:download", args=[job.pk]).encode() not in page.content
    assert download(client, job).status_code == 404


def test_a_job_whose_worker_died_shows_as_failed_and_can_be_made_again(
    client, users, siem_reap_club, messages_in_english
):
    job = export_job_create(
        user=users["officer_x"],
        list_name=ExportLog.ListName.TRAINING_SESSIONS,
        export_format="csv",
        view_name="training_sessions:index",
        filters={},
        language="en",
    )
    long_ago = timezone.now() - datetime.timedelta(minutes=settings.EXPORT_STALLED_MINUTES + 1)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, started_at=long_ago, heartbeat_at=long_ago
    )
    client.force_login(users["officer_x"])
    page = client.get(reverse("trainings_exports:detail", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert b"stopped before it finished" in page.content
    assert b'http-equiv="refresh"' not in page.content
    again = job_of(client.post(reverse("trainings_exports:again", args=[job.pk])))
    assert again.status == ExportJob.Status.DONE
    assert len(csv_rows(download(client, again))) == 1


def test_the_progress_page_refreshes_itself_and_speaks_khmer(client, users, siem_reap_club):
    job = export_job_create(
        user=users["officer_x"],
        list_name=ExportLog.ListName.ATTENDANCE,
        export_format="xlsx",
        view_name="training_sessions:export_attendance",
        filters={},
        language="km",
        rows_total=120_780,
    )
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, heartbeat_at=timezone.now(), rows_done=60_390
    )
    client.force_login(users["officer_x"])
    content = client.get(reverse("trainings_exports:detail", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in content
    assert '<progress max="100" value="50">' in content
    with translation.override("km"):
        making = translation.gettext("Making the file…")
    assert making != "Making the file…", "the officers' language is Khmer"
    assert making in content


def test_files_are_deleted_after_their_days_by_the_retention_command(
    client, users, siem_reap_club, in_background
):
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    assert export_files()
    ExportJob.objects.filter(pk=job.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=settings.EXPORT_FILES_KEPT_DAYS + 1)
    )
    call_command("expire_exports", stdout=io.StringIO())
    job.refresh_from_db()
    assert job.status == ExportJob.Status.EXPIRED
    assert not export_files()
    assert download(client, job).status_code == 404


def test_behind_nginx_the_file_is_sent_by_x_accel_redirect(
    client, users, siem_reap_club, in_background
):
    in_background.EXPORT_FILES_ACCEL_REDIRECT = "/_exports/"
    client.force_login(users["officer_x"])
    job = job_of(client.get(export_url("training_sessions", "csv")))
    response = download(client, job)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_exports/{job.stored_name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")


def test_erasing_a_participant_deletes_the_kept_files_that_may_name_them(
    client, users, siem_reap_club, in_background, django_capture_on_commit_callbacks
):
    national = users["national"]
    client.force_login(national)
    with_names = job_of(client.get(export_url("participants", "csv", q="Chan Sreymom")))
    assert "Chan Sreymom" in with_names.stored_path.read_text(encoding="utf-8-sig")
    client.force_login(users["officer_x"])
    without_names = job_of(client.get(export_url("training_sessions", "csv")))
    assert not without_names.personal_data

    with django_capture_on_commit_callbacks(execute=True):
        participant_erase(participant=siem_reap_club["participant"], user=national)

    with_names.refresh_from_db()
    assert with_names.status == ExportJob.Status.EXPIRED
    assert with_names.filters["q"] != "Chan Sreymom"
    assert [path.name for path in export_files()] == [without_names.stored_name]
    client.force_login(national)
    assert download(client, with_names).status_code == 404
