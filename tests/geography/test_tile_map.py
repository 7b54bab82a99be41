"""The tile maps: one tile per place, hidden figures kept hidden, shades from shown figures."""

import re

from django.utils import translation

from geography.tile_map import TILES, district_tile_map, shade_for, tile_map


def tiles_of(html: str) -> dict[str, str]:
    """Each tile's place code → its markup."""
    return dict(re.findall(r'data-(?:province|district)="(\d+)">(.*?)</div>', html))


def test_every_province_has_a_tile_and_those_not_given_are_blank():
    html = str(tile_map({"17": ("Siem Reap", 12)}, title="Map", more_label="More"))
    assert html.count('class="tile ') == len(TILES) == 25
    assert html.count("tile-outside") == 24
    assert "Siem Reap" in tiles_of(html)["17"] and ">12<" in tiles_of(html)["17"]


def test_a_hidden_figure_shows_as_hidden_with_no_number_and_no_shade():
    with translation.override("km"):
        html = str(
            tile_map({"17": ("សៀមរាប", None), "02": ("បាត់ដំបង", 9)}, title="Map", more_label="+")
        )
    siem_reap = re.search(r'<div class="([^"]*)" data-province="17">(.*?)</div>', html)
    assert siem_reap is not None
    assert siem_reap.group(1) == "tile tile-hidden"
    assert "បានលាក់" in siem_reap.group(2)
    assert not re.search(r"\d", siem_reap.group(2))


def test_shades_are_scaled_on_the_shown_figures_only():
    """A hidden figure, however large, does not darken or lighten the others' tiles."""
    shown_alone = str(tile_map({"02": ("Battambang", 9)}, title="Map", more_label="+"))
    with_hidden = str(
        tile_map({"02": ("Battambang", 9), "17": ("Siem Reap", None)}, title="Map", more_label="+")
    )
    assert 'class="tile shade-5" data-province="02"' in shown_alone
    assert 'class="tile shade-5" data-province="02"' in with_hidden


def test_names_are_escaped():
    html = str(tile_map({"17": ("<b>x</b>", 1)}, title="<i>", more_label="&"))
    assert "<b>" not in html and "&lt;b&gt;" in html and "<i>" not in html


def test_a_provinces_districts_are_tiles_in_code_order():
    html = str(
        district_tile_map(
            {"1703": ("C", 0), "1701": ("A", 5), "1702": ("B", None)},
            title="Districts",
            more_label="+",
        )
    )
    assert list(tiles_of(html)) == ["1701", "1702", "1703"]
    assert 'class="tile shade-0" data-district="1703"' in html
    assert 'class="tile tile-hidden" data-district="1702"' in html
    assert "district-map" in html


def test_shades_run_from_none_to_the_largest():
    assert shade_for(0, 10) == 0
    assert shade_for(1, 10) == 1
    assert shade_for(10, 10) == 5
    assert shade_for(3, 0) == 0
