"""The geography: official counts, idempotent loading, and lookups as people write places."""

import pytest
from django.utils import translation

from geography.loading import load_geography
from geography.lookups import (
    find_commune_code,
    find_district_code,
    find_province_code,
    normalise_place_name,
)
from geography.models import Commune, District, Province, Village

pytestmark = pytest.mark.django_db


def test_all_25_provinces_and_their_districts_communes_and_villages_are_loaded():
    assert Province.objects.count() == 25
    assert District.objects.count() == 210
    assert Commune.objects.count() == 1661
    assert Village.objects.count() > 14000
    siem_reap = Province.objects.get(code="17")
    assert (siem_reap.name_km, siem_reap.name_en) == ("សៀមរាប", "Siemreap")
    assert siem_reap.districts.count() > 0
    assert District.objects.filter(province__isnull=True).count() == 0


def test_loading_the_geography_again_changes_nothing():
    before = Province.objects.count(), Commune.objects.count(), Village.objects.count()
    result = load_geography()
    assert sum(result.created.values()) == 0
    assert sum(result.updated.values()) == 0
    assert (Province.objects.count(), Commune.objects.count(), Village.objects.count()) == before


def test_loading_restores_a_name_changed_by_hand():
    Province.objects.filter(code="17").update(name_en="Wrong name")
    load_geography()
    assert Province.objects.get(code="17").name_en == "Siemreap"


@pytest.mark.parametrize(
    "query",
    [
        "17",
        " 17 ",
        "១៧",
        "សៀមរាប",
        "ខេត្តសៀមរាប",
        "Siemreap",
        "Siem Reap",
        "siem reap",
        "SIEM-REAP",
        "Siem Reap Province",
        "Siem Riep",
    ],
)
def test_a_province_is_found_by_code_khmer_or_english_name_and_spelling_variants(query):
    assert find_province_code(query) == "17"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Phnom Penh", "12"),
        ("ភ្នំពេញ", "12"),
        ("រាជធានីភ្នំពេញ", "12"),
        ("Ratanakiri", "16"),
        ("Ratanak Kiri", "16"),
        ("Mondulkiri", "11"),
        ("Preah Sihanouk", "18"),
        ("Oddar Meanchey", "22"),
        ("Kompong Cham", "03"),
        ("Kratié", "10"),
        ("Tbong Khmum", "25"),
        ("1", "01"),
    ],
)
def test_common_spellings_of_provinces_are_understood(query, code):
    assert find_province_code(query) == code


@pytest.mark.parametrize("query", ["", "   ", "Atlantis", "99", "Siem", None])
def test_an_unknown_or_partial_place_is_not_guessed(query):
    assert find_province_code(query) is None


def test_a_district_and_a_commune_are_found_within_their_province():
    district = District.objects.filter(province__code="17").first()
    assert find_district_code(district.name_en, "Siem Reap") == district.code
    assert find_district_code(district.name_km, "17") == district.code
    assert find_district_code(district.code) == district.code

    commune = Commune.objects.filter(district=district).first()
    assert find_commune_code(commune.name_km, district.code) == commune.code
    assert find_commune_code(commune.code) == commune.code
    assert find_commune_code(commune.name_en.upper(), district.code) == commune.code


def test_a_district_in_another_province_is_not_found_there():
    battambang_names = set(
        District.objects.filter(province__code="02").values_list("name_en", flat=True)
    )
    district = District.objects.filter(province__code="17").exclude(name_en__in=battambang_names)[0]
    assert find_district_code(district.name_en, "Battambang") is None
    assert find_district_code(district.code, "Battambang") is None


def test_normalising_keeps_khmer_marks_and_drops_latin_accents():
    assert normalise_place_name("Kratié") == "kratie"
    assert normalise_place_name("ខេត្តកំពត") == "កំពត"
    assert normalise_place_name("Kompong  Som") == "kampongsom"


def test_a_place_is_named_in_the_reader_s_language():
    province = Province.objects.get(code="02")
    with translation.override("km"):
        assert str(province) == "បាត់ដំបង"
    with translation.override("en"):
        assert str(province) == "Battambang"
