"""URL configuration: admin and documents outside the language prefix, the site inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from curriculum import views as curriculum_views
from curriculum.printing import views as printing_views
from home import views as home_views
from sessions import club_views
from spreadsheets.wagtail_exports import formula_escaping_admin_urls

urlpatterns = [
    # Wagtail's own exports (site history, page and workflow reports, redirects) through the
    # escaping writer: the same views and paths, listed before the admin so that they answer.
    # A view of ours that replaces one of Wagtail's goes above this line and has
    # FormulaEscapingExportMixin (tests/spreadsheets checks which view answers each export).
    path("admin/", include(formula_escaping_admin_urls(wagtailadmin_urls.urlpatterns))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /km/ and /en/; Khmer is the default.
urlpatterns += i18n_patterns(
    path(
        "accounts/login/",
        club_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("search/", curriculum_views.search, name="search"),
    path(
        "print/<int:page_id>/<slug:variant>/",
        printing_views.download,
        name="printed_file_download",
    ),
    path("club/", include("sessions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
