"""Backups that restore: `manage.py backup` as the nightly unit runs it, then `restore`.

On a PostgreSQL of the test's own with production settings (the rendered environment file):
a site with personal data and every kind of stored file is backed up by the rendered
smh-backup.service, wiped (schema dropped, files deleted) and restored; every table's rows
and every file come back identical. A damaged archive is refused and changes nothing.
"""

import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.conftest import SECRET_KEY, environment_file, manage, unit_command

ROOTS = ("MEDIA_ROOT", "PRINTED_FILES_ROOT", "IMPORT_FILES_ROOT")
#: The database cache's rows (rendered pages) are left out of dumps: made again on demand.
CACHE_TABLE = "django_cache"
ROWS_DIGEST = (
    "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
    ' FROM "%s" t'
)


def table_digests(postgres, database: str) -> dict[str, str]:
    """Every table of the schema: its row count and an MD5 of all its rows, sorted."""
    tables = postgres.sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", database
    ).split()
    digests = {}
    for table in tables:
        if table == CACHE_TABLE:
            continue
        digests[table] = postgres.sql(ROWS_DIGEST % table, database).strip()
    return digests


def file_digests(environment: dict[str, str]) -> dict[str, str]:
    """Every stored file, by root and path: its SHA-256."""
    digests = {}
    for setting in ROOTS:
        root = Path(environment[setting])
        for path in sorted(root.rglob("*")):
            if path.is_file():
                key = f"{setting}/{path.relative_to(root)}"
                digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def site_state(site) -> tuple[dict, dict]:
    return table_digests(site["postgres"], "backups"), file_digests(site["environment"])


