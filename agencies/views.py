"""The public page "Is this agency licensed?": one GET form, the answer, what to do next.

No personal data is on it (an agency's name, licence and branches are public facts), it
needs no JavaScript, and it may be kept by caches and the browser for a few minutes, so a
reader on 3G who opens it again gets it at once. Logged-in readers get it privately: the
site's header then holds their log-out form.
"""

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from .forms import AgencyCheckForm
from .selectors import agencies_matching, agency_list_date, help_page_url

#: Seconds a cache may keep an answer: the list changes rarely, a fix must show soon.
PUBLIC_MAX_AGE = 300


def agency_check(request):
    form = AgencyCheckForm(request.GET if "q" in request.GET else None)
    matches = None
    if form.is_bound and form.is_valid():
        matches = agencies_matching(form.cleaned_data["q"])
    response = render(
        request,
        "agencies/check.html",
        {
            "form": form,
            "query": form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
            "matches": matches,
            "list_date": agency_list_date(),
            "help_url": help_page_url(request),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=0)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response
