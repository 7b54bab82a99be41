"""What "Save for offline" keeps of a module or a lesson, and what the service worker precaches.

A saved item is described by a small JSON manifest: the pages and printed files to keep, and a
`version` that changes whenever any of them is republished, so a phone that compares the
version it saved with the one served now knows when to fetch the item again. It names pages
and files only: nothing about who reads them.
"""

import hashlib
import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from curriculum.access import user_is_facilitator
from curriculum.models import LessonPage, ModulePage
from curriculum.print_variants import PrintVariant

# An offline pack is a ZIP of the same PDFs the item already keeps one by one.
VARIANTS_NOT_SAVED = frozenset({PrintVariant.OFFLINE_PACK})

# The site's own files a page needs to be read offline, kept when the worker is installed.
PRECACHED_STATIC_FILES = (
    "css/site.css",
    "js/offline.js",
    "fonts/NotoSansKhmer.woff2",
    "img/favicon.svg",
)


def savable_page(*, page_id: int) -> LessonPage | ModulePage | None:
    """The live, public module or lesson with this id, or None: only these can be saved."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, LessonPage | ModulePage):
        return None
    return page


def saved_item_manifest(*, page: LessonPage | ModulePage, user, request=None) -> dict:
    """The pages and files that saving `page` keeps for `user`, and their version.

    A module keeps itself and its live, public lessons; every page keeps its handout, and
    for facilitators its lesson plan and pack too (they hold quiz answers).
    """
    is_facilitator = user_is_facilitator(user)
    pages = [page]
    if isinstance(page, ModulePage):
        pages += list(page.live_lessons().public())
    files = [
        {
            "url": download["url"],
            "label": str(download["label"]),
            "format": download["format"],
            "size": download["size"],
        }
        for saved_page in pages
        for download in saved_page.printed_downloads()
        if download["variant"] not in VARIANTS_NOT_SAVED
        and (is_facilitator or not download["facilitator_only"])
    ]
    page_entries = [
        {
            "url": saved_page.get_url(request=request),
            "title": saved_page.title,
            "last_published_at": saved_page.last_published_at.isoformat(),
        }
        for saved_page in pages
    ]
    # Republishing any page makes a new revision (and new printed files); the files listed
    # differ between readers and facilitators.
    version_source = json.dumps(
        [[saved_page.pk, saved_page.live_revision_id] for saved_page in pages]
        + [entry["url"] for entry in files]
    )
    return {
        "kind": "module" if isinstance(page, ModulePage) else "lesson",
        "title": page.title,
        "url": page.get_url(request=request),
        "last_published_at": max(entry["last_published_at"] for entry in page_entries),
        "version": hashlib.sha256(version_source.encode()).hexdigest()[:16],
        "pages": page_entries,
        "files": files,
    }


def url_in_each_language(view_name: str) -> dict[str, str]:
    """The address of a view under each language of the site: {"km": "/km/...", ...}."""
    urls = {}
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            urls[language_code] = reverse(view_name)
    return urls


def precached_static_urls() -> list[str]:
    """The static files the worker keeps as soon as it is installed (hashed in production)."""
    return [static(name) for name in PRECACHED_STATIC_FILES]
