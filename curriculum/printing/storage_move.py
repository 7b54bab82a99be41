"""Moving printed files from MEDIA_ROOT, where they were public, to their private storage."""

import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages

logger = logging.getLogger(__name__)


def move_printed_files(printed_files, *, media_root: Path | None = None) -> int:
    """Move the files of these rows out of MEDIA_ROOT; returns how many moved.

    The rows keep their names: only the storage changes. A file missing from both places
    is left for the download view, which makes it again. The old folder goes, so no
    printed file stays where the web server serves it.
    """
    media_root = Path(media_root or settings.MEDIA_ROOT)
    private = storages["printed"]
    moved = 0
    for printed in printed_files:
        old = media_root / printed.file.name
        if not old.is_file() or private.exists(printed.file.name):
            continue
        target = Path(private.path(printed.file.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(old, target)
        moved += 1
    shutil.rmtree(media_root / "printed", ignore_errors=True)
    if moved:
        logger.info("Moved %s printed files out of MEDIA_ROOT", moved)
    return moved
