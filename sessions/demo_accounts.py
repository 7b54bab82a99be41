"""Demo accounts, one or more per role, for development machines only."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from geography.models import Commune, Province

from . import roles
from .models import Membership, Participant, PeerEducator, ProvinceAssignment, Sex, YouthGroup

DEMO_PASSWORD = "safe-migration-demo"  # noqa: S105 - development settings only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str | None
    province_codes: tuple[str, ...] = ()
    superuser: bool = False
    #: The province of the demo club this account leads, if any.
    club_province_code: str | None = None


DEMO_ACCOUNTS = (
    DemoAccount("admin", None, superuser=True),
    DemoAccount("editor", roles.EDITORS),
    DemoAccount("moderator", roles.MODERATORS),
    DemoAccount("officer.siemreap", roles.PROGRAM_OFFICERS, ("17", "22")),
    DemoAccount("officer.battambang", roles.PROGRAM_OFFICERS, ("02", "24")),
    DemoAccount("national", roles.NATIONAL_PROGRAM_OFFICERS),
    DemoAccount("clubleader", roles.CLUB_LEADERS, club_province_code="17"),
)


@dataclass(frozen=True)
class DemoAccountResult:
    account: DemoAccount
    created: bool


@transaction.atomic
def demo_accounts_create() -> list[DemoAccountResult]:
    """Create the demo accounts that are missing; existing ones keep their password."""
    if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        raise ImproperlyConfigured("Demo accounts may only be created with development settings.")
    user_model = get_user_model()
    results = []
    for account in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=account.username,
            defaults={
                "email": f"{account.username}@example.org",
                "is_superuser": account.superuser,
                "is_staff": account.superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if account.role:
            user.groups.add(Group.objects.get(name=account.role))
        for province in Province.objects.filter(code__in=account.province_codes):
            ProvinceAssignment.objects.get_or_create(officer=user, province=province)
        if account.club_province_code:
            _demo_club_create(user, account.club_province_code)
        results.append(DemoAccountResult(account=account, created=created))
    return results


DEMO_CLUB_NAME = "Demo youth club (Siem Reap)"
DEMO_COLLECTOR = "Demo data"
#: Invented names, so nobody mistakes the demo roster for real people.
DEMO_MEMBERS = [
    (f"Demo member {number:02d}", sex)
    for number, sex in zip(range(1, 13), [Sex.FEMALE, Sex.MALE] * 6, strict=True)
]


def _demo_club_create(user, province_code: str) -> None:
    """A demo club whose peer educator logs in as `user`, with a roster of invented members."""
    commune = (
        Commune.objects.filter(district__province__code=province_code).order_by("code").first()
    )
    if commune is None:  # no geography loaded yet
        return
    group, __ = YouthGroup.objects.get_or_create(
        name=DEMO_CLUB_NAME,
        defaults={
            "commune": commune,
            "founded_on": datetime.date(2020, 1, 1),
            "contact_name": "Demo club leader",
        },
    )
    if not PeerEducator.objects.filter(user=user).exists():
        PeerEducator.objects.create(
            name_km="អ្នកដឹកនាំក្លឹបសាកល្បង",
            name_latin="Demo club leader",
            sex=Sex.FEMALE,
            year_of_birth=2001,
            group=group,
            trained_on=datetime.date(2021, 3, 1),
            user=user,
        )
    this_year = datetime.date.today().year
    for index, (name, sex) in enumerate(DEMO_MEMBERS):
        participant = Participant.objects.filter(name=name, youth_groups=group).first()
        if participant is None:
            participant = Participant(
                name=name,
                sex=sex,
                year_of_birth=this_year - 18 - index,
                home_commune=commune,
                consent_given_on=datetime.date(2024, 1, 1),
                consent_collected_by=DEMO_COLLECTOR,
            )
            participant.full_clean()
            participant.save()
        Membership.objects.get_or_create(
            group=group, participant=participant, defaults={"joined_on": datetime.date(2024, 1, 1)}
        )
