"""Club leaders' logins: officers create them from the educator's page, never pick a user.

An officer never sees or links other accounts. "Create club leader login" makes a new
account in the Club leaders group, with no usable password, linked to the educator; the
officer passes the leader a password-set link (Django's password reset token, valid for
`PASSWORD_RESET_TIMEOUT`). A new link can be made for an account that is only a club
leader's, never for a staff, superuser or other role's account.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.roles import CLUB_LEADERS

from .models import PeerEducator
from .scoping import peer_educators_for_user


def may_manage_club_leader_login(*, user, educator: PeerEducator) -> bool:
    """An officer who may change the educator, in their provinces."""
    return (
        user.has_perm("trainings.change_peereducator")
        and peer_educators_for_user(user).filter(pk=educator.pk).exists()
    )


# What the Club leaders role may do (the roles' table: tests/accounts/test_roles.py). An account
# that may do anything more is not an officer's to hand over.
# Logging advice from the phone (the advice app) is a club leader's too.
CLUB_LEADER_PERMISSIONS = frozenset({"curriculum.view_facilitator_content", "advice.log_advice"})


def is_club_leader_account(account) -> bool:
    """An account that may do no more than a club leader: no staff, superuser or other power.

    Decided by the permissions it holds, through its groups or its own, never by a group's
    name: a renamed role keeps its club leaders, and a group that takes the name gives none.
    """
    if account is None or account.is_staff or account.is_superuser:
        return False
    held = Permission.objects.filter(Q(user=account) | Q(group__user=account)).values_list(
        "content_type__app_label", "codename"
    )
    return {f"{app_label}.{codename}" for app_label, codename in held} <= CLUB_LEADER_PERMISSIONS


@transaction.atomic
def club_leader_login_create(*, educator: PeerEducator, username: str, email: str, user):
    """A new club leader account for `educator`, with no usable password yet."""
    if not may_manage_club_leader_login(user=user, educator=educator):
        raise PermissionDenied(_("This peer educator is not in your provinces."))
    educator = PeerEducator.objects.select_for_update().get(pk=educator.pk)
    if educator.user_id is not None:
        raise ValidationError(_("This peer educator already has a login."))
    account = get_user_model()(username=username, email=email)
    account.set_unusable_password()
    account.full_clean()
    account.save()
    account.groups.add(Group.objects.get(name=CLUB_LEADERS))
    educator.user = account
    educator.full_clean()
    educator.save(update_fields=["user"])
    return account


def club_leader_password_link(*, educator: PeerEducator, user, request) -> str:
    """The address where the educator's club leader sets a password, for the officer to pass on."""
    if not may_manage_club_leader_login(user=user, educator=educator):
        raise PermissionDenied(_("This peer educator is not in your provinces."))
    account = educator.user
    if not is_club_leader_account(account):
        raise PermissionDenied(
            _("This login is not only a club leader's: ask a national officer to look at it.")
        )
    if not account.is_active:
        raise ValidationError(_("This login is switched off."))
    path = reverse(
        "club_leader_password_set",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
            "token": default_token_generator.make_token(account),
        },
    )
    return request.build_absolute_uri(path)
