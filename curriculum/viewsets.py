"""Admin screens of the curriculum's snippets, declared as viewsets.

The snippets are moderated (draft state, revisions, "Moderators approval" workflow): Wagtail
gives each viewset its history, revisions, workflow and (help entries) preview screens.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from curriculum.models import Audience, HelpEntry, Topic
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin


class SnippetIndexView(FormulaEscapingExportMixin, IndexView):
    """A snippet list; should it get `list_export`, its files are escaped."""


class ModeratedSnippetEditView(EditView):
    """Wagtail's snippet editor, where asking to publish without the right goes to moderation.

    Wagtail saves a posted "publish" from someone who may not publish as a draft. The editor
    meant the change to reach readers, and only a moderator may do that, so it is submitted
    to the workflow instead (or, already in moderation, added to it as a draft). A posted
    "submit" while in moderation is a draft too: starting a second workflow would fail.
    """

    def get_action(self, request):
        action = super().get_action(request)
        asked_to_publish = bool(request.POST.get("action-publish")) and action != "publish"
        if not (asked_to_publish or action == "submit") or not self.workflow_enabled:
            return action
        if self.object.workflow_in_progress:
            return "edit"
        return "submit"


class CurriculumSnippetViewSet(SnippetViewSet):
    index_view_class = SnippetIndexView
    edit_view_class = ModeratedSnippetEditView


class TopicViewSet(CurriculumSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    ordering = ["name"]


class AudienceViewSet(CurriculumSnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "locale"]
    ordering = ["name"]


class HelpEntryFilterSet(WagtailFilterSet):
    class Meta:
        model = HelpEntry
        fields = ["category", "provinces", "is_demo", "locale"]


class HelpEntryViewSet(CurriculumSnippetViewSet):
    model = HelpEntry
    icon = "help"
    menu_label = _("Help directory")
    list_display = ["name", "category", "phone", "is_demo", "locale"]
    list_filter = None
    filterset_class = HelpEntryFilterSet
    search_fields = ["name", "description"]
    ordering = ["category", "name"]


class CurriculumViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Curriculum")
    menu_icon = "doc-full"
    menu_order = 200
    items = (TopicViewSet, AudienceViewSet, HelpEntryViewSet)
