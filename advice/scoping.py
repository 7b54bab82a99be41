"""What a user may see and change of the advice log: the one place it is decided.

An advice record belongs to a commune, and through it to a province. Its author (a club
leader or focal point, permission `advice.log_advice`) sees and follows up their own
records on the phone, and nobody else's: a conversation is confided to one adviser.
Program officers (`advice.view_advicerecord`) read the records of the communes of their
provinces (the trainings' province assignments, as the commune register reads them),
national officers every record, in the admin. These three are also the only ones who see a
record's name and phone; every such view is logged (`access_log`), and national officers
(`advice.view_adviceaccesslogentry`) read that log.

The communes an adviser may log in: a focal point's own communes; a club leader's, those of
their club's province (people come from the villages around).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from communes.scoping import focal_point_communes
from geography.models import Commune
from sessions.models import TrainingSession
from sessions.scoping import (
    AnyUser,
    can_access_all_provinces,
    club_for_user,
    club_training_sessions_for_user,
    provinces_for_user,
)

from .models import AdviceAccessLogEntry, AdviceRecord, FollowUp, Referral

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from typing_extensions import TypeIs

OFFICER_PERMISSION = "advice.view_advicerecord"


def _active(user: AnyUser) -> TypeIs[User]:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_adviser(user: AnyUser) -> bool:
    """A club leader or focal point who logs advice from their phone."""
    return _active(user) and user.has_perm("advice.log_advice")


def adviser_communes(user: AnyUser) -> QuerySet[Commune]:
    """The communes this adviser may log advice in (see the module)."""
    if not is_adviser(user):
        return Commune.objects.none()
    communes = focal_point_communes(user)
    club = club_for_user(user)
    if club is not None:
        communes = communes | Commune.objects.filter(
            district__province_id=club.commune.district.province_id
        )
    return Commune.objects.filter(pk__in=communes.values("pk"))


def adviser_training_sessions(user: AnyUser) -> QuerySet[TrainingSession]:
    """The sessions advice may be linked to: those of the club leader's own club."""
    if not is_adviser(user):
        return TrainingSession.objects.none()
    return club_training_sessions_for_user(user)


def authored_advice_records(user: AnyUser) -> QuerySet[AdviceRecord]:
    """The adviser's own records (the phone's list), newest first."""
    if not _active(user) or not is_adviser(user):
        return AdviceRecord.objects.none()
    return AdviceRecord.objects.filter(recorded_by=user).order_by("-date", "-pk")


def is_officer(user: AnyUser) -> bool:
    return _active(user) and user.has_perm(OFFICER_PERMISSION)


def advice_records_for_user(user: AnyUser) -> QuerySet[AdviceRecord]:
    """The records an officer reads in the admin: their provinces', or all for national ones."""
    if not is_officer(user):
        return AdviceRecord.objects.none()
    if can_access_all_provinces(user):
        return AdviceRecord.objects.all()
    return AdviceRecord.objects.filter(
        commune__district__province__in=provinces_for_user(user).values("pk")
    )


def referrals_for_user(user: AnyUser) -> QuerySet[Referral]:
    return Referral.objects.filter(advice_record__in=advice_records_for_user(user).values("pk"))


def authored_referrals(user: AnyUser) -> QuerySet[Referral]:
    return Referral.objects.filter(advice_record__in=authored_advice_records(user).values("pk"))


def authored_follow_ups(user: AnyUser) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(advice_record__in=authored_advice_records(user).values("pk"))


def may_see_personal_data(user: AnyUser, record: AdviceRecord) -> bool:
    """The author, the officers of the record's province and national officers (the module)."""
    if not _active(user):
        return False
    if record.recorded_by_id == user.pk and is_adviser(user):
        return True
    return advice_records_for_user(user).filter(pk=record.pk).exists()


def access_log_for_user(user: AnyUser) -> QuerySet[AdviceAccessLogEntry]:
    """The log of who saw named records: national officers only."""
    if (
        _active(user)
        and can_access_all_provinces(user)
        and user.has_perm("advice.view_adviceaccesslogentry")
    ):
        return AdviceAccessLogEntry.objects.all()
    return AdviceAccessLogEntry.objects.none()


def sees_exact_figures(user: AnyUser) -> bool:
    """National officers read the figures whole; everyone else with small counts hidden."""
    return _active(user) and can_access_all_provinces(user)
