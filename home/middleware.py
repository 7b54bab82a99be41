"""Khmer first: the site's language comes from the URL or the reader's last choice."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import get_language_from_path

# Paths outside i18n_patterns: a missing page there is a 404 where it is, never a
# redirect to a language-prefixed address that does not exist either.
UNPREFIXED_PATHS = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")


class KhmerFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but a browser's Accept-Language is not followed.

    Many phones in Cambodia run with an English system language although their owners
    read Khmer, so a first visit to `/` opens the Khmer site. A reader who opened the
    English site is remembered with the language cookie and goes there next time.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        response = super().process_response(request, response)
        language = get_language_from_path(request.path_info)
        # Pages only: downloads may be kept by shared caches, which skip responses that
        # set a cookie.
        is_page = response.get("Content-Type", "").startswith("text/html")
        if is_page and language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            remember_language(response, language)
        return response


def remember_language(response, language: str | None) -> None:
    """The reader's language cookie, set to the page's language."""
    if not language:
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
