"""The admin's "Register figures" page, and its spreadsheet and PDF: the figures of the user's
communes, filtered.

The counts come from `selectors.register_figures`, which scopes them and hides the small
ones for all but national officers; this module only reads the filters and shows them or
writes them to a file, logged before it leaves. Everyone but national officers reads one
whole calendar year of all their communes at a time: a period or place of their choosing
would let them subtract one set of shown totals from another and get a hidden count back
(docs/decisions.md).
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput

from pdf_engine import PdfRenderError

from ..exports import XLSX_TYPE, figures_pdf, figures_workbook
from ..maps import register_maps
from ..models import RegisterExportLog
from ..scoping import (
    communes_for_user,
    districts_for_register,
    may_read_figures,
    provinces_for_register,
    sees_exact_figures,
)
from ..selectors import FigureFilters, register_figures, register_years
from ..services import register_export_log

EXPORT_LANGUAGES = ("km", "en")
PLACE_FIELDS = ("province", "district", "commune")


class FiguresFilterForm(forms.Form):
    """National officers: any period and place. Everyone else: a whole year of their communes.

    Places and years are chosen among the user's own (another's is refused).
    """

    year = forms.TypedChoiceField(label=gettext_lazy("year"), coerce=int, required=False)
    date_from = forms.DateField(label=gettext_lazy("from"), required=False, widget=AdminDateInput)
    date_to = forms.DateField(label=gettext_lazy("to"), required=False, widget=AdminDateInput)
    province = forms.ModelChoiceField(label=gettext_lazy("province"), queryset=None, required=False)
    district = forms.ModelChoiceField(label=gettext_lazy("district"), queryset=None, required=False)
    commune = forms.ModelChoiceField(label=gettext_lazy("commune"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.exact = sees_exact_figures(user)
        if self.exact:
            del self.fields["year"]
            self.fields["province"].queryset = provinces_for_register(user)
            self.fields["district"].queryset = districts_for_register(user)
            self.fields["commune"].queryset = communes_for_user(user).order_by("code")
        else:
            for name in ("date_from", "date_to", *PLACE_FIELDS):
                del self.fields[name]
            self.years = register_years(user)
            self.fields["year"].choices = [(year, str(year)) for year in self.years]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return cleaned

    def chosen_year(self) -> int:
        """The year asked for, or the latest with a record."""
        return self.cleaned_data.get("year") or self.years[0]

    def filters(self) -> FigureFilters:
        data = self.cleaned_data
        if not self.exact:
            year = self.chosen_year()
            return FigureFilters(
                date_from=datetime.date(year, 1, 1), date_to=datetime.date(year, 12, 31)
            )
        return FigureFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            province_id=data["province"].pk if data.get("province") else None,
            district_id=data["district"].pk if data.get("district") else None,
            commune_id=data["commune"].pk if data.get("commune") else None,
        )

    def description(self) -> list[tuple[str, str]]:
        """What the figures cover, as (label, value) lines for the files."""
        data = self.cleaned_data
        if not self.exact:
            return [
                (_("year"), str(self.chosen_year())),
                (_("communes"), _("every commune you may read")),
            ]

        def day(value):
            return formats.date_format(value, "DATE_FORMAT") if value else "–"

        if data.get("date_from") or data.get("date_to"):
            lines = [(_("from"), day(data.get("date_from"))), (_("to"), day(data.get("date_to")))]
        else:
            lines = [(_("period"), _("all dates"))]
        lines += [
            (str(self.fields[name].label), str(data[name]))
            for name in PLACE_FIELDS
            if data.get(name)
        ]
        return lines

    def logged_filters(self) -> dict:
        """The filters as the export log keeps them: ids and dates as text."""
        logged = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            logged[name] = value.pk if hasattr(value, "pk") else str(value)
        if not self.exact:
            logged["year"] = self.chosen_year()
        return logged


class RegisterFiguresView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "communes/admin/figures.html"
    page_title = gettext_lazy("Commune register figures")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        # Without its own crumb the header would read "Home", the base mixin's only one.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not may_read_figures(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in RegisterExportLog.Format.values:
            form = FiguresFilterForm(request.GET, user=request.user)
            if form.is_valid():
                return self.export_response(form, export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FiguresFilterForm(self.request.GET, user=self.request.user)
        figures, maps = [], None
        if form.is_valid():
            filters = form.filters()
            figures = register_figures(user=self.request.user, filters=filters)
            # The maps draw the tables' own cells, hidden where the tables hide them.
            maps = register_maps(figures=figures, user=self.request.user, filters=filters)
        context.update(
            maps=maps,
            form=form,
            figures=figures,
            exact=form.exact,
            threshold=settings.REGISTER_SMALL_COUNT,
            export_links=self.export_links() if form.is_valid() else [],
        )
        return context

    def export_links(self) -> list[tuple[str, str]]:
        links = []
        for export_format, language, label in [
            ("xlsx", "km", _("Spreadsheet (XLSX), Khmer")),
            ("xlsx", "en", _("Spreadsheet (XLSX), English")),
            ("pdf", "km", _("PDF, Khmer")),
            ("pdf", "en", _("PDF, English")),
        ]:
            params = self.request.GET.copy()
            params["export"] = export_format
            params["language"] = language
            links.append((label, f"{self.request.path}?{params.urlencode()}"))
        return links

    def export_response(self, form: FiguresFilterForm, export_format: str) -> HttpResponse:
        user = self.request.user
        language = self.request.GET.get("language")
        if language not in EXPORT_LANGUAGES:
            language = translation.get_language()
        filename = f"register-figures-{datetime.date.today():%Y-%m-%d}-{language}"
        with translation.override(language):
            # The same figures as the screen: the same selector, filters and suppression.
            figures = register_figures(user=user, filters=form.filters())
            description = form.description()
            try:
                if export_format == RegisterExportLog.Format.XLSX:
                    content = figures_workbook(figures, description=description).to_bytes()
                    content_type = XLSX_TYPE
                else:
                    content = figures_pdf(
                        figures,
                        description=description,
                        exact=form.exact,
                        threshold=settings.REGISTER_SMALL_COUNT,
                        user=user,
                    )
                    content_type = "application/pdf"
            except PdfRenderError:
                content = None  # logged by the engine; said below in the officer's language
        if content is None:
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
            return redirect(f"{self.request.path}?{params.urlencode()}")
        register_export_log(
            user=user,
            what=RegisterExportLog.What.FIGURES,
            export_format=export_format,
            language=language,
            filters=form.logged_filters(),
            row_count=sum(len(figure.table.counts) for figure in figures),
            exact_figures=form.exact,
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
        return response


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_figures(request.user)


class RegisterFiguresViewSet(ViewSet):
    icon = "table"
    menu_label = gettext_lazy("Figures")
    menu_item_class = FiguresMenuItem

    def get_urlpatterns(self):
        return [path("", RegisterFiguresView.as_view(), name="index")]
