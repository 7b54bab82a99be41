"""Each view of a record with a name is written to the access log; national officers read it."""

import pytest
from django.urls import reverse

from advice.models import AdviceAccessLogEntry

from .conftest import logged_advice

pytestmark = pytest.mark.django_db


def test_the_author_opening_a_named_record_is_logged(client, records, focal_point_a):
    client.force_login(focal_point_a)
    assert client.get(reverse("advice:detail", args=[records["A"].pk])).status_code == 200
    entry = AdviceAccessLogEntry.objects.get()
    assert entry.user == focal_point_a and entry.record_code == records["A"].code
    assert entry.action == "viewed" and entry.screen == "advice:detail"
    # The follow-up page shows the phone to call: logged too.
    client.get(reverse("advice:follow_up", args=[records["A"].follow_up.pk]))
    assert AdviceAccessLogEntry.objects.count() == 2


def test_an_officer_inspecting_a_named_record_is_logged_and_a_national_officer_reads_it(
    client, records, officer_siem_reap, national
):
    client.force_login(officer_siem_reap)
    client.get(reverse("advice_record:inspect", args=[records["A"].pk]))
    client.get(reverse("advice_record:inspect", args=[records["A"].pk]))
    assert AdviceAccessLogEntry.objects.filter(user=officer_siem_reap).count() == 2
    client.force_login(national)
    log = client.get(reverse("advice_access_log:index")).content.decode()
    assert "officer.17" in log and records["A"].code in log
    assert records["A"].name not in log


def test_a_record_without_a_name_is_not_logged(client, communes, focal_point_a):
    record = logged_advice(user=focal_point_a, commune=communes["A"])
    client.force_login(focal_point_a)
    assert client.get(reverse("advice:detail", args=[record.pk])).status_code == 200
    assert not AdviceAccessLogEntry.objects.exists()
