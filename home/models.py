"""The home page: the front door of the site in Khmer and English."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from curriculum.models.mixins import ReadableSlugPageMixin


class HomePage(ReadableSlugPageMixin, Page):
    """The root of each language's tree; later issues add campaigns, packs and figures."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown under the title."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "curriculum.CurriculumIndexPage",
        "curriculum.CampaignIndexPage",
        "curriculum.PublicationIndexPage",
        "curriculum.HelpPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from curriculum.models import CurriculumIndexPage, HelpPage
        from curriculum.selectors import (
            featured_campaigns,
            help_entries_for_province,
            lesson_packs,
        )
        from sessions.reports.public import public_impact_figures

        context = super().get_context(request, *args, **kwargs)
        context["impact_figures"] = public_impact_figures()
        context["featured_campaigns"] = featured_campaigns(locale=self.locale)
        context["lesson_packs"] = lesson_packs(locale=self.locale)
        context["curriculum_page"] = CurriculumIndexPage.objects.child_of(self).live().first()
        context["help_page"] = HelpPage.objects.child_of(self).live().first()
        context["hotlines"] = help_entries_for_province(locale=self.locale).filter(
            category="hotline", provinces__isnull=True
        )[:3]
        return context
