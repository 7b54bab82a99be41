"""Writes to training sessions and participants: the one place each change is made.

Views, viewsets, imports and the club leaders' forms call these functions, so the rules
(who may, from which status, what is kept) hold whichever screen the change comes from.
"""

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from curriculum.models import LessonPage
from geography.models import Commune

from .models import (
    CONSENT_COLLECTOR_FIELDS,
    CONSENT_FIELDS,
    AccessLogEntry,
    Attendance,
    ExportJob,
    ExportLog,
    Membership,
    Participant,
    PeerEducator,
    SessionLesson,
    TrainingSession,
    TrainingsLogEntry,
    YouthGroup,
)
from .reports.kept import kept_figures_refresh_soon
from .scoping import (
    club_for_user,
    club_training_sessions_for_user,
    participants_changeable_by_user,
    training_sessions_for_user,
    youth_groups_for_user,
)

#: Fields filled in from a duplicate where the participant kept has them blank.
MERGED_FIELDS = [
    "name",
    "year_of_birth",
    "age_band",
    "home_commune",
    "plans_to_migrate",
    "destination",
    "contact_phone",
    *CONSENT_FIELDS,
]

#: Personal data removed on erasure; sex, age band and home commune stay for the figures.
ERASED_FIELDS = {
    "name": "",
    "contact_phone": "",
    "year_of_birth": None,
    **dict.fromkeys(CONSENT_COLLECTOR_FIELDS, ""),
}


#: What replaces a logged search that named an erased person.
ERASED_SEARCH = "[erased]"


def _locked_session(session: TrainingSession) -> TrainingSession:
    """The session's row, locked until the transaction ends, so two reviews cannot race."""
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _check_may_review(session: TrainingSession, user: User) -> None:
    if not user.has_perm("trainings.verify_trainingsession"):
        raise PermissionDenied(_("You may not verify or return training sessions."))
    if not training_sessions_for_user(user).filter(pk=session.pk).exists():
        raise PermissionDenied(_("This session belongs to a province not assigned to you."))


def _may_submit(session: TrainingSession, user: User) -> bool:
    leader = getattr(user, "peer_educator", None)
    if leader is not None and leader.group_id == session.group_id:
        return True
    return (
        user.has_perm("trainings.change_trainingsession")
        and training_sessions_for_user(user).filter(pk=session.pk).exists()
    )


def _save(session: TrainingSession, fields: list[str]) -> None:
    session.full_clean()
    session.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def training_sessions_mark_submitted(*, sessions: Sequence[TrainingSession], user: User) -> None:
    """Stamp saved sessions as submitted by `user` now, and write each one's history entry.

    The one place a session becomes submitted: a club's report (`training_session_submit`),
    an officer's entry in the admin and an import all come here, so every submitted session
    says when and by whom, and its history shows it. One UPDATE and one INSERT for any
    number of sessions; the caller has checked them and decided they may be submitted.
    """
    sessions = list(sessions)
    if not sessions:
        return
    now = timezone.now()
    stamp = {
        "status": TrainingSession.Status.SUBMITTED,
        "submitted_by": user,
        "submitted_at": now,
        "updated_at": now,
    }
    TrainingSession.objects.filter(pk__in=[session.pk for session in sessions]).update(**stamp)
    for session in sessions:
        for field, value in stamp.items():
            setattr(session, field, value)
    # Each entry is labelled with the session's name, which names its group: one query.
    prefetch_related_objects(sessions, "group")
    TrainingsLogEntry.objects.log_action_for_each(sessions, "trainings.submit", user=user)


@transaction.atomic
def training_session_submit(*, session: TrainingSession, user: User) -> TrainingSession:
    """A session with its club (draft or returned) goes to the officers of its province."""
    if not _may_submit(session, user):
        raise PermissionDenied(_("You may not submit this session."))
    current = _locked_session(session)
    if not current.club_may_edit:
        raise ValidationError(_("Only a draft or returned session can be submitted."))
    session.full_clean()
    training_sessions_mark_submitted(sessions=[session], user=user)
    return session


def _may_plan_for(group: YouthGroup, user: User) -> bool:
    """A club's own leader, or an officer who may add sessions in the group's province."""
    if club_for_user(user) == group:
        return True
    return (
        user.has_perm("trainings.add_trainingsession")
        and youth_groups_for_user(user).filter(pk=group.pk).exists()
    )


