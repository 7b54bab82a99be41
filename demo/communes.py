"""The commune registers' pilot: two communes, their focal points and sample records.

Read from demo/data/communes.toml; every record is marked as sample data. Built once: a
pilot commune that already has sample records is left as it is.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from agencies.models import Agency, Country
from agencies.normalising import licence_key
from communes.models import FocalPointAssignment, Movement, RecruitmentActivity
from geography.models import Commune, Province

from .data_files import demo_data


def _pilot_communes() -> dict[str, Commune]:
    return {
        pilot["key"]: Commune.objects.filter(district__province__code=pilot["province"])
        .order_by("code")
        .first()
        for pilot in demo_data("communes")["pilots"]
    }


def _places(fields: dict) -> dict:
    """The record's fields with codes (country, province, agency) read as the objects."""
    fields = dict(fields)
    fields.pop("pilot")
    if "destination" in fields:
        fields["destination_country"] = Country.objects.get(code=fields.pop("destination"))
    if "province" in fields:
        fields["destination_province"] = Province.objects.get(code=fields.pop("province"))
    if "agency" in fields:
        fields["agency"] = Agency.objects.get(licence_key=licence_key(fields.pop("agency")))
    return fields


def demo_commune_records_build() -> int:
    """The sample movements and sightings of pilot communes that have none; returns how many."""
    plan = demo_data("communes")
    communes = _pilot_communes()
    made = 0
    with transaction.atomic():
        filled = {
            key
            for key, commune in communes.items()
            if Movement.objects.filter(commune=commune, is_sample=True).exists()
        }
        for model, entries in (
            (Movement, plan["movements"]),
            (RecruitmentActivity, plan["recruitment"]),
        ):
            for entry in entries:
                if entry["pilot"] in filled:
                    continue
                commune = communes[entry["pilot"]]
                record = model(
                    commune=commune,
                    village=commune.villages.order_by("code").first(),
                    is_sample=True,
                    **_places(entry),
                )
                record.full_clean()
                record.save()
                made += 1
    return made


def demo_focal_points_assign() -> int:
    """Give each pilot commune to its demo focal point (accounts made first); returns how many."""
    users = get_user_model().objects
    made = 0
    communes = _pilot_communes()
    for pilot in demo_data("communes")["pilots"]:
        focal_point = users.filter(username=pilot["focal_point"]).first()
        if focal_point is None:
            continue
        __, created = FocalPointAssignment.objects.get_or_create(
            focal_point=focal_point, commune=communes[pilot["key"]]
        )
        made += created
    return made
