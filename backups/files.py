"""The folders of stored files a backup holds, read from the settings that name them.

Only files that cannot be made again: uploads (MEDIA_ROOT: images, documents), printed
lessons and packs (PRINTED_FILES_ROOT) and officers' uploaded spreadsheets
(IMPORT_FILES_ROOT). STATIC_ROOT and WEBFONT_CACHE_DIR are built from the code and left out.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

#: The name of each root in an archive, and the setting that says where it is on this server.
#: A new private root (e.g. for exports) is added here, and old archives still restore.
STORED_FILE_ROOTS = {
    "media": "MEDIA_ROOT",
    "printed": "PRINTED_FILES_ROOT",
    "imports": "IMPORT_FILES_ROOT",
}


def stored_file_roots() -> dict[str, Path]:
    """Each root's name in an archive and its folder on this server (from the settings now)."""
    return {name: Path(getattr(settings, setting)) for name, setting in STORED_FILE_ROOTS.items()}


def stored_files(root: Path) -> Iterator[str]:
    """Relative paths (with `/`) of the regular files under `root`, sorted; symlinks skipped."""
    if not root.is_dir():
        return
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix()


def root_holds_files(root: Path) -> bool:
    return next(stored_files(root), None) is not None


def root_empty(root: Path) -> None:
    """Delete everything inside `root`, keeping the folder (it may be a mount point)."""
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def path_inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or below it, symlinks resolved."""
    return path.resolve().is_relative_to(folder.resolve())
