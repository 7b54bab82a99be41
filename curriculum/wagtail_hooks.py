"""Wires the curriculum into the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet

from curriculum.action_menu import submit_button_in_editors_language
from curriculum.reports import UntranslatedPagesReportView
from curriculum.translation_workflow import (
    ModeratedUpdateTranslationsView,
    submit_snippet_translation_for_moderation,
    submit_translation_for_moderation,
)
from curriculum.unfinished_drafts import offer_unfinished_drafts
from curriculum.viewsets import CurriculumViewSetGroup
from curriculum.workflow_actions import refuse_workflow_action_without_task

register_snippet(CurriculumViewSetGroup)
hooks.register("before_edit_page", refuse_workflow_action_without_task)
hooks.register("construct_page_action_menu", submit_button_in_editors_language)
hooks.register("before_create_page", offer_unfinished_drafts)
# Before wagtail-localize's own hook, which would show its translation editor instead.
hooks.register("before_edit_page", submit_translation_for_moderation, order=-1)
hooks.register("before_edit_snippet", submit_snippet_translation_for_moderation, order=-1)


@hooks.register("register_admin_urls", order=-1)
def register_moderated_translation_urls():
    # Answers wagtail-localize's own address, listed before its view so that Django's resolver
    # finds this one (a test checks it): "Publish immediately" is for publishers only.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ModeratedUpdateTranslationsView.as_view(),
            name="moderated_update_translations",
        ),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/untranslated-pages/",
            UntranslatedPagesReportView.as_view(),
            name="untranslated_pages_report",
        ),
        path(
            "reports/untranslated-pages/results/",
            UntranslatedPagesReportView.as_view(results_only=True),
            name="untranslated_pages_report_results",
        ),
    ]


class PageEditorsMenuItem(MenuItem):
    """Shown to those who may edit pages, like the report it leads to."""

    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_untranslated_pages_menu_item():
    return PageEditorsMenuItem(
        _("Pages not yet translated"),
        reverse("untranslated_pages_report"),
        name="untranslated-pages",
        icon_name="globe",
        order=750,
    )
