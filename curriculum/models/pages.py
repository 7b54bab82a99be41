"""Page types of the curriculum and the campaigns."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from curriculum.access import facilitator_page_headers, user_is_facilitator
from curriculum.blocks import LessonStreamBlock
from curriculum.forms import HelpFilterForm, LessonFilterForm
from curriculum.page_forms import SameLocaleSnippetsPageForm
from curriculum.print_variants import LESSON_VARIANTS, MODULE_VARIANTS

from .mixins import KhmerSearchTextMixin, PrintedPageMixin, ReadableSlugPageMixin
from .snippets import Audience, HelpEntry, Topic, live_labels


def short_hash(text: str) -> str:
    """A short, stable digest of what a printed file was made from (part of its key)."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


SIMPLE_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


class CurriculumIndexPage(ReadableSlugPageMixin, Page):
    """The list of lesson packs and lessons, filtered by topic, audience and duration."""

    introduction = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curriculum.ModulePage"]

    class Meta:
        verbose_name = _("curriculum index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = LessonFilterForm(
            request.GET or None,
            topics=Topic.objects.live().filter(locale=self.locale),
            audiences=Audience.objects.live().filter(locale=self.locale),
        )
        filters = form.cleaned_filters() if form.is_bound and form.is_valid() else {}
        context["filter_form"] = form
        context["modules"] = self.modules()
        context["lessons"] = self.lessons(**filters)
        context["is_filtered"] = bool(filters)
        return context

    def modules(self):
        return (
            ModulePage.objects.child_of(self)
            .live()
            .select_related("cover_image")
            .prefetch_related("audiences")
        )

    def lessons(self, *, topic_slug=None, audience_slug=None, duration_range=None):
        """Live lessons under the index, filtered by topic and audience slugs and duration."""
        lessons = (
            LessonPage.objects.descendant_of(self)
            .live()
            .prefetch_related("topics", "audiences")
            .order_by("path")
        )
        if topic_slug:
            lessons = lessons.filter(topics__slug=topic_slug)
        if audience_slug:
            lessons = lessons.filter(audiences__slug=audience_slug)
        if duration_range:
            shortest, longest = duration_range
            if shortest is not None:
                lessons = lessons.filter(duration_minutes__gte=shortest)
            if longest is not None:
                lessons = lessons.filter(duration_minutes__lte=longest)
        return lessons.distinct()


class ModulePage(ReadableSlugPageMixin, PrintedPageMixin, KhmerSearchTextMixin, Page):
    """A lesson pack: an introduction and its lessons, in order, as child pages."""

    introduction = RichTextField(_("introduction"), features=SIMPLE_RICH_TEXT)
    audiences = ParentalManyToManyField(
        "curriculum.Audience", verbose_name=_("audiences"), blank=True, related_name="modules"
    )
    learning_goals = RichTextField(_("learning goals"), blank=True, features=SIMPLE_RICH_TEXT)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = SameLocaleSnippetsPageForm
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("audiences"),
        FieldPanel("learning_goals"),
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("learning_goals"),
        index.SearchField("khmer_search_text"),
    ]
    parent_page_types = ["curriculum.CurriculumIndexPage"]
    subpage_types = ["curriculum.LessonPage"]
    print_variants = MODULE_VARIANTS
    khmer_search_fields = ("title", "introduction", "learning_goals")

    class Meta:
        verbose_name = _("module (lesson pack)")
        verbose_name_plural = _("modules (lesson packs)")

    def live_audiences(self) -> list[Audience]:
        """The audiences readers are shown: the published ones."""
        return live_labels(self.audiences)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.live_lessons().prefetch_related("topics", "audiences"))
        context["lessons"] = lessons
        context["total_minutes"] = sum(lesson.duration_minutes for lesson in lessons)
        context["downloads"] = self.printed_downloads()
        # A file not made yet is made by its download, which then takes a little longer.
        context["downloads_pending"] = any(item["size"] is None for item in context["downloads"])
        context["is_facilitator"] = user_is_facilitator(request.user)
        return context

    def live_lessons(self):
        """The pack's published lessons, in their order."""
        return LessonPage.objects.child_of(self).live().order_by("path")

    def help_page(self):
        return live_help_page(self.locale)

    def printed_content_key(self) -> str:
        """The live revision, the live revisions of its lessons, and those of the live help
        entries of its language: republishing a lesson, or a moderator approving a new
        hotline number, makes a new pack (one query for the entries, not one per lesson)."""
        lessons = self.live_lessons().values_list("pk", "live_revision_id")
        entries = HelpEntry.objects.filter(locale_id=self.locale_id, live=True).values_list(
            "pk", "live_revision_id"
        )
        parts = ",".join(f"{pk}:{revision}" for pk, revision in lessons)
        parts += ";" + ",".join(f"{pk}:{revision}" for pk, revision in entries.order_by("pk"))
        return f"{super().printed_content_key()}-{short_hash(parts)}"


