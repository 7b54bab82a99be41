"""Development settings: `make run` on 127.0.0.1 with SQLite and demo accounts."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# A fixed key is acceptable here only: these settings never serve real users.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Page-by-page log lines drown `make run`'s output; warnings still show.
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405

# Demo accounts for each role may be created with these settings only.
DEMO_ACCOUNTS_ALLOWED = True

# Static files come from the finders (runserver, the test live server); whitenoise and
# collected files are for production.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# The immediate task backend would make every PDF while the editor waits on "Publish";
# in development files are made on their first download.
PRINT_ON_PUBLISH = False
