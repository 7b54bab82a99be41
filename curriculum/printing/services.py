"""Writes of the printing pipeline: counting downloads of printed files."""

import datetime

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from curriculum.models import PrintedFileDownload


def printed_file_download_count(
    *, page: Page, variant: str, day: datetime.date | None = None
) -> None:
    """Count one download of a page's printed variant, for the page's locale and the day.

    Safe when readers download at the same moment: get_or_create reads again when another
    request created the day's row first, and the database adds one to the count, so no
    download is lost. Only numbers are kept, never who downloaded.
    """
    printed_file_downloads_add(
        page_id=page.pk,
        locale_id=page.locale_id,
        variant=variant,
        day=day or timezone.localdate(),
        downloads=1,
    )


def printed_file_downloads_add(
    *, page_id: int, locale_id: int, variant: str, day: datetime.date, downloads: int
) -> None:
    """Add `downloads` to the day's count of a page's printed variant (see above)."""
    counter, __ = PrintedFileDownload.objects.get_or_create(
        page_id=page_id, locale_id=locale_id, variant=variant, day=day
    )
    PrintedFileDownload.objects.filter(pk=counter.pk).update(count=F("count") + downloads)
