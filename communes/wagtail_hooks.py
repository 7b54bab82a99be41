"""Wires the commune registers into the Wagtail admin: the viewsets and the history's log."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin.viewsets import CommuneRegistersViewSetGroup
from .models import CommunesLogEntry
from .services import ERASE_ACTION, EXPIRE_ACTION


@hooks.register("register_admin_viewset")
def register_commune_register_viewsets():
    return CommuneRegistersViewSetGroup()


@hooks.register("register_log_actions")
def register_commune_register_log_actions(actions):
    # Every record's history goes to the log that is read by commune (models.CommunesLogEntry).
    for model in apps.get_app_config("communes").get_models():
        if model is not CommunesLogEntry:
            actions.register_model(model, CommunesLogEntry)
    actions.register_action(ERASE_ACTION, _("Erase"), _("Name and phone erased on request"))
    actions.register_action(
        EXPIRE_ACTION, _("Erase"), _("Name and phone erased at the end of the retention period")
    )
