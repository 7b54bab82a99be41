"""Downloads of printed lesson plans, handouts and packs: the stored file, by page and variant.

Only live, public lessons and modules are served; anything else is a 404. A file is made
once per published revision, by a task worker: a reader who asks before it is made is
told to come back in a moment, and no web worker waits on the render. Its SHA-256 is a
strong ETag: a phone on a slow connection revalidates with a 304 and resumes a broken
download with a byte range.

Behind nginx, a public handout asked for by an anonymous reader is sent by the application
itself, marked for nginx's cache (`X-Accel-Expires`: nginx keeps no answer that names a file
by `X-Accel-Redirect`), and nginx answers the next readers, their byte ranges and their 304s
from its copy for READER_EDGE_CACHE_SECONDS. nginx counts those downloads, the marked answer
included, in its own log (PRINTED_FILES_EDGE_LOG, read by `count_edge_downloads`); every
other download is counted here (docs/decisions.md, "Handouts answered by nginx").
"""

import logging
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe
from wagtail.models import Page

from curriculum.access import user_is_facilitator
from curriculum.models import PrintedFile
from curriculum.print_variants import FACILITATOR_VARIANTS, content_type_for, download_filenames
from curriculum.printing.builds import BuildState, printed_file_build_request
from curriculum.printing.files import made_printed_file, variants_for
from curriculum.printing.http import (
    RangeNotSatisfiable,
    attachment_disposition,
    byte_range_for_request,
    file_chunks,
)
from curriculum.printing.services import printed_file_download_count

logger = logging.getLogger(__name__)

# A new revision makes a new file with a new ETag, so a file may be kept for an hour and
# then revalidated cheaply. Facilitators' files hold quiz answers: browsers only keep them.
CACHE_CONTROL = "public, max-age=3600"
FACILITATOR_CACHE_CONTROL = "private, max-age=3600"
# A build takes a second or two (an offline pack more): the "being prepared" page asks
# the browser to come back after this many seconds.
PREPARING_RETRY_AFTER = 3
# nginx's own header for how long it may keep a response (it never passes it on).
EDGE_CACHE_HEADER = "X-Accel-Expires"


@require_safe
def download(request, page_id: int, variant: str) -> HttpResponse:
    """The printed `variant` of a live, public lesson or module, or "being prepared"."""
    page = printable_page(page_id=page_id, variant=variant)
    if variant in FACILITATOR_VARIANTS and not user_is_facilitator(request.user):
        # Lesson plans and packs hold the quiz answers, shown to facilitators only.
        if not request.user.is_authenticated:
            # Sent back to the file itself, the browser would download it and stay on the
            # login form: the reader returns to the page that held the link instead.
            return redirect_to_login(page_holding_the_link(request, page=page))
        raise PermissionDenied
    key = page.printed_content_key()
    printed = made_printed_file(page=page, variant=variant, key=key)
    if printed is None:
        return printed_file_not_made_yet(request, page=page, variant=variant, key=key)
    try:
        return printed_file_response(request, page=page, variant=variant, printed=printed)
    except FileNotFoundError:
        # Republishing removes the old files: one may go between being found and being
        # opened. The reader is told to come back for the file as published now.
        return printed_file_not_made_yet(
            request, page=page, variant=variant, key=page.printed_content_key()
        )


