"""The chooser pop-ups: they list, search and return only what the user's provinces hold."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

#: Each chooser, the object of the club it offers, and a search that finds it on page one.
CHOOSERS = {
    "commune_chooser": (lambda club: club["group"].commune, "code"),
    "youth_group_chooser": (lambda club: club["group"], "name"),
    "peer_educator_chooser": (lambda club: club["educator"], "name_latin"),
    "participant_chooser": (lambda club: club["participant"], "code"),
}
ROLES = ["officer_x", "officer_y", "national", "editor", "club_leader", "anonymous"]


def modal_html(response) -> str:
    return response.json()["html"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("chooser", CHOOSERS)
def test_every_role_on_every_chooser(client, users, siem_reap_club, chooser, role):
    get_object, search_field = CHOOSERS[chooser]
    obj = get_object(siem_reap_club)
    if role != "anonymous":
        client.force_login(users[role])
    search = {"q": getattr(obj, search_field)}
    responses = {
        "choose": client.get(reverse(f"{chooser}:choose"), search),
        "results": client.get(reverse(f"{chooser}:choose_results"), search),
        "chosen": client.get(reverse(f"{chooser}:chosen", args=[obj.pk])),
    }
    if role in ("anonymous", "club_leader"):
        for response in responses.values():
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
        return
    sees_it = role in ("officer_x", "national")
    # A listed object is a link to its "chosen" URL (the search words are echoed anyway).
    link = reverse(f"{chooser}:chosen", args=[obj.pk])
    assert responses["choose"].status_code == 200
    assert (link in modal_html(responses["choose"])) == sees_it
    assert responses["results"].status_code == 200
    assert (link in responses["results"].content.decode()) == sees_it
    if sees_it:
        assert responses["chosen"].status_code == 200
        assert responses["chosen"].json()["result"]["id"] == str(obj.pk)
    else:
        assert responses["chosen"].status_code == 404


def test_chooser_search_matches_words_in_khmer_and_latin(client, users, siem_reap_club):
    from tests.factories import YouthGroupFactory

    YouthGroupFactory(name="ក្លឹបយុវជនភូមិថ្មី", province="17")
    client.force_login(users["officer_x"])
    url = reverse("youth_group_chooser:choose_results")
    found = client.get(url, {"q": "ភូមិថ្មី"}).content.decode()
    assert "ក្លឹបយុវជនភូមិថ្មី" in found
    assert "Banteay Srei" not in found
    found = client.get(url, {"q": "banteay srei"}).content.decode()
    assert "Banteay Srei youth club" in found
    assert "ក្លឹបយុវជនភូមិថ្មី" not in found


def test_erased_participants_cannot_be_chosen_again(client, users, siem_reap_club):
    from sessions.services import participant_erase

    participant = siem_reap_club["participant"]
    participant_erase(participant=participant, user=users["national"])
    client.force_login(users["officer_x"])
    response = client.get(reverse("participant_chooser:chosen", args=[participant.pk]))
    assert response.status_code == 404


def test_no_create_tab_in_the_choosers(client, users, siem_reap_club):
    client.force_login(users["national"])
    from sessions.models import YouthGroup

    before = YouthGroup.objects.count()
    response = client.post(reverse("youth_group_chooser:create"), {"name": "New club"})
    # Wagtail answers a denied admin request by sending the user back to the dashboard.
    assert (response.status_code, response.get("Location")) in [(403, None), (302, "/admin/")]
    assert YouthGroup.objects.count() == before


def test_a_chosen_commune_is_named_with_its_district_and_province(client, users, siem_reap_club):
    commune = siem_reap_club["session"].commune
    where = f"{commune} ({commune.district}, {commune.district.province})"
    client.force_login(users["officer_x"])
    chosen = client.get(reverse("commune_chooser:chosen", args=[commune.pk]))
    assert chosen.json()["result"]["title"] == where
    edit = reverse("training_sessions:edit", args=[siem_reap_club["session"].pk])
    assert where in client.get(edit).content.decode()
