"""Demo accounts, one or more per role, for development machines only."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from . import roles
from .models import Province, ProvinceAssignment

DEMO_PASSWORD = "safe-migration-demo"  # noqa: S105 - development settings only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str | None
    province_codes: tuple[str, ...] = ()
    superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin", None, superuser=True),
    DemoAccount("editor", roles.EDITORS),
    DemoAccount("moderator", roles.MODERATORS),
    DemoAccount("officer.siemreap", roles.PROGRAM_OFFICERS, ("17", "22")),
    DemoAccount("officer.battambang", roles.PROGRAM_OFFICERS, ("02", "24")),
    DemoAccount("national", roles.NATIONAL_PROGRAM_OFFICERS),
    DemoAccount("clubleader", roles.CLUB_LEADERS),
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
        results.append(DemoAccountResult(account=account, created=created))
    return results
