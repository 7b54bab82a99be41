"""Readable slugs: Khmer whole, cut between clusters, the same in the editor and the server."""

import json
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from curriculum.slugs import COENG, SLUG_MAX_LENGTH, readable_slug, validate_readable_slug

SCRIPT = settings.BASE_DIR / "curriculum/static/curriculum/js/readable-slug.js"
KHMER_MARKS = {chr(code) for code in range(0x17B6, 0x17D4)} | {"\u17dd"}


def _titles_in(data) -> list[str]:
    if isinstance(data, dict):
        own = [data["title"]] if isinstance(data.get("title"), str) else []
        return own + [title for value in data.values() for title in _titles_in(value)]
    if isinstance(data, list):
        return [title for value in data for title in _titles_in(value)]
    return []


def demo_titles() -> list[str]:
    """Every title in the demo content, Khmer and English: real titles editors write."""
    paths = sorted(Path(settings.BASE_DIR / "demo/data").rglob("*.toml"))
    return [title for path in paths for title in _titles_in(tomllib.loads(path.read_text("utf-8")))]


TITLES = [
    "ត្រៀមលិខិតឆ្លងដែន និងលិខិតអនុញ្ញាតការងារ",
    "ស្ត្រី និង ស្រ្តី",  # subscript ro typed after or before the other subscript
    "ការ\u200bងារ នៅ\u200bបរទេស",  # zero-width spaces between Khmer words
    "មេរៀនទី ១៖ តើអ្វីទៅជាការជួញដូរមនុស្ស?",  # Khmer digits and punctuation
    "  Prepare your Passport & Work-Permit!  ",
    "Café — déjà vu ½",
    "ក" * 100,
    "ស្ត្រី" * 30,
    "ពលករ " * 40,
    "A" + " ការងារ" * 20,
    "\u17b6\u17d2 ក",  # stray marks first
    "ឯ.ក / ក្រុមហ៊ុន (ខ្មែរ)",
    "",
]


def test_a_khmer_title_keeps_its_vowel_signs_and_subscripts():
    slug = readable_slug("ត្រៀមលិខិតឆ្លងដែន និងលិខិតអនុញ្ញាតការងារ")

    assert slug == "ត្រៀមលិខិតឆ្លងដែន-និងលិខិតអនុញ្ញាតការងារ"
    validate_readable_slug(slug)


@pytest.mark.parametrize("title", ["ក" * 100, "ស្ត្រី" * 30, "ពលករ " * 40, "A" + " ការងារ" * 20])
def test_a_long_title_is_cut_between_clusters_never_inside_one(title):
    slug = readable_slug(title)

    assert 0 < len(slug) <= SLUG_MAX_LENGTH
    assert slug[-1] not in "-_" and slug[-1] != COENG
    following = readable_slug(title, max_length=10_000)[len(slug)]
    assert following not in KHMER_MARKS and slug[-1] != COENG
    assert readable_slug(title, max_length=10_000).startswith(slug)


def test_a_long_title_of_words_is_cut_at_a_word():
    slug = readable_slug("ពលករ " * 40)

    assert set(slug.split("-")) == {"ពលករ"}
    assert len(slug) > SLUG_MAX_LENGTH - 5


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_editors_javascript_makes_the_same_slugs_as_the_server():
    titles = TITLES + demo_titles()
    assert len(titles) > len(TITLES) + 20
    program = (
        f"const {{ readableSlug }} = require({json.dumps(str(SCRIPT))});"
        "const titles = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(titles.map((title) => readableSlug(title))));"
    )
    result = subprocess.run(
        ["node", "-e", program],
        input=json.dumps(titles),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert json.loads(result.stdout) == [readable_slug(title) for title in titles]


def test_every_demo_title_gives_a_valid_slug():
    for title in demo_titles():
        validate_readable_slug(readable_slug(title))
