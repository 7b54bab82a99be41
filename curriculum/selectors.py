"""Reads of the curriculum: what the public pages list, in as few queries as possible."""

from django.db.models import Q
from django.utils import timezone

from curriculum.models import CampaignPage, HelpEntry, LessonPage, ModulePage


def curriculum_modules(index_page):
    return (
        ModulePage.objects.child_of(index_page)
        .live()
        .select_related("cover_image")
        .prefetch_related("audiences")
    )


def curriculum_lessons(index_page, *, topic_slug=None, audience_slug=None, duration_range=None):
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


def module_lessons(module):
    return list(
        LessonPage.objects.child_of(module)
        .live()
        .prefetch_related("topics", "audiences")
        .order_by("path")
    )


def help_entries_for_lesson(lesson):
    """The help directory entries the lesson's 'where to get help' blocks chose."""
    entries, seen = [], set()
    for block in lesson.body:
        if block.block_type == "where_to_get_help":
            for entry in block.value["entries"]:
                if entry is not None and entry.pk not in seen:
                    seen.add(entry.pk)
                    entries.append(entry)
    return entries


def help_entries_for_province(*, locale, province=None):
    """Entries in this language that serve the province, or the whole country."""
    entries = HelpEntry.objects.filter(locale=locale).prefetch_related("provinces")
    if province is not None:
        entries = entries.filter(Q(provinces=province) | Q(provinces__isnull=True)).distinct()
    return entries.order_by("category", "name")


def campaigns_current_and_past(index_page, *, today=None):
    today = today or timezone.localdate()
    campaigns = CampaignPage.objects.child_of(index_page).live().prefetch_related("provinces")
    current = campaigns.filter(end_date__gte=today).order_by("start_date")
    past = campaigns.filter(end_date__lt=today).order_by("-end_date")
    return current, past


def featured_campaigns(*, locale, today=None, limit=3):
    today = today or timezone.localdate()
    return (
        CampaignPage.objects.live()
        .filter(locale=locale, start_date__lte=today, end_date__gte=today)
        .order_by("end_date")[:limit]
    )


def lesson_packs(*, locale):
    return (
        ModulePage.objects.live()
        .filter(locale=locale)
        .select_related("cover_image")
        .order_by("path")
    )
