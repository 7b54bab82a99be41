"""Rendering lessons and modules to PDF with WeasyPrint, and modules to offline ZIP packs."""

import io
import logging
import zipfile

import segno
from django.template.loader import render_to_string
from django.utils import translation

from curriculum.models import HelpPage, LessonPage, ModulePage, PrintVariant
from pdf_engine import html_to_pdf

logger = logging.getLogger(__name__)

# What participants take home: no plan, no tips, no answers.
HANDOUT_BLOCKS = (
    "key_messages",
    "case_story",
    "quiz_question",
    "image",
    "callout",
    "where_to_get_help",
)

README = {
    "km": (
        "កញ្ចប់មេរៀនសម្រាប់ប្រើក្រៅបណ្ដាញ\n\n"
        "ឯកសារនេះមាន៖\n"
        "- កញ្ចប់មេរៀនទាំងមូល (PDF) សម្រាប់បោះពុម្ព\n"
        "- ផែនការមេរៀនសម្រាប់អ្នកសម្របសម្រួល និងឯកសារចែកអ្នកចូលរួម សម្រាប់មេរៀននីមួយៗ\n\n"
        "បោះពុម្ពលើក្រដាស A4 ។ ចែករំលែកតាម USB ឬកម្មវិធីផ្ញើសារ។\n"
        "ប្រសិនបើនរណាម្នាក់និយាយប្រាប់អំពីការរំលោភបំពាន ឬការជួញដូរមនុស្ស "
        "សូមមើលផ្នែក «កន្លែងទទួលជំនួយ» ក្នុងមេរៀន។\n"
    ),
    "en": (
        "Lesson pack for offline use\n\n"
        "This folder holds:\n"
        "- the whole lesson pack (PDF), ready to print\n"
        "- for each lesson, the facilitator's lesson plan and the participants' handout\n\n"
        "Print on A4 paper. Share by USB or a messaging app.\n"
        "If someone discloses abuse or trafficking, see 'Where to get help' in the lessons.\n"
    ),
}


def qr_data_uri(url: str | None) -> str | None:
    """A QR code as a small SVG data URL, so the PDF needs nothing from the network."""
    if not url:
        return None  # a page being previewed before its first save has no address yet
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def help_page_url(page) -> str | None:
    help_page = HelpPage.objects.live().filter(locale=page.locale).first()
    return help_page.get_full_url() if help_page else None


def lesson_html(*, lesson: LessonPage, variant: str) -> str:
    language_code = lesson.locale.language_code
    with translation.override(language_code):
        return render_to_string(
            "curriculum/print/lesson.html",
            {
                "lesson": lesson,
                "variant": variant,
                "language_code": language_code,
                "handout_blocks": HANDOUT_BLOCKS,
                "qr": {
                    "lesson": qr_data_uri(lesson.get_full_url()),
                    "help": qr_data_uri(help_page_url(lesson)),
                },
            },
        )


def module_lessons_for_print(module: ModulePage) -> list[LessonPage]:
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    help_qr = qr_data_uri(help_page_url(module))
    for lesson in lessons:
        lesson.qr = {"lesson": qr_data_uri(lesson.get_full_url()), "help": help_qr}
    return lessons


def pack_html(*, module: ModulePage) -> str:
    language_code = module.locale.language_code
    with translation.override(language_code):
        return render_to_string(
            "curriculum/print/pack.html",
            {
                "module": module,
                "lessons": module_lessons_for_print(module),
                "language_code": language_code,
                "handout_blocks": HANDOUT_BLOCKS,
                "qr": {"module": qr_data_uri(module.get_full_url())},
            },
        )


def offline_pack_zip(*, module: ModulePage) -> bytes:
    """The pack PDF, each lesson's two PDFs and a read-me, for sharing by USB or phone."""
    from curriculum.printing.files import download_filenames, printed_file_for

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README-km.txt", README["km"])
        archive.writestr("README-en.txt", README["en"])
        pack = printed_file_for(page=module, variant=PrintVariant.PACK)
        archive.writestr(download_filenames(page=module, variant=PrintVariant.PACK)[0], _read(pack))
        for number, lesson in enumerate(module_lessons_for_print(module), start=1):
            for variant in (PrintVariant.LESSON_PLAN, PrintVariant.HANDOUT):
                printed = printed_file_for(page=lesson, variant=variant)
                name = download_filenames(page=lesson, variant=variant)[0]
                archive.writestr(f"{number:02d} {name}", _read(printed))
    return buffer.getvalue()


def _read(printed) -> bytes:
    with printed.file.open("rb") as handle:
        return handle.read()


def render_variant(*, page, variant: str) -> bytes:
    """The bytes of one printed variant of a lesson or module, as given (live or preview)."""
    if not isinstance(page, (LessonPage, ModulePage)):
        page = page.specific
    if variant in (PrintVariant.LESSON_PLAN, PrintVariant.HANDOUT):
        return html_to_pdf(lesson_html(lesson=page, variant=variant))
    if variant == PrintVariant.PACK:
        return html_to_pdf(pack_html(module=page))
    if variant == PrintVariant.OFFLINE_PACK:
        return offline_pack_zip(module=page)
    raise ValueError(f"Unknown variant {variant!r}")
