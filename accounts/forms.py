"""The login forms of the public site and of the Wagtail admin, aware of locked accounts."""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .lockout import LockoutMessageMixin


class LoginForm(LockoutMessageMixin, AuthenticationForm):
    """The public site's login (club leaders, commune focal points)."""


class AdminLoginForm(LockoutMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login (WAGTAILADMIN_USER_LOGIN_FORM)."""
