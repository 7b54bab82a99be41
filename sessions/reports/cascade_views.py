"""The cascade report in the admin: trainers trained and the people reached through them.

A report of its own beside the programme report (Reports → Training cascade), with the same
scoping, the same date and place filters, and a picture of one province's chain. The CSV
is the table of trainers (Wagtail's export through the escaping writer); the XLSX holds
every figure, one sheet each, written by `spreadsheets`.
"""

import datetime

import django_filters
from django import forms
from django.http import HttpResponse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy

from sessions.models import GroupKind, TrainingSession
from sessions.scoping import provinces_for_user
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from .cascade import DEFAULT_IDLE_MONTHS, cascade_report
from .cascade_chart import chain_picture
from .cascade_exports import XLSX_TYPE, cascade_workbook
from .selectors import ReportFilters
from .views import EXPORT_LANGUAGES


def _provinces(request):
    return provinces_for_user(request.user).order_by("code")


class CascadeReportFilterSet(WagtailFilterSet):
    """The dates of training, a province (whose chain is drawn) and the months for idleness."""

    date = django_filters.DateFromToRangeFilter(
        label=_("trained between"), widget=DateRangePickerWidget
    )
    province = django_filters.ModelChoiceFilter(label=_("province"), queryset=_provinces)
    months = django_filters.NumberFilter(
        label=_("months to hold a first session"),
        method="keep",
        min_value=1,
        max_value=36,
        widget=forms.NumberInput(attrs={"min": 1, "max": 36}),
        help_text=_("Trainers who held no session within this many months of their training."),
    )

    class Meta:
        model = TrainingSession
        fields = ["date", "province", "months"]

    def keep(self, queryset, name, value):
        return queryset


class CascadeReportView(FormulaEscapingExportMixin, ReportView):
    """Programme → champions → communities, for officers of the provinces shown."""

    page_title = _("Training cascade")
    header_icon = "group"
    template_name = "trainings/reports/cascade_report.html"
    results_template_name = "trainings/reports/cascade_report_results.html"
    filterset_class = CascadeReportFilterSet
    index_url_name = "trainings_cascade:report"
    index_results_url_name = "trainings_cascade:results"
    permission_policy = ModelPermissionPolicy(TrainingSession)
    permission_required = "view"
    paginate_by = None
    list_export = [
        "trainer.name_km",
        "trainer.group.kind",
        "trainer.group.name",
        "trainer.group.commune.district.province",
        "trainer.trained_on",
        "sessions",
        "people",
        "attendances",
    ]
    export_headings = {
        "trainer.name_km": _("peer educator"),
        "trainer.group.kind": _("kind of group"),
        "trainer.group.name": _("group"),
        "trainer.group.commune.district.province": _("province"),
        "trainer.trained_on": _("trained on"),
        "sessions": _("Sessions held"),
        "people": _("People reached"),
        "attendances": _("Attendances"),
    }

    def get_filename(self):
        return f"training-cascade-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def chosen(self) -> dict:
        """The valid filters; an invalid one (another province's id) counts as not given."""
        if self.filters is None:
            return {}
        self.filters.is_valid()
        return self.filters.form.cleaned_data

    def build_report(self) -> dict:
        dates = self.chosen.get("date")
        province = self.chosen.get("province")
        filters = ReportFilters(
            date_from=dates.start.date() if dates and dates.start else None,
            date_to=dates.stop.date() if dates and dates.stop else None,
            province_id=province.pk if province else None,
        )
        return cascade_report(
            user=self.request.user,
            filters=filters,
            idle_months=int(self.chosen.get("months") or DEFAULT_IDLE_MONTHS),
            chain_province=province,
        )

    def get_filtered_queryset(self):
        self.report = self.build_report()
        return self.report["per_trainer"]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report"] = self.report
        chain = self.report["chain"]
        kinds = {kind.name: index for index, kind in enumerate(GroupKind.objects.order_by("pk"))}
        context["chain_picture"] = chain_picture(chain, kind_order=kinds) if chain else None
        context["export_links"] = [
            (_("Spreadsheet (XLSX), Khmer"), self.export_url("km")),
            (_("Spreadsheet (XLSX), English"), self.export_url("en")),
        ]
        return context

    def export_url(self, language: str) -> str:
        params = self.request.GET.copy()
        params.pop("_w_filter_fragment", None)
        params["export"] = "cascade-xlsx"
        params["language"] = language
        return f"{self.index_url}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        return [
            Button(
                _("Download XLSX"),
                url=self.export_url(translation.get_language()),
                icon_name="download",
                priority=90,
            ),
            Button(
                _("Download CSV"), url=self.get_export_url("csv"), icon_name="download", priority=91
            ),
        ]

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "cascade-xlsx":
            language = request.GET.get("language")
            if language not in EXPORT_LANGUAGES:
                language = translation.get_language()
            with translation.override(language):
                workbook = cascade_workbook(self.build_report())
            response = HttpResponse(workbook.to_bytes(), content_type=XLSX_TYPE)
            filename = f"{self.get_filename()}-{language}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        return super().get(request, *args, **kwargs)
