"""The demo curriculum, campaigns, publication and help directory, in Khmer and English."""

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from curriculum import demo_data
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
from geography.models import Province

SOURCE_LANGUAGE = "km"
TRANSLATION_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, TRANSLATION_LANGUAGE)

# Fixed, so a demo page or entry has the same translation key on every run and machine,
# and a second run finds what the first one made whatever editors renamed since.
DEMO_NAMESPACE = uuid.UUID("5f0c2d8e-6a1b-4f7e-9a53-2b7c1e4d9a60")

IMAGE_SIZE = (1200, 675)


def demo_key(kind: str, name: str) -> uuid.UUID:
    """The translation key of the demo page or snippet `kind`/`name`."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{name}")


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
    site = DemoSite(
        locales={language: home.locale for language, home in homes.items()},
        homes=homes,
        topics=demo_labels_build(model=Topic, labels=demo_data.TOPICS, homes=homes),
        audiences=demo_labels_build(model=Audience, labels=demo_data.AUDIENCES, homes=homes),
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
        return None  # home.demo.demo_home_pages_build() makes it; nothing to put under yet
    return {SOURCE_LANGUAGE: khmer_home, TRANSLATION_LANGUAGE: english_home.specific}


# Snippets -----------------------------------------------------------------------------


def demo_labels_build(*, model, labels: list[dict], homes: dict) -> dict:
    """Topics or audiences: one per slug in each language, the English a translation."""
    built = {}
    for label in labels:
        khmer = model.objects.filter(slug=label["slug"], locale=homes["km"].locale).first()
        if khmer is None:
            khmer = model.objects.create(
                name=label["km"], slug=label["slug"], locale=homes["km"].locale
            )
        english = model.objects.filter(slug=label["slug"], locale=homes["en"].locale).first()
        if english is None:
            english = khmer.copy_for_translation(homes["en"].locale)
            english.name = label["en"]
            english.save()
        built[label["slug"]] = {"km": khmer, "en": english}
    return built


def demo_help_entries_build(*, homes: dict) -> dict:
    """Invented help directory entries, marked as demo data, in Khmer and English."""
    built = {}
    for entry in demo_data.HELP_ENTRIES:
        translation_key = demo_key("help-entry", entry["key"])
        provinces = _provinces(entry["provinces"])
        built[entry["key"]] = {}
        source = None
        for language in LANGUAGES:
            locale = homes[language].locale
            help_entry = HelpEntry.objects.filter(
                translation_key=translation_key, locale=locale
            ).first()
            if help_entry is None:
                help_entry = _help_entry_create(
                    entry, language=language, locale=locale, source=source
                )
                help_entry.translation_key = translation_key
                help_entry.provinces = provinces
                help_entry.save()
            built[entry["key"]][language] = source = help_entry
    return built


def _provinces(codes: list[str]) -> list:
    """The provinces of these codes."""
    provinces = list(Province.objects.filter(code__in=codes))
    if len(provinces) != len(codes):
        raise ImproperlyConfigured("Load the geography (manage.py load_geography) first.")
    return provinces


def _help_entry_create(entry: dict, *, language: str, locale, source) -> HelpEntry:
    text = entry[language]
    help_entry = source.copy_for_translation(locale) if source else HelpEntry(locale=locale)
    help_entry.name = f"{demo_data.DEMO_PREFIX[language]} {text['name']}"
    help_entry.category = entry["category"]
    help_entry.description = f"{text['description']} {demo_data.INVENTED_SERVICE[language]}"
    help_entry.phone = entry["phone"]
    help_entry.hours = text["hours"]
    help_entry.languages = text["languages"]
    help_entry.address = text["address"]
    help_entry.is_demo = True
    return help_entry


# Images and documents -----------------------------------------------------------------


def demo_images_build() -> dict:
    """Three simple illustrations drawn with Pillow, found by title on later runs."""
    image_model = get_image_model()
    built = {}
    for key, details in demo_data.IMAGES.items():
        image = image_model.objects.filter(title=details["title"]).first()
        if image is None:
            image = image_model(title=details["title"], description=details["description"])
            image.file = ImageFile(BytesIO(_draw(key)), name=f"demo-{key}.png")
            image.save()
        built[key] = image
    return built


def _draw(key: str) -> bytes:
    """A flat illustration, drawn at twice the size and scaled down for smooth edges."""
    from PIL import Image, ImageDraw

    width, height = (side * 2 for side in IMAGE_SIZE)
    canvas = Image.new("RGB", (width, height), "#f4efe6")
    draw = ImageDraw.Draw(canvas)
    {"road": _draw_road, "meeting": _draw_meeting, "phone": _draw_phone}[key](draw, width, height)
    canvas = canvas.resize(IMAGE_SIZE, Image.Resampling.LANCZOS)
    output = BytesIO()
    canvas.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _draw_road(draw, width, height):
    horizon = height * 0.45
    draw.rectangle([0, 0, width, horizon], fill="#cfe8ef")
    draw.ellipse(
        [width * 0.68, height * 0.08, width * 0.8, height * 0.08 + width * 0.12], fill="#f6b93b"
    )
    draw.rectangle([0, horizon, width, height], fill="#6ab04c")
    for row in range(1, 6):  # rice field terraces
        y = horizon + row * (height - horizon) / 6
        draw.line([0, y, width, y], fill="#4e8a36", width=6)
    draw.polygon(
        [
            (width * 0.47, horizon),
            (width * 0.53, horizon),
            (width * 0.75, height),
            (width * 0.25, height),
        ],
        fill="#b08d57",
    )
    for step in range(6):  # centre line, shorter towards the horizon
        top = horizon + (height - horizon) * (step / 6) ** 1.2
        bottom = horizon + (height - horizon) * ((step + 0.5) / 6) ** 1.2
        draw.line([width / 2, top, width / 2, bottom], fill="#f4efe6", width=4 + step * 3)


def _draw_meeting(draw, width, height):
    draw.rectangle([0, height * 0.7, width, height], fill="#e2c799")
    draw.rectangle(
        [width * 0.44, height * 0.2, width * 0.56, height * 0.5],
        fill="#ffffff",
        outline="#555555",
        width=6,
    )
    draw.line([width * 0.47, height * 0.28, width * 0.53, height * 0.28], fill="#0f5e6e", width=8)
    draw.line([width * 0.47, height * 0.35, width * 0.52, height * 0.35], fill="#c0392b", width=8)
    draw.line([width * 0.5, height * 0.5, width * 0.5, height * 0.66], fill="#555555", width=8)
    colours = ["#0f5e6e", "#c0392b", "#f6b93b", "#6ab04c", "#8e44ad", "#2980b9"]
    positions = [0.1, 0.22, 0.34, 0.66, 0.78, 0.9]  # either side of the flip chart
    for position, colour in zip(positions, colours, strict=True):
        x = width * position
        draw.ellipse([x - 110, height * 0.56, x + 110, height * 0.86], fill=colour)
        draw.ellipse([x - 62, height * 0.56 - 110, x + 62, height * 0.56 + 14], fill="#8d5524")


def _draw_phone(draw, width, height):
    draw.rectangle([0, 0, width, height], fill="#dff3e4")
    left, top = width * 0.38, height * 0.12
    draw.rounded_rectangle(
        [left, top, left + width * 0.24, height * 0.92], radius=60, fill="#2d3436"
    )
    draw.rounded_rectangle(
        [left + 30, top + 90, left + width * 0.24 - 30, height * 0.92 - 110],
        radius=20,
        fill="#74b9ff",
    )
    draw.ellipse(
        [width * 0.5 - 35, height * 0.92 - 90, width * 0.5 + 35, height * 0.92 - 20], fill="#636e72"
    )
    for x0, y0, colour, tail in (
        (width * 0.1, height * 0.18, "#ffffff", width * 0.3),
        (width * 0.66, height * 0.48, "#f6b93b", width * 0.68),
    ):
        draw.rounded_rectangle(
            [x0, y0, x0 + width * 0.24, y0 + height * 0.22], radius=50, fill=colour
        )
        draw.polygon(
            [
                (tail, y0 + height * 0.2),
                (tail + 60, y0 + height * 0.2),
                (tail + 20, y0 + height * 0.3),
            ],
            fill=colour,
        )
        for line in range(3):
            y = y0 + height * (0.055 + line * 0.055)
            draw.line([x0 + 50, y, x0 + width * 0.24 - 50 - line * 60, y], fill="#b2bec3", width=14)


def demo_survey_document_build():
    """The one-page survey summary PDF of the demo publication, found by title later."""
    document_model = get_document_model()
    title = demo_data.PUBLICATION["document_title"]
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title)
        document.file = ContentFile(_survey_pdf(), name=demo_data.PUBLICATION["document_file"])
        document.save()
    return document


def _survey_pdf() -> bytes:
    from weasyprint import HTML

    from pdf_engine.fonts import khmer_font_file

    return HTML(string=_survey_html(font_url=khmer_font_file().as_uri())).write_pdf()


def _survey_html(*, font_url: str) -> str:
    text = demo_data.SURVEY_TEXT
    findings = "".join(
        f"<tr><td class='figure'>{escape(row['figure'])}</td>"
        f"<td lang='km'>{escape(row['km'])}</td><td lang='en'>{escape(row['en'])}</td></tr>"
        for row in demo_data.SURVEY_FINDINGS
    )

    def section(language):
        part = text[language]
        items = "".join(f"<li>{escape(item)}</li>" for item in part["recommendations"])
        return (
            f"<section lang='{language}'><h2>{escape(part['recommendations_heading'])}</h2>"
            f"<ul>{items}</ul></section>"
        )

    return f"""<!doctype html><html lang="km"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Noto Sans Khmer"; src: url("{font_url}"); }}
