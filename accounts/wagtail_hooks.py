"""Wires the accounts app into the Wagtail admin: the locked accounts screen and its menu item."""

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry

from .views import LockedAccountsView, user_may_unlock_accounts


class LockedAccountsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_may_unlock_accounts(request.user)


@hooks.register("register_admin_urls")
def register_locked_accounts_url() -> list[URLPattern]:
    return [path("locked-accounts/", LockedAccountsView.as_view(), name="locked_accounts")]


@hooks.register("register_admin_menu_item")
def register_locked_accounts_menu_item() -> MenuItem:
    return LockedAccountsMenuItem(
        _("Locked accounts"), reverse("locked_accounts"), icon_name="lock", order=8500
    )


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "accounts.unlock", _("Unlock"), _("Unlocked after too many wrong passwords")
    )
