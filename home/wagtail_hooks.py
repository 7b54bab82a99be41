"""Wires the home app into the Wagtail admin."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def khmer_font_in_admin():
    # Officers' computers often have no Khmer font; the admin uses the project's own.
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-khmer.css"))
