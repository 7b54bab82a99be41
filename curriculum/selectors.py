"""Reads of the curriculum: what the public pages list, in as few queries as possible."""

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet

from curriculum.models import (
    CampaignPage,
    HelpEntry,
    LessonPage,
    ModulePage,
    PrintedFile,
    PrintVariant,
)
from curriculum.printing.files import (
    EXTENSIONS,
    FACILITATOR_VARIANTS,
    content_key,
    content_type_for,
    variants_for,
)
from geography.models import Province


def curriculum_modules(index_page: Page) -> PageQuerySet:
    return (
        ModulePage.objects.child_of(index_page)
        .live()
        .select_related("cover_image")
        .prefetch_related("audiences")
    )


def curriculum_lessons(
    index_page: Page,
    *,
    topic_slug: str | None = None,
    audience_slug: str | None = None,
    duration_range: tuple[int | None, int | None] | None = None,
) -> PageQuerySet:
    """Live lessons under the index, filtered by topic and audience slugs and duration."""
    lessons = (
        LessonPage.objects.descendant_of(index_page)
        .live()
        .prefetch_related("topics", "audiences")
        .order_by("path")
    )
    if topic_slug:
        lessons = lessons.filter(topics__slug=topic_slug)
    if audience_slug:
        lessons = lessons.filter(audiences__slug=audience_slug)
    if duration_range:
        shortest, longest = duration_range
        if shortest is not None:
            lessons = lessons.filter(duration_minutes__gte=shortest)
        if longest is not None:
            lessons = lessons.filter(duration_minutes__lte=longest)
    return lessons.distinct()


def module_lessons(module: ModulePage) -> list[LessonPage]:
    return list(
        LessonPage.objects.child_of(module)
        .live()
        .prefetch_related("topics", "audiences")
        .order_by("path")
    )


def help_entries_for_lesson(lesson: LessonPage) -> list[HelpEntry]:
    """The help directory entries the lesson's 'where to get help' blocks chose."""
    entries: list[HelpEntry] = []
    seen: set[int] = set()
    for block in lesson.body:
        if block.block_type == "where_to_get_help":
            for entry in block.value["entries"]:
                if entry is not None and entry.pk not in seen:
                    seen.add(entry.pk)
                    entries.append(entry)
    return entries


def help_entries_for_province(
    *, locale: Locale, province: Province | None = None
) -> QuerySet[HelpEntry]:
    """Entries in this language that serve the province, or the whole country."""
    entries = HelpEntry.objects.filter(locale=locale).prefetch_related("provinces")
    if province is not None:
        entries = entries.filter(Q(provinces=province) | Q(provinces__isnull=True)).distinct()
    return entries.order_by("category", "name")


def campaigns_current_and_past(
    index_page: Page, *, today: datetime.date | None = None
) -> tuple[PageQuerySet, PageQuerySet]:
    today = today or timezone.localdate()
    campaigns = CampaignPage.objects.child_of(index_page).live().prefetch_related("provinces")
    current = campaigns.filter(end_date__gte=today).order_by("start_date")
    past = campaigns.filter(end_date__lt=today).order_by("-end_date")
    return current, past


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


def printed_downloads(page: Page) -> list[dict[str, Any]]:
    """The printed files a reader can download from a lesson or module page, in order.

    Each is a dict of `variant`, `label`, `format` ("PDF", "ZIP"), `content_type`, `url` and
    `size` in bytes, or None where the file is not made yet: the download makes it, never the
    page. One query finds every variant's stored file. A page that is not published, or is
    private, has none: the download view serves live public pages only.
    """
    variants = variants_for(page)
    if not variants or not page.live or page.live_revision_id is None:
        return []
    if page.get_view_restrictions().exists():
        return []
    # Files made from the page as published now; the newest wins if a lost one was remade.
    sizes = dict(
        PrintedFile.objects.filter(page=page, variant__in=variants, content_key=content_key(page))
        .order_by("pk")
        .values_list("variant", "size")
    )
    return [
        {
            "variant": str(variant),
            "label": PrintVariant(variant).label,
            "format": EXTENSIONS[PrintVariant(variant)].upper(),
            "content_type": content_type_for(variant),
            "url": reverse(
                "printed_file_download", kwargs={"page_id": page.pk, "variant": str(variant)}
            ),
            "size": sizes.get(variant),
            "facilitator_only": variant in FACILITATOR_VARIANTS,
        }
        for variant in variants
    ]
