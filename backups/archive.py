"""The backup archive: one tar file holding a manifest, the database dump and the stored files.

    manifest.json            format and version, the migrations applied, every member's
                             size and SHA-256
    database.dump            `pg_dump --format=custom` (PostgreSQL) or
    database.sqlite3         a copy made with SQLite's backup API
    files/<root>/<path>      the stored files, one folder per root (backups.files)

Not compressed: the dump is compressed by pg_dump, and images and PDFs hardly shrink. The
manifest is written last, when every checksum is known; readers find it by name.
"""

import dataclasses
import hashlib
import json
import os
import tarfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from backups.errors import BackupError
from backups.files import STORED_FILE_ROOTS

FORMAT = "safe-migration-hub-backup"
FORMAT_VERSION = 1
MANIFEST_MEMBER = "manifest.json"
FILES_FOLDER = "files"
CHUNK_BYTES = 1024 * 1024
#: The archive holds participants' personal data: readable by its owner only.
ARCHIVE_MODE = 0o600


class HashingReader:
    """Reads `size` bytes of a file (no more, however it grows), hashing what it gives."""

    def __init__(self, file: BinaryIO, size: int):
        self.file = file
        self.remaining = size
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self.remaining:
            size = self.remaining
        data = self.file.read(size)
        self.remaining -= len(data)
        self.digest.update(data)
        return data


class ArchiveWriter:
    """Writes an archive to `path` (mode 0600) through a partial file renamed when complete.

    A backup that fails halfway leaves no file with a backup's name behind: retention never
    counts it, and nobody restores it.
    """

    def __init__(self, path: Path):
        self.path = path
        self.partial_path = path.with_name(f".{path.name}.partial")
        descriptor = os.open(self.partial_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, ARCHIVE_MODE)
        self.file = os.fdopen(descriptor, "wb")
        # Open across calls; closed by finish() or abandon().
        self.tar = tarfile.open(fileobj=self.file, mode="w", format=tarfile.PAX_FORMAT)  # noqa: SIM115

    def add_file(self, member: str, source: Path) -> dict:
        """Add the file at `source` as `member`; its size and SHA-256 for the manifest."""
        with open(source, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            info = tarfile.TarInfo(member)
            info.size = size
            info.mode = 0o600
            info.mtime = int(os.fstat(handle.fileno()).st_mtime)
            reader = HashingReader(handle, size)
            try:
                self.tar.addfile(info, reader)
            except OSError as error:  # shrank while read: a file rewritten in place
                raise BackupError(
                    f"{source} changed while it was read ({error}); run the backup again."
                ) from error
        return {"size": size, "sha256": reader.digest.hexdigest()}

    def add_manifest(self, manifest: dict) -> None:
        content = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST_MEMBER)
        info.size = len(content)
        info.mode = 0o600
        info.mtime = int(os.path.getmtime(self.partial_path))
        self.tar.addfile(info, _BytesReader(content))

    def finish(self) -> None:
        self.tar.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.partial_path, self.path)

    def abandon(self) -> None:
        self.tar.close()
        self.file.close()
        self.partial_path.unlink(missing_ok=True)


class _BytesReader:
    def __init__(self, content: bytes):
        self.content = memoryview(content)

    def read(self, size: int = -1) -> bytes:
        size = len(self.content) if size < 0 else size
        data, self.content = self.content[:size], self.content[size:]
        return bytes(data)


def file_member(root_name: str, relative_path: str) -> str:
    return f"{FILES_FOLDER}/{root_name}/{relative_path}"


@dataclasses.dataclass(frozen=True)
class VerifiedArchive:
    """An archive whose manifest was read and whose every member matched its checksum."""

    path: Path
    manifest: dict

    @property
    def database(self) -> dict:
        return self.manifest["database"]

    @property
    def migrations(self) -> set[tuple[str, str]]:
        return {(app, name) for app, name in self.manifest["migrations"]}

    def files(self, root_name: str) -> list[dict]:
        return self.manifest["files"].get(root_name, [])


