"""Background work of the reports: the public figures, counted by a worker, never a reader."""

from django_tasks import task

from .public import public_impact_figures_count


@task()
def public_impact_figures_recompute() -> dict:
    """Count the home page's figures and keep them in the shared cache; returns them."""
    return public_impact_figures_count()
