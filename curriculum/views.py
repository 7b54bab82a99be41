"""Public views of the curriculum that are not pages: the site search."""

import html

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from curriculum.models import Topic
from curriculum.search import site_search

RESULTS_PER_PAGE = 10
PAGE_TYPE_CHOICES = [
    ("", _("All kinds of pages")),
    ("lesson", _("Lessons")),
    ("module", _("Lesson packs")),
    ("campaign", _("Campaigns")),
    ("publication", _("Publications")),
]


class SearchForm(forms.Form):
    """What the reader searches for, and in which pages; sent by GET, no JavaScript needed."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"enterkeyhint": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Kind of page"), required=False, choices=PAGE_TYPE_CHOICES)
    topic = forms.ChoiceField(label=_("Lesson topic"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in Topic.objects.live().filter(locale=locale)
        ]


def _result(page) -> dict:
    """A search result as the template shows it: the page, its kind and a plain-text summary."""
    text = getattr(page, "summary", "") or getattr(page, "introduction", "")
    return {
        "page": page,
        "kind": capfirst(page._meta.verbose_name),
        "snippet": html.unescape(strip_tags(text)),
    }


def search(request):
    """The site search: pages in the reader's language, filtered by kind and lesson topic."""
    locale = Locale.get_active()
    form = SearchForm(request.GET, locale=locale)
    form.is_valid()  # a field with a value we don't know is left out of cleaned_data
    query = form.cleaned_data.get("q", "")
    results = site_search(
        query=query,
        locale=locale,
        page_type=form.cleaned_data.get("type") or None,
        topic_slug=form.cleaned_data.get("topic") or None,
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "query": query,
        "results_page": page,
        "results": [_result(result) for result in page],
    }
    return render(request, "curriculum/search.html", context)
