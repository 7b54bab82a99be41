"""Wires the cascade report into the Wagtail admin: its URLs and its place in the Reports menu."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin import ReportsMenuItem
from .cascade_views import CascadeReportView

urlpatterns = [
    path("", CascadeReportView.as_view(), name="report"),
    path("results/", CascadeReportView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_cascade_urls():
    return [
        path(
            "reports/cascade/",
            include((urlpatterns, "trainings_cascade"), namespace="trainings_cascade"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_cascade_menu_item():
    return ReportsMenuItem(
        _("Training cascade"),
        reverse("trainings_cascade:report"),
        name="training-cascade",
        icon_name="group",
        order=110,
    )


@hooks.register("insert_global_admin_css")
def cascade_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/cascade.css"))
