"""Sample recruitment agencies, so the public check shows each answer it can give.

Read from demo/data/agencies.toml and marked as sample data (`is_sample`). Built once: an
agency whose licence number is already in the register is left as it is.
"""

from django.db import transaction

from agencies.models import Agency, Country
from geography.models import Province

from .data_files import demo_data


def demo_agencies_build() -> int:
    """The sample agencies not yet in the register; returns how many were made."""
    plan = demo_data("agencies")
    made = 0
    with transaction.atomic():
        for fields in plan["agencies"]:
            fields = dict(fields)
            destinations = fields.pop("destinations")
            branches = fields.pop("branches")
            agency = Agency(
                **fields, source=plan["source"], source_date=plan["source_date"], is_sample=True
            )
            agency.set_keys()
            if Agency.objects.filter(licence_key=agency.licence_key).exists():
                continue
            agency.full_clean()
            agency.save()
            agency.destinations.set(Country.objects.filter(code__in=destinations))
            agency.branch_provinces.set(Province.objects.filter(code__in=branches))
            made += 1
    return made