@page {{ size: A4; margin: 16mm 16mm 14mm; }}
body {{ font-family: "Noto Sans Khmer", sans-serif; font-size: 10pt; line-height: 1.5;
        color: #1f2933; }}
.banner {{ background: #fde68a; padding: 4pt 8pt; font-weight: bold; font-size: 9pt; }}
h1 {{ color: #0f5e6e; font-size: 15pt; margin: 10pt 0 0; line-height: 1.7; }}
h1 + h1 {{ font-size: 13pt; margin-top: 0; }}
h2 {{ color: #0f5e6e; font-size: 11pt; margin: 12pt 0 2pt; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 10pt; }}
td {{ border-top: 1px solid #d0d7de; padding: 5pt 6pt; vertical-align: top; }}
td.figure {{ font-size: 16pt; font-weight: bold; color: #c0392b; width: 14%; }}
.columns {{ display: flex; gap: 16pt; }} .columns section {{ flex: 1; }}
</style></head><body>
<p class="banner">{escape(text["banner"])}</p>
<h1 lang="km">{escape(text["km"]["heading"])}</h1>
<h1 lang="en">{escape(text["en"]["heading"])}</h1>
<p lang="km">{escape(text["km"]["intro"])}</p>
<p lang="en">{escape(text["en"]["intro"])}</p>
<table>{findings}</table>
<div class="columns">{section("km")}{section("en")}</div>
</body></html>"""


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
        slug=demo_data.INDEX_PAGES[section]["slug"],
        content=lambda language: (dict(demo_data.INDEX_PAGES[section][language]), {}),
    )


def demo_curriculum_section_build(*, site: DemoSite) -> None:
    """The curriculum index with its two lesson packs and their six lessons."""
    indexes = _demo_index_build(site=site, page_class=CurriculumIndexPage, section="curriculum")
    if indexes is None:
        return
    for module in demo_data.MODULES:
        modules = demo_module_build(site=site, module=module, parents=indexes)
        for lesson in demo_data.LESSONS:
            if lesson["module"] == module["slug"]:
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
        extra = lesson.get("safeguarding_extra", {}).get(language, "")
        fields = {
            "title": text["title"],
            "summary": text["summary"],
            "duration_minutes": lesson["duration_minutes"],
            "learning_objectives": text["learning_objectives"],
            "materials_needed": text["materials_needed"],
            "safeguarding_note": demo_data.SAFEGUARDING_NOTE[language] + extra,
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


def _lesson_body(blocks: list, *, site: DemoSite, language: str) -> list:
    """The body's (block type, value) pairs, help entry keys replaced by the entries."""
    body = []
    for block_type, value in blocks:
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
    for campaign in demo_data.CAMPAIGNS:
        demo_campaign_build(site=site, campaign=campaign, parents=indexes)


def demo_campaign_build(*, site: DemoSite, campaign: dict, parents: dict) -> dict:
    """A campaign in Khmer and English, with its gallery and the lessons it relies on."""
    provinces = _provinces(campaign["provinces"])
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
    publication = demo_data.PUBLICATION
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
