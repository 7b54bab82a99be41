"""Wires the agencies' register into the Wagtail admin: its viewset and history's actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin.viewsets import AgencyViewSet
from .services import IMPORT_CONFIRM, IMPORT_CREATE, IMPORT_UPDATE


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    return AgencyViewSet("agencies")


@hooks.register("register_log_actions")
def register_agency_log_actions(actions):
    actions.register_action(IMPORT_CREATE, _("Import"), _("Added from the official list"))
    actions.register_action(IMPORT_UPDATE, _("Import"), _("Updated from the official list"))
    actions.register_action(
        IMPORT_CONFIRM, _("Import"), _("Confirmed unchanged by the official list")
    )
