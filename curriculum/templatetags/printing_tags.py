"""Template tags of the PDFs: blocks and images that never break a document."""

import logging

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

logger = logging.getLogger("curriculum.printing")
register = template.Library()


@register.simple_tag(takes_context=True)
def print_block(context, block):
    """A lesson block in its print form; a broken block becomes a visible placeholder."""
    try:
        return render_to_string(
            f"curriculum/print/blocks/{block.block_type}.html",
            {"value": block.value, "variant": context.get("variant"), "block": block},
        )
    except Exception:
        logger.exception("Could not print a %s block", getattr(block, "block_type", "?"))
        return format_html(
            '<p class="placeholder">{}</p>', _("This part of the lesson could not be printed.")
        )


@register.simple_tag
def print_image(image, alt=""):
    """An image at print resolution (1600 px wide JPEG); a missing file shows a placeholder."""
    try:
        rendition = image.get_rendition("width-1600|format-jpeg|jpegquality-80")
    except Exception:
        logger.exception("Could not print image %s", getattr(image, "pk", None))
        return format_html(
            '<p class="placeholder">{}</p>', _("Image missing: %(title)s") % {"title": image.title}
        )
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}">',
        rendition.url,
        alt or image.default_alt_text,
        rendition.width,
        rendition.height,
    )
