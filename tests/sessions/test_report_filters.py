"""The programme report's filters are all on the page at once, and the group list follows
the chosen place through the report's places address, only ever in the user's provinces."""

import pytest
from django.urls import reverse

from tests.factories import YouthGroupFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/programme/"


def places(client, **query) -> dict:
    response = client.get(reverse("trainings_reports:programme_places"), query)
    assert response.status_code == 200
    return response.json()


def test_every_filter_of_the_report_is_on_the_page_not_behind_a_button(
    client, users, siem_reap_club
):
    client.force_login(users["officer_x"])
    page = client.get(REPORT).content.decode()
    assert "data-report-filters" in page
    for name in ("date_from", "date_to", "province", "district", "group", "period"):
        assert f'name="{name}"' in page, name
    assert 'id="filters-drilldown"' not in page  # no drop-down of filters in the header
    assert "js/report-filters" in page


def test_the_groups_offered_follow_the_province_chosen(client, users, siem_reap_club):
    client.force_login(users["officer_x"])
    group = siem_reap_club["group"]
    province = group.commune.district.province
    assert [label for __, label in places(client)["group"]][1:] == []
    offered = places(client, province=province.pk)
    assert [value for value, __ in offered["group"]][1:] == [str(group.pk)]
    assert str(group.commune.district.pk) in [value for value, __ in offered["district"]]
    in_district = places(client, province=province.pk, district=group.commune.district.pk)
    assert [value for value, __ in in_district["group"]][1:] == [str(group.pk)]


def test_another_provinces_officer_gets_no_group_of_a_province_typed_in(
    client, users, siem_reap_club
):
    YouthGroupFactory(name="Battambang club", province="02")
    client.force_login(users["officer_y"])
    province = siem_reap_club["group"].commune.district.province
    district = siem_reap_club["group"].commune.district
    offered = places(client, province=province.pk, district=district.pk)
    assert [value for value, __ in offered["group"]][1:] == []
    assert str(district.pk) not in [value for value, __ in offered["district"]]
    assert siem_reap_club["group"].name not in str(offered)


@pytest.mark.parametrize("role", ["club_leader", "editor", "anonymous"])
def test_only_those_who_read_reports_get_the_places(client, users, siem_reap_club, role):
    if role != "anonymous":
        client.force_login(users[role])
    province = siem_reap_club["group"].commune.district.province
    response = client.get(reverse("trainings_reports:programme_places"), {"province": province.pk})
    assert response.status_code in (302, 403)
    assert siem_reap_club["group"].name not in response.content.decode()
