"""Backups on SQLite (development), and the archives a restore refuses before changing anything.

The site runs as `manage.py` processes on a SQLite file of the test's own with a few tables
(`migrate auth`): the backup is made with SQLite's backup API and restored into a removed
database. Archives made wrong on purpose (a newer site's, another format, an unsafe path,
another database) are refused with a message that says why, and the site stays as it was.
"""

import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings

ROOTS = ("MEDIA_ROOT", "PRINTED_FILES_ROOT", "IMPORT_FILES_ROOT")
SECRET_KEY = "k7#Qv9!pZr2$Lm4@Xw8^Nb6&Hc3*Jd5(Tf1)Gs0-Ye7=Ua9+Wq2_Ei4~Ro6"


def manage(*args: str, environment: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def site_state(environment: dict[str, str]) -> tuple[dict, dict]:
    """Every table's rows, and every stored file's SHA-256."""
    database = Path(environment["DATABASE_URL"].removeprefix("sqlite:///"))
    tables = {}
    if database.exists():
        with sqlite3.connect(database) as connection:
            names = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]  # fmt: skip
            for name in names:
                tables[name] = sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall())  # noqa: S608
    files = {}
    for setting in ROOTS:
        root = Path(environment[setting])
        for path in sorted(root.rglob("*")):
            if path.is_file():
                files[f"{setting}/{path.relative_to(root)}"] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return tables, files


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-site")
    environment = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "localhost",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PRINTED_FILES_ROOT": str(folder / "printed"),
        "IMPORT_FILES_ROOT": str(folder / "imports"),
        "BACKUP_ROOT": str(folder / "archives"),
    }
    assert manage("migrate", "auth", "--noinput", environment=environment).returncode == 0
    create = "from django.contrib.auth.models import Group; Group.objects.create(name='មន្ត្រី')"
    assert manage("shell", "--no-imports", "-c", create, environment=environment).returncode == 0
    for setting, name, content in [
        ("MEDIA_ROOT", "documents/checklist.csv", b"step,done\n"),
        ("PRINTED_FILES_ROOT", "printed/7/km-handout-abc.pdf", b"%PDF-1.7 handout"),
        ("IMPORT_FILES_ROOT", "5f2b.csv", "ឈ្មោះ,ភូមិ\n".encode()),
    ]:
        path = Path(environment[setting]) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    result = manage("backup", environment=environment)
    assert result.returncode == 0, result.stderr
    archive = next(Path(environment["BACKUP_ROOT"]).glob("smh-backup-*.tar"))
    return {"environment": environment, "archive": archive, "state": site_state(environment)}


def wipe(environment: dict[str, str]) -> None:
    database = Path(environment["DATABASE_URL"].removeprefix("sqlite:///"))
    for path in database.parent.glob(f"{database.name}*"):
        path.unlink()
    for setting in ROOTS:
        subprocess.run(["rm", "-rf", environment[setting]], check=True)


def test_a_removed_sqlite_site_is_restored_with_every_row_and_file(sqlite_site):
    environment = sqlite_site["environment"]
    assert sqlite_site["archive"].stat().st_mode & 0o777 == 0o600
    tables, files = sqlite_site["state"]
    assert [row[1:] for row in tables["auth_group"]] == [("មន្ត្រី",)]
    assert len(files) == 3
    wipe(environment)
    result = manage("restore", str(sqlite_site["archive"]), "--noinput", environment=environment)
    assert result.returncode == 0, result.stderr
    assert site_state(environment) == sqlite_site["state"]
    # The code has more migrations than this site had applied: the restore says so.
    assert "run `manage.py migrate` now" in result.stdout


def test_a_restore_asks_first_and_a_no_changes_nothing(sqlite_site):
    environment = sqlite_site["environment"]
    before = site_state(environment)
    result = manage("restore", str(sqlite_site["archive"]), "--clean",
                    environment=environment, stdin="no\n")  # fmt: skip
    assert result.returncode != 0
    assert "This replaces: the database" in result.stdout
    assert "Restore cancelled; nothing was changed." in result.stderr
    assert site_state(environment) == before


def rewritten(archive: Path, folder: Path, *, manifest_change=None, extra=None) -> Path:
    """A copy of the archive with its manifest changed or a member added."""
    copy = folder / "changed.tar"
    with tarfile.open(archive) as source, tarfile.open(copy, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "manifest.json" and manifest_change:
                manifest = json.loads(content)
                manifest_change(manifest)
                content = json.dumps(manifest).encode()
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
        for name, content in (extra or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            target.addfile(info, io.BytesIO(content))
    return copy


def a_newer_sites_migration(manifest):
    manifest["migrations"].append(["auth", "9999_from_a_newer_site"])


def format_version_two(manifest):
    manifest["format_version"] = 2


def a_file_outside_the_roots(manifest):
    manifest["files"]["media"].append(
        {"path": "../../etc/cron.d/evil", "size": 3, "sha256": hashlib.sha256(b"bad").hexdigest()}
    )


def a_postgresql_dump(manifest):
    manifest["database"]["vendor"] = "postgresql"


@pytest.mark.parametrize(
    ("change", "extra", "message"),
    [
        (a_newer_sites_migration, None, "made by a newer version of the site"),
        (format_version_two, None, "its format version is 2"),
        (a_file_outside_the_roots, {"files/media/../../etc/cron.d/evil": b"bad"}, "unsafe path"),
        (None, {"files/media/added.html": b"<script>"}, "files its manifest does not list"),
        (a_postgresql_dump, None, "holds a postgresql database and this site uses sqlite"),
    ],
    ids=["newer-site", "other-format", "path-traversal", "added-file", "other-database"],
)
def test_an_archive_that_does_not_fit_is_refused_and_changes_nothing(
    sqlite_site, tmp_path, change, extra, message
):
    environment = sqlite_site["environment"]
    archive = rewritten(sqlite_site["archive"], tmp_path, manifest_change=change, extra=extra)
    before = site_state(environment)
    result = manage("restore", str(archive), "--noinput", "--clean", environment=environment)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Nothing was changed." in result.stderr
    assert site_state(environment) == before
    assert not Path("/etc/cron.d/evil").exists()


def test_a_backup_is_never_written_where_files_are_stored(sqlite_site):
    environment = sqlite_site["environment"]
    inside = Path(environment["MEDIA_ROOT"]) / "backups"
    result = manage("backup", str(inside), environment=environment)
    assert result.returncode != 0
    assert "must never be where files are served or backed up" in result.stderr
    assert not inside.exists()
