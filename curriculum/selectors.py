"""Reads of the curriculum for other parts of the site (the home page).

What a curriculum page lists about itself (its lessons, campaigns, help entries, printed
files) is a method of the page or a query of its model, so the page models need nothing
from this module; the reads here only compose them.
"""

import datetime

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail.query import PageQuerySet

from curriculum.models import CampaignPage, HelpEntry, ModulePage
from geography.models import Province


def help_entries_for_province(
    *, locale: Locale, province: Province | None = None
) -> QuerySet[HelpEntry]:
    """Entries in this language that serve the province, or the whole country."""
    return HelpEntry.objects.serving(locale=locale, province=province)


def featured_campaigns(
    *, locale: Locale, today: datetime.date | None = None, limit: int = 3
) -> PageQuerySet:
    today = today or timezone.localdate()
    return (
        CampaignPage.objects.live()
        .filter(locale=locale, start_date__lte=today, end_date__gte=today)
        .order_by("end_date")[:limit]
    )


def lesson_packs(*, locale: Locale) -> PageQuerySet:
    return (
        ModulePage.objects.live()
        .filter(locale=locale)
        .select_related("cover_image")
        .order_by("path")
    )


def unfinished_drafts(*, user: User, parent: Page, page_class: type[Page]) -> PageQuerySet:
    """The pages of `page_class` under `parent` that `user` started and left: never published,
    not in moderation (an autosave of an abandoned form leaves such a page)."""
    in_moderation = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return (
        page_class.objects.child_of(parent)
        .filter(owner=user, first_published_at__isnull=True, live=False)
        .exclude(
            pk__in=[int(page_id) for page_id in in_moderation.values_list("object_id", flat=True)]
        )
        .order_by("-latest_revision_created_at")
    )
