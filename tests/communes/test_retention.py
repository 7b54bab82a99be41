"""Names and phones leave the register after the retention period, or at once on request."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from communes.models import CommunesLogEntry, Movement
from communes.services import months_before, movements_personal_data_expire

from .conftest import movement

pytestmark = pytest.mark.django_db


def with_contact(commune, consent_on):
    return movement(
        commune,
        contact_consent=True,
        consent_recorded_on=consent_on,
        name="Chan Sophea",
        phone="012345678",
    )


def test_names_older_than_the_period_are_erased_and_the_figures_stay(communes, settings):
    settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS = 24
    old = with_contact(communes["A"], datetime.date(2023, 3, 31))
    recent = with_contact(communes["A"], datetime.date(2023, 4, 1))
    counted_before = Movement.objects.filter(kind="departure", commune=communes["A"]).count()
    assert movements_personal_data_expire(today=datetime.date(2025, 3, 31)) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.phone) == ("", "") and old.personal_data_erased_at
    assert recent.name == "Chan Sophea"
    assert Movement.objects.filter(kind="departure", commune=communes["A"]).count() == (
        counted_before
    )
    assert CommunesLogEntry.objects.filter(action="communes.expire_personal_data").count() == 1
    # Run again: nothing left to erase.
    assert movements_personal_data_expire(today=datetime.date(2025, 3, 31)) == 0


def test_the_period_is_a_setting(communes, settings):
    settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS = 6
    record = with_contact(communes["A"], datetime.date(2024, 12, 1))
    call_command("erase_expired_register_contacts", stdout=io.StringIO())
    record.refresh_from_db()
    assert record.name == ""


def test_months_before_keeps_to_the_last_day_of_a_short_month():
    assert months_before(datetime.date(2025, 3, 31), 1) == datetime.date(2025, 2, 28)
    assert months_before(datetime.date(2025, 1, 15), 24) == datetime.date(2023, 1, 15)


def test_a_national_officer_erases_a_name_on_request_and_the_history_keeps_no_name(
    client, records, national
):
    client.force_login(national)
    record = records["A"]
    url = reverse("communes_movement:erase", args=[record.pk])
    assert "Secret name A" not in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    record.refresh_from_db()
    assert record.name == "" and record.phone == "" and record.personal_data_erased_at
    entry = CommunesLogEntry.objects.get(action="communes.erase_personal_data")
    assert "Secret" not in entry.label and entry.user == national


def test_the_nightly_retention_timer_runs_the_erasure():
    from django.conf import settings

    service = (settings.BASE_DIR / "deploy/systemd/smh-retention.service").read_text()
    assert "manage.py erase_expired_register_contacts\n" in service
