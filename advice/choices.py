"""The advice log's vocabularies: how the advice was given, on what, and how a referral stands."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdviceChannel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("by phone")
    TRAINING = "training", _("at a training session")


class Topic(models.TextChoices):
    CHECKING_AN_AGENCY = "agency", _("checking an agency or broker")
    CONTRACT = "contract", _("the contract")
    DOCUMENTS = "documents", _("documents")
    FEES_AND_DEBT = "fees_debt", _("fees and debt")
    SENDING_MONEY = "remittances", _("sending money home")
    PROBLEM_ABROAD = "problem_abroad", _("a problem abroad")
    RETURNING = "returning", _("returning home")


class Urgency(models.TextChoices):
    HOURS = "hours", _("within hours")
    DAY = "day", _("within a day")
    THREE_DAYS = "three_days", _("within three days")


#: How long the service has to answer a referral of each urgency.
URGENCY_DELAYS = {
    Urgency.HOURS: datetime.timedelta(hours=4),
    Urgency.DAY: datetime.timedelta(days=1),
    Urgency.THREE_DAYS: datetime.timedelta(days=3),
}


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("referred")
    ACCEPTED = "accepted", _("accepted by the service")
    DONE = "done", _("done: the person was helped")
    DECLINED = "declined", _("declined")
    UNREACHABLE = "unreachable", _("could not reach")


#: A referral in one of these still waits on the service, and is overdue past its due time.
OPEN_STATUSES = frozenset({ReferralStatus.REFERRED, ReferralStatus.ACCEPTED})


class AnswerSource(models.TextChoices):
    """Who heard the service's answer: the adviser, or an officer who phoned the service."""

    ADVISER = "adviser", _("the adviser who made the referral")
    OFFICER_PHONE_CALL = "officer_call", _("an officer, by a phone call to the service")


class Answer(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not known")


class MigratedAnswer(models.TextChoices):
    YES = "yes", _("yes, they left")
    NOT_YET = "not_yet", _("not yet, still planning")
    NO = "no", _("no, they decided to stay")
    UNKNOWN = "unknown", _("not known")
