"""Search that understands Khmer, which is written without spaces between words.

Full-text engines split text into words at spaces, so a Khmer word inside a sentence
is never a word of its own to them. Pages therefore also index their Khmer text as a
sequence of Khmer character clusters (a consonant with its subscripts, vowels and
signs), each written as an ASCII token so that every engine keeps it whole; a Khmer
query becomes the phrase of its clusters, which matches wherever the word appears.
"""

import re

from django.utils.html import strip_tags

# A Khmer character cluster: a consonant or independent vowel, then any subscript
# consonants (coeng + consonant), dependent vowels, signs and joiners.
KHMER_CLUSTER = re.compile(
    "[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d1\u17d3\u17dd\u200c\u200d])*"
)
KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd\u200c\u200d]+")
CLUSTER_PREFIX = "kh"


def khmer_cluster_tokens(text: str) -> list[str]:
    """The clusters of the Khmer text in `text`, each as an ASCII token like `kh178017b6`."""
    return [
        CLUSTER_PREFIX + "".join(f"{ord(char):04x}" for char in cluster)
        for cluster in KHMER_CLUSTER.findall(text or "")
    ]


def khmer_index_text(*parts) -> str:
    """The text to index for the Khmer in these parts (HTML tags dropped)."""
    tokens = []
    for part in parts:
        for run in KHMER_RUN.findall(strip_tags(str(part or ""))):
            tokens.extend(khmer_cluster_tokens(run))
            tokens.append("khsep")  # a break between runs, so phrases don't join them
    return " ".join(tokens)
