"""URL configuration: admin and documents outside the language prefix, the site inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts.account_settings import AccountView
from accounts.login_views import LoginView, PasswordSetView
from accounts.password_reset import ThrottledPasswordResetView
from curriculum import views as curriculum_views
from curriculum.printing import views as printing_views
from curriculum.slugs import PAGE_PATH_PATTERN
from home import views as home_views
from home.page_passwords import page_password
from offline import views as offline_views
from spreadsheets.wagtail_exports import formula_escaping_admin_urls

urlpatterns = [
    # Before Wagtail's own view of the same address and name: requests are throttled.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Before Wagtail's own view of the same address and name: a change of language or
    # password does not ask for a name the account never had.
    path(
        "admin/account/",
        require_admin_access(AccountView.as_view()),
        name="wagtailadmin_account",
    ),
    # Wagtail's own exports (site history, page and workflow reports, redirects) through the
    # escaping writer: the same views and paths, listed before the admin so that they answer.
    # A view of ours that replaces one of Wagtail's goes above this line and has
    # FormulaEscapingExportMixin (tests/spreadsheets checks which view answers each export).
    path("admin/", include(formula_escaping_admin_urls(wagtailadmin_urls.urlpatterns))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.health, name="health"),
    # At the root, so that the worker may control every page of the site.
    path("sw.js", offline_views.service_worker, name="service_worker"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /km/ and /en/; Khmer is the default.
urlpatterns += i18n_patterns(
    path(
        "accounts/login/",
        LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The password-set link an officer gives a new club leader (sessions/club_logins.py).
    path(
        "accounts/password/<uidb64>/<token>/",
        PasswordSetView.as_view(),
        name="club_leader_password_set",
    ),
    path("search/", curriculum_views.search, name="search"),
    path(
        "print/<int:page_id>/<slug:variant>/",
        printing_views.download,
        name="printed_file_download",
    ),
    path("club/", include("sessions.club.urls")),
    path("agencies/", include("agencies.urls")),
    path("commune/", include("communes.urls")),
    path("advice/", include("advice.urls")),
    path("", include("offline.urls")),
    path("page-password/<int:restriction_id>/<int:page_id>/", page_password, name="page_password"),
    # Wagtail's own check of a page's password: its address would match the page pattern
    # below (`\w` takes the underscore), and be a 404, so it is named before it.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's own view and name, with readable slugs: its pattern's `\w` misses Khmer
    # vowel signs (see curriculum/slugs.py).
    re_path(PAGE_PATH_PATTERN, wagtail_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