@transaction.atomic
def training_session_plan(
    *,
    group: YouthGroup,
    date: datetime.date,
    duration_minutes: int,
    commune: Commune,
    lessons: Sequence[LessonPage],
    user: User,
    start_time: datetime.time | None = None,
    source: str = TrainingSession.Source.WEB_FORM,
) -> TrainingSession:
    """A session planned for a day: it has a sign-in sheet, and reporting it makes it the report.

    A status of the session itself, not a model of its own: the report is the same row,
    so nothing is copied and no second session can come of it (see docs/decisions.md).
    """
    if not _may_plan_for(group, user):
        raise PermissionDenied(_("You may not plan sessions for this club."))
    session = TrainingSession(
        group=group,
        date=date,
        start_time=start_time,
        duration_minutes=duration_minutes,
        commune=commune,
        status=TrainingSession.Status.PLANNED,
        source=source,
    )
    session.full_clean()
    session.save()
    for order, lesson in enumerate(lessons):
        session_lesson = SessionLesson(session=session, lesson=lesson, sort_order=order)
        session_lesson.full_clean()
        session_lesson.save()
    log(instance=session, action="wagtail.create", user=user)
    return session


@transaction.atomic
def training_session_withdraw(*, session: TrainingSession, user: User) -> TrainingSession:
    """The club takes back a session it submitted, before any officer verified it: a draft again.

    Only the session's own club leader may; a session already verified (or returned, or
    never submitted) stays as it is.
    """
    if not club_training_sessions_for_user(user).filter(pk=session.pk).exists():
        raise PermissionDenied(_("You may not withdraw this session."))
    current = _locked_session(session)
    if not current.club_may_withdraw:
        raise ValidationError(_("Only a submitted session not yet verified can be withdrawn."))
    session.status = TrainingSession.Status.DRAFT
    session.submitted_by = None
    session.submitted_at = None
    _save(session, ["status", "submitted_by", "submitted_at"])
    log(instance=session, action="trainings.withdraw", user=user)
    return session


@transaction.atomic
def training_session_verify(*, session: TrainingSession, user: User) -> TrainingSession:
    """An officer of the session's province confirms a submitted session; it now counts.

    A training of trainers, verified, makes its attendees peer educators of their groups.
    """
    _check_may_review(session, user)
    current = _locked_session(session)
    if current.status != TrainingSession.Status.SUBMITTED:
        raise ValidationError(_("Only submitted sessions can be verified."))
    session.status = TrainingSession.Status.VERIFIED
    session.verified_by = user
    session.verified_at = timezone.now()
    session.return_reason = ""
    _save(session, ["status", "verified_by", "verified_at", "return_reason"])
    log(instance=session, action="trainings.verify", user=user)
    if current.is_training_of_trainers:
        peer_educators_from_training(session=current)
    kept_figures_refresh_soon()
    return session


def _groups_of_trainee(participant: Participant, session: TrainingSession) -> list[int]:
    """The groups a person trained as a trainer educates for: those whose roster they are on
    on the day, or the session's own group if they are on none (a council's member who was
    never put on its roster is still trained for it)."""
    on_the_day = Q(joined_on__isnull=True) | Q(joined_on__lte=session.date)
    still_there = Q(left_on__isnull=True) | Q(left_on__gte=session.date)
    group_ids = list(
        Membership.objects.filter(on_the_day, still_there, participant=participant)
        .order_by("group_id")
        .values_list("group_id", flat=True)
    )
    return group_ids or [session.group_id]


def peer_educators_from_training(*, session: TrainingSession) -> list[PeerEducator]:
    """Everyone named at a verified training of trainers becomes a peer educator, with the date.

    One peer educator per person and group: someone who already is one keeps the training
    that first made them one (or gets this one, if they were entered by hand without).
    Called inside the verifying transaction.
    """
    made = []
    attendances = Attendance.objects.filter(session=session).select_related("participant")
    for attendance in attendances:
        person = attendance.participant
        for group_id in _groups_of_trainee(person, session):
            educator = PeerEducator.objects.filter(participant=person, group_id=group_id).first()
            if educator is None:
                educator = PeerEducator(
                    participant=person,
                    group_id=group_id,
                    name_km=person.name or person.code,
                    sex=person.sex,
                    year_of_birth=person.year_of_birth,
                    phone=person.contact_phone,
                )
            elif educator.trained_at_id is not None:
                continue
            educator.trained_at = session
            educator.trained_on = session.date
            educator.full_clean(exclude=["user"])
            educator.save()
            made.append(educator)
    return made


