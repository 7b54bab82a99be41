"""Who may map, dry-run, download and push: the permission walk of the DHIS2 screens."""

import pytest
from django.urls import reverse

from dhis2.models import IndicatorMapping, PushLog
from tests.factories import UserFactory, officer_of

pytestmark = pytest.mark.django_db

EXPORT = "/admin/dhis2/export/"
JANUARY = {"period_kind": "month", "date_from": "2026-01-01", "date_to": "2026-01-31"}


@pytest.fixture
def national(db):
    return UserFactory(role="National program officers")


def test_only_a_national_officer_maps_the_codes(client, national, geography):
    index = reverse("dhis2_indicator_mappings:index")
    add = reverse("dhis2_indicator_mappings:add")
    form = {"indicator": "people_reached", "data_element": "PS.5.3-15", "data_set": "SMH"}
    for user in (officer_of("17"), UserFactory(role="Editors"), UserFactory(role="Club leaders")):
        client.force_login(user)
        assert client.get(index).status_code in (302, 403)
        assert client.post(add, form).status_code in (302, 403)
    assert not IndicatorMapping.objects.exists()
    client.force_login(national)
    assert client.get(index).status_code == 200
    response = client.post(add, form)
    assert response.status_code == 302
    assert IndicatorMapping.objects.get().data_element == "PS.5.3-15"


def test_a_code_that_would_break_the_files_is_refused_in_khmer(client, national, geography):
    client.force_login(national)
    response = client.post(
        reverse("dhis2_option_mappings:add"),
        {"disaggregation": "sex", "value": "female", "category": "1 SEX", "category_option": "F"},
    )
    assert response.status_code == 200
    assert "ចាប់ផ្ដើមដោយអក្សរ" in response.content.decode()
    response = client.post(
        reverse("dhis2_option_mappings:add"),
        {
            "disaggregation": "age_band",
            "value": "female",
            "category": "AGE",
            "category_option": "F",
        },
    )
    assert "សូមជ្រើសរើសភេទសម្រាប់ភេទ" in response.content.decode()


def test_a_province_officer_dry_runs_their_provinces_but_neither_downloads_nor_pushes(
    client, programme, mappings, dhis2_server
):
    client.force_login(officer_of("17"))
    response = client.get(EXPORT, JANUARY)
    assert response.status_code == 200
    dry_run = response.context["dry_run"]
    assert {value.province.code for value in dry_run.values} == {"17"}
    html = response.content.decode()
    assert "KH_SR" in html and "KH_BB" not in html
    assert {row["shown"] for row in response.context["ready_shown"]} == {"<5"}
    for response in (
        client.get(EXPORT, {**JANUARY, "export": "json"}),
        client.get(EXPORT, {**JANUARY, "export": "adx"}),
        client.post(EXPORT, JANUARY),
    ):
        # Wagtail sends a refused admin request back to the dashboard with a message.
        assert (response.status_code, response.get("Location")) == (302, "/admin/")
    assert not dhis2_server.requests and not PushLog.objects.exists()


def test_another_province_typed_in_is_refused(client, programme, mappings):
    client.force_login(officer_of("17"))
    battambang = programme["clubs"]["b"].commune.district.province
    response = client.get(EXPORT, {**JANUARY, "province": battambang.pk})
    assert response.status_code == 200
    assert "dry_run" not in response.context
    assert response.context["form"].errors["province"]


def test_dates_the_wrong_way_round_get_a_khmer_message(client, national, geography):
    client.force_login(national)
    response = client.get(EXPORT, {**JANUARY, "date_from": "2026-02-01"})
    assert "កាលបរិច្ឆេទដំបូងត្រូវតែនៅមុនកាលបរិច្ឆេទចុងក្រោយ" in response.content.decode()


@pytest.mark.parametrize("role", ["Editors", "Club leaders", "Moderators"])
def test_others_get_no_export(client, geography, role):
    client.force_login(UserFactory(role=role))
    for response in (
        client.get(EXPORT, JANUARY),
        client.get(EXPORT, {**JANUARY, "export": "json"}),
        client.post(EXPORT, JANUARY),
    ):
        assert response.status_code in (302, 403)


def test_anonymous_is_sent_to_log_in(client):
    response = client.post(EXPORT, JANUARY)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_national_officer_downloads_adx_and_pushes(
    client, programme, mappings, national, dhis2_server
):
    dhis2_server.body = {
        "status": "SUCCESS",
        "importCount": {"imported": 8, "updated": 0, "ignored": 0, "deleted": 0},
    }
    client.force_login(national)
    response = client.get(EXPORT, JANUARY)
    assert "KH_BB" in response.content.decode()
    response = client.get(EXPORT, {**JANUARY, "export": "adx"})
    assert response["Content-Type"] == "application/adx+xml"
    assert response.content.startswith(b"<?xml")
    response = client.post(EXPORT, JANUARY, follow=True)
    assert len(dhis2_server.requests) == 1
    assert len(dhis2_server.requests[0]["body"]["dataValues"]) == 8
    html = response.content.decode()
    assert "DHIS2 បាននាំចូលតម្លៃ៖ ថ្មី 8" in html
    assert PushLog.objects.get().outcome == "success"


def test_without_a_server_the_push_says_so(client, programme, mappings, national, settings):
    settings.DHIS2_URL = ""
    client.force_login(national)
    response = client.get(EXPORT, JANUARY)
    assert "Send the ready values" not in response.content.decode()
    response = client.post(EXPORT, JANUARY, follow=True)
    assert "មិនមានម៉ាស៊ីនមេ DHIS2" in response.content.decode()
    assert PushLog.objects.get().outcome == "error"
