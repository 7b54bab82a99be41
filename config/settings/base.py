"""Settings shared by every environment; secrets and hosts come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "accounts",
    "backups",
    "geography",
    "curriculum",
    "sessions.apps.TrainingsConfig",
    "agencies",
    "communes",
    "advice",
    "dhis2",
    "offline",
    "demo",  # the demo content and its commands, for development machines; no app imports it
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.PrivatePagesNoStoreMiddleware",
    "home.content_security_policy.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session middleware, so that it sees every cookie a page sets (home/page_cache.py).
    "home.page_cache.ReaderPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.KhmerFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

# Content-Security-Policy, the same in every environment so that development and the
# browser tests meet what production sends. The public site runs no script at all and
# styles only from our stylesheets; nothing is loaded from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # QR codes on lessons and handouts are SVG data URLs.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        # The installable app's manifest and service worker (/sw.js) are the site's own.
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Previews (X-Frame-Options SAMEORIGIN) get 'self'; see home/content_security_policy.py.
        "frame-ancestors": [NONE],
    }
}
# Wagtail 7.4's admin still writes inline <script> elements for its widgets (date pickers,
# choosers, inline panels), Draftail adds <style> elements for nested lists, and image
# uploads show a thumbnail from a blob: URL. Under /admin/ only, these directives replace
# or add to the site's; inline event handlers and style attributes stay refused there too
# (script-src and style-src are unchanged).
CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES = {
    "script-src-elem": [SELF, UNSAFE_INLINE],
    "style-src-elem": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sessions.context_processors.club_leader",
                "communes.context_processors.focal_point",
                "advice.context_processors.adviser",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite for `make run` with several people at once: write-ahead logging lets readers go on
# while one writes; IMMEDIATE transactions take the write lock when they begin, so a waiting
# writer waits (up to the timeout, in seconds) instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_url(url: str, *, conn_max_age_default: int = 0) -> dict:
    """Django's settings for the database at `url`, SQLite with the options above.

    A connection is kept for DATABASE_CONN_MAX_AGE seconds and checked before each request
    reuses it, so a database restart costs only the requests in flight, never a stale
    connection that fails every request after it.
    """
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", str(conn_max_age_default))),
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database


# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Sessions end after a day without a request (phones are shared in families): every request
# moves the end a day on. The admin's login ends a session when the browser closes unless
# "Remember me" is ticked, and then after the same idle day.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(24 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True

# Login lockout (django-axes): the 10th wrong password in a row for a username locks it for
# the cool-off period, whatever the address; every login form checks it. By username only:
# club leaders share carrier-grade NAT addresses, so locking an address would lock a commune.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username"]
# Axes warns that a lockout without the address lets attackers rotate browsers; failures are
# summed by username alone here, so rotating them gains nothing (docs/decisions.md, Accounts).
# The kept figures' covering indexes (`include`) are PostgreSQL's; SQLite (development) builds
# them without the extra columns, which only costs speed there.
SILENCED_SYSTEM_CHECKS = ["axes.W006", "models.W040"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
# Attempts refused during the lockout are not counted: the lock lifts on time however often
# its owner (or an attacker) tries meanwhile, rather than lasting while anyone keeps trying.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Attempts are seen and lifted in the admin's "Locked accounts" screen, never Django's admin;
# successful logins are not kept (a log of everyone's addresses nobody reads).
AXES_ENABLE_ADMIN = False
AXES_DISABLE_ACCESS_LOG = True
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"

# Password reset e-mails: at most this many requests per address in this many seconds.
PASSWORD_RESET_THROTTLE_REQUESTS = 3
PASSWORD_RESET_THROTTLE_SECONDS = 60 * 60

# Khmer first: the default language of the site and of new content.
LANGUAGE_CODE = "km"
LANGUAGES = [
    ("km", _("Khmer")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft, never a live page, whatever the source's state: a
# translation goes live through the "Moderators approval" workflow
# (curriculum/translation_workflow.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # The Khmer web font, built from the fontpkg-noto-sans-khmer package, never a CDN.
    "home.fonts.KhmerWebFontFinder",
]
# Where the web font built from the package is kept between runs.
WEBFONT_CACHE_DIR = Path(os.environ.get("WEBFONT_CACHE_DIR", BASE_DIR / ".cache" / "fonts"))

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Printed lessons and packs (lesson plans and packs hold quiz answers and facilitators' tips)
# are kept here, never under MEDIA_ROOT, which the web server serves to anyone: they leave
# only through the download view, which checks who asks.
PRINTED_FILES_ROOT = Path(os.environ.get("PRINTED_FILES_ROOT", BASE_DIR / "var" / "printed"))
# Behind nginx: the `internal` location that serves PRINTED_FILES_ROOT (e.g. `/_printed/`),
# so the view checks the request and nginx sends the bytes (X-Accel-Redirect). Empty: the
# application sends the file itself.
PRINTED_FILES_ACCEL_REDIRECT = os.environ.get("PRINTED_FILES_ACCEL_REDIRECT", "")
# Behind nginx: its log of the public handouts it answered for the application (from its
# cache, READER_EDGE_CACHE_SECONDS), which `manage.py count_edge_downloads` adds to the
# download counts. Empty: nginx keeps no printed file and the application counts them all.
PRINTED_FILES_EDGE_LOG = os.environ.get("PRINTED_FILES_EDGE_LOG", "")


def storages_with(**overrides) -> dict:
    """The project's storages, with some aliases replaced (the settings modules' differences)."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "printed": {
            "BACKEND": "config.storages.PrivateFileSystemStorage",
            "OPTIONS": {"location": PRINTED_FILES_ROOT},
        },
    }
    return {**storages, **overrides}


