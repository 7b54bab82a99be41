"""The advisers' phone pages: log advice with a referral in Khmer, refusals that save nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import AdviceRecord, Referral
from tests.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def form_data(commune, service, **changes):
    data = {
        "date": timezone.localdate().isoformat(),
        "channel": "in_person",
        "commune": commune.pk,
        "sex": "female",
        "age_band": "18-24",
        "topics": ["agency", "contract"],
        "advice_given": "Check the licence with the labour department.",
        "refer": "on",
        "service": service.pk,
        "urgency": "day",
        "refer_consent": "on",
        "contact_consent": "on",
        "name": "Srey Pov",
        "phone": "012 345 678",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_club_leader_logs_advice_and_a_referral_with_consent(
    client, communes, club_leader, help_entries
):
    client.force_login(club_leader)
    response = client.post(
        reverse("advice:create"), form_data(communes["A"], help_entries["siem_reap"])
    )
    assert response.status_code == 302
    record = AdviceRecord.objects.get()
    assert record.recorded_by == club_leader and record.name == "Srey Pov"
    assert sorted(record.topics.values_list("topic", flat=True)) == ["agency", "contract"]
    referral = record.referrals.get()
    assert referral.service == help_entries["siem_reap"] and referral.consent_given_on
    home = client.get(reverse("advice:home")).content.decode()
    assert record.code in home and "Srey Pov" not in home


def test_no_referral_without_consent_the_message_is_khmer_and_nothing_is_saved(
    client, communes, club_leader, help_entries
):
    client.force_login(club_leader)
    response = client.post(
        reverse("advice:create"),
        form_data(communes["A"], help_entries["siem_reap"], refer_consent=None),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "សូមកែកំហុសខាងក្រោម" in page  # "Please correct the errors below. Nothing was saved."
    assert "យល់ព្រម" in page  # the consent message, in Khmer
    assert not AdviceRecord.objects.exists() and not Referral.objects.exists()


def test_a_minor_is_referred_only_with_assent_and_a_guardians_consent(
    client, communes, focal_point_a, help_entries
):
    client.force_login(focal_point_a)
    data = form_data(communes["A"], help_entries["national"], age_band="15-17")
    response = client.post(reverse("advice:create"), data)
    assert response.status_code == 400
    assert "អាណាព្យាបាល" in response.content.decode()  # guardian
    assert not AdviceRecord.objects.exists()
    data.update(refer_assent="on", refer_guardian_consent="on")
    del data["refer_consent"]
    assert client.post(reverse("advice:create"), data).status_code == 302
    referral = Referral.objects.get()
    assert referral.assent_given_on and referral.guardian_consent_on


def test_a_tampered_form_cannot_log_in_another_commune_or_another_clubs_session(
    client, communes, focal_point_a, club_leader, help_entries
):
    client.force_login(focal_point_a)
    response = client.post(
        reverse("advice:create"), form_data(communes["B"], help_entries["national"])
    )
    assert response.status_code == 400
    other_session = TrainingSessionFactory(date=timezone.localdate())
    client.force_login(club_leader)
    response = client.post(
        reverse("advice:create"),
        form_data(
            communes["A"],
            help_entries["national"],
            channel="training",
            training_session=other_session.pk,
        ),
    )
    assert response.status_code == 400
    assert not AdviceRecord.objects.exists()


def test_advice_at_the_clubs_own_session_is_linked_to_it(
    client, communes, club_leader, help_entries
):
    from sessions.scoping import club_for_user

    session = TrainingSessionFactory(group=club_for_user(club_leader), date=timezone.localdate())
    client.force_login(club_leader)
    data = form_data(
        communes["A"], help_entries["national"], channel="training", training_session=session.pk
    )
    assert client.post(reverse("advice:create"), data).status_code == 302
    assert AdviceRecord.objects.get().training_session == session


def test_an_overdue_referral_shows_on_the_advisers_page_and_is_answered(
    client, records, focal_point_a
):
    referral = records["A"].referrals.get()
    Referral.objects.filter(pk=referral.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(focal_point_a)
    home = client.get(reverse("advice:home")).content.decode()
    assert "advice-overdue" in home and records["A"].code in home
    response = client.post(
        reverse("advice:referral_answer", args=[referral.pk]), {"status": "accepted"}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_a_follow_up_is_recorded(client, records, focal_point_a):
    client.force_login(focal_point_a)
    follow_up = records["A"].follow_up
    url = reverse("advice:follow_up", args=[follow_up.pk])
    bad = client.post(
        url, {"advice_helped": "yes", "migrated": "no", "migration_channel": "broker"}
    )
    assert bad.status_code == 400
    follow_up.refresh_from_db()
    assert follow_up.done_on is None
    good = client.post(
        url, {"advice_helped": "yes", "migrated": "yes", "migration_channel": "agency"}
    )
    assert good.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.done_on and follow_up.recorded_by == focal_point_a


def test_the_advice_pages_are_never_stored_by_a_shared_phone_or_a_proxy(
    client, records, focal_point_a
):
    client.force_login(focal_point_a)
    for url in (reverse("advice:home"), reverse("advice:detail", args=[records["A"].pk])):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_a_focal_point_without_a_commune_is_told_in_khmer(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="Commune focal points"))
    response = client.get(reverse("advice:home"))
    assert response.status_code == 403
    assert "ទំព័រទាំងនេះសម្រាប់ប្រធានក្លឹប" in response.content.decode()


@pytest.mark.parametrize("path", ["/km/advice/", "/en/advice/12/", "/km/advice/follow-ups/3/"])
def test_the_sites_offline_worker_never_keeps_the_advice_pages(client, path):
    from tests.offline.test_installable_app import worker_pattern

    script = client.get("/sw.js").content.decode()
    assert worker_pattern(script, "PRIVATE_PATH").match(path)
