"""The register figures' maps: departures by province, and by district within one province.

The maps draw the cells of the figures' own "By province" and "By district" tables as
the viewer sees them, so a count hidden in a table is hidden on the map too, and a place
of the viewer's with no record shows 0 (zeros describe nobody). They map departures, the
movement prevention work acts on; the tables beside them hold the returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from geography.models import District, Province
from geography.tile_map import Figures, district_tile_map, tile_map

from .scoping import AnyUser, districts_for_register, provinces_for_register
from .selectors import Figure, FigureFilters

#: The column of the place tables that the maps show (departures, then returns).
DEPARTURES = 0


@dataclass(frozen=True)
class RegisterMaps:
    """The province map, and the district map of one province (None when the figures
    cover several provinces: their hundreds of districts would not read on a phone)."""

    provinces: SafeString
    districts: SafeString | None
    district_province: Province | None


def _shown_departures(figure: Figure) -> dict[str, tuple[str, int | None]]:
    return {
        str(key): (label, figure.shown.cell(row, DEPARTURES))
        for row, (key, label) in enumerate(
            zip(figure.table.row_keys, figure.table.row_labels, strict=True)
        )
    }


def _provinces_covered(user: AnyUser, filters: FigureFilters) -> QuerySet[Province]:
    provinces = provinces_for_register(user)
    if filters.province_id is not None:
        provinces = provinces.filter(pk=filters.province_id)
    if filters.district_id is not None:
        provinces = provinces.filter(districts=filters.district_id)
    if filters.commune_id is not None:
        provinces = provinces.filter(districts__communes=filters.commune_id)
    return provinces


def _districts_covered(
    user: AnyUser, filters: FigureFilters, province: Province
) -> QuerySet[District]:
    districts = districts_for_register(user).filter(province=province)
    if filters.district_id is not None:
        districts = districts.filter(pk=filters.district_id)
    if filters.commune_id is not None:
        districts = districts.filter(communes=filters.commune_id)
    return districts


def _with_zeros(
    shown: dict[str, tuple[str, int | None]], places: Iterable[Province | District]
) -> Figures:
    """Every place covered: its shown count, or 0 where the table has no row for it."""
    return {place.code: shown.get(place.code, (place.name, 0)) for place in places}


def register_maps(*, figures: list[Figure], user: AnyUser, filters: FigureFilters) -> RegisterMaps:
    """The maps of `register_figures(user=user, filters=filters)`, from its tables."""
    by_key = {figure.key: figure for figure in figures}
    provinces = list(_provinces_covered(user, filters))
    province_figures = _with_zeros(_shown_departures(by_key["province"]), provinces)
    province_map = tile_map(
        province_figures,
        title=_("Map of departures by province"),
        more_label=_("More departures"),
    )
    if len(provinces) != 1:
        return RegisterMaps(province_map, None, None)
    province = provinces[0]
    district_figures = _with_zeros(
        _shown_departures(by_key["district"]), _districts_covered(user, filters, province)
    )
    district_map = district_tile_map(
        district_figures,
        title=_("Map of departures by district of %(province)s") % {"province": province.name},
        more_label=_("More departures"),
    )
    return RegisterMaps(province_map, district_map, province)
