"""The public agency search at 2,000 agencies: the name search (a misspelled Khmer name, a
Latin one) and the whole page, against a plain indexed lookup by licence number, same run."""

import os
import random

from harness import median_seconds, report, setup_django, throwaway_database

setup_django()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from agencies.models import Agency, AgencyStatus  # noqa: E402
from agencies.selectors import agencies_matching  # noqa: E402

AGENCIES = int(os.environ.get("BENCH_AGENCIES", "2000"))
KHMER_SYLLABLES = ["សុខ", "សាន្ត", "ពន្លឺ", "អង្គរ", "មេគង្គ", "ជំនាញ", "ការងារ", "ដៃគូ", "រស្មី", "វឌ្ឍនៈ"]
LATIN_WORDS = [
    "Sokha",
    "Santi",
    "Ponleu",
    "Angkor",
    "Mekong",
    "Skills",
    "Work",
    "Partners",
    "Rasmey",
]


def agencies_generate(count: int) -> None:
    chooser = random.Random(15)  # noqa: S311 made-up data, not secrets
    Agency.objects.bulk_create(
        [
            Agency(
                name_km=" ".join(chooser.sample(KHMER_SYLLABLES, 3)) + f" {index}",
                name_en=" ".join(chooser.sample(LATIN_WORDS, 3)) + f" Manpower {index}",
                licence_number=f"{index:04d}/{chooser.randint(10, 25)}",
                status=chooser.choice(list(AgencyStatus)),
            )
            for index in range(count)
        ],
        batch_size=1000,
    )
    # bulk_create skips save(): the keys are set as every other write sets them.
    for agency in Agency.objects.all():
        agency.set_keys()
        Agency.objects.filter(pk=agency.pk).update(
            licence_key=agency.licence_key, search_key=agency.search_key
        )


def main() -> None:
    with throwaway_database():
        agencies_generate(AGENCIES)
        target = Agency.objects.order_by("pk")[AGENCIES // 2]
        misspelled = target.name_km.replace("សុខ", "សុក").replace("ពន្លឺ", "ពន្លិ")
        key = target.licence_key

        baseline = median_seconds(lambda: list(Agency.objects.filter(licence_key=key)), repeat=200)
        khmer = median_seconds(lambda: agencies_matching(misspelled), repeat=50)
        latin = median_seconds(lambda: agencies_matching(target.name_en.lower()), repeat=50)
        client = Client()
        with translation.override("km"):
            url = reverse("agency_check")
        page = median_seconds(lambda: client.get(url, {"q": misspelled}), repeat=50)
        assert any(match.agency.pk == target.pk for match in agencies_matching(misspelled))

        report("agency_lookup_by_licence_number", baseline * 1000, "ms")
        report("agency_search_khmer_misspelled", khmer * 1000, "ms", baseline * 1000)
        report("agency_search_latin", latin * 1000, "ms", baseline * 1000)
        report("agency_check_page", page * 1000, "ms", baseline * 1000)


if __name__ == "__main__":
    main()
