"""Logging advice: saved whole with its referral and follow-up, or refused with nothing saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from advice.models import AdviceRecord, FollowUp, Referral, ReferralUpdate
from advice.services import advice_personal_data_expire, referral_answer_record

from .conftest import logged_advice

pytestmark = pytest.mark.django_db


def test_a_referral_is_due_by_its_urgency_and_a_named_record_is_followed_up(
    communes, focal_point_a, help_entries
):
    record = logged_advice(
        user=focal_point_a,
        commune=communes["A"],
        phone="012345678",
        service=help_entries["national"],
    )
    referral = record.referrals.get()
    assert referral.due_at - referral.referred_at == datetime.timedelta(days=1)
    assert referral.consent_collected_by == focal_point_a.username
    assert referral.updates.get().status == "referred"
    assert record.follow_up.due_on == record.date + datetime.timedelta(weeks=4)


def test_no_referral_without_consent_and_nothing_is_saved(communes, focal_point_a, help_entries):
    record = AdviceRecord(
        date=timezone.localdate(),
        channel="phone",
        sex="female",
        age_band="18-24",
        commune=communes["A"],
        contact_consent=True,
        phone="012",
    )
    referral = Referral(service=help_entries["national"], urgency="hours")
    with pytest.raises(ValidationError) as refused:
        from advice.services import advice_record_log

        advice_record_log(
            record=record, topics=["contract"], handouts=[], referral=referral, user=focal_point_a
        )
    assert "consent_given_on" in refused.value.message_dict
    assert not AdviceRecord.objects.exists()
    assert not Referral.objects.exists()
    assert not FollowUp.objects.exists()


def test_a_minor_needs_assent_and_a_guardians_consent(communes, focal_point_a, help_entries):
    from advice.services import advice_record_log, referral_consents_fill

    record = AdviceRecord(
        date=timezone.localdate(),
        channel="in_person",
        sex="female",
        age_band="15-17",
        commune=communes["A"],
    )
    referral = referral_consents_fill(
        referral=Referral(service=help_entries["national"], urgency="day"),
        user=focal_point_a,
        on=record.date,
        consent=True,
        assent=True,
        guardian_consent=False,
    )
    with pytest.raises(ValidationError) as refused:
        advice_record_log(
            record=record, topics=[], handouts=[], referral=referral, user=focal_point_a
        )
    assert set(refused.value.message_dict) == {"guardian_consent_on"}
    assert not AdviceRecord.objects.exists()


def test_a_name_is_kept_only_with_consent(communes, focal_point_a):
    record = AdviceRecord(
        date=timezone.localdate(),
        channel="phone",
        sex="male",
        age_band="25+",
        commune=communes["A"],
        name="Somebody",
    )
    with pytest.raises(ValidationError):
        record.full_clean()


def test_training_channel_needs_its_session(communes, focal_point_a):
    record = AdviceRecord(
        date=timezone.localdate(),
        channel="training",
        sex="male",
        age_band="25+",
        commune=communes["A"],
    )
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "training_session" in refused.value.message_dict


def test_the_service_answer_done_sets_done_at_and_keeps_who_heard_it(records, officer_siem_reap):
    referral = records["A"].referrals.get()
    referral_answer_record(
        referral=referral,
        status="done",
        note="Lawyer met her",
        source="officer_call",
        user=officer_siem_reap,
    )
    referral.refresh_from_db()
    assert referral.status == "done" and referral.done_at is not None
    update = ReferralUpdate.objects.filter(referral=referral).last()
    assert update.recorded_by == officer_siem_reap and update.source == "officer_call"


def test_names_and_phones_expire_with_the_register_retention(records):
    today = timezone.localdate()
    assert advice_personal_data_expire(today=today) == 0
    assert advice_personal_data_expire(today=today + datetime.timedelta(days=25 * 31)) == 2
    record = AdviceRecord.objects.get(pk=records["A"].pk)
    assert record.name == "" and record.phone == "" and record.personal_data_erased_at
    assert record.referrals.exists()


def test_the_retention_command_erases_advice_contacts(records, settings):
    settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS = 0
    call_command("erase_expired_advice_contacts")
    assert not AdviceRecord.objects.exclude(name="").exists()


def test_the_nightly_retention_timer_runs_the_advice_erasure():
    from django.conf import settings

    service = (settings.BASE_DIR / "deploy/systemd/smh-retention.service").read_text()
    assert "manage.py erase_expired_advice_contacts\n" in service
