"""The site's login page and the page where a club leader sets their first password."""

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _

from communes.scoping import focal_point_communes
from sessions.scoping import club_for_user

from .forms import LoginForm


class LoginView(auth_views.LoginView):
    """Log in; a club leader lands on "My club", a commune focal point on "My commune",
    everyone else where they were going."""

    authentication_form = LoginForm

    def get_default_redirect_url(self) -> str:
        if club_for_user(self.request.user) is not None:
            return reverse("club:home")
        if focal_point_communes(self.request.user).exists():
            return reverse("communes:home")
        return super().get_default_redirect_url()


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """A club leader chooses their password from the link their officer gave them."""

    template_name = "registration/password_set.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form: auth_forms.SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Log in with it now."))
        return response
