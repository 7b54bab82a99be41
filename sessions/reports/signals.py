"""After a change to what the reports count: recount the public figures, refresh the kept ones."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sessions.models import Participant, TrainingSession

from .public import public_impact_figures_invalidate


@receiver(post_save, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_save")
@receiver(post_delete, sender=TrainingSession, dispatch_uid="trainings_public_figures_on_delete")
def verified_session_changed(sender, instance, **kwargs):
    # Returned may have been verified a moment ago (an officer may return a verified session).
    if instance.status in (TrainingSession.Status.VERIFIED, TrainingSession.Status.RETURNED):
        # After the commit, so that the worker counts what was committed.
        public_impact_figures_invalidate()


@receiver(post_save, sender=TrainingSession, dispatch_uid="trainings_kept_figures_on_save")
@receiver(post_delete, sender=TrainingSession, dispatch_uid="trainings_kept_figures_on_delete")
@receiver(post_save, sender=Participant, dispatch_uid="trainings_kept_figures_on_person")
def kept_figures_changed(sender, instance, **kwargs):
    """Edits outside the services (the admin's forms) are recorded by the database's
    triggers; a task brings the kept figures up to date after the commit, before anyone
    asks (the report refreshes before reading anyway). A club's drafts and submissions
    move no figure."""
    from .kept import kept_figures_refresh_queue

    counted = (TrainingSession.Status.VERIFIED, TrainingSession.Status.RETURNED)
    if sender is Participant or instance.status in counted:
        kept_figures_refresh_queue()
