"""Printed files made by a task worker, never while a reader waits: one build per file.

A download of a file not made yet asks for its build and is answered at once ("being
prepared"): a render takes a second (an offline pack more than two), and a web worker
held that long by each reader asking is the site down when a link is shared. The build
is queued once however many readers ask (the unique key of `PrintedFileBuild`), made by
the worker, and served to whoever asks after it. Under the immediate backend of
development and tests the build runs inside the request, so the file is served at once.
"""

import datetime
import enum
import logging

from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from curriculum.models import PrintedFileBuild
from curriculum.printing.files import NotPrintable, printed_file_for
from pdf_engine import PdfRenderError

logger = logging.getLogger(__name__)

# A build queued this long ago and still not made was lost (a worker stopped mid-way, a
# task row deleted): the next reader queues it again. A failed build is tried again
# after as long, so a fix on the server (a missing file restored) is picked up.
BUILD_LOST_AFTER = datetime.timedelta(minutes=10)
FAILED_BUILD_RETRIED_AFTER = datetime.timedelta(minutes=10)


class BuildState(enum.Enum):
    PREPARING = "preparing"
    FAILED = "failed"


def printed_file_build_request(*, page: Page, variant: str, key: str) -> BuildState:
    """Ask for the page's `variant` made from `key` (the page as published now).

    The first reader to ask queues the build; the others only learn its state. A lost
    build, or one that failed a while ago, is queued again by exactly one reader (the
    conditional update succeeds for one of them).
    """
    now = timezone.now()
    build, created = PrintedFileBuild.objects.get_or_create(
        page_id=page.pk, variant=variant, content_key=key, defaults={"requested_at": now}
    )
    if not created:
        asked_again = (
            PrintedFileBuild.objects.filter(pk=build.pk)
            .filter(
                Q(failed_at__isnull=True, requested_at__lt=now - BUILD_LOST_AFTER)
                | Q(failed_at__lt=now - FAILED_BUILD_RETRIED_AFTER)
            )
            .update(requested_at=now, failed_at=None)
        )
        if not asked_again:
            return BuildState.FAILED if build.failed_at else BuildState.PREPARING
    printed_file_build.enqueue(page.pk, variant)
    if PrintedFileBuild.objects.filter(pk=build.pk, failed_at__isnull=False).exists():
        # The immediate backend has just tried, and failed.
        return BuildState.FAILED
    return BuildState.PREPARING


@task()
def printed_file_build(page_id: int, variant: str) -> bool:
    """Make the page's `variant` as published now, if not made yet; True once it is there.

    Two workers given the same build make it once (`printed_file_for` locks the page).
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return False  # deleted since: its build rows went with it
    builds = PrintedFileBuild.objects.filter(page_id=page_id, variant=variant)
    try:
        printed_file_for(page=page, variant=variant)
    except NotPrintable:
        builds.delete()
        logger.info("Page %s was unpublished before its %s was made", page_id, variant)
        return False
    except PdfRenderError:
        # Readers are told the file cannot be printed, until it is tried again.
        builds.update(failed_at=timezone.now())
        raise
    # Every key's row: the file of the page as published now is made, older ones are moot.
    builds.delete()
    return True
