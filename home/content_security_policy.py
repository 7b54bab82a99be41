"""The Content-Security-Policy header: strict on the site, what Wagtail needs in its admin."""

from functools import cache

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


@cache
def admin_path() -> str:
    """Where the Wagtail admin is mounted ("/admin/")."""
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by path and framing by the view.

    Under the Wagtail admin the directives of `CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES`
    are laid over the site's (`CONTENT_SECURITY_POLICY`), replacing those of the same
    name; everywhere else the site's apply as they are.

    `frame-ancestors` follows `X-Frame-Options`: Wagtail's preview views mark their
    responses `SAMEORIGIN` so the page editor can show them in its preview panel, and
    they may be framed by the site itself; every other response by nobody. Taking the
    view's own choice keeps the two headers saying the same thing without a list of
    preview URLs to maintain.
    """

    def process_response(self, request, response):
        # Wagtail previews a page by running a dummy request through the middleware
        # inside the preview view; the preview's own response gets the policy.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        replace = dict(parts.replace or {})
        if request.path_info.startswith(admin_path()):
            replace.update(settings.CONTENT_SECURITY_POLICY_ADMIN_DIRECTIVES)
        framed_by_same_origin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        replace["frame-ancestors"] = [SELF] if framed_by_same_origin else [NONE]
        parts.replace = replace
        return parts
