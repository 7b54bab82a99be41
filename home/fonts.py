"""The Noto Sans Khmer web font, built from the fontpkg-noto-sans-khmer package.

The package ships one variable TrueType file (360 KB). Phones on 3G get a WOFF2
cut to the Khmer and Latin characters and the weights the site uses (about 45 KB),
built once into a cache folder and served as an ordinary static file.
"""

from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans_khmer
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_join

from pdf_engine.fonts import PRINT_FONT_STATIC_PATH, khmer_font_file

WEBFONT_STATIC_PATH = "fonts/NotoSansKhmer.woff2"

# Khmer, Khmer symbols, Latin-1, and the joiners and punctuation Khmer text uses.
WEBFONT_CODEPOINTS = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x100),
    *range(0x1780, 0x1800),
    *range(0x19E0, 0x1A00),
    0x200B,
    0x200C,
    0x200D,
    0x25CC,
    0x2013,
    0x2014,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2026,
]


def build_webfont(source: Path, target: Path) -> Path:
    """Write a WOFF2 subset of `source` to `target`, keeping every shaping feature."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    options = subset.Options()
    options.layout_features = ["*"]  # Khmer needs all its GSUB/GPOS features to shape.
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=WEBFONT_CODEPOINTS)
    subsetter.subset(font)
    font = instancer.instantiateVariableFont(font, {"wdth": 100, "wght": (400, 700)})
    font.flavor = "woff2"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    font.save(partial)
    partial.replace(target)  # atomic, so a concurrent reader never sees half a file
    return target


@lru_cache(maxsize=1)
def webfont_cache_folder() -> Path:
    """The cache folder holding the built font, named by the package version."""
    version = getattr(fontpkg_noto_sans_khmer, "__version__", None) or _package_version()
    folder = Path(settings.WEBFONT_CACHE_DIR) / f"noto-sans-khmer-{version}"
    target = folder / WEBFONT_STATIC_PATH
    if not target.exists():
        build_webfont(khmer_font_file(), target)
    return folder


def _package_version() -> str:
    from importlib.metadata import version

    return version("fontpkg-noto-sans-khmer")


class KhmerWebFontFinder(BaseFinder):
    """Static files finder that serves the built web font at `fonts/NotoSansKhmer.woff2`."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path == WEBFONT_STATIC_PATH:
            found = safe_join(str(webfont_cache_folder()), path)
        elif path == PRINT_FONT_STATIC_PATH:
            found = str(khmer_font_file())
        else:
            # An empty list, as Django's own finders answer: `finders.find()` turns a
            # None into a match of [None].
            return []
        return [found] if find_all else found

    def list(self, ignore_patterns):
        yield WEBFONT_STATIC_PATH, FileSystemStorage(location=str(webfont_cache_folder()))
        yield PRINT_FONT_STATIC_PATH, _SingleFileStorage(khmer_font_file())


class _SingleFileStorage(FileSystemStorage):
    """Storage that opens one file under a fixed static path, for collectstatic."""

    def __init__(self, source: Path):
        super().__init__(location=str(source.parent))
        self.source = source

    def path(self, name):
        return str(self.source)
