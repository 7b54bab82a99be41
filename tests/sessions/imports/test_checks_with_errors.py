"""A check with rows to fix says so (it is not "waiting for confirmation") and can be dismissed
by whoever may see it, and by no one else."""

import pytest
from django.urls import reverse

from sessions.imports.service import files_root
from sessions.models import ImportLog, Participant

from .helpers import ATTENDANCE_HEADERS, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def bad_file(club) -> bytes:
    row = ["S-1", "Siem Reap", club.name, "01/03/2025", 90, "Chan", "X", 2000, "01/03/2025", "Sok"]
    return xlsx_bytes([ATTENDANCE_HEADERS, row])


def dismiss(client, log):
    return client.post(reverse("trainings_imports:dismiss", args=[log.pk]))


def test_a_check_with_errors_is_marked_as_needing_fixes_not_waiting(officer_client, club):
    response, log = upload(officer_client, "attendance", bad_file(club))
    assert log.status == ImportLog.Status.NEEDS_FIXING
    assert log.get_status_display() != ImportLog.Status.CHECKED.label
    # Its file holds personal data and can never be imported: it is gone already.
    assert not (files_root() / log.stored_path).exists()
    listing = officer_client.get(reverse("trainings_imports:index")).content.decode()
    assert str(ImportLog.Status.NEEDS_FIXING.label) in listing
    assert str(ImportLog.Status.CHECKED.label) not in listing
    assert reverse("trainings_imports:dismiss", args=[log.pk]) in response.content.decode()


def test_the_officer_dismisses_a_check_with_errors(officer_client, club):
    __, log = upload(officer_client, "attendance", bad_file(club))
    response = dismiss(officer_client, log)
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.status == ImportLog.Status.CANCELLED
    assert log.errors  # the preview stays readable
    assert not Participant.objects.exists()


def test_a_national_officer_may_dismiss_it_too(client, officer_client, national, club):
    __, log = upload(officer_client, "attendance", bad_file(club))
    client.force_login(national)
    assert dismiss(client, log).status_code == 302
    log.refresh_from_db()
    assert log.status == ImportLog.Status.CANCELLED


def test_another_provinces_officer_cannot_dismiss_it(client, officer_client, other_officer, club):
    __, log = upload(officer_client, "attendance", bad_file(club))
    client.force_login(other_officer)
    assert dismiss(client, log).status_code == 404
    log.refresh_from_db()
    assert log.status == ImportLog.Status.NEEDS_FIXING


def test_a_clean_check_cannot_be_dismissed_in_place_of_cancelled(officer_client, club):
    good = xlsx_bytes(
        [
            ATTENDANCE_HEADERS,
            ["S-1", "Siem Reap", club.name, "01/03/2025", 90, "Chan", "F", 2000, "01/03/2025", "S"],
        ]
    )
    __, log = upload(officer_client, "attendance", good)
    assert log.status == ImportLog.Status.CHECKED
    dismiss(officer_client, log)  # refused: Wagtail's admin answers with a message
    log.refresh_from_db()
    assert log.status == ImportLog.Status.CHECKED
