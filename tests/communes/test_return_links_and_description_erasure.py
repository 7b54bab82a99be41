"""A return linked to its departure (the same commune's, whoever asks), and what was said of
recruiters erased with the names and phones at the end of the retention period."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from communes.models import CommunesLogEntry, Movement, RecruitmentActivity
from communes.selectors import FigureFilters, register_figures
from communes.services import recruitment_descriptions_expire
from geography.models import Commune
from tests.communes.conftest import focal_point_of, movement
from tests.communes.test_focal_point_phone import departure_data

pytestmark = pytest.mark.django_db


def return_data(village, departure="", **overrides):
    from agencies.models import Country

    data = departure_data(
        village,
        date="2025-06-01",
        destination_country=Country.objects.get(code="TH").pk,
        return_reason="exploitation",
        help_wanted="on",
        departure=departure,
    )
    data.update(overrides)
    return data


def test_a_focal_point_links_a_return_to_a_departure_of_their_commune(
    client, communes, focal_point_a
):
    departure = movement(communes["A"], date=datetime.date(2025, 4, 1))
    client.force_login(focal_point_a)
    form = client.get(reverse("communes:return_create")).context["form"]
    assert list(form.fields["departure"].queryset) == [departure]
    village = communes["A"].villages.first()
    response = client.post(reverse("communes:return_create"), return_data(village, departure.pk))
    assert response.status_code == 302
    came_back = Movement.objects.get(kind="return")
    assert came_back.departure == departure
    assert list(departure.returns.all()) == [came_back]


def test_a_tampered_form_cannot_link_another_communes_departure(client, communes, focal_point_a):
    other = movement(communes["B"], date=datetime.date(2025, 4, 1))
    client.force_login(focal_point_a)
    village = communes["A"].villages.first()
    response = client.post(reverse("communes:return_create"), return_data(village, other.pk))
    assert response.status_code == 400
    with translation.override("km"):
        assert str(response.context["form"].errors["departure"][0]) == translation.gettext(
            "Choose one of the list."
        )
    assert not Movement.objects.filter(kind="return").exists()


def test_a_focal_point_of_two_communes_cannot_link_across_them(client, communes):
    focal_point = focal_point_of(communes["A"], communes["B"])
    departure_in_b = movement(communes["B"], date=datetime.date(2025, 4, 1))
    client.force_login(focal_point)
    village = communes["A"].villages.first()
    response = client.post(
        reverse("communes:return_create"), return_data(village, departure_in_b.pk)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["departure"]
    assert not Movement.objects.filter(kind="return").exists()


def test_a_return_before_its_departure_is_refused(client, communes, focal_point_a):
    departure = movement(communes["A"], date=datetime.date(2025, 7, 1))
    client.force_login(focal_point_a)
    village = communes["A"].villages.first()
    response = client.post(reverse("communes:return_create"), return_data(village, departure.pk))
    assert response.status_code == 400
    assert response.context["form"].errors["departure"]


def test_an_officer_links_in_the_admin_only_among_the_same_communes_departures(
    client, communes, officer_siem_reap
):
    mine = movement(communes["A"], date=datetime.date(2025, 4, 1))
    neighbour = Commune.objects.filter(district=communes["A"].district).exclude(pk=communes["A"].pk)
    movement(neighbour.first(), date=datetime.date(2025, 4, 1))  # same district, other commune
    theirs = movement(communes["B"], date=datetime.date(2025, 4, 1))
    came_back = movement(communes["A"], kind="return", date=datetime.date(2025, 6, 1))
    client.force_login(officer_siem_reap)
    url = reverse("communes_movement:edit", args=[came_back.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["departure"].queryset) == [mine]
    data = {name: form[name].value() or "" for name in form.fields}
    response = client.post(url, {**data, "departure": theirs.pk})
    assert response.status_code == 200 and response.context["form"].errors["departure"]
    response = client.post(url, {**data, "departure": mine.pk})
    assert response.status_code == 302
    came_back.refresh_from_db()
    assert came_back.departure == mine


def sighting(commune, seen_on, **fields):
    return RecruitmentActivity.objects.create(
        commune=commune,
        seen_on=seen_on,
        recruiter_kind="broker",
        recruiter_description=fields.get("description", "Mr Sok Dara, white van"),
        promised=fields.get("promised", "Factory job in Bangkok, call Sok Dara 012 345 678"),
    )


def test_what_was_said_of_recruiters_is_erased_after_the_retention_period(settings, communes):
    settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS = 24
    old = sighting(communes["A"], datetime.date(2023, 1, 31))
    recent = sighting(communes["A"], datetime.date(2023, 2, 1))
    reader = focal_point_of(communes["A"])
    before = register_figures(user=reader, filters=FigureFilters())
    assert recruitment_descriptions_expire(today=datetime.date(2025, 1, 31)) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.recruiter_description, old.promised) == ("", "")
    assert old.description_erased_at is not None
    assert recent.recruiter_description == "Mr Sok Dara, white van"
    assert CommunesLogEntry.objects.filter(
        object_id=str(old.pk), action="communes.expire_personal_data"
    ).exists()
    after = register_figures(user=reader, filters=FigureFilters())
    assert [figure.table for figure in after] == [figure.table for figure in before]
    # Run again, nothing is erased twice.
    assert recruitment_descriptions_expire(today=datetime.date(2025, 1, 31)) == 0


def test_the_nightly_task_erases_descriptions_with_names(communes):
    old = sighting(communes["A"], datetime.date(2000, 1, 1))
    call_command("erase_expired_register_contacts", stdout=io.StringIO())
    old.refresh_from_db()
    assert "Sok Dara" not in old.recruiter_description + old.promised
