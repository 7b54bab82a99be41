"""The import screens as a Wagtail viewset, listed in the Trainings menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import views


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


class ImportViewSet(ViewSet):
    name = "trainings_imports"
    url_prefix = "trainings/imports"
    icon = "upload"
    menu_label = _("Spreadsheet imports")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("", views.ImportIndexView.as_view(), name="index"),
            path("<int:log_id>/", views.ImportDetailView.as_view(), name="detail"),
            path("<int:log_id>/confirm/", views.ImportConfirmView.as_view(), name="confirm"),
            path("<int:log_id>/cancel/", views.ImportCancelView.as_view(), name="cancel"),
            path("<int:log_id>/dismiss/", views.ImportDismissView.as_view(), name="dismiss"),
            path(
                "templates/<str:kind>.xlsx", views.TemplateDownloadView.as_view(), name="template"
            ),
        ]

    def menu_item(self) -> MenuItem:
        return ImportMenuItem(
            self.menu_label,
            self.menu_url,
            name="spreadsheet-imports",
            icon_name=self.icon,
            order=900,
        )


def add_to_trainings_menu(request, menu_items, *, viewset) -> None:
    """Put the viewset's menu item (imports, exports) in the Trainings submenu, which
    `sessions.admin.viewsets` declares."""
    # The group's name is a slug of its translated label, so it is found by its first item.
    sessions_url = reverse("training_sessions:index")
    for item in menu_items:
        if not isinstance(item, SubmenuMenuItem):
            continue
        registered = item.menu.registered_menu_items
        if any(entry.url == sessions_url for entry in registered):
            menu_item = viewset.menu_item()
            if not any(entry.name == menu_item.name for entry in registered):
                registered.append(menu_item)
            return
