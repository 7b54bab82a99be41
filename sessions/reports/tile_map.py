"""A tile map of Cambodia: one labelled square per province, placed roughly as they lie.

No geometry needs shipping or fetching: 25 tiles on a 6 × 6 grid keep each province
where a reader looks for it (Banteay Meanchey top left, Ratanak Kiri top right, Kep at
the coast) and give every province the same room for its name and figure.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .charts import INK, SHADES, shade_for

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
    """
    largest = max([people for __, people in figures.values()] + [0])
    tiles = []
    for code, (column, row) in TILES.items():
        place = f"grid-column:{column + 1};grid-row:{row + 1}"
        if code in figures:
            name, people = figures[code]
            fill = shade_for(people, largest)
            ink = "#ffffff" if fill in SHADES[3:] else INK
            tiles.append(
                format_html(
                    '<div class="tile" data-province="{}" style="{};background:{};color:{}">'
                    '<span class="tile-name">{}</span><span class="tile-figure">{}</span></div>',
                    code,
                    place,
                    fill,
                    ink,
                    name,
                    f"{people:,}",
                )
            )
        else:
            tiles.append(format_html('<div class="tile tile-outside" style="{}"></div>', place))
    key = format_html_join(
        "", '<span class="swatch" style="background:{}"></span>', ((shade,) for shade in SHADES)
    )
    return format_html(
        '<figure class="report-map" role="img" aria-label="{}"><div class="tiles">{}</div>'
        '<figcaption class="map-key">{} {} {}</figcaption></figure>',
        title,
        mark_safe("".join(tiles)),  # noqa: S308 - every tile is escaped above
        _("Fewer"),
        key,
        _("More people reached"),
    )