def peer_educators_undo_training(*, session: TrainingSession) -> None:
    """A training of trainers no longer verified no longer makes anyone a peer educator.

    Those it made and who have done nothing since (no session facilitated, no login) are
    removed; the others stay, as people who did facilitate, without the training's date.
    """
    made = PeerEducator.objects.filter(trained_at=session)
    idle = made.filter(user__isnull=True, training_sessions__isnull=True)
    idle.delete()
    made.update(trained_at=None, trained_on=None)


@transaction.atomic
def training_session_return(
    *, session: TrainingSession, user: User, reason: str
) -> TrainingSession:
    """An officer sends a submitted session back to the club, saying what to fix."""
    _check_may_review(session, user)
    if not reason or not reason.strip():
        raise ValidationError(
            {"return_reason": _("Say why the session is returned, so the club can fix it.")}
        )
    current = _locked_session(session)
    # A verified session can be returned too: the officer found a mistake after verifying.
    if current.status not in (TrainingSession.Status.SUBMITTED, TrainingSession.Status.VERIFIED):
        raise ValidationError(_("Only submitted or verified sessions can be returned."))
    session.status = TrainingSession.Status.RETURNED
    session.return_reason = reason.strip()
    session.verified_by = None
    session.verified_at = None
    _save(session, ["status", "return_reason", "verified_by", "verified_at"])
    if current.status == TrainingSession.Status.VERIFIED and current.is_training_of_trainers:
        peer_educators_undo_training(session=current)
    log(instance=session, action="trainings.return", user=user, data={"reason": reason.strip()})
    kept_figures_refresh_soon()
    return session


@transaction.atomic
def participant_erase(
    *, participant: Participant, user: User, screen: str = "participants:erase"
) -> Participant:
    """Remove a person's name and contacts, keeping what the figures count.

    Sex, age band and home commune stay, and every attendance keeps the age band the
    person had on the day, so counts by sex and age band do not change.
    """
    if not user.has_perm("trainings.erase_participant"):
        raise PermissionDenied(_("Only national program officers may erase a participant."))
    if not participants_changeable_by_user(user).filter(pk=participant.pk).exists():
        raise PermissionDenied(_("This participant also belongs to provinces not assigned to you."))
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.erased_at:
        return participant

    attendances = list(
        participant.attendances.select_related("session").only("pk", "age_band", "session__date")
    )
    for attendance in attendances:
        attendance.age_band = participant.age_band_on(attendance.session.date)
    Attendance.objects.bulk_update(
        [attendance for attendance in attendances if attendance.age_band], ["age_band"]
    )
    last_seen = max(
        (attendance.session.date for attendance in attendances), default=timezone.localdate()
    )
    participant.age_band = participant.age_band_on(last_seen)
    _erase_from_logged_searches(participant)
    _erase_from_export_files()
    for field, empty in ERASED_FIELDS.items():
        setattr(participant, field, empty)
    participant.erased_at = timezone.now()
    participant.full_clean()
    participant.save()
    # Off the club rosters, so the name-less code is not offered in the next roll call.
    participant.memberships.filter(left_on__isnull=True).update(left_on=timezone.localdate())
    # The admin's history labels entries with the object's name at the time: keep the code only.
    log_registry.get_logs_for_instance(participant).update(label=participant.code)
    log(instance=participant, action="trainings.erase", user=user)
    access_log_record(
        user=user,
        action=AccessLogEntry.Action.ERASED,
        screen=screen,
        participants=[participant],
    )
    kept_figures_refresh_soon()
    return participant


