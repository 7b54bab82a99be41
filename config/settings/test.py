"""Test settings: fast hashing, local-memory cache, immediate tasks, throwaway media."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(  # noqa: F405
    os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="smh-test-media-")  # noqa: F405
)
WAGTAILADMIN_BASE_URL = "http://testserver"
IMPORT_FILES_ROOT = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-imports"
PRINTED_FILES_ROOT = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-printed"
EXPORT_FILES_ROOT = MEDIA_ROOT.parent / f"{MEDIA_ROOT.name}-exports"
STORAGES = storages_with(  # noqa: F405
    printed={
        "BACKEND": "config.storages.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRINTED_FILES_ROOT},
    }
)

# Static files come from the finders (runserver, the test live server); whitenoise and
# collected files are for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# Tests change pages without publishing them and reuse addresses from test to test: the
# page cache is on only in the tests about it (tests/home/test_page_cache.py).
READER_PAGE_CACHE_SECONDS = 0
READER_EDGE_CACHE_SECONDS = 0

# Tests that publish pages don't pay for PDFs; the printing tests turn it on.
PRINT_ON_PUBLISH = False
# Any warning WeasyPrint raises while printing fails the test that printed.
PDF_WARNINGS_ARE_ERRORS = True
