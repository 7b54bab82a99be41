"""The Khmer web font: built from the package, served from the site's own static files."""

from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont

from home.fonts import WEBFONT_STATIC_PATH, build_webfont
from pdf_engine.fonts import khmer_font_file


def test_the_web_font_is_found_as_a_static_file():
    path = finders.find(WEBFONT_STATIC_PATH)
    assert path is not None
    font = TTFont(path)
    assert font.flavor == "woff2"
    assert font["name"].getDebugName(1) == "Noto Sans Khmer"


def test_the_web_font_keeps_khmer_and_latin_glyphs_and_khmer_shaping():
    font = TTFont(finders.find(WEBFONT_STATIC_PATH))
    characters = font.getBestCmap()
    for char in "កខគឃងចឆជឈញ្ាិីុូេែៃោៅំះ៖។០១២៣៤៥៦៧៨៩AZaz09":
        assert ord(char) in characters, char
    scripts = {record.ScriptTag for record in font["GSUB"].table.ScriptList.ScriptRecord}
    assert {"khmr"} <= scripts
    features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"pres", "blws", "abvs", "psts"} <= features


def test_the_web_font_is_small_enough_for_a_phone_on_3g():
    assert Path(finders.find(WEBFONT_STATIC_PATH)).stat().st_size < 80_000


def test_the_static_files_listing_includes_the_font_for_collectstatic():
    found = [path for finder in finders.get_finders() for path, __ in finder.list([])]
    assert WEBFONT_STATIC_PATH in found


def test_building_the_font_writes_it_whole(tmp_path):
    target = build_webfont(khmer_font_file(), tmp_path / "fonts" / "font.woff2")
    assert target.exists()
    assert not list(tmp_path.glob("**/*.partial"))
    assert TTFont(BytesIO(target.read_bytes())).flavor == "woff2"


@pytest.mark.parametrize("path", ["fonts/other.woff2", "../fonts/NotoSansKhmer.woff2"])
def test_the_font_finder_finds_nothing_else(path):
    from home.fonts import KhmerWebFontFinder

    assert KhmerWebFontFinder().find(path) == []
    assert KhmerWebFontFinder().find(path, find_all=True) == []


def test_a_static_name_no_finder_has_is_none():
    from django.contrib.staticfiles import finders

    # Never [None], as when our finder answered None: every PDF made under the production
    # storage (hashed names, which no finder has) then printed without its stylesheet.
    assert finders.find("css/print.0cb839ba7aa1.css") is None
