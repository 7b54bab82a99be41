"""Wires the home app into the Wagtail admin."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from home.page_passwords import redirect_to_password_form


@hooks.register("insert_global_admin_css")
def khmer_font_in_admin():
    # Officers' computers often have no Khmer font; the admin uses the project's own.
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-khmer.css"))


# Before Wagtail's own check (an `on_serve_page` hook, run after these), which would answer
# with the password form in place of the page: nginx could not replace its copy of the page
# with that (home/page_passwords.py).
hooks.register("before_serve_page", redirect_to_password_form)
