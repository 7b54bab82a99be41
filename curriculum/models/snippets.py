"""Snippets of the curriculum: topics, audiences and the help directory."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class LessonLabel(TranslatableMixin, index.Indexed, models.Model):
    """A name lessons are filtered by (a topic, an audience), with a slug for the address.

    Abstract: each kind keeps its own table. Kept to the fields, panels and search that
    every label shares, so that a kind can gain more (a draft state, revisions) by adding
    Wagtail's mixins here.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("The same in every language: it is used in the curriculum filter's address."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_%(class)s_slug_in_locale"
            )
        ]

    def __str__(self):
        return self.name


class Topic(LessonLabel):
    """What a lesson is about, e.g. recruitment agencies, contracts, debt bondage."""

    class Meta(LessonLabel.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Audience(LessonLabel):
    """Who a lesson is for: youth, parents, returnees, commune councils..."""

    class Meta(LessonLabel.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class HelpEntryQuerySet(models.QuerySet):
    def serving(self, *, locale, province=None):
        """Entries in this language that serve the province (all, without one), or the whole
        country, with their provinces, by kind of help and name."""
        entries = self.filter(locale=locale).prefetch_related("provinces")
        if province is not None:
            entries = entries.filter(Q(provinces=province) | Q(provinces__isnull=True)).distinct()
        return entries.order_by("category", "name")


class HelpEntry(TranslatableMixin, index.Indexed, ClusterableModel):
    """A place to get help: a hotline, shelter, legal aid or counselling service."""

    class Category(models.TextChoices):
        HOTLINE = "hotline", _("Hotline")
        SHELTER = "shelter", _("Shelter")
        LEGAL_AID = "legal_aid", _("Legal aid")
        COUNSELLING = "counselling", _("Counselling")
        HEALTH = "health", _("Health care")
        EMBASSY = "embassy", _("Embassy or consulate")
        OTHER = "other", _("Other help")

    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("kind of help"), max_length=20, choices=Category.choices)
    description = models.TextField(_("what they do"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    hours = models.CharField(
        _("opening hours"), max_length=120, blank=True, help_text=_("For example: 24 hours")
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: Khmer, Thai")
    )
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    provinces = ParentalManyToManyField(
        "geography.Province",
        verbose_name=_("provinces served"),
        blank=True,
        related_name="help_entries",
        help_text=_("Leave empty for a service that serves the whole country."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Invented for the demo site; shown with a warning, never as real help."),
    )

    objects = HelpEntryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("hours"), FieldPanel("languages")],
            heading=_("Contact"),
        ),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("provinces"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("category"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("help directory entry")
        verbose_name_plural = _("help directory entries")
        ordering = ["category", "name"]

    def __str__(self):
        return self.name

    @property
    def serves_whole_country(self) -> bool:
        return not self.provinces.all()
