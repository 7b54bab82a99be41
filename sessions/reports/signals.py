"""Recount the public figures when what they count changes: a verified session saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sessions.models import TrainingSession

from .public import public_impact_figures_invalidate


@receiver(post_save, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_save")
@receiver(post_delete, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_delete")
def verified_session_changed(sender, instance, **kwargs):
    if instance.status == TrainingSession.Status.VERIFIED:
        # After the commit, so that the worker counts what was committed.
        public_impact_figures_invalidate()
