"""Wires the trainings app into the Wagtail admin."""

from functools import partial

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..models import TrainingsLogEntry
from ..reports import admin as reports_admin  # noqa: F401 - registers the reports' hooks
from ..reports import cascade_admin  # noqa: F401 - registers the cascade report's hooks
from .bulk_actions import VerifyTrainingSessionsBulkAction
from .choosers import CHOOSER_VIEWSETS
from .viewsets import TrainingsViewSetGroup


@hooks.register("register_admin_viewset")
def register_trainings_viewsets():
    return [TrainingsViewSetGroup(), *CHOOSER_VIEWSETS]


# Bulk actions are registered as the class itself, not a function returning it.
hooks.register("register_bulk_action", VerifyTrainingSessionsBulkAction)


@hooks.register("register_log_actions")
def register_trainings_log_actions(actions):
    # Each trainings model's history goes to the log that is read by province (models/history.py).
    for model in apps.get_app_config("trainings").get_models():
        if model is not TrainingsLogEntry:
            actions.register_model(model, TrainingsLogEntry)
    actions.register_action("trainings.submit", _("Submit"), _("Submitted for verification"))
    actions.register_action("trainings.withdraw", _("Withdraw"), _("Withdrawn by the club"))
    actions.register_action("trainings.verify", _("Verify"), _("Verified"))
    actions.register_action("trainings.return", _("Return"), _("Returned to the club"))
    actions.register_action("trainings.erase", _("Erase"), _("Personal data erased"))
    actions.register_action("trainings.merge", _("Merge"), _("Merged with a duplicate"))


from ..imports import wagtail_hooks as import_hooks  # noqa: E402, F401  the import screens
from ..imports.admin import add_to_trainings_menu  # noqa: E402
from .export_job_views import ExportJobViewSet  # noqa: E402

export_job_viewset = ExportJobViewSet()
hooks.register("register_admin_viewset", lambda: export_job_viewset)
hooks.register("construct_main_menu", partial(add_to_trainings_menu, viewset=export_job_viewset))
