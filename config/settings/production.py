"""Production settings: PostgreSQL, gunicorn, whitenoise, a real secret from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

# Refuse to start with a missing, short or obviously placeholder secret key.
_secret_key = os.environ.get("SECRET_KEY", "")
if (
    len(_secret_key) < 50
    or len(set(_secret_key)) < 5
    or _secret_key.startswith(("django-insecure", "dev-only", "test-only", "change-me"))
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment to a random value of at least 50 characters."
    )
SECRET_KEY = _secret_key

if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names.")

# A connection per worker kept for a minute instead of one per request: with it readers
# alone went from 45 to 75 requests/s (issue 19). Health checks (base.py) make it safe.
DATABASES = {
    "default": database_from_url(  # noqa: F405
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",  # noqa: F405
        conn_max_age_default=60,
    )
}

STORAGES = storages_with(  # noqa: F405
    staticfiles={"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
)

# HTTPS everywhere; the proxy in front (nginx, a load balancer) terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views set SAMEORIGIN on their own responses.
X_FRAME_OPTIONS = "DENY"

# The shared cache of every app server and worker: reader pages, the home page's figures,
# import progress, password-reset throttling. PostgreSQL's own table rather than Redis: as
# fast on our measure, and no other service to run (docs/decisions.md, "Reader pages
# cached"). Django's default of 300 entries would cull the reader pages all day.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "10000"))},
    }
}

# Background tasks go to PostgreSQL and are run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")  # noqa: F405
