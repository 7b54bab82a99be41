"""Page slugs a person can read: Khmer kept whole, with its vowel signs and subscripts.

Django's `slugify` and Wagtail's admin keep only letters and digits, and Khmer's dependent
vowels, signs and subscript marker (coeng) are combining marks, so "ត្រៀមលិខិតឆ្លងដែន"
became "តរមលខតឆលងដន", which no one can read. Here a slug keeps letters, digits, `_` and
Khmer's combining marks; spaces become `-`; other punctuation goes; Latin is lowercased; and
a slug longer than `SLUG_MAX_LENGTH` is cut at a word (a `-`) or, failing one near the end,
between two Khmer clusters, never inside one.

`static/curriculum/js/readable-slug.js` does exactly the same in the page editor, so the slug
an editor sees while typing the title is the one the server keeps; `tests/curriculum/
test_readable_slugs.py` runs both on the same titles. Change the two together.
"""

import re
import unicodedata

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

SLUG_MAX_LENGTH = 80
# Khmer dependent vowels, signs and the coeng (U+17B6–U+17D3, U+17DD): combining marks that
# Python's `\w` and Django's slug validators don't count as word characters.
KHMER_MARKS = "\u17b6-\u17d3\u17dd"
COENG = "\u17d2"
# Characters that change nothing a reader sees: Khmer's two invisible inherent vowels
# (discouraged by Unicode), zero-width spaces and joiners, word joiner, byte-order mark.
INVISIBLE = re.compile("[\u17b4\u17b5\u200b-\u200d\u2060\ufeff]")
SEPARATORS = re.compile(r"[-\s]+")
# What a readable slug may hold; Django's `validate_unicode_slug` is `^[-\w]+\Z`.
READABLE_SLUG = re.compile(rf"^[-\w{KHMER_MARKS}]+\Z")
# The public address of a page: its ancestors' slugs and its own, each followed by `/` (as
# Wagtail's `serve` pattern with WAGTAIL_APPEND_SLASH, its default), Khmer marks allowed.
PAGE_PATH_PATTERN = rf"^((?:[-\w{KHMER_MARKS}]+/)*)$"

validate_readable_slug = RegexValidator(
    READABLE_SLUG,
    _(
        "Enter a slug of letters (Khmer or Latin, with their vowel signs), numbers, "
        "underscores or hyphens."
    ),
    "invalid",
)


def _is_whitespace(character: str) -> bool:
    # Spelt out, rather than `str.isspace`, so that the JavaScript copy can match it exactly.
    return character in "\t\n\v\f\r" or unicodedata.category(character) == "Zs"


def _is_kept(character: str) -> bool:
    return (
        unicodedata.category(character)[0] in "LN"
        or character == "_"
        or "\u17b6" <= character <= "\u17d3"
        or character == "\u17dd"
    )


def _is_inside_cluster(slug: str, position: int) -> bool:
    """Whether cutting `slug` before `position` would split a Khmer cluster."""
    character = slug[position]
    return "\u17b6" <= character <= "\u17d3" or character == "\u17dd" or slug[position - 1] == COENG


def shorten_slug(slug: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """`slug` cut to `max_length` characters at a word or Khmer cluster boundary."""
    if len(slug) <= max_length:
        return slug
    last_hyphen = slug.rfind("-", 0, max_length + 1)
    if last_hyphen >= max_length // 2:
        return slug[:last_hyphen]
    end = max_length
    while end > 0 and _is_inside_cluster(slug, end):
        end -= 1
    return slug[:end].strip("-_")


def readable_slug(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """The slug of a title: Khmer whole, Latin lowercased, words joined by `-`, capped."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()
    kept = "".join(
        "-" if _is_whitespace(character) else character
        for character in text
        if character == "-" or _is_whitespace(character) or _is_kept(character)
    )
    return shorten_slug(SEPARATORS.sub("-", kept).strip("-_"), max_length)


def unique_child_slug(*, parent, base: str, page=None) -> str:
    """`base`, or `base-2`, `base-3`… : the first slug no other child of `parent` has.

    `page` (already saved, or not) is left out of the comparison, so a page keeps its slug.
    """
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    candidate, number = base, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        suffix = f"-{number}"
        candidate = shorten_slug(base, SLUG_MAX_LENGTH - len(suffix)) + suffix
    return candidate
