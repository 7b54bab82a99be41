"""What WeasyPrint may read: the project's own static and media files, from disk, nothing else.

Any other address an editor puts in content (another host, 127.0.0.1, file:///etc/passwd,
a large data: URL) is refused and never fetched; the PDF is made without it.

Static files are found as the configured storage names them: under the production
storage `{% static %}` writes hashed names (`css/print.0cb839ba7aa1.css`) that only the
collected files hold, while in development and tests the finders read the source
folders. A project file that cannot be found is not refused but *missing*: the document
would print in a fallback font, so the renderer fails the build (see `render.py`).
"""

import logging
from pathlib import Path
from typing import NoReturn
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Pages are rendered with this base URL: the project's own files resolve under it.
PRINT_BASE_URL = "https://print.safe-migration-hub.invalid/"
MAX_DATA_URL_BYTES = 512 * 1024
CONTENT_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
}


class RefusedURL(ValueError):
    """An address outside the project's own static and media files."""


class MissingProjectFile(LookupError):
    """An address of the project's own files that names no file there."""


# Without these the document prints in a fallback font: Khmer as empty boxes.
ESSENTIAL_SUFFIXES = frozenset({".css", ".ttf", ".otf", ".woff", ".woff2"})


class ProjectFilesFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads only static and media files from disk."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("https", "data"), allow_redirects=False)
        self.refused: list[str] = []
        # Stylesheets and fonts not found: the build must fail.
        self.missing: list[str] = []
        # Other files not found (an image an editor linked by hand): printed without them.
        self.unavailable: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            if len(url) > MAX_DATA_URL_BYTES:
                return self._refuse(url, "data URL too large")
            return super().fetch(url, headers)
        path = project_path(url)
        if path is None:
            return self._refuse(url, "not one of the project's own files")
        body = read_static(path) if is_static(path) else read_media(path)
        suffix = Path(path).suffix.lower()
        if body is None:
            if suffix in ESSENTIAL_SUFFIXES:
                self.missing.append(url)
                logger.error("PDF rendering found no stylesheet or font at %s", url)
            else:
                self.unavailable.append(url)
                logger.warning("PDF rendering found no file at %s", url)
            raise MissingProjectFile(url)
        content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def expected_failures(self) -> list[str]:
        """The addresses this fetcher refused or found no image at, on purpose."""
        return [*self.refused, *self.unavailable]

    def _refuse(self, url: str, reason: str) -> NoReturn:
        self.refused.append(url)
        logger.warning("PDF rendering refused %s: %s", url[:120], reason)
        raise RefusedURL(f"{reason}: {url[:120]}")


def project_path(url: str) -> str | None:
    """The path of a URL under the print base address that names a static or media file."""
    parts = urlsplit(url)
    base = urlsplit(PRINT_BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if is_static(path) or path.startswith(settings.MEDIA_URL):
        return path
    return None


def is_static(path: str) -> bool:
    return path.startswith(settings.STATIC_URL)


def read_static(path: str) -> bytes | None:
    """A static file's bytes: from the source folders, else as the storage stored it.

    The finders come first so that development never reads a stale collected copy; a
    hashed name exists only in the storage (STATIC_ROOT after `collectstatic`).
    """
    name = path.removeprefix(settings.STATIC_URL)
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:  # a path that climbs out of the static folders
        return None
    if found:
        return Path(found).read_bytes()
    try:
        if not staticfiles_storage.exists(name):
            return None
        with staticfiles_storage.open(name, "rb") as handle:
            return handle.read()
    except (SuspiciousFileOperation, OSError):
        return None


def read_media(path: str) -> bytes | None:
    """A media file's bytes, if the path stays inside MEDIA_ROOT."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    candidate = (media_root / path.removeprefix(settings.MEDIA_URL)).resolve()
    if candidate.is_relative_to(media_root) and candidate.is_file():
        return candidate.read_bytes()
    return None
