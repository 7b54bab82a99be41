"""The public home page's headline figures: verified sessions only, small counts hidden, kept.

Only three counts leave the admin: people reached, sessions held and provinces covered.
A count under 5 is shown as "<5", so that nobody can be singled out from a small figure.

Counting them takes most of a second on the national data, so no reader's request counts:
the task `public_impact_figures_recompute` (a worker) counts and keeps them in the shared
cache, and readers are shown the figures kept there. It is queued when a verified session is
saved or deleted (`sessions.reports.signals`), when none are kept yet, and when the kept
ones are over an hour old (a backstop for writes that send no signal); readers see the
previous figures until the new ones are ready. When they differ, the signal
`public_impact_figures_changed` is sent, on which the cached home pages are purged.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

from .selectors import national_figures

CACHE_KEY = "trainings:public-impact-figures"
#: Set while a recount is queued and not started, so that readers queue only one.
QUEUED_KEY = "trainings:public-impact-figures-queued"
#: A queued recount that never started (a worker down) is queued again after this.
QUEUED_SECONDS = 5 * 60
#: Kept figures older than this are recounted (they are still shown meanwhile).
REFRESH_AFTER_SECONDS = 60 * 60
SMALL_COUNT = 5

#: Sent (by the worker) with `figures` when newly counted figures differ from those kept.
public_impact_figures_changed = Signal()


def shown_count(value: int) -> str:
    """A count as the public sees it: "<5" below 5, else the number with separators."""
    return "<5" if value < SMALL_COUNT else f"{value:,}"


def public_impact_figures() -> dict | None:
    """People reached, sessions held and provinces covered, as shown; None before any.

    Never counts: figures not counted yet are queued, and the page shows none until then.
    """
    kept = cache.get(CACHE_KEY)
    if kept is None or time.time() - kept["counted_at"] > REFRESH_AFTER_SECONDS:
        public_impact_figures_recompute_queue()
        # With the immediate task backend (development, tests) the figures are ready now.
        kept = cache.get(CACHE_KEY) or kept
    if kept is None or not kept["figures"]["sessions"]:
        return None
    return {key: shown_count(value) for key, value in kept["figures"].items()}


def public_impact_figures_recompute_queue() -> None:
    """Queue one recount, unless one is queued and not started yet (it will see the change)."""
    from .tasks import public_impact_figures_recompute

    if cache.add(QUEUED_KEY, True, QUEUED_SECONDS):
        public_impact_figures_recompute.enqueue()


def public_impact_figures_invalidate() -> None:
    """What the figures count has changed: recount them after the commit."""
    transaction.on_commit(public_impact_figures_recompute_queue)


def public_impact_figures_count() -> dict:
    """Count the figures now and keep them; announce them when they changed. For the task."""
    # Started: a change from now on must queue a new recount, this one may not see it.
    cache.delete(QUEUED_KEY)
    figures = national_figures()
    kept = cache.get(CACHE_KEY)
    cache.set(CACHE_KEY, {"figures": figures, "counted_at": time.time()}, None)
    if kept is None or kept["figures"] != figures:
        public_impact_figures_changed.send(sender=public_impact_figures_count, figures=figures)
    return figures
