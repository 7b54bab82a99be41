"""Reads of the agencies' register: the public check's search, the list's date, the help page.

The search is the same code on SQLite and PostgreSQL: every agency's names are kept
normalised (`Agency.search_key`), the query is normalised the same way, and the keys are
compared by trigram similarity (pg_trgm's measure) in Python. The ministry's list holds a
few hundred agencies; at 2,000 the comparison costs a few milliseconds (see
benchmarks/bench_agency_search.py and docs/decisions.md), and one code path means the
answer a reader gets does not depend on the database.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import Agency, AgencyStatus
from .normalising import licence_key, name_key, similarity, trigrams

#: Names less alike than this are not offered (pg_trgm's default threshold is 0.3).
SIMILARITY_THRESHOLD = 0.35
#: The most agencies one answer lists.
MAX_RESULTS = 5
#: A query this short matches inside a name ("soksan" in "soksanmanpower").
MIN_CONTAINED_CHARACTERS = 3


class Verdict:
    """What the public check tells a reader about one agency."""

    LICENSED = "licensed"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    NOT_LICENSED = "not_licensed"


@dataclass
class AgencyMatch:
    agency: Agency
    verdict: str
    by_licence_number: bool


def agency_verdict(agency: Agency, *, today: datetime.date | None = None) -> str:
    """The agency's status as of today: a licence past its expiry date is not a licence."""
    today = today or timezone.localdate()
    if agency.status == AgencyStatus.LICENSED:
        if agency.licence_expires_on and agency.licence_expires_on < today:
            return Verdict.EXPIRED
        return Verdict.LICENSED
    verdicts: dict[str, str] = {
        AgencyStatus.SUSPENDED: Verdict.SUSPENDED,
        AgencyStatus.REVOKED: Verdict.REVOKED,
    }
    return verdicts.get(agency.status, Verdict.NOT_LICENSED)


def _name_scores(query: str) -> dict[int, float]:
    """Agencies whose name is like the query, by id, with how alike (0 to 1)."""
    query_key = name_key(query)
    if not query_key:
        return {}
    query_trigrams = trigrams(query_key)
    scores = {}
    for agency_id, search_key in Agency.objects.values_list("pk", "search_key").iterator(
        chunk_size=5000
    ):
        best = 0.0
        for key in search_key.split(" "):
            if len(query_key) >= MIN_CONTAINED_CHARACTERS and query_key in key:
                # Part of a name, typed right: alike in proportion to how much of it.
                score = 0.5 + 0.5 * len(query_key) / len(key)
            else:
                score = similarity(query_trigrams, key)
            best = max(best, score)
        if best >= SIMILARITY_THRESHOLD:
            scores[agency_id] = best
    return scores


def agencies_matching(query: str, *, limit: int = MAX_RESULTS) -> list[AgencyMatch]:
    """The agencies a reader means by a name (in Khmer or Latin letters) or a licence number.

    An exact licence number comes first; then names, the most alike first.
    """
    number = licence_key(query)
    by_licence = []
    if number and any(character.isdigit() for character in number):
        by_licence = list(Agency.objects.filter(licence_key=number).values_list("pk", flat=True))
    scores = _name_scores(query)
    ranked = by_licence + [
        agency_id
        for agency_id, __ in sorted(scores.items(), key=lambda item: -item[1])
        if agency_id not in by_licence
    ]
    ranked = ranked[:limit]
    agencies = Agency.objects.prefetch_related("destinations", "branch_provinces").in_bulk(ranked)
    return [
        AgencyMatch(
            agency=agencies[agency_id],
            verdict=agency_verdict(agencies[agency_id]),
            by_licence_number=agency_id in by_licence,
        )
        for agency_id in ranked
        if agency_id in agencies
    ]


def agency_by_licence_number(number: str) -> Agency | None:
    """The agency with this licence number, however it is spaced or in which digits."""
    key = licence_key(number)
    if not key:
        return None
    return Agency.objects.filter(licence_key=key).first()


def agency_list_date() -> datetime.date | None:
    """The date of the newest official list in the register (what the public check is as of)."""
    return (
        Agency.objects.filter(is_sample=False).aggregate(date=Max("source_date"))["date"]
        or Agency.objects.aggregate(date=Max("source_date"))["date"]
    )


def help_page_url(request: HttpRequest) -> str | None:
    """The address of the "Where to get help" page in the reader's language, if there is one.

    Found by its page type's name, so that the register depends on no curriculum code.
    """
    content_type = ContentType.objects.filter(app_label="curriculum", model="helppage").first()
    if content_type is None:
        return None
    pages = Page.objects.live().public().filter(content_type=content_type)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.get_url(request) if page else None
