"""The cross-tabulation page of the programme report: the report's filters, two dimensions.

Rows and columns are named in the URL (`?rows=province&columns=sex`); a name that is not a
dimension, or the same one twice, is said on the page (status 400), never a server error.
The figures come from `crosstab.crosstab`; the XLSX and PDF from `crosstab_exports`.
"""

import datetime

import django_filters
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button

from pdf_engine import PdfRenderError

from .crosstab import DIMENSIONS, BadDimension, CrossTab, crosstab, dimension_pair
from .crosstab_exports import crosstab_note
from .exports import XLSX_TYPE
from .views import EXPORT_LANGUAGES, ProgrammeReportFilterSet, ProgrammeReportView

DEFAULT_ROWS, DEFAULT_COLUMNS = "province", "sex"
DIMENSION_CHOICES = [(name, dimension.label) for name, dimension in DIMENSIONS.items()]


class CrossTabFilterSet(ProgrammeReportFilterSet):
    """The programme report's filters, and the two dimensions of the table."""

    rows = django_filters.ChoiceFilter(
        label=_("rows of the table"), choices=DIMENSION_CHOICES, empty_label=None, method="keep"
    )
    columns = django_filters.ChoiceFilter(
        label=_("columns of the table"), choices=DIMENSION_CHOICES, empty_label=None, method="keep"
    )

    class Meta(ProgrammeReportFilterSet.Meta):
        fields = ["date", "province", "district", "group", "rows", "columns"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Months and quarters are dimensions of the table here, not a setting of the report.
        self.filters.pop("period", None)


class CrossTabReportView(ProgrammeReportView):
    """People reached and attendances by any two dimensions, for the provinces shown."""

    page_title = _("Cross-tabulation of reach")
    header_icon = "table"
    template_name = "trainings/reports/crosstab_report.html"
    results_template_name = "trainings/reports/crosstab_results.html"
    filterset_class = CrossTabFilterSet
    index_url_name = "trainings_reports:crosstab"
    index_results_url_name = "trainings_reports:crosstab_results"
    FORMATS = (ProgrammeReportView.FORMAT_XLSX, ProgrammeReportView.FORMAT_PDF)

    def get_filename(self):
        rows, columns = self.dimension_names
        return f"crosstab-{rows}-by-{columns}-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def dimension_names(self) -> tuple[str, str]:
        return (
            self.request.GET.get("rows") or DEFAULT_ROWS,
            self.request.GET.get("columns") or DEFAULT_COLUMNS,
        )

    @cached_property
    def dimension_error(self) -> str | None:
        try:
            dimension_pair(*self.dimension_names)
        except BadDimension as error:
            return str(error)
        return None

    def build_report(self) -> CrossTab:
        rows, columns = self.dimension_names
        return crosstab(
            user=self.request.user, filters=self.report_filters, rows=rows, columns=columns
        )

    def get_filtered_queryset(self):
        self.report = None if self.dimension_error else self.build_report()
        # One item, the table or the message, so that the listing shows its results block.
        return [self.report or self.dimension_error]

    def get_context_data(self, *args, **kwargs):
        context = super(ProgrammeReportView, self).get_context_data(*args, **kwargs)
        context["crosstab"] = self.report
        context["dimension_error"] = self.dimension_error
        context["crosstab_note"] = crosstab_note(self.report) if self.report else ""
        context["programme_report_url"] = self.programme_report_url
        context["export_links"] = [
            (_("Spreadsheet (XLSX), Khmer"), self.export_url("xlsx", "km")),
            (_("Spreadsheet (XLSX), English"), self.export_url("xlsx", "en")),
            (_("PDF report, Khmer"), self.export_url("pdf", "km")),
            (_("PDF report, English"), self.export_url("pdf", "en")),
        ]
        return context

    @property
    def programme_report_url(self) -> str:
        params = self.request.GET.copy()
        for name in ("rows", "columns", "_w_filter_fragment"):
            params.pop(name, None)
        return f"{reverse('trainings_reports:programme')}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        if self.dimension_error:
            return []
        return [
            Button(label, url=url, icon_name="download", priority=90 + index)
            for index, (label, url) in enumerate(
                [
                    (_("Download XLSX"), self.export_url("xlsx", translation.get_language())),
                    (_("Download PDF"), self.export_url("pdf", translation.get_language())),
                ]
            )
        ]

    def get(self, request, *args, **kwargs):
        if self.dimension_error:
            response = super(ProgrammeReportView, self).get(request, *args, **kwargs)
            response.status_code = 400
            return response
        return super().get(request, *args, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        # The page with its message, never a file, when the dimensions were bad; the table's
        # files are made by `export_response`, not Wagtail's list export.
        self.is_export = False
        return super().render_to_response(context, **response_kwargs)

    def export_response(self, export: str):
        from .crosstab_exports import crosstab_pdf, crosstab_workbook

        language = self.request.GET.get("language")
        if language not in EXPORT_LANGUAGES:
            language = translation.get_language()
        filename = f"{self.get_filename()}-{language}"
        with translation.override(language):
            table = self.build_report()
            if export == self.FORMAT_XLSX:
                response = HttpResponse(crosstab_workbook(table).to_bytes(), content_type=XLSX_TYPE)
                response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
                return response
            try:
                pdf = crosstab_pdf(table, user=self.request.user)
            except PdfRenderError:
                pdf = None  # logged by the engine; said below in the officer's own language
            if pdf is not None:
                response = HttpResponse(pdf, content_type="application/pdf")
                response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
                return response
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
