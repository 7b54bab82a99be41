"""The language switcher: a link to the same page in every site language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()

# Each language named in itself, so a reader finds their own whatever the page's language.
LANGUAGE_NAMES_LOCAL = {"km": "ខ្មែរ", "en": "English"}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page's translations; a page not yet translated leads to that home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    for code, __ in settings.LANGUAGES:
        url, translated = _url_in_language(request, page, code)
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES_LOCAL.get(code, code),
                "url": url,
                "is_current": code == current,
                "translated": translated,
            }
        )
    return {"links": links}


def _url_in_language(request, page, language_code):
    if isinstance(page, Page):
        locale = Locale.objects.filter(language_code=language_code).first()
        translation = page.get_translation_or_none(locale) if locale else None
        if translation is not None and translation.live:
            return translation.get_url(request), True
        site_root = page.get_site().root_page if page.get_site() else None
        root = site_root.get_translation_or_none(locale) if (site_root and locale) else None
        if root is not None and root.live:
            return root.get_url(request), False
        return f"/{language_code}/", False
    path = request.get_full_path() if request else "/"
    return translate_url(path, language_code), True
