"""Printed files: made once per page, variant and published revision, then served as stored.

A file not yet made is made once: concurrent makers (task workers) wait for the
first (a lock per page and variant in this process, and a row lock on the page for
other processes on PostgreSQL) and then serve what it stored.
"""

import hashlib
import logging
import threading
from collections import defaultdict

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page

from curriculum import documents
from curriculum.models import PrintedFile
from curriculum.print_variants import EXTENSIONS, PrintVariant, download_filenames
from curriculum.printing.offline import offline_pack_zip

logger = logging.getLogger(__name__)

_locks_guard = threading.Lock()
_locks: dict[tuple[int, str], threading.Lock] = defaultdict(threading.Lock)


class NotPrintable(Exception):
    """The page is not live, or has no such printed variant."""


def variants_for(page) -> tuple[str, ...]:
    """The variants the page prints, as its class declares them (none for other pages)."""
    return tuple(getattr(page, "print_variants", ()))


def _lock_for(page_id: int, variant: str) -> threading.Lock:
    with _locks_guard:
        return _locks[(page_id, variant)]


def stored_printed_file(*, page, variant: str, key: str | None = None) -> PrintedFile | None:
    """The file already made from the page's content as published now, if any."""
    return (
        PrintedFile.objects.filter(
            page=page, variant=variant, content_key=key or page.printed_content_key()
        )
        .order_by("-pk")
        .first()
    )


def published_printable(*, page, variant: str):
    """The page as published now (never an editor's unsaved or draft changes), if it
    prints `variant`; else NotPrintable."""
    page = Page.objects.get(pk=page.pk).specific
    if not page.live or page.live_revision_id is None or variant not in variants_for(page):
        raise NotPrintable(f"{page!r} has no printable {variant}")
    return page


def made_printed_file(*, page, variant: str, key: str) -> PrintedFile | None:
    """The stored file made from `key`, if it was made and its file is still there."""
    existing = stored_printed_file(page=page, variant=variant, key=key)
    if existing is not None and existing.file.storage.exists(existing.file.name):
        return existing
    return None


def printed_file_for(*, page, variant: str) -> PrintedFile:
    """The stored file for the page's live revision, made now if it is not there yet.

    Readers never call this (they would wait on the render): the download view asks the
    worker for a build instead (`builds.py`).
    """
    page = published_printable(page=page, variant=variant)
    key = page.printed_content_key()
    existing = made_printed_file(page=page, variant=variant, key=key)
    if existing is not None:
        return existing
    with _lock_for(page.pk, variant), transaction.atomic():
        # Other processes: the first to lock the page's row makes the file.
        Page.objects.select_for_update().filter(pk=page.pk).first()
        existing = made_printed_file(page=page, variant=variant, key=key)
        if existing is not None:
            return existing
        return printed_file_make(page=page, variant=variant, key=key)


def printed_file_make(*, page, variant: str, key: str) -> PrintedFile:
    """Render the variant of the page as published now and store it, replacing a lost file."""
    content = variant_content(page=page, variant=variant)
    digest = hashlib.sha256(content).hexdigest()
    extension = EXTENSIONS[variant]
    name = f"{page.locale.language_code}-{variant}-{key}.{extension}"
    PrintedFile.objects.filter(page=page, variant=variant, content_key=key).delete()
    printed = PrintedFile(
        page=page,
        variant=variant,
        content_key=key,
        revision_id=page.live_revision_id,
        size=len(content),
        sha256=digest,
    )
    printed.file.save(name, ContentFile(content), save=False)
    printed.save()
    logger.info("Printed %s of page %s (revision %s)", variant, page.pk, page.live_revision_id)
    return printed


def variant_content(*, page, variant: str) -> bytes:
    """The bytes of one variant of the page as published now."""
    if variant == PrintVariant.OFFLINE_PACK:
        return offline_pack_zip(offline_pack_files(module=page))
    return documents.render_variant(page=page, variant=variant)


def offline_pack_files(*, module):
    """The offline pack's files, by name: the pack, then each lesson's plan and handout,
    as stored (made first if need be)."""
    pack = printed_file_for(page=module, variant=PrintVariant.PACK)
    yield download_filenames(page=module, variant=PrintVariant.PACK)[0], _read(pack)
    for number, lesson in enumerate(module.live_lessons(), start=1):
        for variant in (PrintVariant.LESSON_PLAN, PrintVariant.HANDOUT):
            printed = printed_file_for(page=lesson, variant=variant)
            name = download_filenames(page=lesson, variant=variant)[0]
            yield f"{number:02d} {name}", _read(printed)


def _read(printed) -> bytes:
    with printed.file.open("rb") as handle:
        return handle.read()


def printed_files_remove_old(*, page) -> int:
    """Delete the files made from anything but the page as published now; returns how many."""
    old = PrintedFile.objects.filter(page=page)
    if page.live:
        old = old.exclude(content_key=page.printed_content_key())
    removed = 0
    for printed in old:
        printed.file.delete(save=False)
        printed.delete()
        removed += 1
    return removed
