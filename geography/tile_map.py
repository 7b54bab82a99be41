"""Tile maps of Cambodia: one labelled square per province, or per district of a province.

No geometry needs shipping or fetching: 25 tiles on a 6 × 6 grid keep each province
where a reader looks for it (Banteay Meanchey top left, Ratanak Kiri top right, Kep at
the coast) and give every province the same room for its name and figure. Districts
have no such layout in our data, so a province's districts are tiles in code order.

A figure may be hidden (None) by the caller's small-count suppression: its tile says
so and keeps the neutral shade, and the shades are scaled on the shown figures only,
so neither a tile's colour nor its neighbours' tell what was hidden. The trainings
report and the commune register's figures both draw their maps here.
"""

from collections.abc import Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

COLUMNS = ROWS = 6
#: Steps of a tile's shade, from none (0) to the most; their colours are the classes
#: `shade-0` … `shade-5` of static/css/report-shades.css.
SHADE_STEPS = 6
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

#: A place's code → (its name, its figure or None where the figure is hidden).
Figures = Mapping[str, tuple[str, int | None]]


def shade_for(value: int, largest: int) -> int:
    """The tile shade of a figure: its share of the largest, in five steps above none."""
    if not value or not largest:
        return 0
    return min(SHADE_STEPS - 1, 1 + int(4.999 * value / largest))


def _largest_shown(figures: Figures) -> int:
    return max([value for __, value in figures.values() if value is not None] + [0])


def _tile(attribute: str, code: str, name: str, value: int | None, largest: int) -> SafeString:
    if value is None:
        return format_html(
            '<div class="tile tile-hidden" data-{}="{}"><span class="tile-name">{}</span>'
            '<span class="tile-figure">{}</span></div>',
            attribute,
            code,
            name,
            _("hidden"),
        )
    return format_html(
        '<div class="tile shade-{}" data-{}="{}"><span class="tile-name">{}</span>'
        '<span class="tile-figure">{}</span></div>',
        shade_for(value, largest),
        attribute,
        code,
        name,
        f"{value:,}",
    )


def _figure(
    css_class: str, tiles: Sequence[SafeString], *, title: str, more_label: str
) -> SafeString:
    key = format_html_join(
        "", '<span class="swatch shade-{}"></span>', ((step,) for step in range(SHADE_STEPS))
    )
    return format_html(
        '<figure class="{}" role="img" aria-label="{}"><div class="tiles">{}</div>'
        '<figcaption class="map-key">{} {} {}</figcaption></figure>',
        css_class,
        title,
        mark_safe("".join(tiles)),  # noqa: S308 - every tile is escaped in _tile
        _("Fewer"),
        key,
        more_label,
    )


def tile_map(figures: Figures, *, title: str, more_label: str) -> SafeString:
    """The provinces' tiles shaded by their figure; `figures` maps a province code to
    (name, figure). Provinces missing from it (outside the user's) are left blank.

    A CSS grid of HTML tiles rather than SVG, so that Khmer names are shaped in the PDF
    as on screen. Every cell of the grid is written in reading order, an empty one where
    no province lies, so the grid places the tiles itself: no style attribute, which the
    admin's Content-Security-Policy refuses. Shades are classes of static/css/report-shades.css.
    """
    largest = _largest_shown(figures)
    code_at = {place: code for code, place in TILES.items()}
    cells = []
    for row in range(ROWS):
        for column in range(COLUMNS):
            code = code_at.get((column, row))
            if code is None:
                cells.append(mark_safe('<div class="tile-gap"></div>'))
            elif code in figures:
                name, value = figures[code]
                cells.append(_tile("province", code, name, value, largest))
            else:
                cells.append(mark_safe('<div class="tile tile-outside"></div>'))
    return _figure("report-map", cells, title=title, more_label=more_label)


def district_tile_map(figures: Figures, *, title: str, more_label: str) -> SafeString:
    """A province's districts as tiles in code order, shaded by their figure."""
    largest = _largest_shown(figures)
    cells = [
        _tile("district", code, name, value, largest)
        for code, (name, value) in sorted(figures.items())
    ]
    return _figure("report-map district-map", cells, title=title, more_label=more_label)
