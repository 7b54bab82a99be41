"""The site search: Khmer and other words of a query, over live public pages.

The pages index their Khmer as cluster tokens (`curriculum.khmer`, through
`KhmerSearchTextMixin`); a query's Khmer is turned into the phrase of the same tokens.
"""

import re

from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText

from curriculum.khmer import KHMER_RUN, khmer_word_tokens
from curriculum.models import CampaignPage, LessonPage, ModulePage, PublicationPage

# Latin (and other non-Khmer) words of a query: letters and digits only.
OTHER_WORD = re.compile("[^\\W_\u1780-\u17ff\u19e0-\u19ff]+")
QUERY_PART = re.compile(f"(?P<khmer>{KHMER_RUN.pattern})|(?P<other>{OTHER_WORD.pattern})")
MAX_QUERY_LENGTH = 200

PAGE_TYPES = {
    "lesson": LessonPage,
    "module": ModulePage,
    "campaign": CampaignPage,
    "publication": PublicationPage,
}


def build_search_query(text: str):
    """The query for what a person typed, or None if it holds nothing to search for.

    Each run of Khmer becomes the phrase of its tokens, the other words one plain-text
    query that needs all of them, and a page must match every part.
    """
    phrases, words = [], []
    for match in QUERY_PART.finditer((text or "")[:MAX_QUERY_LENGTH]):
        if match["khmer"]:
            phrase = " ".join(khmer_word_tokens(match["khmer"]))
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        else:
            words.append(match["other"])
    parts = [Phrase(phrase) for phrase in phrases]
    if words:
        parts.append(PlainText(" ".join(words), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def site_search(*, query: str, locale, page_type: str | None = None, topic_slug: str | None = None):
    """Live, public lessons, modules, campaigns and publications in `locale` matching `query`.

    `page_type` ("lesson", "module", "campaign" or "publication") keeps one kind of page;
    `topic_slug` keeps lessons on that topic. Pages come back as their specific type, best
    match first; an empty query finds nothing.
    """
    search_query = build_search_query(query)
    if search_query is None:
        return Page.objects.none()
    models = [PAGE_TYPES[page_type]] if page_type in PAGE_TYPES else PAGE_TYPES.values()
    pages = Page.objects.live().public().filter(locale=locale).type(*models)
    if topic_slug:
        lessons = LessonPage.objects.filter(locale=locale, topics__slug=topic_slug)
        pages = pages.filter(id__in=lessons.values("id"))
    return pages.specific().search(search_query)
