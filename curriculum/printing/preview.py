"""Editors preview a page's PDF from the Wagtail editor, before it is published.

Imports no page model: the pages' `PdfPreviewMixin` calls it.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

from curriculum.print_variants import content_type_for, download_filenames
from curriculum.printing.render import render_variant
from pdf_engine import PdfRenderError


def pdf_preview_response(*, page, variant: str) -> HttpResponse:
    """The PDF of the page as it stands in the editor; rendered each time, never stored."""
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