def run_manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def backed_up_site(throwaway_postgres, collected_static_root, tmp_path_factory):
    """A site with data, backed up by the rendered unit; its state when backed up."""
    folder = tmp_path_factory.mktemp("backups")
    layout = {
        "SMH_APP_DIR": str(settings.BASE_DIR),
        "SMH_USER": "root",
        "SMH_ENV_FILE": str(folder / "rendered" / "smh.env.example"),
        "SMH_STATIC_ROOT": str(collected_static_root),
        "SMH_MEDIA_ROOT": str(folder / "media"),
        "SMH_PRINTED_FILES_ROOT": str(folder / "printed"),
        "SMH_IMPORT_FILES_ROOT": str(folder / "imports"),
        "SMH_BACKUP_ROOT": str(folder / "archives"),
        "SMH_BACKUP_KEEP": "2",
    }
    rendered = folder / "rendered"
    subprocess.run(
        ["sh", str(settings.BASE_DIR / "deploy" / "render.sh"), str(rendered)],
        env={**os.environ, **layout},
        check=True,
    )
    throwaway_postgres.sql("CREATE DATABASE backups")
    environment = {
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        **environment_file(rendered / "smh.env.example"),
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": throwaway_postgres.url("backups"),
        "LOG_LEVEL": "WARNING",
    }
    manage("migrate", "--noinput", environment=environment)
    manage("createcachetable", environment=environment)
    build = (
        "from tests.deploy.backup_content import build_site_with_personal_data as build; build()"
    )
    manage("shell", "--no-imports", "-c", build, environment=environment)
    # A page in the cache, which the archive leaves out.
    throwaway_postgres.sql(
        "INSERT INTO django_cache VALUES ('page', 'cached', now() + interval '1 day')", "backups"
    )
    # Older nightly archives and a file of someone else's in the backup folder.
    archives = Path(environment["BACKUP_ROOT"])
    archives.mkdir()
    for day in ("20240101", "20240102", "20240103"):
        (archives / f"smh-backup-{day}T030000Z.tar").write_bytes(b"old")
    (archives / "notes.txt").write_text("kept")

    command, working_directory = unit_command(rendered / "systemd" / "smh-backup.service")
    result = subprocess.run(
        command, cwd=working_directory, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    archive = max(archives.glob("smh-backup-*.tar"))
    site = {"environment": environment, "postgres": throwaway_postgres, "archive": archive}
    site["state"] = site_state(site)
    return site


def wipe(site) -> None:
    site["postgres"].sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public", "backups")
    for setting in ROOTS:
        subprocess.run(["rm", "-rf", site["environment"][setting]], check=True)


def test_the_site_is_backed_up_with_every_kind_of_row_and_file(backed_up_site):
    tables, files = backed_up_site["state"]
    kept = ["trainings_attendance", "trainings_participant", "trainings_importlog",
            "curriculum_printedfile", "wagtaildocs_document", "wagtailimages_image"]  # fmt: skip
    for table in kept:
        assert not tables[table].startswith("0:"), table
    roots = {name.split("/")[0] for name in files}
    assert roots == set(ROOTS)


def test_an_archive_is_readable_by_its_owner_only_and_the_oldest_are_removed(backed_up_site):
    archive = backed_up_site["archive"]
    assert archive.stat().st_mode & 0o777 == 0o600
    assert sorted(path.name for path in archive.parent.iterdir()) == sorted(
        [archive.name, "smh-backup-20240103T030000Z.tar", "notes.txt"]
    )
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and "database.dump" in names


def test_a_wiped_site_is_restored_with_every_row_and_file(backed_up_site):
    wipe(backed_up_site)
    environment = backed_up_site["environment"]
    output = manage("restore", str(backed_up_site["archive"]), "--noinput", environment=environment)
    assert "Restored the database and" in output
    assert site_state(backed_up_site) == backed_up_site["state"]
    # The schema is exactly what the code expects: no migration left to apply.
    manage("migrate", "--check", environment=environment)
    cached = backed_up_site["postgres"].sql("SELECT count(*) FROM django_cache", "backups")
    assert cached.strip() == "0"


def test_a_restore_onto_a_site_with_data_needs_clean(backed_up_site, tmp_path):
    environment = backed_up_site["environment"]
    # A row added since the backup (a new session's participant) and a new upload.
    backed_up_site["postgres"].sql("DELETE FROM trainings_attendance", "backups")
    extra = Path(environment["MEDIA_ROOT"]) / "documents" / "new-upload.pdf"
    extra.write_bytes(b"%PDF-1.4 new")
    changed = site_state(backed_up_site)

    refused = run_manage("restore", str(backed_up_site["archive"]), "--noinput",
                         environment=environment)  # fmt: skip
    assert refused.returncode != 0
    assert "Restore replaces them only with --clean" in refused.stderr
    assert site_state(backed_up_site) == changed

    manage("restore", str(backed_up_site["archive"]), "--noinput", "--clean",
           environment=environment)  # fmt: skip
    assert site_state(backed_up_site) == backed_up_site["state"]
    assert not extra.exists()


def damaged_copy(archive: Path, folder: Path, damage) -> Path:
    copy = folder / archive.name
    content = bytearray(archive.read_bytes())
    copy.write_bytes(damage(content))
    return copy


def flip_a_byte_of_the_printed_pdf(content: bytearray) -> bytes:
    start = content.index(b"%PDF-")
    content[start + 200] ^= 0xFF
    return bytes(content)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (flip_a_byte_of_the_printed_pdf, "does not match its checksum"),
        (lambda content: bytes(content[: len(content) // 2]), "cut short"),
    ],
    ids=["a-changed-byte", "truncated"],
)
def test_a_damaged_archive_is_refused_and_changes_nothing(
    backed_up_site, tmp_path, damage, message
):
    environment = backed_up_site["environment"]
    archive = damaged_copy(backed_up_site["archive"], tmp_path, damage)
    before = site_state(backed_up_site)
    result = run_manage("restore", str(archive), "--noinput", "--clean", environment=environment)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Nothing was changed." in result.stderr
    assert site_state(backed_up_site) == before
