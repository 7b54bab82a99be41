"""Admin report: the pages not yet translated, by the language they are missing, with progress."""

import datetime

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from curriculum.translation_progress import pages_not_yet_translated
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin


def language_choices():
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]


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
        # The report's queryset is already measured in this language (see get_queryset).
        return queryset


class UntranslatedPagesReportView(FormulaEscapingExportMixin, PageReportView):
    results_template_name = "curriculum/reports/untranslated_pages_results.html"
    page_title = _("Pages not yet translated")
    header_icon = "globe"
    filterset_class = UntranslatedPagesFilterSet
    index_url_name = "untranslated_pages_report"
    index_results_url_name = "untranslated_pages_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "locale",
        "target_language",
        "segments_translated",
        "segments_total",
        "translation_live",
        "translation_in_moderation",
        "behind_source",
        "content_type",
        "url",
    ]
    export_headings = {
        "title": _("Title"),
        "locale": _("Language"),
        "target_language": _("Translation into"),
        "segments_translated": _("Texts translated"),
        "segments_total": _("Texts to translate"),
        "translation_live": _("Translation live"),
        "translation_in_moderation": _("Translation in moderation"),
        "behind_source": _("Behind its source"),
        "content_type": _("Type"),
        "url": _("Address"),
    }

    def get_filename(self):
        return f"pages-not-yet-translated-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        pages = page_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        language_code = self.request.GET.get("missing_language")
        if language_code not in dict(language_choices()):
            language_code = None
        self.queryset = (
            pages_not_yet_translated(pages, language_code=language_code)
            .select_related("locale", "content_type")
            .order_by("locale__language_code", "path")
        )
        return super().get_queryset()
