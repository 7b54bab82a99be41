"""Publishing a lesson or module queues the making of its printed files."""

from functools import partial

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from curriculum.models import LessonPage, ModulePage
from curriculum.printing.tasks import printed_files_make


def queue_printed_files(sender, instance, **kwargs):
    if not getattr(settings, "PRINT_ON_PUBLISH", True):
        return
    # After the commit, so the task sees the published revision.
    transaction.on_commit(partial(printed_files_make.enqueue, instance.pk))


def connect_printing_signals() -> None:
    for model in (LessonPage, ModulePage):
        page_published.connect(queue_printed_files, sender=model, dispatch_uid=f"print-{model}")
        page_unpublished.connect(queue_printed_files, sender=model, dispatch_uid=f"unprint-{model}")
