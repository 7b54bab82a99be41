"""Who may read and who may change the agencies' register, written as the requests they send."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def screens(agency) -> list[str]:
    return [
        reverse("agencies:index"),
        reverse("agencies:inspect", args=[agency.pk]),
        reverse("agencies:edit", args=[agency.pk]),
        reverse("agencies:add"),
        reverse("agencies:import"),
        reverse("agencies:history", args=[agency.pk]),
    ]


def test_anonymous_readers_reach_no_admin_screen_of_the_register(client, agencies):
    for url in screens(agencies["sokha"]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]


@pytest.mark.parametrize("role_fixture", ["program_officer", "editor"])
def test_program_officers_and_editors_read_the_register_but_cannot_change_it(
    client, agencies, request, role_fixture
):
    client.force_login(request.getfixturevalue(role_fixture))
    sokha = agencies["sokha"]
    assert client.get(reverse("agencies:index")).status_code == 200
    assert client.get(reverse("agencies:inspect", args=[sokha.pk])).status_code == 200
    for url in (
        reverse("agencies:edit", args=[sokha.pk]),
        reverse("agencies:add"),
        reverse("agencies:delete", args=[sokha.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    response = client.post(
        reverse("agencies:edit", args=[sokha.pk]),
        {"name_en": "Renamed", "status": "revoked"},
    )
    assert response.status_code in (302, 403)
    sokha.refresh_from_db()
    assert sokha.status == "licensed"
    # Wagtail answers a refused admin screen with a redirect to the dashboard and a message.
    assert client.get(reverse("agencies:import")).status_code in (302, 403)
    assert client.post(reverse("agencies:import"), {"token": "x"}).status_code in (302, 403)


def test_a_national_officer_changes_an_agency_and_the_change_is_in_its_history(
    client, agencies, national
):
    from wagtail.models import ModelLogEntry

    client.force_login(national)
    sokha = agencies["sokha"]
    response = client.post(
        reverse("agencies:edit", args=[sokha.pk]),
        {
            "name_km": sokha.name_km,
            "name_en": sokha.name_en,
            "status": "revoked",
            "licence_number": sokha.licence_number,
            "licence_issued_on": "2022-03-01",
            "licence_expires_on": "2099-03-01",
            "source": "Ministry letter",
            "source_date": "2025-10-01",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    sokha.refresh_from_db()
    assert sokha.status == "revoked"
    entry = ModelLogEntry.objects.get(
        content_type__app_label="agencies", object_id=str(sokha.pk), action="wagtail.edit"
    )
    assert entry.user_id == national.pk


def test_a_national_officer_cannot_give_two_agencies_one_licence_number(client, agencies, national):
    client.force_login(national)
    angkor = agencies["angkor"]
    response = client.post(
        reverse("agencies:edit", args=[angkor.pk]),
        {"name_en": angkor.name_en, "status": "licensed", "licence_number": "045 / 22"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["licence_number"]
    angkor.refresh_from_db()
    assert angkor.licence_number == "112-19"


def test_the_register_downloads_as_a_spreadsheet_with_formulas_neutralised(
    client, agencies, program_officer
):
    from agencies.models import Agency

    Agency.objects.filter(pk=agencies["mekong"].pk).update(name_en="=HYPERLINK(1)")
    client.force_login(program_officer)
    response = client.get(reverse("agencies:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in content