def expected_members(manifest: dict) -> dict[str, dict]:
    """Every member the manifest promises, by name, with its size and SHA-256."""
    members = {manifest["database"]["member"]: manifest["database"]}
    for root_name, entries in manifest["files"].items():
        for entry in entries:
            members[file_member(root_name, entry["path"])] = entry
    return members


def _refuse(path: Path, reason: str) -> BackupError:
    return BackupError(f"{path} cannot be restored: {reason}. Nothing was changed.")


def _member_path_safe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not PurePosixPath(name).is_absolute()
        and all(part not in ("", ".", "..") for part in parts)
        and "\\" not in name
        and "\x00" not in name
    )


def _manifest_checked(path: Path, manifest: object) -> dict:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "it is not a Safe Migration Hub backup (no manifest of ours)")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise _refuse(
            path,
            f"its format version is {version!r}, and this version of the site reads "
            f"version {FORMAT_VERSION} only",
        )
    try:
        members = expected_members(manifest)
        for entry in members.values():
            if not (isinstance(entry["size"], int) and isinstance(entry["sha256"], str)):
                raise TypeError(entry)
        _migrations = {(app, name) for app, name in manifest["migrations"]}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _refuse(path, f"its manifest is incomplete ({error!r})") from error
    unknown_roots = set(manifest["files"]) - set(STORED_FILE_ROOTS)
    if unknown_roots:
        raise _refuse(
            path,
            f"it holds files of {', '.join(sorted(unknown_roots))}, which this version of the "
            "site does not know (restore it with the version that made it)",
        )
    for name in members:
        if not _member_path_safe(name):
            raise _refuse(path, f"its manifest names an unsafe path {name!r}")
    return manifest


def member_read(tar: tarfile.TarFile, member: tarfile.TarInfo, into: BinaryIO | None) -> str:
    """Read a member to the end (copying it into `into` if given); its SHA-256."""
    digest = hashlib.sha256()
    source = tar.extractfile(member)
    while chunk := source.read(CHUNK_BYTES):
        digest.update(chunk)
        if into is not None:
            into.write(chunk)
    return digest.hexdigest()


def archive_verify(path: Path) -> VerifiedArchive:
    """Read the whole archive and check it against its manifest, or raise BackupError.

    Refused: not a tar file, truncated, no manifest or one of another format or version, a
    member missing, added, changed (size or SHA-256), or with an unsafe path.
    """
    if not path.is_file():
        raise _refuse(path, "there is no such file")
    try:
        with tarfile.open(path, mode="r:") as tar:
            members = tar.getmembers()
            names = [member.name for member in members]
            if names.count(MANIFEST_MEMBER) != 1:
                raise _refuse(path, "it has no manifest.json (not a backup, or cut short)")
            manifest_member = members[names.index(MANIFEST_MEMBER)]
            try:
                manifest = json.loads(tar.extractfile(manifest_member).read())
            except ValueError as error:
                raise _refuse(path, "its manifest.json is not valid JSON") from error
            manifest = _manifest_checked(path, manifest)
            expected = expected_members(manifest)
            found = {}
            for member in members:
                if member.name == MANIFEST_MEMBER:
                    continue
                if not member.isfile() or member.name in found:
                    raise _refuse(path, f"it holds an unexpected entry {member.name!r}")
                found[member.name] = member
            missing = sorted(set(expected) - set(found))
            extra = sorted(set(found) - set(expected))
            if missing:
                raise _refuse(path, f"{len(missing)} files are missing, e.g. {missing[0]!r}")
            if extra:
                raise _refuse(path, f"it holds files its manifest does not list: {extra[0]!r}")
            for name, member in found.items():
                entry = expected[name]
                if (
                    member.size != entry["size"]
                    or member_read(tar, member, None) != entry["sha256"]
                ):
                    raise _refuse(path, f"{name} does not match its checksum (damaged or changed)")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise _refuse(path, f"it is cut short or damaged ({error})") from error
    return VerifiedArchive(path=path, manifest=manifest)
