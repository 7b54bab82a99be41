"""Khmer that `pdftotext`, screen readers and copy-paste read back as it was written.

A PDF maps each glyph to text on its own, but shaped Khmer draws one cluster with
glyphs in visual order (a pre-base vowel first, a subscript glyph shared between
clusters), so read glyph by glyph it comes back scrambled. The PDF standard's answer
is ActualText: each run of text is wrapped in a marked-content span carrying the
text it shows. WeasyPrint does not write it, so its text drawing is wrapped here.
"""

import re
from typing import Any

import pydyf
import weasyprint.draw

KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_original_draw_text = weasyprint.draw.draw_text


# WeasyPrint has no type annotations: its stream and text box are taken as they come.
def _draw_text_with_actual_text(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
    text = getattr(textbox, "text", "") or ""
    if not KHMER.search(text) or textbox.style["visibility"] != "visible":
        return _original_draw_text(stream, textbox, *args, **kwargs)
    stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
    try:
        return _original_draw_text(stream, textbox, *args, **kwargs)
    finally:
        stream.end_marked_content()


def install_actual_text() -> None:
    """Make WeasyPrint write ActualText for Khmer text; safe to call more than once."""
    if weasyprint.draw.draw_text is not _draw_text_with_actual_text:
        weasyprint.draw.draw_text = _draw_text_with_actual_text
