"""The permission walk of the advice log: every role asks for every URL of a record it does
not own, on the phone and in the admin, with the lists, the export of figures and the logs.

Nothing of another adviser, commune or province may come back: not the record, its code,
its name. A refused request writes nothing to the access log.
"""

import pytest
from django.urls import reverse

from advice.models import AdviceAccessLogEntry, AdviceRecord, Referral

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "focal_point_a", "club_leader", "officer_siem_reap", "national"]


def phone_urls(record):
    referral = record.referrals.get()
    return [
        reverse("advice:detail", args=[record.pk]),
        reverse("advice:referral_answer", args=[referral.pk]),
        reverse("advice:follow_up", args=[record.follow_up.pk]),
    ]


def admin_urls(record):
    referral = record.referrals.get()
    return [
        reverse("advice_record:inspect", args=[record.pk]),
        reverse("advice_record:history", args=[record.pk]),
        reverse("advice_record:usage", args=[record.pk]),
        reverse("advice_referral:edit", args=[referral.pk]),
        reverse("advice_referral:history", args=[referral.pk]),
        reverse("advice_referral:usage", args=[referral.pk]),
    ]


def admin_lists():
    return [
        reverse("advice_record:index"),
        reverse("advice_record:index") + "?export=csv",
        reverse("advice_record:index") + "?export=xlsx",
        reverse("wagtailadmin_reports:site_history"),
        reverse("advice_referral:index"),
        reverse("advice_referral:index") + "?overdue=true",
        reverse("wagtailadmin_home"),
        reverse("advice_figures:index"),
    ]


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig", errors="replace")
    return response.content.decode()


def secrets_of(record):
    return [record.code, record.name, record.phone]


@pytest.fixture
def people(request, editor, focal_point_a, club_leader, officer_siem_reap, national):
    return {
        "anonymous": None,
        "editor": editor,
        "focal_point_a": focal_point_a,
        "club_leader": club_leader,
        "officer_siem_reap": officer_siem_reap,
        "national": national,
    }


@pytest.mark.parametrize("role", [role for role in ROLES if role != "national"])
def test_nobody_but_the_author_opens_a_record_on_the_phone(client, records, people, role):
    """Commune B's record, written by B's focal point: every other role is refused."""
    if people[role] is not None:
        client.force_login(people[role])
    for url in phone_urls(records["B"]):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (role, url)
        if response.status_code == 302:
            assert "/login" in response["Location"] or "accounts" in response["Location"]
        for secret in secrets_of(records["B"]):
            assert secret not in response.content.decode()
        posted = client.post(url, {"status": "done", "advice_helped": "yes", "migrated": "no"})
        assert posted.status_code in (302, 403, 404), (role, url)
        if posted.status_code == 302:
            assert not posted["Location"].startswith(reverse("advice:home"))
    referral = Referral.objects.get(advice_record=records["B"])
    assert referral.status == "referred" and referral.updates.count() == 1
    assert not AdviceAccessLogEntry.objects.exists()


def test_the_national_officer_is_not_an_adviser_on_the_phone(client, records, national):
    client.force_login(national)
    assert client.get(reverse("advice:home")).status_code == 403
    for url in phone_urls(records["B"]):
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_admin_screens_of_another_province_are_refused(client, records, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    for url in admin_urls(records["B"]):
        response = client.get(url)
        if role == "national":
            # Wagtail's history and usage ask for more than "view": refused to all, or shown.
            assert response.status_code == 200 or "/history/" in url or "/usage/" in url, url
            continue
        assert response.status_code in (302, 403, 404), (role, url)
        for secret in secrets_of(records["B"]):
            assert secret not in response.content.decode()
        client.post(url, {"status": "done", "source": "officer_call", "note": "tampered"})
    if role != "national":
        assert Referral.objects.get(advice_record=records["B"]).status == "referred"
        assert not AdviceAccessLogEntry.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_lists_dashboard_and_figures_hold_nothing_of_another_province(
    client, records, people, role
):
    if people[role] is not None:
        client.force_login(people[role])
    for url in admin_lists():
        response = client.get(url)
        page = body(response)
        if role == "national":
            assert response.status_code == 200, url
            continue
        for secret in secrets_of(records["B"]):
            assert secret not in page, (role, url)
        own_screens = (reverse("wagtailadmin_home"), reverse("wagtailadmin_reports:site_history"))
        if role == "officer_siem_reap" or (role == "editor" and url in own_screens):
            assert response.status_code == 200, url
            if url == reverse("wagtailadmin_home"):
                assert ("advice-overdue-referrals" in page) == (role == "officer_siem_reap")
        else:
            assert response.status_code in (302, 403), (role, url)


def test_the_officer_of_the_province_reads_its_records_and_not_the_others(
    client, records, officer_siem_reap
):
    client.force_login(officer_siem_reap)
    listing = client.get(reverse("advice_record:index")).content.decode()
    assert records["A"].code in listing and records["B"].code not in listing
    page = client.get(reverse("advice_record:inspect", args=[records["A"].pk])).content.decode()
    assert records["A"].name in page
    referrals = client.get(reverse("advice_referral:index")).content.decode()
    assert records["A"].code in referrals and records["B"].code not in referrals


@pytest.mark.parametrize("role", ROLES)
def test_only_national_officers_read_the_access_log(client, records, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    response = client.get(reverse("advice_access_log:index"))
    if role == "national":
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)


def test_no_one_adds_edits_or_deletes_a_record_in_the_admin(client, records, national):
    client.force_login(national)
    for name in ("advice_record:add",):
        assert client.get(reverse(name)).status_code in (302, 403)
    for name in ("advice_record:edit", "advice_record:delete"):
        assert client.get(reverse(name, args=[records["A"].pk])).status_code in (302, 403)
    assert AdviceRecord.objects.count() == 2


def test_an_officers_export_holds_their_province_without_names(client, records, officer_siem_reap):
    client.force_login(officer_siem_reap)
    response = client.get(reverse("advice_record:index"), {"export": "csv"})
    exported = b"".join(response.streaming_content).decode("utf-8-sig")
    assert records["A"].code in exported and records["B"].code not in exported
    assert records["A"].name not in exported and records["A"].phone not in exported
    assert not AdviceAccessLogEntry.objects.exists()


def test_a_national_officers_export_with_names_is_logged(client, records, national):
    client.force_login(national)
    response = client.get(reverse("advice_record:index"), {"export": "csv"})
    exported = b"".join(response.streaming_content).decode("utf-8-sig")
    assert records["A"].name in exported and records["B"].name in exported
    logged = AdviceAccessLogEntry.objects.filter(action="exported")
    assert sorted(logged.values_list("record_code", flat=True)) == sorted(
        [records["A"].code, records["B"].code]
    )
