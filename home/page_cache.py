"""Reader pages kept in the shared cache: anonymous readers only, purged when content changes.

Only Wagtail pages (`wagtail.views.serve`) are kept, only for a GET without a login or
flash-message cookie, and only when the page came out the same for every such reader: a
200 response that sets no cookie but the language one, shows no message and is not marked
private. A page with a form token sets the CSRF cookie, a logged-in reader sends the
session cookie: neither is ever stored, nor served a stored page.

Every process (web servers and task workers alike) reads the same cache (`CACHES["default"]`),
so a purge by any of them holds for all. A purge does not delete entries; it changes a token
that entries are checked against, so a page rendered while the purge happened is never
served after it:

- the site's generation (`reader_pages_purge_all`): any page published, unpublished, moved
  or deleted, or a label or help entry changed, since pages list one another (packs, lessons,
  campaigns, the language switcher's translations);
- a path's token (`reader_pages_purge_paths`): one page's own changes (the home page's new
  figures, a printed file made), for every host and query string of that path;
- the local date: campaign lists depend on today, so an entry is good for the day it was
  rendered on.

`READER_PAGE_CACHE_SECONDS` bounds an entry's life (0 turns the cache off).

In front of the application, nginx keeps the same pages (and the site search) a few seconds
(`READER_EDGE_CACHE_SECONDS`, deploy/nginx/smh.conf): it stores only a response marked
here with `X-Accel-Expires`, which this middleware adds to exactly the responses it may
store or served from its store. nginx cannot be purged by a token, so a change reaches
readers within those seconds. Every such response remembers the page's language in its
cookie, since nginx gives the same copy to readers with and without the cookie.

nginx gives its expired copy while one request renews it, so a reader address that stops
being a page must answer with something nginx keeps, or the old copy would stay: an
anonymous reader's 404 (a page unpublished or deleted, a handout gone with its lesson) and
a page's redirect (moved, or made for logged-in readers only) are marked the same way.
"""

import hashlib
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path
from wagtail.views import serve as wagtail_serve

from curriculum.printing.views import download as printed_file_download_view
from curriculum.views import search as site_search_view
from home.middleware import remember_language

GENERATION_KEY = "reader-pages:generation"
STATUS_HEADER = "X-Page-Cache"
# nginx's own header for how long it may keep a response (it never passes it on).
EDGE_CACHE_HEADER = "X-Accel-Expires"
# Parameters that tracking and link sharing add (a Facebook link gets a new fbclid per
# click): the page is the same, so they must not make every shared visit a miss.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "igshid", "mc_cid", "mc_eid"})
# Views besides Wagtail's pages whose anonymous answers nginx may keep, under the same rules,
# but not this cache: the search index follows a publish when a worker has updated it, after
# the purge, so a search kept here could show the old results until the entry expired.
EDGE_ONLY_VIEWS = (site_search_view,)
REFUSING_CACHE_CONTROL = frozenset({"private", "no-store", "no-cache"})
# What replaces nginx's copy of a reader address that is no longer a page (see above).
GONE_STATUSES = frozenset({404, 410})
MOVED_STATUSES = frozenset({301, 302, 307, 308})
# The statuses marked for nginx besides a page's 200, per view. A download's 200 is marked by
# the view itself (a public handout); its redirect is to the login form, back to the page the
# reader came from (the Referer): not the same for everyone.
EDGE_STATUSES_BY_VIEW = {
    wagtail_serve: GONE_STATUSES | MOVED_STATUSES,
    printed_file_download_view: GONE_STATUSES,
}


def reader_pages_purge_all() -> None:
    """Every stored reader page is out of date (call after the change is committed)."""
    cache.set(GENERATION_KEY, _new_token(), None)


def reader_pages_purge_paths(paths) -> None:
    """The stored copies of these paths (e.g. "/km/") are out of date, whatever the host."""
    cache.set_many({_path_token_key(path): _new_token() for path in paths}, None)


def _new_token() -> str:
    return uuid.uuid4().hex


def _path_token_key(path: str) -> str:
    return "reader-pages:path:" + hashlib.sha256(path.encode()).hexdigest()


def _entry_key(request) -> str:
    address = f"{request.get_host()}|{request.path}|{_query_without_tracking(request)}"
    return "reader-pages:entry:" + hashlib.sha256(address.encode()).hexdigest()


