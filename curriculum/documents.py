"""The printed documents of a lesson or a module, rendered to PDF from the page as given.

Published (`curriculum.printing` stores the files) or unsaved in the editor (its preview).
It imports no page model, so the pages can import it for their previews: a page brings
what its documents need (`help_page()`, a module's `live_lessons()`).
"""

import logging

import segno
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from curriculum.print_variants import PrintVariant, content_type_for, download_filenames
from pdf_engine import PdfRenderError, html_to_pdf

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


def qr_data_uri(url: str | None) -> str | None:
    """A QR code as a small SVG data URL, so the PDF needs nothing from the network."""
    if not url:
        return None  # a page being previewed before its first save has no address yet
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def help_page_url(page) -> str | None:
    help_page = page.help_page()
    return help_page.get_full_url() if help_page else None


def lesson_html(*, lesson, variant: str) -> str:
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


def module_lessons_for_print(module) -> list:
    lessons = list(module.live_lessons())
    help_qr = qr_data_uri(help_page_url(module))
    for lesson in lessons:
        lesson.qr = {"lesson": qr_data_uri(lesson.get_full_url()), "help": help_qr}
    return lessons


def pack_html(*, module) -> str:
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


def render_variant(*, page, variant: str) -> bytes:
    """The PDF of one variant of a lesson or module, as given (live or preview).

    The offline pack is no document of its own: `curriculum.printing.files` zips the
    stored PDFs.
    """
    page = page.specific  # the page itself when it is already specific (a preview)
    if variant in (PrintVariant.LESSON_PLAN, PrintVariant.HANDOUT):
        return html_to_pdf(lesson_html(lesson=page, variant=variant))
    if variant == PrintVariant.PACK:
        return html_to_pdf(pack_html(module=page))
    raise ValueError(f"No document for the variant {variant!r}")


def pdf_preview_response(*, page, variant: str) -> HttpResponse:
    """The editor's preview: the PDF of the page as it stands in the editor, never stored."""
    try:
        content = render_variant(page=page, variant=variant)
    except PdfRenderError:
        # Logged by the engine; the editor reads why in the preview pane.
        return HttpResponse(
            render_to_string("curriculum/print/unavailable.html", {"page_url": ""}),
            status=503,
            headers={"Cache-Control": "private, no-store"},
        )
    response = HttpResponse(content)
    response["Content-Type"] = content_type_for(variant)
    __, ascii_name = download_filenames(page=page, variant=variant)
    response["Content-Disposition"] = f'inline; filename="preview-{ascii_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
