"""The admin screen of locked accounts, where a national officer unlocks one."""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .lockout import lockout_minutes
from .selectors import locked_out_accounts
from .services import account_unlock

# National officers hold it (and superusers): the people who answer "I am locked out". Asked
# by its name, so the accounts app imports no other app of ours.
UNLOCK_PERMISSION = "trainings.access_all_provinces"


def user_may_unlock_accounts(user: User | AnonymousUser | None) -> bool:
    """National officers (and superusers), active ones: Django refuses every permission else."""
    return bool(user and user.has_perm(UNLOCK_PERMISSION))


class LockedAccountsView(WagtailAdminTemplateMixin, TemplateView):
    """Accounts locked after too many wrong passwords, each with an "Unlock" button."""

    template_name = "accounts/locked_accounts.html"
    page_title = _("Locked accounts")
    header_icon = "lock"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not user_may_unlock_accounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            locked_accounts=list(locked_out_accounts()), lockout_minutes=lockout_minutes(), **kwargs
        )

    def post(self, request: HttpRequest) -> HttpResponseBase:
        username = request.POST.get("username", "")
        # dispatch() let in only national officers: logged-in users.
        if account_unlock(username=username, user=cast(User, request.user)):
            messages.success(
                request,
                gettext("%(username)s can log in again.") % {"username": username},
            )
        else:
            messages.warning(
                request,
                gettext("%(username)s was not locked.") % {"username": username},
            )
        return redirect("locked_accounts")