def _query_without_tracking(request) -> str:
    parameters = [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if name not in TRACKING_PARAMETERS and not name.startswith("utm_")
    ]
    return urlencode(sorted(parameters))


def _token(key: str, known: str | None) -> str:
    """The current token, made if missing: an entry is never stored under no token, so one
    purged and then evicted (None again) cannot come back to life."""
    if known is not None:
        return known
    cache.add(key, _new_token(), None)
    return cache.get(key) or _new_token()


def _is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        # Wagtail's previews run a dummy request of the draft through the middleware.
        and not getattr(request, "is_dummy", False)
        # A session (a login, a page password, messages kept in it) or messages waiting in
        # their cookie: this reader's page is their own.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _response_may_be_stored(request, response) -> bool:
    if response.status_code != 200:
        return False
    return _same_for_every_reader(request, response)


def _same_for_every_reader(request, response) -> bool:
    if response.streaming:
        return False
    # A form token (CSRF), a session or messages set a cookie; the language cookie is
    # set again on every page served from the cache, by the middleware inside this one.
    if set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}:
        return False
    if response.status_code in MOVED_STATUSES:
        # No page in it: Wagtail's `private, no-store` on a restricted page's redirect to
        # the login form keeps browsers from remembering it, nothing personal is in it.
        return not getattr(get_messages(request), "used", False)
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & REFUSING_CACHE_CONTROL:
        return False
    # Messages shown on the page were this reader's (their cookie would be gone by now).
    return not getattr(get_messages(request), "used", False)


class ReaderPageCacheMiddleware:
    """Serves and stores anonymous readers' Wagtail pages; see the module docstring.

    Listed before the session middleware, so it sees every cookie a page sets, and after
    the static files, whose own caching is nginx's and whitenoise's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._gone_or_moved_for_nginx(request, response):
            self._mark_for_nginx(request, response)
            return response
        storable = (
            getattr(request, "_reader_page_cache_anonymous", False)
            and request.method == "GET"
            and _response_may_be_stored(request, response)
        )
        if not storable:
            return response
        pending = getattr(request, "_reader_page_cache_pending", None)
        if pending is not None:
            self._store(pending, response)
            response[STATUS_HEADER] = "miss"
        self._mark_for_nginx(request, response)
        return response

    def _gone_or_moved_for_nginx(self, request, response) -> bool:
        return (
            response.status_code in getattr(request, "_reader_edge_statuses", ())
            and request.method == "GET"
            and _same_for_every_reader(request, response)
        )

    def _mark_for_nginx(self, request, response) -> None:
        if settings.READER_EDGE_CACHE_SECONDS > 0:
            response[EDGE_CACHE_HEADER] = str(settings.READER_EDGE_CACHE_SECONDS)
            remember_language(response, get_language_from_path(request.path_info))

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func in EDGE_STATUSES_BY_VIEW and _is_anonymous_read(request):
            request._reader_edge_statuses = EDGE_STATUSES_BY_VIEW[view_func]
        if view_func not in (wagtail_serve, *EDGE_ONLY_VIEWS) or not _is_anonymous_read(request):
            return None
        request._reader_page_cache_anonymous = True
        if view_func is not wagtail_serve or settings.READER_PAGE_CACHE_SECONDS <= 0:
            return None
        entry_key = _entry_key(request)
        path_key = _path_token_key(request.path)
        # One round trip to the cache for the three.
        found = cache.get_many([GENERATION_KEY, path_key, entry_key])
        generation, path_token = found.get(GENERATION_KEY), found.get(path_key)
        today = timezone.localdate().isoformat()
        entry = found.get(entry_key)
        if entry is not None and entry["valid_for"] == (generation, path_token, today):
            return self._response_from(entry)
        # Tokens read before rendering: a purge during the render makes the entry stale.
        request._reader_page_cache_pending = {
            "key": entry_key,
            "valid_for": (
                _token(GENERATION_KEY, generation),
                _token(path_key, path_token),
                today,
            ),
        }
        return None

    def _store(self, pending, response) -> None:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", STATUS_HEADER.lower(), EDGE_CACHE_HEADER.lower())
        ]
        entry = {
            "valid_for": pending["valid_for"],
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
        }
        cache.set(pending["key"], entry, settings.READER_PAGE_CACHE_SECONDS)

    def _response_from(self, entry) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response
