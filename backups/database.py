"""The database of a backup: dumped in one snapshot, restored in one transaction.

PostgreSQL (production): `pg_dump --format=custom` of the configured database, restored by
`pg_restore` into a script that `psql` runs as one transaction, after dropping every table
of the schema: the restore is all or nothing, and leaves no table of a newer version behind.
SQLite (development): a copy made and put back with SQLite's backup API, which is consistent
while the site runs (a plain file copy is not).

The connection settings are Django's (DATABASE_URL), passed to the PostgreSQL programs as
Django's own `dbshell` does: one environment file drives the site and its backups.
"""

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from backups.errors import BackupError

DUMP_MEMBERS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}

#: Run before the restored script, in its transaction: the tables there now go, whatever
#: version of the site made them, so `migrate` after a restore meets only the archive's.
DROP_EVERY_TABLE = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', item.tablename);
    END LOOP;
END $$;
"""


def vendor() -> str:
    if connection.vendor not in DUMP_MEMBERS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def applied_migrations() -> list[list[str]]:
    """The migrations recorded as applied in the database, as [app, name] pairs."""
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def code_migrations() -> set[tuple[str, str]]:
    """The migrations this version of the code has, as (app, name)."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def known_migrations() -> set[tuple[str, str]]:
    """The migrations this code has, and those its squashed migrations replace."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(tuple(replaced) for replaced in migration.replaces)
    return known


def table_names() -> list[str]:
    return connection.introspection.table_names()


def cache_tables() -> list[str]:
    """Tables of database caches: rendered pages, made again on demand; left out of dumps."""
    return [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]


# PostgreSQL ------------------------------------------------------------------------------


def server_major_version() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def postgres_program(program: str) -> str:
    """The program of the server's major version (Debian keeps each in its own folder).

    pg_dump refuses a server newer than itself, and an archive is best restored by the same
    version that made it.
    """
    major = server_major_version()
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{program}"), shutil.which(program)]
    path = next((str(c) for c in candidates if c and Path(c).is_file()), None)
    if path is None:
        raise BackupError(
            f"{program} is not installed: install the Debian package postgresql-client-{major}."
        )
    version = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)
    found = re.search(r"(\d+)(?:\.\d+)?", version.stdout)
    if found is None or int(found.group(1)) < major:
        raise BackupError(
            f"{path} is {version.stdout.strip()}, older than the PostgreSQL {major} server: "
            f"install postgresql-client-{major}."
        )
    return path


def _client_command(program: str, parameters: list[str]) -> tuple[list[str], dict[str, str]]:
    """Django's `dbshell` arguments and environment (password in PGPASSWORD) for `program`."""
    arguments, environment = DatabaseClient.settings_to_cmd_args_env(
        connection.settings_dict, parameters
    )
    return [postgres_program(program), *arguments[1:]], {**os.environ, **(environment or {})}


def _run(command: list[str], environment: dict[str, str], **kwargs) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")


def postgres_dump(into: Path) -> dict:
    """Dump the database into `into`, one transaction snapshot; what the manifest says of it."""
    excluded = [f"--exclude-table-data={table}" for table in cache_tables()]
    command, environment = _client_command(
        "pg_dump", ["--format=custom", "--no-password", f"--file={into}", *excluded]
    )
    _run(command, environment)
    return {
        "server_version": connection.pg_version,
        "dump_program": subprocess.run(
            [command[0], "--version"], capture_output=True, text=True, check=True
        ).stdout.strip(),
    }


def postgres_restore(dump: Path) -> None:
    """Replace the database's tables with the dump's, in one transaction (all or nothing).

    pg_restore writes the dump as SQL, which psql runs as one transaction after dropping
    the tables there now. psql commits when its input ends, so it is killed (its transaction
    rolled back) unless pg_restore wrote the whole script.
    """
    restore = [
        postgres_program("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--file=-",
        str(dump),
    ]
    script, environment = _client_command(
        "psql",
        ["--no-psqlrc", "--quiet", "--no-password", "--single-transaction",
         "--set=ON_ERROR_STOP=1", f"--command={DROP_EVERY_TABLE}", "--file=-"],
    )  # fmt: skip
    # No connection of ours may hold a lock the dropping of tables would wait for.
    connections.close_all()
    with tempfile.TemporaryFile() as writer_errors, tempfile.TemporaryFile() as reader_output:
        reader = subprocess.Popen(
            script,
            stdin=subprocess.PIPE,
            stdout=reader_output,
            stderr=reader_output,
            env=environment,
        )
        writer = subprocess.Popen(restore, stdout=subprocess.PIPE, stderr=writer_errors)
        psql_stopped = False
        try:
            while chunk := writer.stdout.read(1024 * 1024):
                reader.stdin.write(chunk)
        except BrokenPipeError:  # psql stopped at an error: its transaction is rolled back
            psql_stopped = True
        writer.stdout.close()
        writer_failed = writer.wait() != 0
        if writer_failed and not psql_stopped:
            reader.kill()
        with contextlib.suppress(BrokenPipeError):
            reader.stdin.close()
        reader.wait()
        if psql_stopped or (not writer_failed and reader.returncode != 0):
            reader_output.seek(0)
            message = reader_output.read().decode(errors="replace").strip()
            raise BackupError(f"psql failed, nothing was restored: {message}")
        if writer_failed:
            writer_errors.seek(0)
            message = writer_errors.read().decode(errors="replace").strip()
            raise BackupError(f"pg_restore failed, nothing was restored: {message}")


# SQLite ----------------------------------------------------------------------------------


def sqlite_dump(into: Path) -> dict:
    """Copy the database with SQLite's backup API: consistent while others write."""
    connection.ensure_connection()
    target = sqlite3.connect(into)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return {"sqlite_version": sqlite3.sqlite_version}


def sqlite_restore(copy: Path) -> None:
    """Replace the database's content with the copy's, page by page, in one step."""
    connections.close_all()
    source = sqlite3.connect(copy)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def database_dump(into: Path) -> dict:
    return postgres_dump(into) if vendor() == "postgresql" else sqlite_dump(into)


def database_restore(dump: Path) -> None:
    if vendor() == "postgresql":
        postgres_restore(dump)
    else:
        sqlite_restore(dump)
