"""The programme report in the Wagtail admin: a ReportView with filters, tables, charts, map.

The view only reads the filter form and hands the selectors' figures to the template or
to an export; every figure comes from `sessions.reports.selectors`.
"""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy

from geography.models import District
from pdf_engine import PdfRenderError
from sessions.models import TrainingSession
from sessions.scoping import provinces_for_user, youth_groups_for_user
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from .display import report_charts
from .selectors import MONTH, QUARTER, ReportFilters, programme_report

EXPORT_LANGUAGES = ("km", "en")


def _provinces(request):
    return provinces_for_user(request.user).order_by("code")


def _chosen(request, name: str) -> str | None:
    value = request.GET.get(name, "") if request is not None else ""
    return value if value.isdigit() else None


def _districts(request):
    """The user's districts; those of the province chosen, once one is."""
    districts = District.objects.filter(province__in=provinces_for_user(request.user))
    if province := _chosen(request, "province"):
        districts = districts.filter(province_id=province)
    return districts.order_by("code")


def _groups(request):
    """Groups of the district or province chosen: a country has thousands of them."""
    groups = youth_groups_for_user(request.user)
    if district := _chosen(request, "district"):
        return groups.filter(commune__district_id=district).order_by("name")
    if province := _chosen(request, "province"):
        return groups.filter(commune__district__province_id=province).order_by("name")
    return groups.none()


class ProgrammeReportFilterSet(WagtailFilterSet):
    """Date range, place and period of the report; choices only of the user's provinces."""

    date = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)
    province = django_filters.ModelChoiceFilter(label=_("province"), queryset=_provinces)
    district = django_filters.ModelChoiceFilter(label=_("district"), queryset=_districts)
    group = django_filters.ModelChoiceFilter(
        label=_("youth group"),
        queryset=_groups,
        help_text=_("Choose a province or district first, then one of its youth groups."),
    )
    period = django_filters.ChoiceFilter(
        label=_("by month or quarter"),
        choices=[(MONTH, _("by month")), (QUARTER, _("by quarter"))],
        empty_label=None,
        null_label=None,
        method="keep",
    )

    class Meta:
        model = TrainingSession
        fields = ["date", "province", "district", "group", "period"]

    def keep(self, queryset, name, value):
        return queryset


def report_filters_from(filterset) -> ReportFilters:
    """The report's filters from the form's valid fields; an invalid one (an id of another
    province typed in) counts as not given, and the report stays in the user's provinces."""
    if filterset is None:
        return ReportFilters()
    filterset.is_valid()
    data = filterset.form.cleaned_data
    dates = data.get("date")
    return ReportFilters(
        date_from=dates.start.date() if dates and dates.start else None,
        date_to=dates.stop.date() if dates and dates.stop else None,
        province_id=data["province"].pk if data.get("province") else None,
        district_id=data["district"].pk if data.get("district") else None,
        group_id=data["group"].pk if data.get("group") else None,
        period=data.get("period") or MONTH,
    )


def report_places(request):
    """The district and youth group choices of the report's filters for the place in the
    query, as the filter form itself offers them (so only of the user's provinces).

    The report page's script replaces its lists with these when a province or district
    is chosen: [[value, label], ...] for "district" and "group", the blank choice first.
    """
    if not ProgrammeReportView.permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    form = ProgrammeReportFilterSet(
        request.GET, queryset=TrainingSession.objects.none(), request=request
    ).form
    return JsonResponse(
        {
            name: [[str(value), str(label)] for value, label in form.fields[name].choices]
            for name in ("district", "group")
        }
    )


class ProgrammeReportView(FormulaEscapingExportMixin, ReportView):
    """What the trainings reached, where and who, for officers of the provinces shown."""

    page_title = _("Programme reach")
    header_icon = "group"
    template_name = "trainings/reports/programme_report.html"
    results_template_name = "trainings/reports/programme_report_results.html"
    filterset_class = ProgrammeReportFilterSet
    index_url_name = "trainings_reports:programme"
    index_results_url_name = "trainings_reports:programme_results"
    permission_policy = ModelPermissionPolicy(TrainingSession)
    permission_required = "view"
    paginate_by = None
    FORMAT_PDF = "pdf"
    FORMATS = (ReportView.FORMAT_XLSX, ReportView.FORMAT_CSV, FORMAT_PDF)
    # The CSV export is the table by province; XLSX and PDF hold every breakdown.
    list_export = ["key", "label", "sessions", "attendances", "people"]
    export_headings = {
        "key": _("code"),
        "label": _("province"),
        "sessions": _("Sessions held"),
        "attendances": _("Attendances"),
        "people": _("People reached"),
    }

    @cached_property
    def report_filters(self) -> ReportFilters:
        return report_filters_from(self.filters)

    def get_filename(self):
        return f"programme-report-{datetime.date.today():%Y-%m-%d}"

    def build_report(self) -> dict:
        return programme_report(user=self.request.user, filters=self.report_filters)

    def get_filtered_queryset(self):
        self.report = self.build_report()
        return self.report["by_province"]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report"] = self.report
        context["charts"] = report_charts(self.report)
        context["export_links"] = [
            (_("Spreadsheet (XLSX), Khmer"), self.export_url("xlsx", "km")),
            (_("Spreadsheet (XLSX), English"), self.export_url("xlsx", "en")),
            (_("PDF report, Khmer"), self.export_url("pdf", "km")),
            (_("PDF report, English"), self.export_url("pdf", "en")),
        ]
        return context

    def export_url(self, export_format: str, language: str) -> str:
        params = self.request.GET.copy()
        params.pop("_w_filter_fragment", None)
        params["export"] = export_format
        params["language"] = language
        return f"{self.index_url}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        return [
            Button(label, url=url, icon_name="download", priority=90 + index)
            for index, (label, url) in enumerate(
                [
                    (_("Download XLSX"), self.export_url("xlsx", translation.get_language())),
                    (_("Download PDF"), self.export_url("pdf", translation.get_language())),
                    (_("Download CSV"), self.get_export_url("csv")),
                ]
            )
        ]

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in (self.FORMAT_XLSX, self.FORMAT_PDF):
            return self.export_response(export)
        return super().get(request, *args, **kwargs)

    def export_response(self, export: str):
        from .exports import report_pdf_response, report_xlsx_response

        language = self.request.GET.get("language")
        if language not in EXPORT_LANGUAGES:
            language = translation.get_language()
        with translation.override(language):
            # Names of provinces, bands and headings are in the export's language.
            report = self.build_report()
            if export == self.FORMAT_XLSX:
                return report_xlsx_response(report, filename=f"{self.get_filename()}-{language}")
            try:
                return report_pdf_response(
                    report, filename=f"{self.get_filename()}-{language}", user=self.request.user
                )
            except PdfRenderError:
                pass  # logged by the engine; said below in the officer's own language
        messages.error(
            self.request,
            _(
                "The PDF could not be made: a font or stylesheet is missing on the server. "
                "The spreadsheet works; please tell the site's administrators."
            ),
        )
        params = self.request.GET.copy()
        for name in ("export", "language"):
            params.pop(name, None)
        return redirect(f"{self.index_url}?{params.urlencode()}")
