"""What caches may keep: nothing of an address that may show personal data, nothing shared
of a page made for a logged-in person.

`Cache-Control: private, no-store` on every address that may show personal data.

The whole admin (lists, forms, exports, imports), the club leaders' and commune focal
points' pages and the login
pages: a phone shared in a family, a browser's back button after logging out, or a proxy
between a commune and the internet must keep no copy of them. One list of address
prefixes here, rather than a decorator on each view, so a new admin screen or club page
is covered the day it is added.

Any other page made for a logged-in person (a lesson with a facilitator's quiz answers, any
page with their log-out form) is at least `private`: shared caches and the site's service
worker keep such pages apart from what anonymous readers get (offline/, docs/decisions.md).
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control


def private_path_pattern() -> re.Pattern[str]:
    """The addresses that may show personal data or a login (the site's service worker, in
    offline/, keeps none of them either)."""
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:admin/|(?:{languages})/(?:club|commune|advice|accounts)/)")


class PrivatePagesNoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.private_path = private_path_pattern()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.private_path.match(request.path_info):
            # `private` alone lets the browser keep the page; `no-store` keeps nothing.
            patch_cache_control(response, private=True, no_store=True)
        elif getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
