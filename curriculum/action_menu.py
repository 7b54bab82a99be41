"""The page editor's "Submit to …" button in the editor's language.

Wagtail writes the workflow's and task's names as stored, and ours ("Moderators approval",
made by migration 0002_roles_and_workflow) are English: a Khmer editor read "ដាក់ស្នើសុំ
Moderators approval". The names are listed here for the catalogue and shown translated;
a workflow an administrator names later shows as they typed it.
"""

from django.utils.translation import gettext, gettext_noop
from wagtail.admin.action_menu import SubmitForModerationMenuItem

WORKFLOW_NAMES = [gettext_noop("Moderators approval")]


class SubmitInEditorsLanguageMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        label = str(context.get("label", ""))
        for name in WORKFLOW_NAMES:
            label = label.replace(name, gettext(name))
        context["label"] = label
        return context


def submit_button_in_editors_language(menu_items, request, context):
    """For the `construct_page_action_menu` hook: Wagtail's submit item, names translated."""
    menu_items[:] = [
        SubmitInEditorsLanguageMenuItem(order=item.order)
        if type(item) is SubmitForModerationMenuItem
        else item
        for item in menu_items
    ]
