"""Wires the DHIS2 export into the Wagtail admin: the codes' screens, the export page, its menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sessions.reports.panels import may_see_reports

from .views import Dhis2ExportView
from .viewsets import Dhis2MappingViewSetGroup


@hooks.register("register_admin_viewset")
def register_dhis2_mappings():
    return Dhis2MappingViewSetGroup()


@hooks.register("register_admin_urls")
def register_dhis2_export_url():
    return [path("dhis2/export/", Dhis2ExportView.as_view(), name="dhis2_export")]


class Dhis2ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_dhis2_export_menu_item():
    return Dhis2ExportMenuItem(
        _("DHIS2 export"),
        reverse("dhis2_export"),
        name="dhis2-export",
        icon_name="upload",
        order=110,
    )
