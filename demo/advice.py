"""The advice log's sample conversations and referrals, read from demo/data/advice.toml.

Built once: if any sample advice record exists, nothing is added. Each record is logged
through the advice log's own services, as a phone would log it, and marked as sample data.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from advice.choices import AnswerSource
from advice.models import AdviceRecord, Referral
from advice.services import advice_record_log, referral_answer_record, referral_consents_fill
from curriculum.models import HelpEntry
from geography.models import Commune

from .data_files import demo_data


def _at_ten(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def demo_advice_build() -> int:
    """The sample advice records, if there are none yet; returns how many were made."""
    if AdviceRecord.objects.filter(is_sample=True).exists():
        return 0
    users = get_user_model().objects
    khmer = Locale.objects.get(language_code="km")
    made = 0
    with transaction.atomic():
        for entry in demo_data("advice")["records"]:
            author = users.filter(username=entry["author"]).first()
            if author is None:
                continue
            record = AdviceRecord(
                date=entry["date"],
                channel=entry["channel"],
                sex=entry["sex"],
                age_band=entry["age_band"],
                commune=Commune.objects.filter(district__province__code=entry["province"])
                .order_by("code")
                .first(),
                advice_given=entry["advice_given"],
                is_sample=True,
            )
            referral = None
            service = HelpEntry.objects.filter(locale=khmer, category=entry.get("service")).first()
            if service is not None:
                referral = referral_consents_fill(
                    referral=Referral(
                        service=service,
                        urgency=entry["urgency"],
                        referred_at=_at_ten(entry["date"]),
                    ),
                    user=author,
                    on=entry["date"],
                    consent=True,
                    assent=True,
                    guardian_consent=True,
                )
            advice_record_log(
                record=record, topics=entry["topics"], handouts=[], referral=referral, user=author
            )
            if referral is not None and entry["status"] != "referred":
                referral_answer_record(
                    referral=referral,
                    status=entry["status"],
                    note="",
                    source=AnswerSource.ADVISER,
                    user=author,
                )
                answered = _at_ten(entry["date"]) + datetime.timedelta(
                    days=entry["answered_after_days"]
                )
                referral.updates.filter(status=entry["status"]).update(recorded_at=answered)
                Referral.objects.filter(pk=referral.pk).update(
                    status_changed_at=answered,
                    done_at=answered if entry["status"] == "done" else None,
                )
            made += 1
    return made
