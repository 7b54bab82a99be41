"""The commune registers' pilot: two communes in two provinces, their focal points, samples."""

import pytest
from django.urls import reverse

from communes.models import FocalPointAssignment, Movement, RecruitmentActivity
from demo.accounts import demo_accounts_create
from demo.agencies import demo_agencies_build
from demo.communes import demo_commune_records_build, demo_focal_points_assign

pytestmark = pytest.mark.django_db


def test_two_pilot_communes_in_two_provinces_get_sample_records_once():
    demo_agencies_build()
    made = demo_commune_records_build()
    assert made == Movement.objects.count() + RecruitmentActivity.objects.count() > 0
    provinces = set(Movement.objects.values_list("commune__district__province__code", flat=True))
    assert provinces == {"17", "02"}
    assert not Movement.objects.filter(is_sample=False).exists()
    assert not Movement.objects.exclude(name="").exists()
    assert demo_commune_records_build() == 0


def test_the_demo_focal_point_sees_their_pilot_commune_only(client, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = True
    demo_agencies_build()
    demo_commune_records_build()
    demo_accounts_create()
    assert demo_focal_points_assign() == 2
    focal_point = FocalPointAssignment.objects.get(focal_point__username="focal.siemreap")
    client.force_login(focal_point.focal_point)
    page = client.get(reverse("communes:home")).content.decode()
    for record in Movement.objects.all():
        in_pilot = record.commune_id == focal_point.commune_id
        assert (record.person_code in page) == in_pilot
