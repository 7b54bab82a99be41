"""A tile map of Cambodia: one labelled square per province, placed roughly as they lie.

No geometry needs shipping or fetching: 25 tiles on a 6 × 6 grid keep each province
where a reader looks for it (Banteay Meanchey top left, Ratanak Kiri top right, Kep at
the coast) and give every province the same room for its name and figure.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .charts import FONT, INK, SHADES, shade_for

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
TILE_WIDTH, TILE_HEIGHT, GAP = 118, 62, 4


def tile_map(figures: dict[str, tuple[str, int]], *, title: str) -> SafeString:
    """Tiles shaded by people reached; `figures` maps a province code to (name, people).

    Provinces missing from `figures` (outside the user's provinces) are drawn blank.
    """
    largest = max([people for __, people in figures.values()] + [0])
    width = 6 * (TILE_WIDTH + GAP)
    height = 6 * (TILE_HEIGHT + GAP) + 30
    body = []
    for code, (column, row) in TILES.items():
        x = column * (TILE_WIDTH + GAP)
        y = row * (TILE_HEIGHT + GAP)
        if code in figures:
            name, people = figures[code]
            fill = shade_for(people, largest)
            ink = "#ffffff" if fill in SHADES[3:] else INK
            body.append(
                format_html(
                    '<g class="tile" data-province="{}"><rect x="{}" y="{}" width="{}" '
                    'height="{}" rx="4" fill="{}" stroke="#8aa4b3" stroke-width="0.5"/>'
                    '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>'
                    '<text x="{}" y="{}" font-size="15" font-weight="700" text-anchor="middle" '
                    'fill="{}">{}</text></g>',
                    code,
                    x,
                    y,
                    TILE_WIDTH,
                    TILE_HEIGHT,
                    fill,
                    x + TILE_WIDTH / 2,
                    y + 24,
                    ink,
                    name,
                    x + TILE_WIDTH / 2,
                    y + 48,
                    ink,
                    f"{people:,}",
                )
            )
        else:
            body.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="#ffffff" '
                    'stroke="#c4ccd6" stroke-dasharray="3 3"/>',
                    x,
                    y,
                    TILE_WIDTH,
                    TILE_HEIGHT,
                )
            )
    legend_y = 6 * (TILE_HEIGHT + GAP) + 8
    body.append(
        format_html(
            '<text x="0" y="{}" font-size="11" fill="{}">{}</text>',
            legend_y + 11,
            INK,
            _("Fewer"),
        )
    )
    for index, shade in enumerate(SHADES):
        body.append(
            format_html(
                '<rect x="{}" y="{}" width="24" height="14" fill="{}" stroke="#8aa4b3" '
                'stroke-width="0.5"/>',
                60 + index * 26,
                legend_y,
                shade,
            )
        )
    body.append(
        format_html(
            '<text x="{}" y="{}" font-size="11" fill="{}">{}</text>',
            60 + len(SHADES) * 26 + 6,
            legend_y + 11,
            INK,
            _("More people reached"),
        )
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="report-map" role="img" '
        'viewBox="0 0 {} {}" width="{}" height="{}" font-family="{}"><title>{}</title>{}</svg>',
        width,
        height,
        width,
        height,
        FONT,
        title,
        mark_safe("".join(body)),  # noqa: S308 - every part is escaped above
    )
