"""Admin screens of the curriculum's snippets, declared as viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from curriculum.models import Audience, HelpEntry, Topic
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin


class SnippetIndexView(FormulaEscapingExportMixin, IndexView):
    """A snippet list; should it get `list_export`, its files are escaped."""


class CurriculumSnippetViewSet(SnippetViewSet):
    index_view_class = SnippetIndexView


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
