"""The officer records a service's answer heard by phone; the record's names stay logged."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import Referral, ReferralUpdate

pytestmark = pytest.mark.django_db


def test_the_officer_sees_an_overdue_referral_and_records_done_from_a_phone_call(
    client, records, officer_siem_reap
):
    referral = records["A"].referrals.get()
    Referral.objects.filter(pk=referral.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=3)
    )
    client.force_login(officer_siem_reap)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert records["A"].code in dashboard
    overdue = client.get(reverse("advice_referral:index"), {"overdue": "true"}).content.decode()
    assert records["A"].code in overdue
    response = client.post(
        reverse("advice_referral:edit", args=[referral.pk]),
        {"status": "done", "source": "officer_call", "note": "The lawyer met her on Monday."},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "done" and referral.done_at
    update = ReferralUpdate.objects.filter(referral=referral).latest("recorded_at")
    assert update.recorded_by == officer_siem_reap and update.source == "officer_call"
    client.get(reverse("advice_referral:index"))  # shows the "saved" message, which names it
    assert records["A"].code not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_bad_status_is_refused_and_nothing_changes(client, records, officer_siem_reap):
    referral = records["A"].referrals.get()
    client.force_login(officer_siem_reap)
    response = client.post(
        reverse("advice_referral:edit", args=[referral.pk]),
        {"status": "closed-by-magic", "source": "officer_call", "note": ""},
    )
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.status == "referred" and referral.updates.count() == 1
