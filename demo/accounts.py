"""Demo accounts, one or more per role, for development machines only (demo/data/accounts.toml)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.roles import ROLE_LABELS
from geography.models import Commune, Province
from sessions.models import (
    Membership,
    Participant,
    PeerEducator,
    ProvinceAssignment,
    Sex,
    YouthGroup,
)

from .data_files import demo_data

DEMO_PASSWORD = "safe-migration-demo"  # noqa: S105 - development settings only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str | None
    province_codes: tuple[str, ...] = ()
    superuser: bool = False
    #: The province of the demo club this account leads, if any.
    club_province_code: str | None = None


def _demo_account(entry: dict) -> DemoAccount:
    """An account of accounts.toml; its role must be one the migrations create."""
    role = entry.get("role")
    if role is not None and role not in ROLE_LABELS:
        raise ImproperlyConfigured(f"accounts.toml: {role!r} is not a role (accounts/roles.py).")
    return DemoAccount(
        username=entry["username"],
        role=role,
        province_codes=tuple(entry.get("provinces", ())),
        superuser=entry.get("superuser", False),
        club_province_code=entry.get("club_province"),
    )


DEMO_ACCOUNTS = tuple(_demo_account(entry) for entry in demo_data("accounts")["accounts"])
DEMO_CLUB = demo_data("accounts")["club"]


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


def _demo_club_create(user, province_code: str) -> None:
    """A demo club whose peer educator logs in as `user`, with a roster of invented members."""
    commune = (
        Commune.objects.filter(district__province__code=province_code).order_by("code").first()
    )
    if commune is None:  # no geography loaded yet
        return
    group, __ = YouthGroup.objects.get_or_create(
        name=DEMO_CLUB["name"],
        defaults={
            "commune": commune,
            "founded_on": DEMO_CLUB["founded_on"],
            "contact_name": DEMO_CLUB["contact_name"],
        },
    )
    if not PeerEducator.objects.filter(user=user).exists():
        leader = DEMO_CLUB["leader"]
        PeerEducator.objects.create(
            name_km=leader["name_km"],
            name_latin=leader["name_latin"],
            sex=Sex(leader["sex"]),
            year_of_birth=leader["year_of_birth"],
            group=group,
            trained_on=leader["trained_on"],
            user=user,
        )
    this_year = datetime.date.today().year
    for index, member in enumerate(DEMO_CLUB["members"]):
        participant = Participant.objects.filter(name=member["name"], youth_groups=group).first()
        if participant is None:
            participant = Participant(
                name=member["name"],
                sex=Sex(member["sex"]),
                year_of_birth=this_year - 18 - index,
                home_commune=commune,
                consent_given_on=DEMO_CLUB["consent_given_on"],
                consent_collected_by=DEMO_CLUB["collector"],
            )
            participant.full_clean()
            participant.save()
        Membership.objects.get_or_create(
            group=group,
            participant=participant,
            defaults={"joined_on": DEMO_CLUB["members_joined_on"]},
        )
