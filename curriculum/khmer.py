"""Khmer text as search tokens: pure functions, no models, so any layer may use them.

Khmer is written without spaces between words, and full-text engines split text into
words at spaces, so a Khmer word inside a sentence is never a word of its own to them.
Pages therefore also index their Khmer text as Khmer character clusters (a consonant
with its subscripts, vowels and signs), each written as an ASCII token that every
engine keeps whole (`kh178017b6` for កា):

- every three neighbouring clusters as one token, in order, so that a Khmer word of
  three clusters or more is the phrase of its threes, which matches wherever it appears;
- every distinct cluster and pair of clusters once, for shorter words.

Threes, not single clusters, make the phrases because PostgreSQL keeps at most 256
positions of a token in a page: "រ" or "ការ" pass that in a long lesson, and a phrase
through their later occurrences would no longer match; a three is nearly always as
rare as the word it belongs to.
"""

import re

from django.utils.html import strip_tags

# A Khmer character cluster: a consonant or independent vowel, then any subscript
# consonants (coeng + consonant), dependent vowels, signs and joiners; or a Khmer digit.
KHMER_CLUSTER = re.compile(
    "[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d1\u17d3\u17dd\u200c\u200d])*"
    "|[\u17e0-\u17e9]"
)
# Khmer text between spaces and punctuation; zero-width spaces, often put between
# Khmer words as line-break hints, don't end it.
KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd\u17e0-\u17e9\u200b-\u200d]+")
# Characters that don't change how a cluster reads: inherent vowels and joiners.
INVISIBLE = re.compile("[\u17b4\u17b5\u200b-\u200d]")
# Subscript consonants at the start of a cluster; subscript ro is typed before or after
# the others (ស្រ្តី, ស្ត្រី) and is put last, as Unicode recommends.
SUBSCRIPTS = re.compile("^(.)((?:\u17d2[\u1780-\u17b3])+)")
COENG_RO = "\u17d2\u179a"
# Subscript da and subscript ta look the same and both are typed (សេចក្ដី, សេចក្តី).
COENG_DA, COENG_TA = "\u17d2\u178a", "\u17d2\u178f"
CLUSTER_PREFIX = "kh"
RUN_BREAK = "khsep"  # between runs in the index, so that phrases don't join them
PHRASE_GRAM = 3  # clusters per token in the phrases


def _normalise_cluster(cluster: str) -> str:
    """The cluster spelt one way: no invisible characters, subscript ta for subscript da,
    subscript ro after the other subscripts."""
    cluster = INVISIBLE.sub("", cluster).replace(COENG_DA, COENG_TA)
    match = SUBSCRIPTS.match(cluster)
    if match and COENG_RO in match[2]:
        subscripts = [match[2][i : i + 2] for i in range(0, len(match[2]), 2)]
        subscripts.sort(key=lambda subscript: subscript == COENG_RO)
        cluster = match[1] + "".join(subscripts) + cluster[match.end() :]
    return cluster


def khmer_cluster_tokens(text: str) -> list[str]:
    """The clusters of the Khmer text in `text`, each as an ASCII token like `kh178017b6`."""
    return [
        CLUSTER_PREFIX + "".join(f"{ord(char):04x}" for char in _normalise_cluster(cluster))
        for cluster in KHMER_CLUSTER.findall(text or "")
    ]


def _grams(clusters: list[str], size: int) -> list[str]:
    """Every `size` neighbouring cluster tokens joined into one, in order."""
    return ["".join(clusters[i : i + size]) for i in range(len(clusters) - size + 1)]


def khmer_word_tokens(word: str) -> list[str]:
    """The tokens whose phrase finds this Khmer word in indexed text."""
    clusters = khmer_cluster_tokens(word)
    return _grams(clusters, min(len(clusters), PHRASE_GRAM))


def khmer_index_text(*parts) -> str:
    """The text to index for the Khmer in these parts (HTML tags dropped)."""
    phrase_tokens, short_tokens = [], set()
    for part in parts:
        for run in KHMER_RUN.findall(strip_tags(str(part or ""))):
            clusters = khmer_cluster_tokens(run)
            phrase_tokens.extend([*_grams(clusters, PHRASE_GRAM), RUN_BREAK])
            for size in range(1, PHRASE_GRAM):
                short_tokens.update(_grams(clusters, size))
    return " ".join([*phrase_tokens, *sorted(short_tokens)])
