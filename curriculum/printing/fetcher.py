"""What WeasyPrint may read: the project's own static and media files, from disk, nothing else.

Any other address an editor puts in content (another host, 127.0.0.1, file:///etc/passwd,
a large data: URL) is refused and never fetched; the PDF is made without it.
"""

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
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


class ProjectFilesFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads only static and media files from disk."""

    def __init__(self):
        super().__init__(allowed_protocols=("https", "data"), allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            if len(url) > MAX_DATA_URL_BYTES:
                return self._refuse(url[:60] + "...", "data URL too large")
            return super().fetch(url, headers)
        path = self.local_path(url)
        if path is None:
            return self._refuse(url, "not one of the project's own files")
        content_type = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def local_path(self, url: str) -> Path | None:
        """The file on disk an allowed URL stands for, or None."""
        parts = urlsplit(url)
        base = urlsplit(PRINT_BASE_URL)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            try:
                found = finders.find(path.removeprefix(settings.STATIC_URL))
            except Exception:  # a path that climbs out of the static folders
                return None
            return Path(found) if found else None
        if path.startswith(settings.MEDIA_URL):
            media_root = Path(settings.MEDIA_ROOT).resolve()
            candidate = (media_root / path.removeprefix(settings.MEDIA_URL)).resolve()
            if candidate.is_relative_to(media_root) and candidate.is_file():
                return candidate
        return None

    def _refuse(self, url: str, reason: str):
        self.refused.append(url)
        logger.warning("PDF rendering refused %s: %s", url, reason)
        raise RefusedURL(f"{reason}: {url}")