def printed_file_not_made_yet(request, *, page: Page, variant: str, key: str) -> HttpResponse:
    """Queue the file's build (once, whoever asks) and tell the reader to come back.

    Under the immediate backend of development and tests the build has run by now, and
    the file is served.
    """
    state = printed_file_build_request(page=page, variant=variant, key=key)
    printed = made_printed_file(page=page, variant=variant, key=key)
    if printed is not None:
        return printed_file_response(request, page=page, variant=variant, printed=printed)
    if state is BuildState.FAILED:
        # Logged by the worker; the reader gets a page that says so, not a broken file.
        template, retry_after = "curriculum/print/unavailable.html", 600
    else:
        template, retry_after = "curriculum/print/preparing.html", PREPARING_RETRY_AFTER
    response = TemplateResponse(
        request, template, {"page_url": page.url, "retry_after": retry_after}, status=503
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def page_holding_the_link(request, *, page: Page) -> str:
    """The path of the page the reader followed the link from, if on this site, else `page`'s.

    The Referer comes from the browser and may name another site: only a path on this host
    is kept, so the login cannot be made to send anyone elsewhere.
    """
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        if parts.path:
            return urlunsplit(("", "", parts.path, parts.query, ""))
    return page.get_url(request=request)


def printable_page(*, page_id: int, variant: str) -> Page:
    """The live, public page with this printed variant, or a 404."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or variant not in variants_for(page):
        raise Http404("No such printed file.")
    return page


def printed_file_response(
    request, *, page: Page, variant: str, printed: PrintedFile
) -> HttpResponse:
    """The stored file as a 200, a 206 part, a 304, or a 416, counting real downloads."""
    etag = f'"{printed.sha256}"'
    last_modified = int(printed.created_at.timestamp())
    validators = {
        "ETag": etag,
        "Last-Modified": http_date(last_modified),
        "Cache-Control": (
            FACILITATOR_CACHE_CONTROL if variant in FACILITATOR_VARIANTS else CACHE_CONTROL
        ),
    }
    # Django answers If-None-Match and If-Modified-Since (and If-Match...) itself, and copies
    # the validators of the response it is given onto its 304.
    unconditional = HttpResponse(headers=validators)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=unconditional
    )
    if conditional is not unconditional:
        return conditional

    unicode_name, ascii_name = download_filenames(page=page, variant=variant)
    headers = {
        **validators,
        "Content-Type": content_type_for(variant),
        "Content-Disposition": attachment_disposition(
            unicode_name=unicode_name, ascii_name=ascii_name
        ),
        "Accept-Ranges": "bytes",
    }
    if request.method == "HEAD":
        return response_with_headers(
            HttpResponse(), {**headers, "Content-Length": str(printed.size)}
        )
    try:
        byte_range = byte_range_for_request(
            request, size=printed.size, etag=etag, last_modified=last_modified
        )
    except RangeNotSatisfiable:
        return HttpResponse(
            status=416,
            headers={"Content-Range": f"bytes */{printed.size}", "Accept-Ranges": "bytes"},
        )

    if byte_range is None and kept_and_counted_by_nginx(request, variant=variant):
        # Not counted here: nginx's log counts this answer and every one it gives from its copy.
        file = printed.file.storage.open(printed.file.name, "rb")
        return response_with_headers(
            FileResponse(file),
            {**headers, EDGE_CACHE_HEADER: str(settings.READER_EDGE_CACHE_SECONDS)},
        )

    if settings.PRINTED_FILES_ACCEL_REDIRECT:
        # nginx sends the bytes (and answers the byte range) from its internal location.
        if byte_range is None or byte_range.start == 0:
            printed_file_download_count(page=page, variant=variant)
        accel = settings.PRINTED_FILES_ACCEL_REDIRECT.rstrip("/") + "/" + quote(printed.file.name)
        return response_with_headers(HttpResponse(), {**headers, "X-Accel-Redirect": accel})

    file = printed.file.storage.open(printed.file.name, "rb")
    # A download is a whole file, or the first part of one: the parts that follow (a
    # resumed or split download) are the same download.
    if byte_range is None or byte_range.start == 0:
        try:
            printed_file_download_count(page=page, variant=variant)
        except Exception:
            file.close()
            raise
    if byte_range is None:
        # A FileResponse, so a WSGI server may send the file with sendfile.
        return response_with_headers(FileResponse(file), headers)
    part = StreamingHttpResponse(
        file_chunks(file, start=byte_range.start, length=byte_range.length), status=206
    )
    return response_with_headers(
        part,
        {
            **headers,
            "Content-Range": byte_range.content_range,
            "Content-Length": str(byte_range.length),
        },
    )


def kept_and_counted_by_nginx(request, *, variant: str) -> bool:
    """Whether nginx may keep this whole-file answer for everyone, and counts its downloads.

    Only a file for everyone (not a facilitator's), asked for by a reader with no session,
    messages or login header, the requests nginx's site never answers from its cache.
    """
    return (
        bool(settings.PRINTED_FILES_EDGE_LOG)
        and settings.READER_EDGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and variant not in FACILITATOR_VARIANTS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "authorization" not in request.headers
    )


def response_with_headers(response: HttpResponse, headers: dict[str, str]) -> HttpResponse:
    """The response with these headers set on it, replacing any it had."""
    # Set after the response is made: FileResponse sets its own Content-Type and
    # Content-Disposition from the stored file's name, which is not the reader's.
    for name, value in headers.items():
        response[name] = value
    return response
