"""The Noto Sans Khmer font that every PDF embeds, from the fontpkg-noto-sans-khmer package."""

from pathlib import Path

import fontpkg_noto_sans_khmer

# Where the print stylesheet finds the font (`url("../fonts/NotoSansKhmer.ttf")`), served
# from the package's file by the static files finder in `home.fonts`.
PRINT_FONT_STATIC_PATH = "fonts/NotoSansKhmer.ttf"


def khmer_font_file() -> Path:
    """The package's variable TrueType file, used as is by the PDF renderer."""
    return next((Path(fontpkg_noto_sans_khmer.ROOT) / "files").glob("NotoSansKhmer*.ttf"))
