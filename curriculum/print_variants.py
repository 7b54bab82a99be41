"""The printed variants of pages, their files' kinds and names: plain values, no models.

Page classes name the variants they print (`print_variants`); the printing pipeline, the
downloads and the editor's previews read what each variant is from here.
"""

import re

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class PrintVariant(models.TextChoices):
    LESSON_PLAN = "lesson-plan", _("Facilitator's lesson plan")
    HANDOUT = "handout", _("Participants' handout")
    PACK = "pack", _("Lesson pack")
    OFFLINE_PACK = "offline-pack", _("Offline pack")


LESSON_VARIANTS = (PrintVariant.LESSON_PLAN, PrintVariant.HANDOUT)
MODULE_VARIANTS = (PrintVariant.PACK, PrintVariant.OFFLINE_PACK)

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
# What the page editor's preview menu offers: the variants rendered as one PDF (an offline
# pack is a ZIP of stored files, nothing to preview).
PREVIEW_LABELS = {
    PrintVariant.LESSON_PLAN: _("Facilitator's lesson plan (PDF)"),
    PrintVariant.HANDOUT: _("Participants' handout (PDF)"),
    PrintVariant.PACK: _("Lesson pack (PDF)"),
}
# The variant in a downloaded file's name.
FILE_LABELS = {
    PrintVariant.LESSON_PLAN: "lesson-plan",
    PrintVariant.HANDOUT: "handout",
    PrintVariant.PACK: "lesson-pack",
    PrintVariant.OFFLINE_PACK: "offline-pack",
}
# Path separators, characters Windows refuses in a name, and control characters.
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def content_type_for(variant: str) -> str:
    return CONTENT_TYPES[EXTENSIONS[variant]]


def safe_file_name(title: str) -> str:
    """A page title as one file name: no folders, no climbing out, nothing Windows refuses.

    Titles name the files of a download and the entries of an offline pack's ZIP, which
    people unzip on phones and Windows computers.
    """
    name = " ".join(UNSAFE_IN_FILE_NAMES.sub(" ", title).split())
    return name.lstrip(". ").rstrip(". ")


def download_filenames(*, page, variant: str) -> tuple[str, str]:
    """The file's name for people (Khmer allowed) and an ASCII fallback for old browsers."""
    extension = EXTENSIONS[variant]
    label = FILE_LABELS[variant]
    title = safe_file_name(page.title)[:80] or f"page-{page.pk}"
    unicode_name = f"{title} - {label}.{extension}"
    ascii_stem = slugify(page.slug) or f"page-{page.pk}"
    ascii_name = f"{ascii_stem}-{page.locale.language_code}-{label}.{extension}"
    return unicode_name, ascii_name
