"""The admin's register figures page, walked by each kind of user, as the requests they send.

An officer of Battambang asks for Siem Reap's figures by its id; focal points, editors and
anonymous readers ask for the page; only officers get it, and only their provinces' counts.
"""

import datetime

import pytest
from django.urls import reverse

from communes.selectors import FigureFilters
from tests.communes.conftest import focal_point_of, movement

pytestmark = pytest.mark.django_db

URL = "communes_figures:index"


@pytest.fixture
def register(communes):
    """Siem Reap's commune A: 7 departures and 2 returns; Battambang's commune B: 3 and 1."""
    for _number in range(7):
        movement(communes["A"])
    for _number in range(2):
        movement(communes["A"], kind="return")
    for _number in range(3):
        movement(communes["B"])
    movement(communes["B"], kind="return")
    return communes


def test_a_national_officer_reads_every_count(client, register, national):
    client.force_login(national)
    response = client.get(reverse(URL), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    rows = {figure.key: figure for figure in response.context["figures"]}
    assert [row.values for row in rows["province"].rows] == [(3, 1, 4), (7, 2, 9), (10, 3, 13)]
    assert register["B"].name_km in response.text


def test_an_officer_reads_their_province_with_small_counts_hidden(
    client, register, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL))
    assert response.status_code == 200
    rows = {figure.key: figure for figure in response.context["figures"]}
    # 2 returns hidden, so the 7 departures too; the row's total (9) stays.
    assert [row.values for row in rows["province"].rows] == [(None, None, 9), (None, None, 9)]
    assert register["B"].name_km not in response.text


def test_an_officer_asking_for_another_provinces_figures_gets_only_their_own(
    client, register, officer_battambang
):
    """Officers have no place filter (the tables break their communes down): an id of
    Siem Reap typed into the address changes nothing."""
    client.force_login(officer_battambang)
    siem_reap = register["A"].district.province
    for field, value in [
        ("province", siem_reap.pk),
        ("district", register["A"].district_id),
        ("commune", register["A"].pk),
    ]:
        response = client.get(reverse(URL), {field: value})
        assert response.status_code == 200
        assert field not in response.context["form"].fields
        rows = {figure.key: figure for figure in response.context["figures"]}
        assert [row.label for row in rows["commune"].rows][:-1] == [register["B"].name_km]
        assert register["A"].name_km not in response.text


def test_an_officer_reads_whole_years_only(client, register, officer_siem_reap):
    """A period of their own choosing would let totals be subtracted from one another."""
    client.force_login(officer_siem_reap)
    response = client.get(reverse(URL), {"date_from": "2025-06-01", "date_to": "2025-06-30"})
    form = response.context["form"]
    assert "date_from" not in form.fields and form.filters() == FigureFilters(
        date_from=datetime.date(2025, 1, 1), date_to=datetime.date(2025, 12, 31)
    )
    response = client.get(reverse(URL), {"year": "1999"})
    assert response.context["form"].errors["year"]
    assert response.context["figures"] == []


def test_a_period_ending_before_it_starts_is_refused_with_a_message(client, register, national):
    client.force_login(national)
    response = client.get(reverse(URL), {"date_from": "2025-06-01", "date_to": "2025-05-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]


@pytest.mark.parametrize("who", ["focal_point", "editor"])
def test_focal_points_and_editors_are_refused(client, register, editor, who):
    user = editor if who == "editor" else focal_point_of(register["A"])
    client.force_login(user)
    response = client.get(reverse(URL))
    assert response.status_code in (302, 403)
    assert "figures" not in (response.context or {})


def test_anonymous_readers_are_sent_to_log_in(client, register):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert "login" in response.url


def test_the_page_header_names_the_figures_not_the_dashboard(client, register, national):
    """The visible crumb of the header is the page's own title, not the dashboard's "Home"."""
    client.force_login(national)
    response = client.get(reverse(URL))
    header = response.text.split("<header", 1)[1].split("</header>", 1)[0]
    last_crumb = header.split("<ol", 1)[1].rsplit("<li", 1)[1]
    assert str(response.context["view"].get_page_title()) in last_crumb
