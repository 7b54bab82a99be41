"""Writes to the agencies' register: the ministry's list imported, all rows or none.

Each agency the import creates or changes gets an entry in Wagtail's history (who, when,
which list), as an edit in the admin does; an agency the list names without change is
marked as confirmed by that list (its source and date move on), and that is recorded too.
"""

import datetime
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from wagtail.log_actions import log

from .importing import FIELDS, ListCheck, blank_value, list_check
from .models import Agency

#: The history's actions (registered with their labels in wagtail_hooks.py).
IMPORT_CREATE = "agencies.import_create"
IMPORT_UPDATE = "agencies.import_update"
IMPORT_CONFIRM = "agencies.import_confirm"


class ListRejected(Exception):
    """The file has rows that cannot be imported; nothing was written."""

    def __init__(self, check: ListCheck) -> None:
        super().__init__("rows rejected")
        self.check = check


def agencies_import_write(
    *, path: Path, source: str, source_date: datetime.date, user: User
) -> ListCheck:
    """Check the file again and write every row in one transaction; raises ListRejected.

    The check runs inside the transaction so that what is written is what was checked,
    even if the register changed since the officer read the preview.
    """
    with transaction.atomic():
        check = list_check(path)
        if not check.ok:
            raise ListRejected(check)
        for row in check.rows:
            agency = row.agency or Agency()
            for key in FIELDS:
                value = row.values.get(key)
                setattr(agency, key, value if value is not None else blank_value(key))
            agency.source = source
            agency.source_date = source_date
            agency.full_clean(exclude=["licence_key", "search_key"])
            agency.save()
            agency.destinations.set(row.destinations)
            agency.branch_provinces.set(row.branches)
            action = {
                "created": IMPORT_CREATE,
                "updated": IMPORT_UPDATE,
            }.get(row.outcome, IMPORT_CONFIRM)
            log(
                instance=agency,
                action=action,
                user=user,
                data={"source": source, "source_date": source_date.isoformat()},
            )
    return check
