"""The demo curriculum, campaigns, publication and help directory, in Khmer and English.

The texts are in demo/data/; this module puts them in pages under both home pages.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from curriculum.models import (
    Audience,
    CampaignGalleryImage,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedLesson,
    CurriculumIndexPage,
    HelpEntry,
    HelpPage,
    LessonPage,
    ModulePage,
    PublicationIndexPage,
    PublicationPage,
    Topic,
)

from .curriculum_snippets import demo_help_entries_build, demo_labels_build, demo_provinces
from .data_files import demo_data, demo_lessons
from .illustrations import demo_images_build
from .survey_document import demo_survey_document_build
from .translation_keys import SOURCE_LANGUAGE, TRANSLATION_LANGUAGE, demo_key


@dataclass(frozen=True)
class DemoSite:
    """What the sections are built from: both home pages and the demo snippets and images."""

    locales: dict  # language code -> Locale
    homes: dict  # language code -> HomePage
    topics: dict  # slug -> language code -> Topic
    audiences: dict  # slug -> language code -> Audience
    help_entries: dict  # key -> language code -> HelpEntry
    images: dict  # key -> Image


@transaction.atomic
def demo_curriculum_build() -> Counter:
    """Add what is missing of the demo curriculum, in Khmer and English; keep what exists.

    Topics, audiences and help entries are created where missing (found by slug or demo
    key). Each section under the home page (curriculum, campaigns, publications, help) is
    built whole, with its English translation, when the Khmer home page has no page of its
    type yet; otherwise it is left as editors made it. Returns what was created, by kind.
    """
    before = _demo_counts()
    homes = _demo_homes()
    if homes is None:
        return Counter()
    labels = demo_data("topics_and_audiences")
    site = DemoSite(
        locales={language: home.locale for language, home in homes.items()},
        homes=homes,
        topics=demo_labels_build(model=Topic, labels=labels["topics"], homes=homes),
        audiences=demo_labels_build(model=Audience, labels=labels["audiences"], homes=homes),
        help_entries=demo_help_entries_build(homes=homes),
        images=demo_images_build(),
    )
    demo_curriculum_section_build(site=site)
    demo_help_section_build(site=site)
    demo_campaigns_section_build(site=site)
    demo_publications_section_build(site=site)
    after = _demo_counts()
    return Counter(
        {kind: after[kind] - before[kind] for kind in after if after[kind] > before[kind]}
    )


# The kinds `demo_curriculum_build` counts, for a line that reads well when one was built.
SINGULAR = {
    "pages": "page",
    "topics": "topic",
    "audiences": "audience",
    "help entries": "help entry",
    "images": "image",
    "documents": "document",
}


def demo_curriculum_summary(built: Counter) -> str:
    """One line for the command: what `demo_curriculum_build` created, or that it kept all."""
    if not built:
        return "kept as it is"
    counts = (f"{count} {kind if count != 1 else SINGULAR[kind]}" for kind, count in built.items())
    return f"built {', '.join(counts)}"


def _demo_counts() -> dict[str, int]:
    """How many there are of each kind of thing the demo builds."""
    return {
        "pages": Page.objects.count(),
        "topics": Topic.objects.count(),
        "audiences": Audience.objects.count(),
        "help entries": HelpEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def _demo_homes() -> dict | None:
    """The Khmer home page (the default site's root) and its English translation."""
    home_page_model = apps.get_model("home", "HomePage")
    khmer_home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(khmer_home, home_page_model):
        return None  # someone replaced the home page; the sections need a HomePage parent
    english_home = khmer_home.get_translation_or_none(
        Locale.objects.get(language_code=TRANSLATION_LANGUAGE)
    )
    if english_home is None:
        return None  # demo.home_pages.demo_home_pages_build() makes it; nothing to put under yet
    return {SOURCE_LANGUAGE: khmer_home, TRANSLATION_LANGUAGE: english_home.specific}


# Pages ---------------------------------------------------------------------------------


def _publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` and publish it, with a revision as editors' pages have."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _publish_translation(source: Page, fields: dict, *, locale, **relations) -> Page:
    """Copy `source` under its parent's translation, set its translated fields, publish.

    The copy keeps the source's translation key, slug and child rows; `relations` replaces
    what would still point at Khmer snippets or pages.
    """
    page = source.copy_for_translation(locale)
    for name, value in {**fields, **relations}.items():
        setattr(page, name, value)
    page.draft_title = page.title
    page.save_revision().publish()
    return page


def _demo_page_pair_build(
    *, site: DemoSite, parents: dict, page_class, kind: str, slug: str, content
) -> dict:
    """A page under the Khmer parent and its English translation under the English one.

    `content(language)` gives the page's fields and its relations (snippets, images, child
    rows) in that language, so that the English page never points at Khmer snippets.
    """
    fields, relations = content(SOURCE_LANGUAGE)
    khmer = _publish_child(
        parents[SOURCE_LANGUAGE],
        page_class(slug=slug, translation_key=demo_key(kind, slug), **fields, **relations),
    )
    fields, relations = content(TRANSLATION_LANGUAGE)
    english = _publish_translation(
        khmer, fields, locale=site.locales[TRANSLATION_LANGUAGE], **relations
    )
    return {SOURCE_LANGUAGE: khmer, TRANSLATION_LANGUAGE: english}


def _demo_index_build(*, site: DemoSite, page_class, section: str) -> dict | None:
    """An index page under each home page, or None when the Khmer home already has one."""
    if page_class.objects.child_of(site.homes[SOURCE_LANGUAGE]).exists():
        return None  # built before (or by editors): keep it and all below it as it is
    return _demo_page_pair_build(
        site=site,
        parents=site.homes,
        page_class=page_class,
        kind="page",
        slug=demo_data("sections")[section]["slug"],
        content=lambda language: (dict(demo_data("sections")[section][language]), {}),
    )


def demo_curriculum_section_build(*, site: DemoSite) -> None:
    """The curriculum index with its two lesson packs and their six lessons."""
    indexes = _demo_index_build(site=site, page_class=CurriculumIndexPage, section="curriculum")
    if indexes is None:
        return
    for module in demo_data("modules")["modules"]:
        modules = demo_module_build(site=site, module=module, parents=indexes)
        for lesson in demo_lessons(module):
            demo_lesson_build(site=site, lesson=lesson, parents=modules)


def demo_module_build(*, site: DemoSite, module: dict, parents: dict) -> dict:
    """A lesson pack in Khmer and English, for the audiences it names."""

    def content(language):
        relations = {
            "audiences": [site.audiences[slug][language] for slug in module["audiences"]],
            "cover_image": site.images[module["cover_image"]],
        }
        return dict(module[language]), relations

    return _demo_page_pair_build(
        site=site,
        parents=parents,
        page_class=ModulePage,
        kind="module",
        slug=module["slug"],
        content=content,
    )


def demo_lesson_build(*, site: DemoSite, lesson: dict, parents: dict) -> dict:
    """A lesson in Khmer and English, its topics, audiences and help in the same language."""

    def content(language):
        text = lesson[language]
        safeguarding = demo_data("safeguarding")
        # A lesson that can bring back painful memories adds a second note to the common one.
        extra_note = lesson.get("safeguarding_extra")
        extra = safeguarding[extra_note][language] if extra_note else ""
        fields = {
            "title": text["title"],
            "summary": text["summary"],
            "duration_minutes": lesson["duration_minutes"],
            "learning_objectives": text["learning_objectives"],
            "materials_needed": text["materials_needed"],
            "safeguarding_note": safeguarding["note"][language] + extra,
            "body": _lesson_body(text["body"], site=site, language=language),
        }
        relations = {
            "topics": [site.topics[slug][language] for slug in lesson["topics"]],
            "audiences": [site.audiences[slug][language] for slug in lesson["audiences"]],
        }
        return fields, relations

    return _demo_page_pair_build(
        site=site,
        parents=parents,
        page_class=LessonPage,
        kind="lesson",
        slug=lesson["slug"],
        content=content,
    )


def _lesson_body(blocks: list[dict], *, site: DemoSite, language: str) -> list:
    """The body's (block type, value) pairs, help entry keys replaced by the entries.

    A block type the lesson body does not have is refused: the StreamField would drop it
    without a word, and a typo in a data file would lose a part of the lesson.
    """
    known = LessonPage.body.field.stream_block.child_blocks
    body = []
    for block in blocks:
        block_type, value = block["type"], block["value"]
        if block_type not in known:
            raise ImproperlyConfigured(f"A demo lesson has a block {block_type!r}: no such block.")
        if block_type == "where_to_get_help":
            entries = [site.help_entries[key][language] for key in value["entries"]]
            value = {**value, "entries": entries}
        body.append((block_type, value))
    return body


def demo_help_section_build(*, site: DemoSite) -> None:
    """The 'Where to get help' page; it lists the help directory by itself."""
    _demo_index_build(site=site, page_class=HelpPage, section="help")


def demo_campaigns_section_build(*, site: DemoSite) -> None:
    """The campaign index with a current and a past campaign in five provinces."""
    indexes = _demo_index_build(site=site, page_class=CampaignIndexPage, section="campaigns")
    if indexes is None:
        return
    for campaign in demo_data("campaigns")["campaigns"]:
        demo_campaign_build(site=site, campaign=campaign, parents=indexes)


def demo_campaign_build(*, site: DemoSite, campaign: dict, parents: dict) -> dict:
    """A campaign in Khmer and English, with its gallery and the lessons it relies on."""
    provinces = demo_provinces(campaign["provinces"])
    today = timezone.localdate()

    def content(language):
        text = campaign[language]
        fields = {
            "title": text["title"],
            "start_date": today + timedelta(days=campaign["starts_in_days"]),
            "end_date": today + timedelta(days=campaign["ends_in_days"]),
            "introduction": text["introduction"],
            "key_messages": [("message", message) for message in text["key_messages"]],
            "body": text["body"],
            "call_to_action_text": text["call_to_action_text"],
            "call_to_action_phone": campaign["phone"],
        }
        relations = {
            "provinces": provinces,
            "call_to_action_page": HelpPage.objects.child_of(site.homes[language]).first(),
            "gallery_images": [
                CampaignGalleryImage(image=site.images[key], caption=text["captions"][key])
                for key in campaign["gallery"]
            ],
            "related_lessons": [
                CampaignRelatedLesson(lesson=lesson)
                for lesson in _demo_lessons(campaign["lessons"], locale=site.locales[language])
            ],
        }
        return fields, relations

    return _demo_page_pair_build(
        site=site,
        parents=parents,
        page_class=CampaignPage,
        kind="campaign",
        slug=campaign["slug"],
        content=content,
    )


def _demo_lessons(slugs: list[str], *, locale) -> list[LessonPage]:
    """The demo lessons of these slugs in this language, those that still exist, in order."""
    keys = {demo_key("lesson", slug): position for position, slug in enumerate(slugs)}
    lessons = LessonPage.objects.filter(translation_key__in=keys, locale=locale)
    return sorted(lessons, key=lambda lesson: keys[lesson.translation_key])


def demo_publications_section_build(*, site: DemoSite) -> None:
    """The publication index with the demo survey summary and its PDF."""
    indexes = _demo_index_build(site=site, page_class=PublicationIndexPage, section="publications")
    if indexes is None:
        return
    publication = demo_data("publication")
    document = demo_survey_document_build()
    published = timezone.localdate() - timedelta(days=publication["published_days_ago"])

    def content(language):
        fields = {**publication[language], "publication_date": published}
        return fields, {"document": document}

    _demo_page_pair_build(
        site=site,
        parents=indexes,
        page_class=PublicationPage,
        kind="publication",
        slug=publication["slug"],
        content=content,
    )
