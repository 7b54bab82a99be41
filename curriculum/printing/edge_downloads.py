"""Downloads nginx answered for the application, counted from its log (PRINTED_FILES_EDGE_LOG).

nginx's site writes one line per public handout it sent whole (or from its first byte) out
of its cache, or from an answer the application marked for that cache (the application does
not count those itself): `<time, ISO 8601> <path> ...`, no address, nothing of the reader.
`count_edge_downloads` (a timer, every minute) adds the new lines to `PrintedFileDownload`.

Where it stopped reading (the file's inode and the bytes read) is saved in the transaction
that adds the counts: a run that fails half-way counts nothing, and the next run reads the
same lines again. A line is read only once it is whole (nginx may be writing it). After a
rotation (Debian's logrotate renames the log to `<log>.1`, uncompressed until the next one,
and nginx opens a new file), the rest of the old file is read before the new one.
Lines that are not a download line, and pages deleted since, are skipped.
"""

import datetime
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from curriculum.models import EdgeDownloadLogPosition
from curriculum.print_variants import FACILITATOR_VARIANTS, PrintVariant
from curriculum.printing.services import printed_file_downloads_add

DOWNLOAD_PATH = re.compile(
    r"^/[a-z]{2,3}(?:-[a-z]+)?/print/(?P<page_id>[0-9]{1,18})/(?P<variant>[a-z-]+)/$"
)
# Only files for everyone are ever kept by nginx; any other line is not one of its downloads.
COUNTED_VARIANTS = frozenset(PrintVariant) - FACILITATOR_VARIANTS
ROTATED_SUFFIX = ".1"
# Read at most this much a run (a timer stopped for days): the next run goes on from there.
BYTES_PER_RUN = 64 * 1024 * 1024

DownloadKey = tuple[int, str, datetime.date]  # page, variant, day


@dataclass(frozen=True)
class CountedLog:
    lines: int
    downloads: int
    skipped: int


def count_edge_downloads(log_path: Path) -> CountedLog:
    """Add the downloads logged since the last run to the counts; what was read."""
    with transaction.atomic():
        position, _created = EdgeDownloadLogPosition.objects.select_for_update().get_or_create(
            log_path=str(log_path)
        )
        lines: list[bytes] = []
        inode, offset = position.inode, position.offset
        current = _inode_of(log_path)
        rotated = Path(f"{log_path}{ROTATED_SUFFIX}")
        if inode is not None and inode != current and _inode_of(rotated) == inode:
            # Rotated since the last run: the old file's rest first.
            lines, offset, capped = _whole_lines(rotated, offset, BYTES_PER_RUN)
            if _written_to(log_path) and not capped:
                inode, offset = current, 0
            else:
                # Not read to its end, or nginx has not reopened its log yet and may still
                # write there: the new file waits.
                current = None
        if current is not None:
            if current != inode:
                inode, offset = current, 0  # a new file (or the first run)
            budget = BYTES_PER_RUN - sum(len(line) for line in lines)
            read, offset, _capped = _whole_lines(log_path, offset, budget)
            lines += read

        downloads = _downloads_in(lines)
        counted = _add_to_counts(downloads)
        position.inode, position.offset = inode, offset
        position.save()
    return CountedLog(lines=len(lines), downloads=counted, skipped=len(lines) - counted)


def _inode_of(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def _written_to(path: Path) -> bool:
    try:
        return os.stat(path).st_size > 0
    except FileNotFoundError:
        return False


def _whole_lines(path: Path, offset: int, budget: int) -> tuple[list[bytes], int, bool]:
    """The whole lines from `offset` on, up to `budget` bytes; the offset after the last of
    them, and whether the budget stopped the reading."""
    with open(path, "rb") as log:
        if os.fstat(log.fileno()).st_size < offset:
            offset = 0  # emptied in place (copytruncate): read it from its start
        log.seek(offset)
        lines: list[bytes] = []
        read = 0
        for line in log:
            if read >= budget:
                return lines, offset, True
            if not line.endswith(b"\n"):
                break  # being written: read next time
            lines.append(line)
            offset += len(line)
            read += len(line)
    return lines, offset, False


def _downloads_in(lines: list[bytes]) -> Counter[DownloadKey]:
    downloads: Counter[DownloadKey] = Counter()
    for line in lines:
        key = _download_of(line)
        if key is not None:
            downloads[key] += 1
    return downloads


def _download_of(line: bytes) -> DownloadKey | None:
    fields = line.decode("ascii", errors="replace").split()
    if len(fields) < 2:
        return None
    match = DOWNLOAD_PATH.match(fields[1])
    if match is None or match["variant"] not in COUNTED_VARIANTS:
        return None
    try:
        when = datetime.datetime.fromisoformat(fields[0])
    except ValueError:
        return None
    if timezone.is_naive(when):
        return None
    return int(match["page_id"]), match["variant"], timezone.localdate(when)


def _add_to_counts(downloads: Counter[DownloadKey]) -> int:
    """Add them to the day's counts of pages that still exist; how many were added."""
    locales = dict(
        Page.objects.filter(pk__in={page_id for page_id, _variant, _day in downloads}).values_list(
            "pk", "locale_id"
        )
    )
    counted = 0
    for (page_id, variant, day), number in sorted(downloads.items()):
        if page_id not in locales:
            continue  # deleted since
        printed_file_downloads_add(
            page_id=page_id, locale_id=locales[page_id], variant=variant, day=day, downloads=number
        )
        counted += number
    return counted