@transaction.atomic
def participants_merge(
    *,
    keep: Participant,
    duplicate: Participant,
    user: User,
    screen: str = "participants:duplicates",
) -> Participant:
    """Make two records of one person one: attendances and memberships move to `keep`."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A participant cannot be merged with themself."))
    if not user.has_perm("trainings.change_participant"):
        raise PermissionDenied(_("You may not merge participants."))
    changeable = participants_changeable_by_user(user).filter(pk__in=[keep.pk, duplicate.pk])
    if changeable.count() != 2:
        # A person shared with another province is merged by whoever holds every province.
        raise PermissionDenied(
            _("Both participants must be only in provinces assigned to you to be merged.")
        )
    # In id order, as the kept figures' refresh locks people: two officers merging the
    # same pair the other way round wait for each other rather than deadlock.
    locked = {
        person.pk: person
        for person in Participant.objects.select_for_update()
        .filter(pk__in=[keep.pk, duplicate.pk])
        .order_by("pk")
    }
    keep, duplicate = locked[keep.pk], locked[duplicate.pk]

    # Where both attended a session, the attendance of the record kept stays.
    duplicate.attendances.filter(
        session__in=Attendance.objects.filter(participant=keep).values("session")
    ).delete()
    duplicate.attendances.update(participant=keep)
    duplicate.memberships.filter(
        group__in=Membership.objects.filter(participant=keep).values("group")
    ).delete()
    duplicate.memberships.update(participant=keep)

    for field in MERGED_FIELDS:
        if getattr(keep, field) in ("", None) and getattr(duplicate, field) not in ("", None):
            setattr(keep, field, getattr(duplicate, field))
    keep.returned_migrant = keep.returned_migrant or duplicate.returned_migrant
    duplicate_code = duplicate.code
    # Before the delete, so the duplicate's row is written with its id (then set to null).
    access_log_record(
        user=user,
        action=AccessLogEntry.Action.MERGED,
        screen=screen,
        participants=[keep, duplicate],
        details={"kept": keep.code, "merged": duplicate_code},
    )
    duplicate.delete()
    keep.full_clean()
    keep.save()
    log(instance=keep, action="trainings.merge", user=user, data={"merged": duplicate_code})
    kept_figures_refresh_soon()
    return keep


def export_log_create(
    *,
    user: User,
    list_name: str,
    export_format: str,
    filters: dict[str, Any],
    row_count: int,
    personal_data: bool,
) -> ExportLog:
    """Record an export before any of its rows leave, so an unlogged file is never sent."""
    entry = ExportLog(
        user=user,
        username=user.get_username(),
        list_name=list_name,
        export_format=export_format,
        filters=filters,
        row_count=row_count,
        personal_data=personal_data,
    )
    entry.full_clean()
    entry.save()
    return entry


def access_log_record(
    *,
    user: User,
    action: str,
    screen: str,
    participants: Iterable[Participant] | None = None,
    search: str = "",
    details: dict[str, Any] | None = None,
    row_count: int | None = None,
    export_log: ExportLog | None = None,
) -> list[AccessLogEntry]:
    """Record that `user` reached personal data: a row per participant, in one INSERT.

    With `participants=None`, one row stands for a list or an export (its filters, search
    and row count): lists of thousands are never written a row per person. An empty
    `participants` writes nothing.
    """
    common = {
        "user": user,
        "username": user.get_username(),
        "action": action,
        "screen": screen[:100],
        "search": search[:255],
        "details": details or {},
        "row_count": row_count,
        "export_log": export_log,
    }
    if participants is None:
        entries = [AccessLogEntry(**common)]
    else:
        entries = [
            AccessLogEntry(participant_id=person.pk, participant_code=person.code, **common)
            for person in participants
        ]
    return AccessLogEntry.objects.bulk_create(entries) if entries else []


def _erase_from_logged_searches(participant: Participant) -> None:
    """Blank the list searches and export filters that typed this person's name or phone.

    A search term is the one place the logs could hold a name. Each word of the name of 3
    letters or more, and the phone's last 6 digits, are looked for; a search for a part of
    a word ("Srey" for "Sreymom") is not recognised.
    """
    words = [word for word in participant.name.split() if len(word) >= 3]
    digits = "".join(character for character in participant.contact_phone if character.isdigit())
    if len(digits) >= 6:
        words.append(digits[-6:])
    if not words:
        return
    searched = Q()
    exported = Q()
    for word in words:
        searched |= Q(search__icontains=word)
        exported |= Q(filters__q__icontains=word)
    AccessLogEntry.objects.filter(searched).update(search=ERASED_SEARCH)
    for entry in ExportLog.objects.filter(exported).only("filters"):
        entry.filters["q"] = ERASED_SEARCH
        entry.save(update_fields=["filters"])
    for job in ExportJob.objects.filter(exported).only("filters"):
        job.filters["q"] = ERASED_SEARCH
        job.save(update_fields=["filters"])


def _erase_from_export_files() -> None:
    """Withdraw the background exports' files that hold personal data, and delete them.

    Any of them may hold the erased person's name; they are files the site still keeps for
    a few days, so they go, and their askers make them again without the name.
    """
    jobs = list(
        ExportJob.objects.filter(status=ExportJob.Status.DONE, personal_data=True).exclude(
            stored_name=""
        )
    )
    ExportJob.objects.filter(pk__in=[job.pk for job in jobs]).update(
        status=ExportJob.Status.EXPIRED, stored_name=""
    )

    def delete_files() -> None:
        for job in jobs:
            path = job.stored_path  # None only for a job without a file, excluded above
            if path is not None:
                path.unlink(missing_ok=True)

    # Once the erasure is saved: a rolled-back erasure leaves the files as they were.
    transaction.on_commit(delete_files)
