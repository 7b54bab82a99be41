"""Khmer first: the site's language comes from the URL or the reader's last choice."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import get_language_from_path


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
        response = super().process_response(request, response)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
            )
        return response
