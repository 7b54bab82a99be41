"""The public home page's headline figures: verified sessions only, small counts hidden, cached.

Only three counts leave the admin: people reached, sessions held and provinces covered.
A count under 5 is shown as "<5", so that nobody can be singled out from a small figure.
The figures are cached, and the cache is cleared whenever a verified session is saved or
deleted (`sessions.reports.signals`), e.g. the moment an officer verifies one.
"""

from django.core.cache import cache

from .selectors import national_figures

CACHE_KEY = "trainings:public-impact-figures"
#: A backstop: writes that send no signal (bulk imports) show within the hour.
CACHE_SECONDS = 60 * 60
SMALL_COUNT = 5


def shown_count(value: int) -> str:
    """A count as the public sees it: "<5" below 5, else the number with separators."""
    return "<5" if value < SMALL_COUNT else f"{value:,}"


def public_impact_figures() -> dict | None:
    """People reached, sessions held and provinces covered, as shown; None before any."""
    figures = cache.get(CACHE_KEY)
    if figures is None:
        figures = national_figures()
        cache.set(CACHE_KEY, figures, CACHE_SECONDS)
    if not figures["sessions"]:
        return None
    return {key: shown_count(value) for key, value in figures.items()}


def public_impact_figures_invalidate() -> None:
    cache.delete(CACHE_KEY)
