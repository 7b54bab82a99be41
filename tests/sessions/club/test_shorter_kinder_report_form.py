"""The club's session report form, shorter and kinder: errors linked from the summary, consent
ticks that say what the message asks for, the headcount only when counting people, and as
many newcomers as came (with or without a script)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from sessions.models import Participant, TrainingSession
from tests.factories import roster_of
from tests.sessions.test_club_pages import NEW, adult, report_data

pytestmark = pytest.mark.django_db


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def summary_links(soup) -> dict[str, str]:
    """The error summary's links: the id each one points at, and its words."""
    summary = soup.select_one("#session-errors")
    assert summary is not None
    return {link["href"]: link.get_text(" ", strip=True) for link in summary.select("a")}


def test_the_error_summary_links_to_each_field_in_error_in_khmer(client, clubs):
    members = roster_of(clubs["a"], 2)
    client.force_login(clubs["leader_a"])
    nameless = {"sex": "female", "year_of_birth": "2000", "consent": "on"}
    data = report_data(
        clubs["a"], present=members, newcomers=[adult("Sokha"), nameless], duration_minutes="x"
    )

    soup = page(client.post(NEW, data))

    links = summary_links(soup)
    assert set(links) == {"#id_duration_minutes", "#id_newcomers-1-name"}
    for anchor in links:
        # Each link lands on the field itself, far down the page.
        assert soup.select_one(anchor) is not None
    assert "អ្នកចូលថ្មីទី 2" in links["#id_newcomers-1-name"]  # "Newcomer 2: Name" in Khmer
    assert not TrainingSession.objects.exists()


def test_a_headcount_error_is_linked_only_when_counting_people(client, clubs):
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], headcount={"count_female_15_17": "-3"})

    links = summary_links(page(client.post(NEW, data)))

    assert list(links) == ["#id_headcount-count_female_15_17"]


def test_a_missing_consent_asks_for_the_tick_the_form_shows(client, clubs):
    client.force_login(clubs["leader_a"])
    minor = {
        "name": "Young Newcomer",
        "sex": "female",
        "year_of_birth": str(timezone.localdate().year - 15),
        "assent": "on",
    }
    response = client.post(NEW, report_data(clubs["a"], newcomers=[minor]))
    soup = page(response)

    newcomer = response.context["newcomer_formset"][0]
    tick_label = str(newcomer.fields["guardian_consent"].label)
    [message] = newcomer.errors["guardian_consent"]
    # The message names the tick the leader sees, not a date and collector they cannot enter.
    assert tick_label in message
    assert (
        soup.find("label", attrs={"for": "id_newcomers-0-guardian_consent"}).get_text(strip=True)
        == tick_label
    )
    assert "#id_newcomers-0-guardian_consent" in summary_links(soup)
    assert not Participant.objects.exists()


def test_the_parts_for_counting_by_name_and_by_headcount_are_marked_for_the_script(client, clubs):
    client.force_login(clubs["leader_a"])
    soup = page(client.get(NEW))

    parts = {part["data-attendance-mode"]: part for part in soup.select("[data-attendance-mode]")}
    assert set(parts) == {"named", "headcount"}
    assert parts["headcount"].select_one("table.headcount") is not None
    assert parts["named"].select_one("table.headcount") is None
    radios = {radio["value"] for radio in soup.select('input[name="attendance_mode"]')}
    assert radios == set(parts)
    # The script that shows only the chosen part comes from the site (no inline script).
    assert soup.select_one('script[src$="js/club-form.js"]') is not None
    assert not [script for script in soup.select("script") if not script.get("src")]


def test_add_another_newcomer_keeps_everything_typed_and_saves_nothing(client, clubs):
    members = roster_of(clubs["a"], 3)
    client.force_login(clubs["leader_a"])
    data = report_data(
        clubs["a"], present=members[:2], newcomers=[adult("Sokha")], notes="Rain at noon"
    )
    data["newcomers-TOTAL_FORMS"] = "1"
    del data["save_draft"]
    data["add_newcomer"] = "1"

    response = client.post(NEW, data)
    soup = page(response)

    assert response.context["newcomer_formset"].total_form_count() == 2
    assert soup.select_one("#id_newcomers-0-name")["value"] == "Sokha"
    assert soup.select_one("#id_newcomers-1-name") is not None
    assert soup.select_one("#id_notes").get_text().strip() == "Rain at noon"
    ticked = {box["value"] for box in soup.select('input[name="roll-present"][checked]')}
    assert ticked == {str(member.pk) for member in members[:2]}
    assert soup.select_one(".form__errors") is None
    assert not TrainingSession.objects.exists()
    assert not Participant.objects.filter(name="Sokha").exists()


def test_five_newcomers_are_recorded_after_adding_lines_one_by_one(client, clubs):
    client.force_login(clubs["leader_a"])
    newcomers = [adult(f"Newcomer {number}") for number in range(1, 6)]
    data = report_data(clubs["a"], newcomers=newcomers[:1])
    data["newcomers-TOTAL_FORMS"] = "1"
    del data["save_draft"]
    for lines in range(2, 6):
        soup = page(client.post(NEW, {**data, "add_newcomer": "1"}))
        data["newcomers-TOTAL_FORMS"] = soup.select_one("#id_newcomers-TOTAL_FORMS")["value"]
        assert data["newcomers-TOTAL_FORMS"] == str(lines)
        for key, value in newcomers[lines - 1].items():
            data[f"newcomers-{lines - 1}-{key}"] = value

    response = client.post(NEW, {**data, "save_draft": "1"})

    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert set(session.attendances.values_list("participant__name", flat=True)) == {
        f"Newcomer {number}" for number in range(1, 6)
    }


def test_a_new_report_starts_with_one_newcomer_line_and_an_add_button(client, clubs):
    client.force_login(clubs["leader_a"])
    soup = page(client.get(NEW))
    assert len(soup.select("fieldset.newcomer")) == 1
    assert soup.select_one('button[name="add_newcomer"]') is not None


@pytest.mark.parametrize("tampered_count", ["many", "-4", "5000"])
def test_a_tampered_newcomer_count_on_add_another_is_not_an_error_page(
    client, clubs, tampered_count
):
    client.force_login(clubs["leader_a"])
    data = report_data(clubs["a"], add_newcomer="1")
    data["newcomers-TOTAL_FORMS"] = tampered_count
    response = client.post(NEW, data)
    assert response.status_code == 200
    assert response.context["newcomer_formset"].total_form_count() <= 50
    assert not TrainingSession.objects.exists()


def test_the_leader_reporting_is_ticked_as_a_facilitator_of_a_new_report(client, clubs):
    client.force_login(clubs["leader_a"])
    soup = page(client.get(NEW))
    leader = clubs["leader_a"].peer_educator
    ticked = {box["value"] for box in soup.select("input[name=facilitators][checked]")}
    assert ticked == {str(leader.pk)}
    # The roll shows two names a line.
    assert "choice-list--columns" in soup.select_one("#id_roll-present")["class"]
