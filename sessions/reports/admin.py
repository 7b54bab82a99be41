"""Wires the programme reports into the Wagtail admin: URLs, the Reports menu, the dashboard."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .crosstab_views import CrossTabReportView
from .panels import ProgrammePanel, may_see_reports
from .views import ProgrammeReportView, report_places

urlpatterns = [
    path("", ProgrammeReportView.as_view(), name="programme"),
    path("results/", ProgrammeReportView.as_view(results_only=True), name="programme_results"),
    path("places/", report_places, name="programme_places"),
    path("crosstab/", CrossTabReportView.as_view(), name="crosstab"),
    path(
        "crosstab/results/", CrossTabReportView.as_view(results_only=True), name="crosstab_results"
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/programme/",
            include((urlpatterns, "trainings_reports"), namespace="trainings_reports"),
        )
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_programme_report_menu_item():
    return ReportsMenuItem(
        _("Programme reach"),
        reverse("trainings_reports:programme"),
        name="programme-reach",
        icon_name="group",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_crosstab_menu_item():
    return ReportsMenuItem(
        _("Cross-tabulation of reach"),
        reverse("trainings_reports:crosstab"),
        name="crosstab-reach",
        icon_name="table",
        order=101,
    )


@hooks.register("construct_homepage_panels")
def add_programme_panel(request, panels):
    if may_see_reports(request.user):
        panels.insert(0, ProgrammePanel(request.user))


@hooks.register("insert_global_admin_css")
def report_css():
    return format_html_join(
        "",
        '<link rel="stylesheet" href="{}">',
        (
            (static(name),)
            for name in ("css/reports.css", "css/tile-map.css", "css/report-shades.css")
        ),
    )