class LessonPage(ReadableSlugPageMixin, PrintedPageMixin, KhmerSearchTextMixin, Page):
    """What a facilitator needs to run one session on safe migration."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"), help_text=_("How long the whole session takes.")
    )
    audiences = ParentalManyToManyField(
        "curriculum.Audience", verbose_name=_("audiences"), blank=True, related_name="lessons"
    )
    topics = ParentalManyToManyField(
        "curriculum.Topic", verbose_name=_("topics"), blank=True, related_name="lessons"
    )
    learning_objectives = RichTextField(
        _("learning objectives"),
        features=SIMPLE_RICH_TEXT,
        help_text=_("What participants will know or be able to do."),
    )
    materials_needed = RichTextField(_("materials needed"), blank=True, features=SIMPLE_RICH_TEXT)
    safeguarding_note = RichTextField(
        _("safeguarding note for the facilitator"),
        features=SIMPLE_RICH_TEXT,
        help_text=_(
            "What to do if someone discloses abuse or trafficking, and where to refer them."
        ),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson plan"))

    base_form_class = SameLocaleSnippetsPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("duration_minutes")]),
        MultiFieldPanel([FieldPanel("audiences"), FieldPanel("topics")], heading=_("Who and what")),
        FieldPanel("learning_objectives"),
        FieldPanel("materials_needed"),
        FieldPanel("safeguarding_note"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("learning_objectives"),
        index.SearchField("body"),
        index.SearchField("khmer_search_text"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["curriculum.ModulePage"]
    subpage_types: list[str] = []
    print_variants = LESSON_VARIANTS

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        permissions = [
            (
                "view_facilitator_content",
                _("Can see facilitator-only content, such as quiz answers"),
            )
        ]

    def khmer_search_parts(self) -> list:
        # Rendered without a request, so as the public reads it: no tips, answers or
        # safeguarding advice in the public index (the blocks leave them out).
        return [
            self.title,
            self.summary,
            self.learning_objectives,
            self.body.render_as_block(context={}) if self.body else "",
        ]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return facilitator_page_headers(request=request, response=response)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_facilitator"] = user_is_facilitator(request.user)
        context["module"] = self.get_parent().specific
        context["help_entries"] = self.help_entries()
        context["downloads"] = self.printed_downloads()
        # A file not made yet is made by its download, which then takes a little longer.
        context["downloads_pending"] = any(item["size"] is None for item in context["downloads"])
        return context

    def live_audiences(self) -> list[Audience]:
        """The audiences readers are shown: the published ones."""
        return live_labels(self.audiences)

    def live_topics(self) -> list[Topic]:
        """The topics readers are shown: the published ones."""
        return live_labels(self.topics)

    def printed_content_key(self) -> str:
        """The live revision and the live revisions of the help entries it prints: a
        moderator approving a new hotline number makes new files (the web page shows it at
        once; a stored PDF would keep the old number until the lesson is published again)."""
        entries = ",".join(f"{entry.pk}:{entry.live_revision_id}" for entry in self.help_entries())
        key = super().printed_content_key()
        return f"{key}-{short_hash(entries)}" if entries else key

    def help_entries(self) -> list[HelpEntry]:
        """The live help directory entries the lesson's 'where to get help' blocks chose."""
        entries, seen = [], set()
        for block in self.body:
            if block.block_type == "where_to_get_help":
                for entry in block.value["entries"]:
                    if entry is not None and entry.live and entry.pk not in seen:
                        seen.add(entry.pk)
                        entries.append(entry)
        return entries

    def help_page(self):
        return live_help_page(self.locale)


