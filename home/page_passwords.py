"""A page behind a password asks for it at an address of its own.

nginx gives its expired copy of a page while one request renews it (deploy/nginx/smh.conf).
Wagtail answers a page given a password with the password form in place of the page; the
form holds a token per reader, so nginx never keeps it, and the old, public copy would be
given for as long as readers keep asking. So a reader who has not given the page's password
is sent (a redirect, the same for everyone, which nginx keeps like a moved page's) to the
form at its own address, which nothing keeps. Wagtail's own view checks the password and
sends the reader back.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction


def password_not_given(page: Page, request) -> PageViewRestriction | None:
    """The page's (or an ancestor's) password restriction this request has not passed."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.PASSWORD and (
            not restriction.accept_request(request)
        ):
            return restriction
    return None


def redirect_to_password_form(page, request, serve_args, serve_kwargs):
    """`before_serve_page`: the form at its own address, for a page whose password is due."""
    restriction = password_not_given(page, request)
    if restriction is None:
        return None
    form_url = reverse("page_password", args=[restriction.pk, page.pk])
    return HttpResponseRedirect(f"{form_url}?{urlencode({'next': request.get_full_path()})}")


@require_safe
def page_password(request, restriction_id: int, page_id: int):
    """The password form of a live page, posted to Wagtail's own view, which sends the
    reader on to `next` (an address of this site only, else the page)."""
    restriction = get_object_or_404(
        PageViewRestriction, pk=restriction_id, restriction_type=PageViewRestriction.PASSWORD
    )
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if restriction not in page.get_view_restrictions():
        raise Http404("No such password for this page.")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = page.get_url(request=request) or "/"
    if restriction.accept_request(request):
        return HttpResponseRedirect(next_url)
    form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": next_url})
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = page.serve_password_required_response(request, form, action_url)
    add_never_cache_headers(response)
    return response
