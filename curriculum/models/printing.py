"""Printed files (PDFs and offline packs) kept per page, variant and published revision."""

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from curriculum.print_variants import PrintVariant


def printed_file_path(instance, filename):
    return f"printed/{instance.page_id}/{filename}"


def printed_files_storage():
    """The private storage of printed files (PRINTED_FILES_ROOT), never MEDIA_ROOT."""
    return storages["printed"]


class PrintedFile(models.Model):
    """One file made from one published revision of a page; never changed once made."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="printed_files"
    )
    variant = models.CharField(_("variant"), max_length=20, choices=PrintVariant.choices)
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="printed_files"
    )
    # What the file was made from: the page's live revision, and for a lesson pack the
    # live revisions of its lessons too, so republishing a lesson makes a new pack.
    content_key = models.CharField(_("content key"), max_length=100)
    file = models.FileField(_("file"), upload_to=printed_file_path, storage=printed_files_storage)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("printed file")
        verbose_name_plural = _("printed files")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "variant", "content_key"], name="unique_printed_file_per_content"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.variant} r{self.revision_id}"


class PrintedFileDownload(models.Model):
    """How many times a printed file was downloaded, per page, locale, variant and day.

    No personal data: no user, address or device, just a count.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    variant = models.CharField(_("variant"), max_length=20, choices=PrintVariant.choices)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "locale", "variant", "day"], name="unique_download_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.variant} {self.day}: {self.count}"


class PrintedFileBuild(models.Model):
    """A printed file asked for and not made yet: the one build queued for it.

    The unique key makes the build queued once, however many readers ask at the same
    time; the row goes once the file is made. A failed build says so to the readers
    until it is asked again after a while.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    variant = models.CharField(_("variant"), max_length=20, choices=PrintVariant.choices)
    content_key = models.CharField(_("content key"), max_length=100)
    requested_at = models.DateTimeField(_("asked for at"))
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("printed file build")
        verbose_name_plural = _("printed file builds")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "variant", "content_key"], name="unique_printed_file_build"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.variant} {self.content_key}"


class EdgeDownloadLogPosition(models.Model):
    """How far nginx's log of the downloads it answered has been counted (one row per log).

    Saved in the transaction that adds the counts, so a run that stops half-way counts
    nothing and the next one starts from the same place: no download counted twice.
    """

    log_path = models.CharField(_("log file"), max_length=500, unique=True)
    # The file read last: after a rotation its rest is read from `<log>.1` first.
    inode = models.PositiveBigIntegerField(_("file number"), null=True, blank=True)
    offset = models.PositiveBigIntegerField(_("bytes counted"), default=0)
    counted_at = models.DateTimeField(_("counted at"), auto_now=True)

    class Meta:
        verbose_name = _("download log position")
        verbose_name_plural = _("download log positions")

    def __str__(self):
        return f"{self.log_path} @ {self.inode}:{self.offset}"
