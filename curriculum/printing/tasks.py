"""Background work of the printing pipeline: make a page's files when it is published."""

import logging

from django_tasks import task
from wagtail.models import Page

from curriculum.models import LessonPage, ModulePage
from curriculum.printing.files import (
    NotPrintable,
    printed_file_for,
    printed_files_remove_old,
    variants_for,
)

logger = logging.getLogger(__name__)


@task()
def printed_files_make(page_id: int) -> int:
    """Make every printed file of the page as published now, drop older ones; returns how many.

    A lesson's files change its lesson pack too, so the module's files follow.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    made = 0
    if page.live:
        for variant in variants_for(page):
            try:
                printed_file_for(page=page, variant=variant)
                made += 1
            except NotPrintable:
                logger.warning("Page %s is not printable any more", page_id)
    printed_files_remove_old(page=page)
    if isinstance(page, LessonPage):
        module = page.get_parent().specific
        if isinstance(module, ModulePage):
            made += printed_files_make.call(module.pk)
    return made
