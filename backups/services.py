"""Making a backup archive, and restoring one, as the management commands ask.

Consistency: the database is dumped first (one transaction snapshot), then the files are
copied. A file written after the snapshot is in the archive with no row naming it, which is
harmless (an orphan, never served). The other way round, a row naming a file that is not
there, could only come from a file deleted between the snapshot and its copy: printed files
are made again on their next download, and an import whose spreadsheet is gone is marked
failed, nothing written. Files are never rewritten in place (uploads and printed files are
written once).
"""

import dataclasses
import datetime
import re
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from backups import database
from backups.archive import (
    FORMAT,
    FORMAT_VERSION,
    ArchiveWriter,
    VerifiedArchive,
    archive_verify,
    file_member,
    member_read,
)
from backups.errors import BackupError
from backups.files import (
    path_inside,
    root_empty,
    root_holds_files,
    stored_file_roots,
    stored_files,
)

ARCHIVE_NAME_PATTERN = re.compile(r"^smh-backup-\d{8}T\d{6}Z\.tar$")


def archive_name(moment: datetime.datetime) -> str:
    """`smh-backup-20250131T023000Z.tar`: names sort in time order, which retention needs."""
    return f"smh-backup-{moment.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}.tar"


@dataclasses.dataclass
class BackupResult:
    path: Path
    file_count: int
    removed: list[Path]


def _archive_path(destination: Path) -> Path:
    """The archive's path: a dated name in a folder (made, private, if missing) or as given."""
    into_folder = destination.is_dir() or not destination.suffix
    path = destination / archive_name(timezone.now()) if into_folder else destination
    _refuse_inside_stored_roots(path)
    if into_folder:
        destination.mkdir(mode=0o700, parents=True, exist_ok=True)
    elif not destination.parent.is_dir():
        raise BackupError(f"{destination.parent} does not exist.")
    return path


def _refuse_inside_stored_roots(path: Path) -> None:
    served_or_stored = {**stored_file_roots(), "static": Path(settings.STATIC_ROOT)}
    for name, root in served_or_stored.items():
        if path_inside(path.parent, root):
            raise BackupError(
                f"{path} is inside the stored files ({name}: {root}); an archive holds "
                "personal data and must never be where files are served or backed up. "
                "Choose a folder outside them (BACKUP_ROOT)."
            )


def backup_create(destination: Path, *, keep: int = 0) -> BackupResult:
    """Write one archive of the database and every stored file; keep the newest `keep`.

    `destination` is a folder (the archive gets a dated name there) or an archive's path.
    Retention (keep > 0) only ever removes archives with the dated name, in that folder.
    """
    path = _archive_path(destination)
    vendor = database.vendor()
    writer = ArchiveWriter(path)
    try:
        file_count = 0
        # The dump waits in a private folder beside the archive, not in /tmp (which may be
        # small, and is shared): it holds the same personal data.
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".smh-backup-") as folder:
            dump_path = Path(folder) / database.DUMP_MEMBERS[vendor]
            migrations = database.applied_migrations()
            details = database.database_dump(dump_path)
            member = database.DUMP_MEMBERS[vendor]
            database_entry = {"vendor": vendor, "member": member, **details}
            database_entry.update(writer.add_file(member, dump_path))
        files: dict[str, list[dict]] = {}
        for root_name, root in stored_file_roots().items():
            entries = files.setdefault(root_name, [])
            for relative_path in stored_files(root):
                try:
                    entry = writer.add_file(
                        file_member(root_name, relative_path), root / relative_path
                    )
                except FileNotFoundError:  # deleted since the folder was listed
                    continue
                entries.append({"path": relative_path, **entry})
                file_count += 1
        writer.add_manifest(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "database": database_entry,
                "migrations": migrations,
                "files": files,
            }
        )
        writer.finish()
    except BaseException:
        writer.abandon()
        raise
    removed = archives_prune(path.parent, keep=keep) if keep > 0 else []
    return BackupResult(path=path, file_count=file_count, removed=removed)


def archives_prune(folder: Path, *, keep: int) -> list[Path]:
    """Remove all but the newest `keep` dated archives in `folder`; those removed."""
    archives = sorted(p for p in folder.iterdir() if ARCHIVE_NAME_PATTERN.match(p.name))
    old = archives[:-keep] if keep else []
    for archive in old:
        archive.unlink()
    return old


@dataclasses.dataclass
class RestorePlan:
    """A verified archive and what restoring it will do here, before anything is changed."""

    archive: VerifiedArchive
    #: What is here now and would be replaced (empty: the target is empty).
    replaced: list[str]
    #: Migrations of this code the archive's database lacks: `migrate` after the restore.
    migrations_to_apply: int


def restore_plan(archive_path: Path, *, clean: bool) -> RestorePlan:
    """Check the archive and the target, or raise BackupError; nothing is changed."""
    archive = archive_verify(archive_path)
    vendor = database.vendor()
    if archive.database["vendor"] != vendor:
        raise BackupError(
            f"{archive_path} holds a {archive.database['vendor']} database and this site "
            f"uses {vendor}. Nothing was changed."
        )
    known = database.known_migrations()
    unknown = sorted(archive.migrations - known)
    if unknown:
        app, name = unknown[0]
        raise BackupError(
            f"{archive_path} was made by a newer version of the site: its database has "
            f"{len(unknown)} migrations this code does not know (e.g. {app}.{name}). Deploy "
            "that version, then restore. Nothing was changed."
        )
    replaced = []
    if database.table_names():
        replaced.append(f"the database {settings.DATABASES['default']['NAME']}")
    replaced += [f"{name} files in {root}" for name, root in stored_file_roots().items()
                 if root_holds_files(root)]  # fmt: skip
    if replaced and not clean:
        raise BackupError(
            f"Not empty: {'; '.join(replaced)}. Restore replaces them only with --clean. "
            "Nothing was changed."
        )
    return RestorePlan(
        archive=archive,
        replaced=replaced,
        migrations_to_apply=len(database.code_migrations() - archive.migrations),
    )


def restore_run(plan: RestorePlan) -> int:
    """Put the archive's database and files in place; how many files were written.

    The database first, in one transaction: if it fails, nothing was changed. The files
    after it: each root is emptied and filled again, each file checked against its
    checksum as it is written.
    """
    archive = plan.archive
    with tarfile.open(archive.path, mode="r:") as tar:
        # A private folder (0700) of the system's temporary files (TMPDIR): the archive's
        # own folder may be a read-only copy.
        with tempfile.TemporaryDirectory(prefix="smh-restore-") as folder:
            dump_path = Path(folder) / "database"
            member = tar.getmember(archive.database["member"])
            with open(dump_path, "wb") as dump:
                checksum = member_read(tar, member, dump)
            _check(archive, member.name, checksum, archive.database["sha256"])
            database.database_restore(dump_path)
        written = 0
        for root_name, root in stored_file_roots().items():
            root_empty(root)
            root.mkdir(parents=True, exist_ok=True)
            for entry in archive.files(root_name):
                target = root / entry["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                member = tar.getmember(file_member(root_name, entry["path"]))
                with open(target, "wb") as handle:
                    checksum = member_read(tar, member, handle)
                _check(archive, member.name, checksum, entry["sha256"])
                written += 1
    return written


def _check(archive: VerifiedArchive, name: str, found: str, expected: str) -> None:
    if found != expected:
        raise BackupError(f"{archive.path}: {name} changed since it was checked; restore stopped.")
