"""The permission walk, screen by screen: every admin URL of the commune registers that
takes a record's id (Wagtail's history, its results, usage, inspect, edit, delete, erasure),
the listings' search results, the figures and their map, asked for commune A's records by
each kind of user who must not have them. Nothing of commune A may come back.
"""

import pytest
from django.urls import reverse

from communes.models import Movement, RecruitmentActivity

pytestmark = pytest.mark.django_db

RECORD_VIEWS = ("inspect", "edit", "delete", "history", "history_results", "usage")
LISTINGS = ("communes_movement", "communes_recruitment")


def record_urls(records, key):
    movement, sighting = records[key], records[f"{key}-sighting"]
    return [
        *(reverse(f"communes_movement:{view}", args=[movement.pk]) for view in RECORD_VIEWS),
        reverse("communes_movement:erase", args=[movement.pk]),
        *(reverse(f"communes_recruitment:{view}", args=[sighting.pk]) for view in RECORD_VIEWS),
    ]


def search_urls(records, key):
    """The movements' listing and its results (what the search box fetches), searched by the
    start of A's code (the whole code would come back in the search box itself)."""
    start = records[key].person_code[:-1]
    return [
        f"{reverse('communes_movement:index')}?q={start}",
        f"{reverse('communes_movement:index_results')}?q={start}",
        f"{reverse('communes_recruitment:index')}?q=Broker",
        f"{reverse('communes_recruitment:index_results')}?q=Broker",
    ]


def secrets_of(records, key):
    return [records[key].person_code, records[key].name, records[key].phone, f"Broker of {key}"]


def assert_nothing_of(records, key, response, url):
    page = response.content.decode()
    for secret in secrets_of(records, key):
        assert secret not in page, (url, secret)


@pytest.mark.parametrize("who", ["focal_point_b", "officer_battambang", "editor", "anonymous"])
def test_no_screen_of_a_record_of_commune_a_opens_for_others(client, records, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in record_urls(records, "A"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (who, url, response.status_code)
        assert_nothing_of(records, "A", response, url)
        if response.status_code == 302:
            assert "login" in response["Location"] or response["Location"] == "/admin/", url


@pytest.mark.parametrize("who", ["focal_point_b", "officer_battambang", "editor", "anonymous"])
def test_searching_for_commune_as_code_finds_nothing_for_others(client, records, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in search_urls(records, "A"):
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (who, url)
        assert_nothing_of(records, "A", response, url)
    # Wagtail's own search and history screens.
    for url in [
        f"{reverse('wagtailadmin_pages:search')}?q={records['A'].person_code[:-1]}",
        reverse("wagtailadmin_reports:site_history"),
    ]:
        assert_nothing_of(records, "A", client.get(url), url)


@pytest.mark.parametrize("who", ["focal_point_b", "officer_battambang", "editor", "anonymous"])
def test_no_one_else_changes_or_deletes_a_record_of_commune_a(client, records, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    movement, sighting = records["A"], records["A-sighting"]
    client.post(reverse("communes_movement:delete", args=[movement.pk]))
    client.post(reverse("communes_movement:erase", args=[movement.pk]))
    client.post(reverse("communes_movement:edit", args=[movement.pk]), {"date": "2025-01-01"})
    client.post(reverse("communes_recruitment:delete", args=[sighting.pk]))
    client.post(
        reverse("communes_recruitment:edit", args=[sighting.pk]),
        {"seen_on": "2025-01-01", "recruiter_kind": "unknown"},
    )
    movement.refresh_from_db()
    sighting.refresh_from_db()
    assert movement.date.isoformat() == "2025-05-10" and movement.name == "Secret name A"
    assert sighting.seen_on.isoformat() == "2025-05-10"
    assert sighting.recruiter_kind == "broker"


def test_the_commune_officer_opens_the_screens_of_their_own_records(
    client, records, officer_siem_reap
):
    """The walk's other half: the same URLs work for the officer of the record's province."""
    client.force_login(officer_siem_reap)
    for url in record_urls(records, "A"):
        if "/erase/" in url or "/delete/" in url:
            continue  # erasure is for national officers; deleting is tried above
        assert client.get(url).status_code == 200, url
    movements, __, sightings, __ = (
        client.get(url).content.decode() for url in search_urls(records, "A")
    )
    assert records["A"].person_code in movements
    assert "Broker of A" in sightings and "Broker of B" not in sightings


@pytest.mark.parametrize("who", ["officer_siem_reap", "officer_battambang", "editor"])
def test_nobody_adds_records_in_the_admin(client, communes, request, who):
    """Records are made on the focal points' phones; a tampered admin form makes none."""
    client.force_login(request.getfixturevalue(who))
    village = communes["A"].villages.first()
    for listing in LISTINGS:
        url = reverse(f"{listing}:add")
        assert client.get(url).status_code in (302, 403), (who, url)
        client.post(
            url,
            {
                "commune": communes["A"].pk,
                "village": village.pk,
                "date": "2025-01-01",
                "seen_on": "2025-01-01",
                "kind": "departure",
                "sex": "male",
                "age_band": "25+",
                "destination_province": "12",
                "sector": "F",
                "channel": "alone",
                "recruiter_kind": "broker",
            },
        )
    assert not Movement.objects.exists() and not RecruitmentActivity.objects.exists()


@pytest.mark.parametrize("who", ["focal_point_a", "officer_siem_reap", "editor"])
def test_only_national_officers_open_the_focal_points_and_fee_caps_screens(
    client, communes, national, request, who
):
    from communes.models import FocalPointAssignment
    from tests.communes.conftest import focal_point_of

    assignment = FocalPointAssignment.objects.get(
        focal_point=focal_point_of(communes["B"], username="focal.hidden")
    )
    urls = [
        *(
            reverse(f"communes_focal_points:{view}", args=[assignment.pk])
            for view in ("edit", "delete", "history", "history_results", "usage")
        ),
        reverse("communes_focal_points:index"),
        reverse("communes_focal_points:index_results") + "?q=focal.hidden",
    ]
    client.force_login(request.getfixturevalue(who))
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (who, url)
        assert "focal.hidden" not in response.content.decode(), (who, url)
    client.force_login(national)
    for url in urls:
        assert client.get(url).status_code == 200, url
