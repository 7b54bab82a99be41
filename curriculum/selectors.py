"""Reads of the curriculum for other parts of the site (the home page).

What a curriculum page lists about itself (its lessons, campaigns, help entries, printed
files) is a method of the page or a query of its model, so the page models need nothing
from this module; the reads here only compose them.
"""

from django.utils import timezone

from curriculum.models import CampaignPage, HelpEntry, ModulePage


def help_entries_for_province(*, locale, province=None):
    """Entries in this language that serve the province, or the whole country."""
    return HelpEntry.objects.serving(locale=locale, province=province)


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