STORAGES = storages_with()

# Anonymous readers' pages are kept this long at most in the shared cache (home/page_cache.py),
# purged sooner when content changes; 0 turns the cache off.
READER_PAGE_CACHE_SECONDS = int(os.environ.get("READER_PAGE_CACHE_SECONDS", str(15 * 60)))
# ... and this long by nginx in front (X-Accel-Expires on exactly those pages): a publish
# reaches readers within it. 0: nginx keeps no page.
READER_EDGE_CACHE_SECONDS = int(os.environ.get("READER_EDGE_CACHE_SECONDS", "5"))

# Background work. Development and tests run tasks immediately; production
# overrides this with the database backend of django-tasks-db.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Publishing a lesson or module queues the making of its PDFs and offline pack. Where
# it is off, a file is made on its first download instead.
PRINT_ON_PUBLISH = True

# Spreadsheet imports: uploads are kept here (never under MEDIA_ROOT, which may be served)
# until they are imported or cancelled; larger files are refused with a message.
IMPORT_FILES_ROOT = Path(os.environ.get("IMPORT_FILES_ROOT", BASE_DIR / "var" / "imports"))
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
IMPORT_BATCH_SIZE = 1000

# Exports of more rows than EXPORT_BACKGROUND_ROWS are made by a task worker, not while the
# officer's request waits (a 120,780-row XLSX took 76 s; gunicorn stops a request at 120).
# Their files hold personal data: kept here (never under MEDIA_ROOT), given only to the
# officer who asked, through the download view (behind nginx by X-Accel-Redirect from the
# `internal` location EXPORT_FILES_ACCEL_REDIRECT, e.g. `/_exports/`; empty: the
# application sends them), and deleted EXPORT_FILES_KEPT_DAYS after they were made. A job
# whose worker gave no sign of life for EXPORT_STALLED_MINUTES is shown as failed.
EXPORT_BACKGROUND_ROWS = int(os.environ.get("EXPORT_BACKGROUND_ROWS", "10000"))
EXPORT_FILES_ROOT = Path(os.environ.get("EXPORT_FILES_ROOT", BASE_DIR / "var" / "exports"))
EXPORT_FILES_ACCEL_REDIRECT = os.environ.get("EXPORT_FILES_ACCEL_REDIRECT", "")
EXPORT_FILES_KEPT_DAYS = int(os.environ.get("EXPORT_FILES_KEPT_DAYS", "7"))
EXPORT_STALLED_MINUTES = int(os.environ.get("EXPORT_STALLED_MINUTES", "15"))

# Backups (`manage.py backup`, the nightly smh-backup.timer): archives of the database and
# every stored file are written here (mode 0600: they hold personal data; never under
# MEDIA_ROOT or STATIC_ROOT), and the newest BACKUP_KEEP of them are kept (0: all).
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "var" / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))

# The commune registers (communes/): names and phones, kept only with the person's consent,
# are erased this many months after the consent was recorded (figures are kept); riel
# amounts are compared with the fee caps (set in dollars) at this rate.
COMMUNES_PERSONAL_DATA_RETENTION_MONTHS = int(
    os.environ.get("COMMUNES_PERSONAL_DATA_RETENTION_MONTHS", "24")
)
COMMUNES_RIEL_PER_DOLLAR = int(os.environ.get("COMMUNES_RIEL_PER_DOLLAR", "4000"))
# The register's figures hide counts below this (and the cells that would give them back)
# from everyone but national officers (communes/suppression.py).
REGISTER_SMALL_COUNT = int(os.environ.get("REGISTER_SMALL_COUNT", "5"))
# The advice log (advice/): a person who agreed to be contacted is followed up this many
# weeks after the advice.
ADVICE_FOLLOW_UP_WEEKS = int(os.environ.get("ADVICE_FOLLOW_UP_WEEKS", "4"))

# The DHIS2 server that national officers may push the programme's figures to (dhis2/):
# its base URL (e.g. https://dhis2.example.org, without /api) and an account allowed to
# import data values. Without a URL, only the dry run and the downloads are offered.
DHIS2_URL = os.environ.get("DHIS2_URL", "").rstrip("/")
DHIS2_USERNAME = os.environ.get("DHIS2_USERNAME", "")
DHIS2_PASSWORD = os.environ.get("DHIS2_PASSWORD", "")
DHIS2_TIMEOUT_SECONDS = int(os.environ.get("DHIS2_TIMEOUT_SECONDS", "60"))

WAGTAIL_SITE_NAME = "Safe Migration Hub"
# The site's own, in Khmer, at its own address (home/page_passwords.py).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "home/password_required.html"  # noqa: S105 - a template
# Nothing in the admin reaches the internet: no Gravatar, no update check, no banner.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Nothing is embedded from the internet: no oEmbed providers are configured.
WAGTAILEMBEDS_FINDERS: list[dict] = []
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "mp3", "m4a", "ogg", "mp4", "webm"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per task run is noise; failures still show.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint's warnings are judged by pdf_engine.render, which needs them whatever
        # LOG_LEVEL says; its progress lines and fontTools' subsetting lines are noise.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
