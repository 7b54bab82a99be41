"""Writes about logins: a national officer unlocks an account that axes locked."""

import logging

from axes.utils import reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from wagtail.log_actions import log

logger = logging.getLogger(__name__)


def account_unlock(*, username: str, user: User) -> int:
    """Forget the failed logins of `username` so they can log in again; the count removed.

    The unlock is written to the user's history in the admin when such a user exists (a
    locked name may be one nobody has: someone guessing).
    """
    removed = reset(username=username)
    account = get_user_model().objects.filter(username=username).first()
    if account is not None:
        log(instance=account, action="accounts.unlock", user=user)
    logger.info("Login lockout of %r lifted by %s (%d records).", username, user, removed)
    return removed
