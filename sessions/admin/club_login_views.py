"""The admin screen where an officer creates a club leader's login or a new password link."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..club_logins import (
    club_leader_login_create,
    club_leader_password_link,
    is_club_leader_account,
)
from ..scoping import peer_educators_for_user
from .review_views import ScopedObjectView


class ClubLeaderLoginForm(forms.ModelForm):
    """A new account's name: Django's own username rules and "already exists" check."""

    class Meta:
        model = get_user_model()
        fields = ["username", "email"]
        help_texts = {
            "username": _("The club leader types this to log in, e.g. sok.dara."),
        }


class ClubLeaderLoginView(ScopedObjectView):
    """Create the educator's login, or make a new password link for it."""

    template_name = "trainings/admin/club_leader_login.html"
    permission_required = "trainings.change_peereducator"
    page_title = _("Club leader login")
    header_icon = "key"

    def get_queryset(self):
        return peer_educators_for_user(self.request.user).select_related("user")

    def get_context_data(self, **kwargs):
        educator = self.object
        account = educator.user
        kwargs.setdefault("form", ClubLeaderLoginForm() if account is None else None)
        return super().get_context_data(
            educator=educator,
            account=account,
            can_make_link=account is not None and is_club_leader_account(account),
            educator_url=reverse("peer_educators:edit", args=[educator.pk]),
            link_days=max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
            **kwargs,
        )

    def post(self, request, pk):
        educator = self.object
        form = None
        try:
            if educator.user is None:
                form = ClubLeaderLoginForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                club_leader_login_create(
                    educator=educator,
                    username=form.cleaned_data["username"],
                    email=form.cleaned_data["email"],
                    user=request.user,
                )
                educator.refresh_from_db()
                messages.success(request, gettext("The login was created."))
            link = club_leader_password_link(educator=educator, user=request.user, request=request)
        except ValidationError as error:
            self._error_messages(error)
            return self.render_to_response(self.get_context_data(form=form))
        except PermissionDenied as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        return self.render_to_response(self.get_context_data(password_link=link))
