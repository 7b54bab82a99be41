"""Writes to the advice log: a conversation saved whole or not at all, answers, follow-ups,
the access log and the retention of names and phones."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from communes.services import months_before
from curriculum.models import LessonPage

from .choices import AnswerSource, ReferralStatus
from .models import (
    AdviceAccessLogEntry,
    AdviceRecord,
    AdviceTopic,
    FollowUp,
    Referral,
    ReferralUpdate,
)


def _collector_name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def referral_consents_fill(
    *,
    referral: Referral,
    user: User,
    on: datetime.date,
    consent: bool,
    assent: bool,
    guardian_consent: bool,
) -> Referral:
    """Record the consents the adviser ticked: given on `on`, collected by the adviser."""
    collector = _collector_name(user)
    for given, date_field, collector_field in (
        (consent, "consent_given_on", "consent_collected_by"),
        (assent, "assent_given_on", "assent_collected_by"),
        (guardian_consent, "guardian_consent_on", "guardian_consent_collected_by"),
    ):
        setattr(referral, date_field, on if given else None)
        setattr(referral, collector_field, collector if given else "")
    return referral


def advice_record_log(
    *,
    record: AdviceRecord,
    topics: Iterable[str],
    handouts: Iterable[LessonPage],
    referral: Referral | None,
    user: User,
) -> AdviceRecord:
    """Save a conversation with its topics, handouts, referral and follow-up, or nothing.

    Raises ValidationError (the record's or the referral's rules) before writing anything.
    """
    record.recorded_by = user
    record.full_clean()
    if referral is not None:
        referral.advice_record = record
        # The record has no id yet: check the referral without its foreign key.
        referral.full_clean(exclude=["advice_record"])
    with transaction.atomic():
        record.save()
        AdviceTopic.objects.bulk_create(
            AdviceTopic(advice_record=record, topic=topic) for topic in sorted(set(topics))
        )
        record.handouts.set(handouts)
        if referral is not None:
            referral.advice_record = record
            referral.save()
            ReferralUpdate.objects.create(
                referral=referral,
                status=ReferralStatus.REFERRED,
                source=AnswerSource.ADVISER,
                recorded_by=user,
                recorded_at=referral.referred_at,
            )
        if record.contact_consent:
            weeks = settings.ADVICE_FOLLOW_UP_WEEKS
            FollowUp.objects.create(
                advice_record=record, due_on=record.date + datetime.timedelta(weeks=weeks)
            )
    return record


def referral_answer_record(
    *, referral: Referral, status: str, note: str, source: str, user: User
) -> ReferralUpdate:
    """Record the service's answer (or a note with the status unchanged)."""
    now = timezone.now()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        update = ReferralUpdate(
            referral=referral,
            status=status,
            note=note.strip(),
            source=source,
            recorded_by=user,
            recorded_at=now,
        )
        update.full_clean()
        update.save()
        if status != referral.status:
            referral.status = status
            referral.status_changed_at = now
            referral.done_at = now if status == ReferralStatus.DONE else None
            referral.save(update_fields=["status", "status_changed_at", "done_at"])
    return update


def follow_up_record(*, follow_up: FollowUp, user: User) -> FollowUp:
    follow_up.recorded_by = user
    if not follow_up.done_on:
        follow_up.done_on = timezone.localdate()
    follow_up.full_clean()
    follow_up.save()
    return follow_up


def advice_access_record(
    *, user: User | AnonymousUser, records: Iterable[AdviceRecord], action: str, screen: str
) -> int:
    """Log the records with a name or phone that a screen showed (the others hold nobody)."""
    named = [record for record in records if record.has_contact]
    AdviceAccessLogEntry.objects.bulk_create(
        AdviceAccessLogEntry(
            user=user if user.is_authenticated else None,
            username=user.get_username(),
            action=action,
            screen=screen[:100],
            advice_record=record,
            record_code=record.code,
        )
        for record in named
    )
    return len(named)


def advice_personal_data_expire(*, today: datetime.date | None = None) -> int:
    """Erase names and phones kept longer than the commune register's retention period."""
    today = today or timezone.localdate()
    cutoff = months_before(today, settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS)
    now = timezone.now()
    return AdviceRecord.objects.filter(
        contact_consent=True, personal_data_erased_at__isnull=True, consent_recorded_on__lte=cutoff
    ).update(name="", phone="", personal_data_erased_at=now, updated_at=now)
