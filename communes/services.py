"""Writes to the commune registers: records saved whole or not at all, names and phones erased.

Each write is checked with the model's rules (`full_clean`) before it is saved and is
written to the register's history (`CommunesLogEntry`) in the same transaction. The
history's label is the record's code, never a name, so erasing a name leaves none behind.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .choices import MovementKind
from .importing import MovementCheck, movements_check
from .models import CommunesLogEntry, Movement, RecruitmentActivity, RegisterExportLog

#: The history's action when a name and phone are erased (labelled in wagtail_hooks.py).
ERASE_ACTION = "communes.erase_personal_data"
#: The same, done by the retention task rather than by someone's request.
EXPIRE_ACTION = "communes.expire_personal_data"


def _record_save(*, record: Movement | RecruitmentActivity, user: User) -> None:
    creating = record.pk is None
    if creating:
        record.recorded_by = user
    record.full_clean()
    with transaction.atomic():
        record.save()
        log(instance=record, action="wagtail.create" if creating else "wagtail.edit", user=user)


def movement_record(*, movement: Movement, user: User) -> Movement:
    """Save a departure or a return (new or changed); raises ValidationError, saving nothing."""
    _record_save(record=movement, user=user)
    return movement


class MovementsRejected(Exception):
    """The file no longer passes its check (the register changed since): nothing was saved."""

    def __init__(self, check: MovementCheck):
        super().__init__("The file has rows that cannot be imported.")
        self.check = check


def movements_import_write(*, path: Path, user: User) -> MovementCheck:
    """Check the file again and save every row in one transaction; raises MovementsRejected.

    Each record is in the history as one made on a phone is ("wagtail.create"). Departures
    are saved first, so that a return linked to a departure of the same file can point at it.
    """
    with transaction.atomic():
        check = movements_check(path, user)
        if not check.ok:
            raise MovementsRejected(check)
        # A passed check has a movement on every row.
        movements = [row.movement for row in check.rows if row.movement is not None]
        movements.sort(key=lambda movement: movement.kind != MovementKind.DEPARTURE)
        for movement in movements:
            movement.recorded_by = user
            movement.full_clean()
            movement.save()
            log(instance=movement, action="wagtail.create", user=user)
    return check


def recruitment_activity_record(
    *, activity: RecruitmentActivity, user: User
) -> RecruitmentActivity:
    """Save a recruiter seen in the commune; raises ValidationError, saving nothing."""
    _record_save(record=activity, user=user)
    return activity


def movement_personal_data_erase(*, movement: Movement, user: User) -> Movement:
    """Erase the person's name and phone now (on their request); the record and its code stay."""
    with transaction.atomic():
        movement.name = ""
        movement.phone = ""
        movement.personal_data_erased_at = timezone.now()
        movement.save(update_fields=["name", "phone", "personal_data_erased_at", "updated_at"])
        log(instance=movement, action=ERASE_ACTION, user=user)
    return movement


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier, or the month's last day where it has no such day."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


def movements_personal_data_expire(*, today: datetime.date | None = None) -> int:
    """Erase the names and phones whose consent is older than the retention period.

    Run every night (`manage.py erase_expired_register_contacts`, by the retention timer).
    Returns how many records were erased; the figures do not change.
    """
    today = today or timezone.localdate()
    cutoff = months_before(today, settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS)
    with transaction.atomic():
        expired = list(
            Movement.objects.select_for_update()
            .filter(
                contact_consent=True,
                personal_data_erased_at__isnull=True,
                consent_recorded_on__lte=cutoff,
            )
            .only("pk", "kind", "person_code")
        )
        if not expired:
            return 0
        Movement.objects.filter(pk__in=[movement.pk for movement in expired]).update(
            name="", phone="", personal_data_erased_at=timezone.now(), updated_at=timezone.now()
        )
        for movement in expired:
            CommunesLogEntry.objects.log_action(movement, EXPIRE_ACTION, user=None)
    return len(expired)


def recruitment_descriptions_expire(*, today: datetime.date | None = None) -> int:
    """Erase what was said of recruiters seen before the retention period began.

    The recruiter's description and what was promised are free text that may name a person
    (a broker's name, their phone); erased with the names and phones, by the same nightly
    task. The sighting stays, so the figures do not change. Returns how many were erased.
    """
    today = today or timezone.localdate()
    cutoff = months_before(today, settings.COMMUNES_PERSONAL_DATA_RETENTION_MONTHS)
    with transaction.atomic():
        expired = list(
            RecruitmentActivity.objects.select_for_update()
            .filter(seen_on__lte=cutoff, description_erased_at__isnull=True)
            .exclude(recruiter_description="", promised="")
            .only("pk", "seen_on")
        )
        if not expired:
            return 0
        RecruitmentActivity.objects.filter(pk__in=[activity.pk for activity in expired]).update(
            recruiter_description="",
            promised="",
            description_erased_at=timezone.now(),
            updated_at=timezone.now(),
        )
        for activity in expired:
            CommunesLogEntry.objects.log_action(activity, EXPIRE_ACTION, user=None)
    return len(expired)


def register_export_log(
    *,
    user: User,
    what: str,
    export_format: str,
    language: str,
    filters: dict,
    row_count: int,
    exact_figures: bool,
    personal_data: bool = False,
) -> RegisterExportLog:
    """Record a file of the register before it leaves: who, what, covering what."""
    entry = RegisterExportLog(
        user=user,
        username=user.get_username(),
        what=what,
        export_format=export_format,
        language=language,
        filters=filters,
        row_count=row_count,
        exact_figures=exact_figures,
        personal_data=personal_data,
    )
    entry.full_clean()
    entry.save()
    return entry
