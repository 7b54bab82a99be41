"""The web app manifest, the service worker script, the offline page and the saved items' manifests.

None of them shows personal data: the service worker may keep them. The saved item's
manifest differs for facilitators (it lists lesson plans and packs), so theirs is private.
"""

import hashlib
import json
import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.middleware import private_path_pattern
from curriculum.access import facilitator_page_headers

from .selectors import (
    precached_static_urls,
    savable_page,
    saved_item_manifest,
    url_in_each_language,
)

# The colours of static/css/site.css: the header's and the page's.
THEME_COLOUR = "#0b5d7a"
BACKGROUND_COLOUR = "#ffffff"
VERSION_PLACEHOLDER = "__WORKER_VERSION__"


@require_safe
def web_app_manifest(request) -> JsonResponse:
    """The manifest that makes the public site installable, in the language of its address."""
    language_code = get_language()
    manifest = {
        # One app whichever language it was installed from.
        "id": "/",
        "name": _("Safe Migration Hub"),
        "short_name": _("Safe Migration"),
        "description": _(
            "Lessons on migrating safely, where to get help, and whether an agency is licensed."
        ),
        "lang": language_code,
        "dir": "ltr",
        "start_url": f"/{language_code}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("img/icons/app-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icons/app-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/icons/app-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def service_worker(request) -> HttpResponse:
    """The service worker, at the site's root so that it may control every page.

    The script names the static files of this deployment (hashed in production), so a new
    deployment is a new script, which the browser installs in place of the old one; its
    version names the cache of static files, which the new worker empties of old ones.
    """
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    context = {
        "version": VERSION_PLACEHOLDER,
        "static_url": json.dumps(settings.STATIC_URL),
        "precached_static": json.dumps(precached_static_urls()),
        "offline_pages": json.dumps(url_in_each_language("offline_page")),
        # The addresses accounts.middleware marks `no-store`: the worker never keeps them.
        "private_path_pattern": private_path_pattern().pattern,
        "logout_pattern": rf"^/(?:{languages})/accounts/logout/$",
        "saved_item_pattern": rf"^/(?:{languages})/offline/items/\d+\.json$",
        "agency_check_paths": json.dumps(list(url_in_each_language("agency_check").values())),
    }
    script = render_to_string("offline/service_worker.js", context)
    version = hashlib.sha256(script.encode()).hexdigest()[:12]
    response = HttpResponse(
        script.replace(VERSION_PLACEHOLDER, version),
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    # Browsers look for a new worker at least daily whatever this says; `no-cache` makes
    # them see a new deployment on the next visit.
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def offline_page(request) -> HttpResponse:
    """What the worker shows for a page that is not saved on the phone, when offline."""
    return render(request, "offline/offline.html")


@require_safe
def saved_items_page(request) -> HttpResponse:
    """The list of what is saved on this phone, its size, the space left, and deleting."""
    return render(request, "offline/saved.html")


@require_safe
def saved_item(request, page_id: int) -> JsonResponse:
    """The manifest of a module or a lesson saved for offline, as this reader may keep it."""
    page = savable_page(page_id=page_id)
    if page is None:
        raise Http404("Only live, public modules and lessons can be saved.")
    response = JsonResponse(
        saved_item_manifest(page=page, user=request.user, request=request),
        json_dumps_params={"ensure_ascii": False},
    )
    # Always asked again: comparing the version is how a phone learns of a republished page.
    patch_cache_control(response, no_cache=True)
    return facilitator_page_headers(request=request, response=response)
