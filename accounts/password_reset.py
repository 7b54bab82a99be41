"""Password reset requests are limited per e-mail address, so nobody floods a person's inbox.

Counted in the cache (the database cache in production, shared by every worker). The limit
is per address and never per IP address: club leaders share carrier-grade NAT addresses, and
behind the proxy every request comes from the proxy's address anyway. The reset form itself
tells nobody whether an address has an account (Django's behaviour), the limit neither: it
counts requests for any address.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext
from wagtail.admin.views.account import PasswordResetView


def _cache_key(email: str) -> str:
    digest = hashlib.sha256(email.strip().casefold().encode()).hexdigest()
    return f"password-reset-requests:{digest}"


def password_reset_request_allowed(*, email: str) -> bool:
    """Count one request for `email`; False once the address has had its share this window."""
    key = _cache_key(email)
    window = settings.PASSWORD_RESET_THROTTLE_SECONDS
    # add() starts the window only for the first request; incr() keeps its expiry.
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= settings.PASSWORD_RESET_THROTTLE_REQUESTS


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's admin password reset, answering "try again later" past the limit."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not password_reset_request_allowed(email=form.cleaned_data["email"]):
            form.add_error(
                "email",
                gettext(
                    "Too many password reset requests for this address. "
                    "Check your e-mail, including spam, or try again in an hour."
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
