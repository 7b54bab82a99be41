"""Printed files: made once per page, variant and published revision, then served as stored.

A request for a file not yet made makes it, once: concurrent requests wait for the
first (a lock per page and variant in this process, and a row lock on the page for
other processes on PostgreSQL) and then serve what it stored.
"""

import hashlib
import logging
import re
import threading
from collections import defaultdict

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from curriculum.models import (
    LessonPage,
    ModulePage,
    PrintedFile,
    PrintVariant,
)
from curriculum.models.printing import LESSON_VARIANTS, MODULE_VARIANTS

logger = logging.getLogger(__name__)

EXTENSIONS = {
    PrintVariant.LESSON_PLAN: "pdf",
    PrintVariant.HANDOUT: "pdf",
    PrintVariant.PACK: "pdf",
    PrintVariant.OFFLINE_PACK: "zip",
}
CONTENT_TYPES = {"pdf": "application/pdf", "zip": "application/zip"}
# Files with quiz answers and facilitator tips; the handout is for anyone.
FACILITATOR_VARIANTS = frozenset(
    {PrintVariant.LESSON_PLAN, PrintVariant.PACK, PrintVariant.OFFLINE_PACK}
)

_locks_guard = threading.Lock()
_locks: dict[tuple[int, str], threading.Lock] = defaultdict(threading.Lock)


class NotPrintable(Exception):
    """The page is not live, or has no such printed variant."""


def variants_for(page) -> tuple[str, ...]:
    if isinstance(page, LessonPage):
        return LESSON_VARIANTS
    if isinstance(page, ModulePage):
        return MODULE_VARIANTS
    return ()


def content_type_for(variant: str) -> str:
    return CONTENT_TYPES[EXTENSIONS[variant]]


def download_filenames(*, page, variant: str) -> tuple[str, str]:
    """The file's name for people (Khmer allowed) and an ASCII fallback for old browsers."""
    extension = EXTENSIONS[variant]
    label = {
        PrintVariant.LESSON_PLAN: "lesson-plan",
        PrintVariant.HANDOUT: "handout",
        PrintVariant.PACK: "lesson-pack",
        PrintVariant.OFFLINE_PACK: "offline-pack",
    }[variant]
    title = safe_file_name(page.title)[:80] or f"page-{page.pk}"
    unicode_name = f"{title} - {label}.{extension}"
    ascii_stem = slugify(page.slug) or f"page-{page.pk}"
    ascii_name = f"{ascii_stem}-{page.locale.language_code}-{label}.{extension}"
    return unicode_name, ascii_name


# Path separators, characters Windows refuses in a name, and control characters.
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def safe_file_name(title: str) -> str:
    """A page title as one file name: no folders, no climbing out, nothing Windows refuses.

    Titles name the files of a download and the entries of an offline pack's ZIP, which
    people unzip on phones and Windows computers.
    """
    name = " ".join(UNSAFE_IN_FILE_NAMES.sub(" ", title).split())
    return name.lstrip(". ").rstrip(". ")


def _lock_for(page_id: int, variant: str) -> threading.Lock:
    with _locks_guard:
        return _locks[(page_id, variant)]


def content_key(page) -> str:
    """What a printed file of the page is made from, as a short key.

    A lesson's file depends on its live revision; a lesson pack's also on the live
    revisions of its lessons, so republishing a lesson makes a new pack.
    """
    key = f"r{page.live_revision_id}"
    if isinstance(page, ModulePage):
        lessons = LessonPage.objects.child_of(page).live().order_by("path")
        parts = ",".join(
            f"{pk}:{revision}" for pk, revision in lessons.values_list("pk", "live_revision_id")
        )
        key += "-" + hashlib.sha256(parts.encode()).hexdigest()[:16]
    return key


def stored_printed_file(*, page, variant: str, key: str | None = None) -> PrintedFile | None:
    """The file already made from the page's content as published now, if any."""
    return (
        PrintedFile.objects.filter(page=page, variant=variant, content_key=key or content_key(page))
        .order_by("-pk")
        .first()
    )


def printed_file_for(*, page, variant: str) -> PrintedFile:
    """The stored file for the page's live revision, made now if it is not there yet."""
    # From the database, as published: never an editor's unsaved or draft changes.
    page = Page.objects.get(pk=page.pk).specific
    if not page.live or page.live_revision_id is None or variant not in variants_for(page):
        raise NotPrintable(f"{page!r} has no printable {variant}")
    key = content_key(page)
    existing = stored_printed_file(page=page, variant=variant, key=key)
    if existing is not None and existing.file.storage.exists(existing.file.name):
        return existing
    with _lock_for(page.pk, variant), transaction.atomic():
        # Other processes: the first to lock the page's row makes the file.
        Page.objects.select_for_update().filter(pk=page.pk).first()
        existing = stored_printed_file(page=page, variant=variant, key=key)
        if existing is not None and existing.file.storage.exists(existing.file.name):
            return existing
        return printed_file_make(page=page, variant=variant, key=key)


def printed_file_make(*, page, variant: str, key: str) -> PrintedFile:
    """Render the variant of the page as published now and store it, replacing a lost file."""
    from curriculum.printing.render import render_variant

    content = render_variant(page=page, variant=variant)
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


def printed_files_remove_old(*, page) -> int:
    """Delete the files made from anything but the page as published now; returns how many."""
    old = PrintedFile.objects.filter(page=page)
    if page.live:
        old = old.exclude(content_key=content_key(page))
    removed = 0
    for printed in old:
        printed.file.delete(save=False)
        printed.delete()
        removed += 1
    return removed
