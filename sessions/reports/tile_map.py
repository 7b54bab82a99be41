"""A tile map of Cambodia: one labelled square per province, placed roughly as they lie.

No geometry needs shipping or fetching: 25 tiles on a 6 × 6 grid keep each province
where a reader looks for it (Banteay Meanchey top left, Ratanak Kiri top right, Kep at
the coast) and give every province the same room for its name and figure.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .charts import SHADE_STEPS, shade_for

COLUMNS = ROWS = 6
#: Province code → (column, row), west to east and north to south.
TILES = {
    "01": (1, 0),  # Banteay Meanchey
    "22": (2, 0),  # Otdar Meanchey
    "13": (3, 0),  # Preah Vihear
    "19": (4, 0),  # Stung Treng
    "16": (5, 0),  # Ratanak Kiri
    "24": (0, 1),  # Pailin
    "02": (1, 1),  # Battambang
    "17": (2, 1),  # Siem Reap
    "06": (3, 1),  # Kampong Thom
    "10": (4, 1),  # Kratie
    "11": (5, 1),  # Mondul Kiri
    "15": (1, 2),  # Pursat
    "04": (2, 2),  # Kampong Chhnang
    "03": (3, 2),  # Kampong Cham
    "25": (4, 2),  # Tboung Khmum
    "09": (0, 3),  # Koh Kong
    "05": (1, 3),  # Kampong Speu
    "12": (2, 3),  # Phnom Penh
    "08": (3, 3),  # Kandal
    "14": (4, 3),  # Prey Veng
    "20": (5, 3),  # Svay Rieng
    "18": (1, 4),  # Sihanoukville
    "07": (2, 4),  # Kampot
    "21": (3, 4),  # Takeo
    "23": (2, 5),  # Kep
}


def tile_map(figures: dict[str, tuple[str, int]], *, title: str) -> SafeString:
    """Tiles shaded by people reached; `figures` maps a province code to (name, people).

    A CSS grid of HTML tiles rather than SVG, so that Khmer names are shaped in the PDF
    as on screen. Provinces missing from `figures` (outside the user's) are left blank.
    Every cell of the grid is written in reading order, an empty one where no province
    lies, so the grid places the tiles itself: no style attribute, which the admin's
    Content-Security-Policy refuses. Shades are classes of static/css/report-shades.css.
    """
    largest = max([people for __, people in figures.values()] + [0])
    code_at = {place: code for code, place in TILES.items()}
    cells = []
    for row in range(ROWS):
        for column in range(COLUMNS):
            code = code_at.get((column, row))
            if code is None:
                cells.append(mark_safe('<div class="tile-gap"></div>'))
            elif code in figures:
                name, people = figures[code]
                cells.append(
                    format_html(
                        '<div class="tile shade-{}" data-province="{}">'
                        '<span class="tile-name">{}</span>'
                        '<span class="tile-figure">{}</span></div>',
                        shade_for(people, largest),
                        code,
                        name,
                        f"{people:,}",
                    )
                )
            else:
                cells.append(mark_safe('<div class="tile tile-outside"></div>'))
    key = format_html_join(
        "", '<span class="swatch shade-{}"></span>', ((step,) for step in range(SHADE_STEPS))
    )
    return format_html(
        '<figure class="report-map" role="img" aria-label="{}"><div class="tiles">{}</div>'
        '<figcaption class="map-key">{} {} {}</figcaption></figure>',
        title,
        mark_safe("".join(cells)),  # noqa: S308 - every tile is escaped above
        _("Fewer"),
        key,
        _("More people reached"),
    )
