"""Names and licence numbers in one comparable form, as people type them on a phone.

Pure functions (no database): the model stores their result, the search and the import
compare with it. A name loses case, Latin accents, punctuation, spaces and the invisible
Khmer word separators (zero-width spaces), and the words of a company's legal form
("Co., Ltd.", "ក្រុមហ៊ុន"), which every name has and which say nothing about which agency it is.
Khmer vowel signs and subscripts are combining marks too, so only Latin accents are
removed (U+0300 to U+036F), never a Khmer sign.
"""

import re
import unicodedata
from functools import lru_cache

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
LATIN_ACCENTS = re.compile("[\u0300-\u036f]")
WORD_SPLIT = re.compile(r"[^\w\u1780-\u17ff]+")
# Words of a legal form, compared after the rest of the normalising.
LEGAL_FORM_WORDS = {
    "co",
    "ltd",
    "coltd",
    "company",
    "limited",
    "plc",
    "inc",
    "ក្រុមហ៊ុន",
    "ឯកជន",
    "ឯក",
    "ឯ",
    "ក",
    "កម្រិត",
}
KHMER_COMPANY = "ក្រុមហ៊ុន"
#: A query longer than this is refused: no agency's name is near it.
MAX_QUERY_CHARACTERS = 200


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", str(text or "")).translate(INVISIBLE)
    text = LATIN_ACCENTS.sub("", text).casefold().translate(KHMER_DIGITS)
    text = unicodedata.normalize("NFC", text)
    # Khmer punctuation (។ ៕ ៖ ៗ and the like) is in the Khmer block: drop it as punctuation.
    text = re.sub("[\u17d4-\u17da\u17dc]", " ", text)
    return [word for word in WORD_SPLIT.split(text) if word and word != "_"]


def name_key(text: str) -> str:
    """The name as one run of letters and digits, legal-form words left out."""
    words = _words(text)
    kept = [word for word in words if word not in LEGAL_FORM_WORDS] or words
    key = "".join(kept)
    # Khmer writes no space between words: "ក្រុមហ៊ុនសុខសាន្ត" starts with the legal form.
    if key.startswith(KHMER_COMPANY) and len(key) > len(KHMER_COMPANY):
        key = key[len(KHMER_COMPANY) :]
    return key


def licence_key(text: str) -> str:
    """A licence number as digits and letters only: "០១២-៣៤ ក" and "012/34ក" are the same."""
    return "".join(_words(text))


@lru_cache(maxsize=20_000)
def trigrams(key: str) -> frozenset[str]:
    """The key's runs of three characters, padded at both ends as PostgreSQL's pg_trgm does.

    Kept for the keys seen last: every search compares the query with every agency's
    names, and building their trigrams was most of its time (30 ms of 31 at 2,000).
    """
    padded = f"  {key} "
    return frozenset(padded[index : index + 3] for index in range(len(padded) - 2))


def similarity(query_trigrams: frozenset[str], key: str) -> float:
    """How alike two names are, 0 to 1: shared trigrams over all of them (pg_trgm's measure)."""
    if not key or not query_trigrams:
        return 0.0
    other = trigrams(key)
    shared = len(query_trigrams & other)
    return shared / (len(query_trigrams) + len(other) - shared)
