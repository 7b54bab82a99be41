"""Admin report: the pages not yet translated, by the language they are missing."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy

from spreadsheets.wagtail_exports import FormulaEscapingExportMixin


def language_choices():
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


def translated_into(language_code: str):
    """Whether a page has a real translation (not an alias copy) in the language."""
    return Exists(
        Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=language_code,
            alias_of__isnull=True,
        )
    )


def pages_missing_translation(pages, language_code: str | None = None):
    """Pages (aliases aside) that lack a translation into the language, or into any."""
    pages = pages.filter(depth__gt=1, alias_of__isnull=True)
    codes = [language_code] if language_code else [code for code, __ in language_choices()]
    missing = None
    for code in codes:
        lacks = ~translated_into(code) & ~Exists(
            Locale.objects.filter(pk=OuterRef("locale_id"), language_code=code)
        )
        missing = lacks if missing is None else missing | lacks
    return pages.filter(missing)


class UntranslatedPagesFilterSet(WagtailFilterSet):
    missing_language = django_filters.ChoiceFilter(
        label=_("Not yet translated into"),
        choices=language_choices,
        method="filter_missing_language",
        empty_label=_("Any language"),
    )

    class Meta:
        model = Page
        fields = ["missing_language", "locale", "live"]

    def filter_missing_language(self, queryset, name, value):
        return pages_missing_translation(queryset, value)


class UntranslatedPagesReportView(FormulaEscapingExportMixin, PageReportView):
    results_template_name = "curriculum/reports/untranslated_pages_results.html"
    page_title = _("Pages not yet translated")
    header_icon = "globe"
    filterset_class = UntranslatedPagesFilterSet
    index_url_name = "untranslated_pages_report"
    index_results_url_name = "untranslated_pages_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "locale", "status_string", "content_type", "url"]
    export_headings = {
        "title": _("Title"),
        "locale": _("Language"),
        "status_string": _("Status"),
        "content_type": _("Type"),
        "url": _("Address"),
    }

    def get_filename(self):
        return f"pages-not-yet-translated-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        pages = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            pages_missing_translation(pages)
            .select_related("locale", "content_type")
            .order_by("locale__language_code", "path")
        )
        return super().get_queryset()
