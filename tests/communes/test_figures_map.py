"""The register figures' maps: the tables' own cells, hidden where the tables hide them.

An officer of Siem Reap sees Siem Reap's tile and its districts, a hidden count as hidden;
Battambang's tile is blank. A national officer sees every count, and a province's districts
once they choose it.
"""

import re

import pytest
from django.urls import reverse

from tests.communes.conftest import movement

pytestmark = pytest.mark.django_db

URL = "communes_figures:index"


def tile(html: str, attribute: str, code: str) -> tuple[str, str] | None:
    """The tile's classes and text, or None where the map has no tile for the place."""
    found = re.search(rf'<div class="([^"]*)" data-{attribute}="{code}">(.*?)</div>', html)
    return (found.group(1), re.sub(r"<[^>]+>", " ", found.group(2))) if found else None


@pytest.fixture
def register(communes):
    """Siem Reap's commune A: 7 departures and 2 returns; Battambang's commune B: 6 and 5."""
    for _number in range(7):
        movement(communes["A"])
    for _number in range(2):
        movement(communes["A"], kind="return")
    for _number in range(6):
        movement(communes["B"])
    for _number in range(5):
        movement(communes["B"], kind="return")
    return communes


def test_an_officer_sees_their_province_hidden_where_the_table_hides_it(
    client, register, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL))
    html = response.text
    figures = {figure.key: figure for figure in response.context["figures"]}
    # The table hides the 7 departures to protect the 2 returns: so does the map.
    assert figures["province"].rows[0].values == (None, None, 9)
    classes, text = tile(html, "province", "17")
    assert "tile-hidden" in classes and "7" not in text
    assert register["A"].district.province.name_km in text
    # Battambang is outside the officer's provinces: a blank tile, no name, no count.
    assert tile(html, "province", "02") is None
    assert register["B"].district.province.name_km not in html
    # One province: its districts too, with the same cells as the "By district" table.
    classes, text = tile(html, "district", register["A"].district.code)
    assert "tile-hidden" in classes and "7" not in text
    districts = re.findall(r'data-district="(\d+)"', html)
    assert len(districts) == register["A"].district.province.districts.count()
    assert all(code.startswith("17") for code in districts)


def test_a_national_officer_sees_every_count_and_a_provinces_districts_when_chosen(
    client, register, national
):
    client.force_login(national)
    html = client.get(reverse(URL)).text
    assert "7" in tile(html, "province", "17")[1]
    assert "6" in tile(html, "province", "02")[1]
    assert "shade-0" in tile(html, "province", "12")[0]  # no record in Phnom Penh: 0
    assert "data-district=" not in html  # every province's districts would not read

    siem_reap = register["A"].district.province
    html = client.get(reverse(URL), {"province": siem_reap.pk}).text
    assert "7" in tile(html, "district", register["A"].district.code)[1]
    districts = re.findall(r'data-district="(\d+)"', html)
    assert len(districts) == siem_reap.districts.count()
    assert all(code.startswith("17") for code in districts)
    assert tile(html, "province", "02") is None


def test_an_officer_whose_counts_are_large_enough_reads_them_on_the_map(
    client, register, officer_battambang
):
    client.force_login(officer_battambang)
    html = client.get(reverse(URL)).text
    classes, text = tile(html, "province", "02")
    assert "shade-5" in classes and "6" in text
    assert tile(html, "province", "17") is None


def test_an_officer_asking_for_another_provinces_map_gets_none(
    client, register, officer_battambang
):
    client.force_login(officer_battambang)
    other_province = register["A"].district.province
    response = client.get(reverse(URL), {"province": other_province.pk})
    # An officer's figures are a whole year of their own communes: the place typed into the
    # address is no filter of theirs, and the map holds only their own province.
    assert "province" not in response.context["form"].fields
    assert tile(response.text, "province", other_province.code) is None
    assert f'data-district="{other_province.code}' not in response.text
