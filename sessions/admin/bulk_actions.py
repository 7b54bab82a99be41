"""Bulk actions on the admin's list of training sessions."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.bulk_action import BulkAction

from ..models import TrainingSession
from ..scoping import training_sessions_for_user
from ..services import training_session_verify


class VerifyTrainingSessionsBulkAction(BulkAction):
    """Verify the selected submitted sessions, each through the verify service."""

    display_name = _("Verify")
    action_type = "verify"
    aria_label = _("Verify the selected training sessions")
    template_name = "trainings/bulk_actions/confirm_bulk_verify.html"
    action_priority = 10
    models = [TrainingSession]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("trainings.verify_trainingsession"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        return training_sessions_for_user(self.request.user).values_list("pk", flat=True)

    def get_actionable_objects(self):
        object_ids = self.request.GET.getlist("id")
        if "all" in object_ids:
            object_ids = self.get_all_objects_in_listing_query(None)
        # Sessions of other provinces are not there at all for this officer, as in every view.
        sessions = list(
            training_sessions_for_user(self.request.user)
            .filter(pk__in=object_ids)
            .select_related("group")
        )
        if not sessions:
            raise Http404
        objects = [s for s in sessions if s.status == TrainingSession.Status.SUBMITTED]
        not_submitted = [s for s in sessions if s.status != TrainingSession.Status.SUBMITTED]
        return objects, {"items_with_no_access": not_submitted}

    def object_context(self, obj):
        return {"item": obj, "edit_url": AdminURLFinder(self.request.user).get_edit_url(obj)}

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for session in objects:
            training_session_verify(session=session, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d training session verified.",
            "%(count)d training sessions verified.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
