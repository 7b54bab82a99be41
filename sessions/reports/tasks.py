"""Background work of the reports: the public figures, counted by a worker, never a reader."""

from django.core.cache import cache
from django_tasks import task

from .kept import REFRESH_QUEUED, kept_figures_refresh
from .public import public_impact_figures_count


@task()
def public_impact_figures_recompute() -> dict:
    """Count the home page's figures and keep them in the shared cache; returns them."""
    return public_impact_figures_count()


@task()
def kept_figures_refresh_task() -> int:
    """Bring the report's kept figures up to date with what was committed; returns how many
    changes were applied."""
    # Before the work, so that a change committed meanwhile queues another refresh.
    cache.delete(REFRESH_QUEUED)
    return kept_figures_refresh()
