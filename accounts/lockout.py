"""What a person sees when django-axes locks their account after too many wrong passwords.

Axes refuses the login in its authentication backend and flags the request; the login
forms below turn that flag into a message on the form itself (Khmer or English, as the page
is), and `lockout_response` keeps that login page as the answer, with status 429.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext


def lockout_minutes() -> int:
    """How long a locked account stays locked, in whole minutes."""
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    minutes = lockout_minutes()
    return ngettext(
        "Too many wrong passwords: this account is locked for %(minutes)d minute. "
        "Try again later, or ask a national program officer to unlock it.",
        "Too many wrong passwords: this account is locked for %(minutes)d minutes. "
        "Try again later, or ask a national program officer to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def request_is_locked_out(request: HttpRequest | None) -> bool:
    """Whether axes refused (or just locked) the login attempt of this request."""
    return bool(getattr(request, "axes_locked_out", False))


# The mixin is only ever placed before an AuthenticationForm: that is its base for mypy.
if TYPE_CHECKING:
    from django.contrib.auth.forms import AuthenticationForm as _LoginFormBase
else:
    _LoginFormBase = object


class LockoutMessageMixin(_LoginFormBase):
    """For an `AuthenticationForm`: a locked account is told so, not "wrong password".

    Axes flags the request before `authenticate()` returns, both when the attempt was refused
    and when this wrong password was the one that locked the account.
    """

    def get_invalid_login_error(self) -> ValidationError:
        if request_is_locked_out(self.request):
            return ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the login page with its message, as "429 Too Many Requests"."""
    if isinstance(original_response, HttpResponse) and original_response.status_code == 200:
        original_response.status_code = 429
        return original_response
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
