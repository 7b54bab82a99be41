"""Recount the public figures when what they count changes: a verified session saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sessions.models import TrainingSession

from .public import public_impact_figures_invalidate


@receiver(post_save, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_save")
@receiver(post_delete, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_delete")
def verified_session_changed(sender, instance, **kwargs):
    # Returned may have been verified a moment ago (an officer may return a verified session).
    if instance.status in (TrainingSession.Status.VERIFIED, TrainingSession.Status.RETURNED):
        # After the commit, so that the worker counts what was committed.
        public_impact_figures_invalidate()
