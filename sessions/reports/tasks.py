"""Background work of the reports: the public figures, counted by a worker, never a reader."""

from django_tasks import task

from .kept import kept_figures_refresh
from .public import public_impact_figures_count


@task()
def public_impact_figures_recompute() -> dict:
    """Count the home page's figures and keep them in the shared cache; returns them."""
    return public_impact_figures_count()


@task()
def kept_figures_refresh_task() -> int:
    """Bring the report's kept figures up to date with what was committed; returns how many
    changes were applied."""
    return kept_figures_refresh()
