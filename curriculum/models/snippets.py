"""Snippets of the curriculum: topics, audiences and the help directory.

All three are moderated as pages are: an editor's change is a draft revision, and readers
see the row, which holds the live version, until a moderator publishes the change through
the "Moderators approval" workflow (see docs/decisions.md, "Moderated snippets").
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index


class ModeratedQuerySet(models.QuerySet):
    def live(self):
        """What readers may see: published, not unpublished or never published."""
        return self.filter(live=True)


class ModeratedSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    """Wagtail's draft state, revisions, locking and workflows, with one rule added: a live
    row changes only by publishing or unpublishing.

    wagtail-localize saves a synced translation as a draft by setting `live = False` and
    saving the whole row, then a revision: over an existing live translation that put the
    other language's text in front of readers and took the entry offline (issue 13). Such a
    save is skipped; the revision saved next holds the draft, as Wagtail's own snippet editor
    keeps it. Unpublishing is told apart by what it does besides: it clears `live_revision`,
    which wagtail-localize leaves as it is. So that every live row has a live revision to
    clear, one made live in code (the demo, a test), not by publishing, gets its first
    revision when created, as the migration gave one to every row there was.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.would_overwrite_live_row():
            self.live = True
            return
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding and self.live and self.live_revision_id is None:
            self.start_history()

    def would_overwrite_live_row(self) -> bool:
        """Whether saving would write a version that is not live over the row readers see,
        other than by unpublishing it."""
        if self.live or self._state.adding or self.pk is None:
            return False
        return (
            type(self)
            ._default_manager.filter(pk=self.pk, live=True, live_revision_id=self.live_revision_id)
            .exists()
        )

    def start_history(self) -> None:
        """Record the row as the first, live revision, so that its history starts with it."""
        revision = self.save_revision(changed=False, clean=False)
        self.live_revision = revision
        self.save(update_fields=["live_revision"])


def live_labels(labels) -> list:
    """The live ones among a page's topics or audiences (a related manager, prefetched or not;
    a page's preview gives its draft's), in their order."""
    return [label for label in labels.all() if label.live]


class LessonLabel(ModeratedSnippetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A name lessons are filtered by (a topic, an audience), with a slug for the address.

    Abstract: each kind keeps its own table. Moderated (draft state, revisions, workflow)
    like every curriculum snippet; readers get `objects.live()`.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("The same in every language: it is used in the curriculum filter's address."),
    )

    objects = ModeratedQuerySet.as_manager()

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


class HelpEntryQuerySet(ModeratedQuerySet):
    def serving(self, *, locale, province=None):
        """Live entries in this language that serve the province (all, without one), or the
        whole country, with their provinces, by kind of help and name."""
        entries = self.live().filter(locale=locale).prefetch_related("provinces")
        if province is not None:
            entries = entries.filter(Q(provinces=province) | Q(provinces__isnull=True)).distinct()
        return entries.order_by("category", "name")


class HelpEntry(
    ModeratedSnippetMixin, PreviewableMixin, TranslatableMixin, index.Indexed, ClusterableModel
):
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

    def get_preview_template(self, request, mode_name):
        return "curriculum/previews/help_entry.html"