class CampaignIndexPage(ReadableSlugPageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curriculum.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["current_campaigns"], context["past_campaigns"] = self.campaigns_current_and_past()
        return context

    def campaigns_current_and_past(self, *, today=None):
        today = today or timezone.localdate()
        campaigns = CampaignPage.objects.child_of(self).live().prefetch_related("provinces")
        current = campaigns.filter(end_date__gte=today).order_by("start_date")
        past = campaigns.filter(end_date__lt=today).order_by("-end_date")
        return current, past


class CampaignPage(ReadableSlugPageMixin, KhmerSearchTextMixin, Page):
    """An awareness campaign run in some provinces between two dates."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    introduction = models.TextField(_("introduction"))
    provinces = ParentalManyToManyField(
        "geography.Province", verbose_name=_("provinces targeted"), related_name="campaigns"
    )
    key_messages = StreamField(
        [("message", blocks.CharBlock(label=_("Key message"), max_length=300))],
        verbose_name=_("key messages"),
    )
    body = RichTextField(_("body"), blank=True, features=["h2", "h3", *SIMPLE_RICH_TEXT])
    call_to_action_text = models.CharField(
        _("call to action"),
        max_length=200,
        blank=True,
        help_text=_("For example: Call the hotline before you leave."),
    )
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    call_to_action_phone = models.CharField(_("or a phone number"), max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("introduction"),
        FieldPanel("provinces"),
        FieldPanel("key_messages"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Image gallery")),
        InlinePanel("media_files", label=_("Audio and video")),
        InlinePanel("related_lessons", label=_("Related lessons")),
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_text"),
                FieldPanel("call_to_action_page"),
                FieldPanel("call_to_action_phone"),
            ],
            heading=_("Call to action"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.SearchField("khmer_search_text"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    parent_page_types = ["curriculum.CampaignIndexPage"]
    subpage_types: list[str] = []
    khmer_search_fields = ("title", "introduction", "body")

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A campaign cannot end before it starts.")})

    def khmer_search_parts(self) -> list:
        messages = " ".join(str(block.value) for block in self.key_messages)
        return [*super().khmer_search_parts(), messages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["provinces"] = sorted(self.provinces.all(), key=lambda province: province.name)
        context["gallery_images"] = self.gallery_images.select_related("image")
        context["media_files"] = self.media_files.select_related("document")
        context["related_lessons"] = [
            link.lesson
            for link in self.related_lessons.select_related("lesson")
            if link.lesson.live
        ]
        return context


class CampaignGalleryImage(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class CampaignMediaFile(Orderable):
    """A radio spot or a video, uploaded as a document and played from the site itself."""

    class Kind(models.TextChoices):
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="media_files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    transcript = models.TextField(
        _("transcript"), blank=True, help_text=_("For people who cannot listen or watch.")
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("transcript"),
    ]


class CampaignRelatedLesson(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_lessons")
    lesson = models.ForeignKey(
        "curriculum.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("lesson")]


class PublicationIndexPage(ReadableSlugPageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curriculum.PublicationPage"]

    class Meta:
        verbose_name = _("publication index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publications"] = (
            PublicationPage.objects.child_of(self)
            .live()
            .select_related("document", "cover_image")
            .order_by("-publication_date")
        )
        return context


class PublicationPage(ReadableSlugPageMixin, KhmerSearchTextMixin, Page):
    """A report or study, published as a document with a summary."""

    summary = models.TextField(_("summary"))
    publication_date = models.DateField(_("publication date"))
    authors = models.CharField(_("authors or publisher"), max_length=250, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("authors")]),
        FieldPanel("document"),
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("authors"),
        index.SearchField("khmer_search_text"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["curriculum.PublicationIndexPage"]
    subpage_types: list[str] = []
    khmer_search_fields = ("title", "summary")

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")


class HelpPage(ReadableSlugPageMixin, Page):
    """'Where to get help': the help directory, filtered by province."""

    introduction = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("where to get help page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = HelpFilterForm(request.GET or None)
        province = form.cleaned_data["province"] if form.is_bound and form.is_valid() else None
        context["filter_form"] = form
        context["province"] = province
        context["help_entries"] = HelpEntry.objects.serving(locale=self.locale, province=province)
        return context


def live_help_page(locale) -> HelpPage | None:
    """The published 'Where to get help' page in this language, which printed lessons link to."""
    return HelpPage.objects.live().filter(locale=locale).first()
