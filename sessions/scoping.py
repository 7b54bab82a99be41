"""What part of the country a user may work with: the one place province scoping is decided.

Everything belongs to a province through a commune (commune → district → province):
a youth group by its commune; a peer educator and a training session by their group (a
session held over a provincial border stays with the group's officers); a participant by
any group they attended a session of or are a member of, and by their home commune.
Rows elsewhere that name a trainings object by content type and id (Wagtail's log entries,
its reference index) are seen by whoever may see that object.

A participant may belong to several provinces (a person who attended sessions in two).
Any officer of one of them may read the record; changing it (edit, merge, erase, delete)
belongs to national officers and to officers assigned to every province the person
appears in, so that no officer rewrites or removes what another province's officer keeps.
"""

import uuid
from typing import Any, TypeAlias, TypeGuard, TypeVar

from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from geography.models import Commune, Province

from .models import (
    Attendance,
    ImportLog,
    Membership,
    Participant,
    PeerEducator,
    TrainingSession,
    YouthGroup,
)
from .selectors import youth_group_roster

#: Whoever asks: a logged-in user, the anonymous visitor, or no one (a task, a command).
AnyUser: TypeAlias = User | AnonymousUser | None
ModelT = TypeVar("ModelT", bound=Model)


def can_access_all_provinces(user: AnyUser) -> TypeGuard[User]:
    """National officers (and superusers) work across every province."""
    return bool(user and user.is_active and user.has_perm("trainings.access_all_provinces"))


def can_export_personal_data(user: AnyUser) -> bool:
    """Names, phones and years of birth leave the system only with national officers.

    Both permissions, so that a program officer given the export permission by mistake
    still exports no one's personal data.
    """
    return can_access_all_provinces(user) and user.has_perm("trainings.export_personal_data")


def import_logs_for_user(user: AnyUser) -> QuerySet[ImportLog]:
    """An officer sees their own imports (a file may span their provinces); national officers
    see everyone's."""
    logs = ImportLog.objects.select_related("user")
    if user is None or not user.is_authenticated or not user.is_active:
        return logs.none()
    if can_access_all_provinces(user):
        return logs
    return logs.filter(user=user)


def provinces_for_user(user: AnyUser) -> QuerySet[Province]:
    """The provinces whose trainings this user may see and change."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Province.objects.none()
    if can_access_all_provinces(user):
        return Province.objects.all()
    return Province.objects.filter(officer_assignments__officer=user).distinct()


def _assigned_province_ids(user: User) -> QuerySet[Province, dict[str, Any]]:
    """A subquery of the ids of the provinces assigned to an officer."""
    return Province.objects.filter(officer_assignments__officer=user).values("pk")


def _scoped(queryset: QuerySet[ModelT], user: AnyUser, province_lookup: str) -> QuerySet[ModelT]:
    """`queryset` narrowed to the user's provinces, reached by `province_lookup`."""
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if can_access_all_provinces(user):
        return queryset
    return queryset.filter(**{f"{province_lookup}__in": _assigned_province_ids(user)})


def communes_for_user(user: AnyUser) -> QuerySet[Commune]:
    return _scoped(Commune.objects.all(), user, "district__province")


def youth_groups_for_user(user: AnyUser) -> QuerySet[YouthGroup]:
    return _scoped(YouthGroup.objects.all(), user, "commune__district__province")


def peer_educators_for_user(user: AnyUser) -> QuerySet[PeerEducator]:
    return _scoped(PeerEducator.objects.all(), user, "group__commune__district__province")


def training_sessions_for_user(user: AnyUser) -> QuerySet[TrainingSession]:
    return _scoped(TrainingSession.objects.all(), user, "group__commune__district__province")


def participants_for_user(user: AnyUser) -> QuerySet[Participant]:
    """Participants who attended or belong to a group of the user's provinces, or live there.

    EXISTS subqueries rather than joins, so a person seen in many sessions is listed once
    without a DISTINCT over the whole table.
    """
    queryset = Participant.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if can_access_all_provinces(user):
        return queryset
    provinces = _assigned_province_ids(user)
    attended = Attendance.objects.filter(
        participant=OuterRef("pk"),
        session__group__commune__district__province__in=provinces,
    )
    member = Membership.objects.filter(
        participant=OuterRef("pk"), group__commune__district__province__in=provinces
    )
    return queryset.filter(
        Q(Exists(attended)) | Q(Exists(member)) | Q(home_commune__district__province__in=provinces)
    )


def _scoped_querysets(user: AnyUser) -> dict[type[Model], QuerySet[Any]]:
    """The trainings models an officer works with, each with the objects this user may see."""
    return {
        YouthGroup: youth_groups_for_user(user),
        PeerEducator: peer_educators_for_user(user),
        TrainingSession: training_sessions_for_user(user),
        Participant: participants_for_user(user),
    }


def trainings_objects_visible_q(
    user: AnyUser, *, content_type_field: str, object_id_field: str
) -> Q:
    """A condition on rows naming an object by content type and text id: those the user may see.

    For Wagtail's log entries and reference index, which name any object that way. Rows
    about other models pass; rows about a group, educator, session or participant pass
    when that object is in the user's provinces; rows about any other trainings model
    (assignments, export and import logs, places, or an object since deleted) only for
    those who work across every province.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if can_access_all_provinces(user):
        return Q()
    trainings_types = ContentType.objects.filter(app_label="trainings").values("pk")
    condition = ~Q(**{f"{content_type_field}__in": trainings_types})
    for model, queryset in _scoped_querysets(user).items():
        ids = queryset.annotate(text_id=Cast("pk", CharField())).values("text_id")
        condition |= Q(
            **{
                content_type_field: ContentType.objects.get_for_model(model),
                f"{object_id_field}__in": ids,
            }
        )
    return condition


def participants_changeable_by_user(user: AnyUser) -> QuerySet[Participant]:
    """Participants this user may edit, merge, erase or delete: shared people included only
    when every province they appear in is the user's.

    A subset of `participants_for_user`: the person is there, and no attendance, membership
    or home commune of theirs lies in a province not assigned to the officer.
    """
    queryset = participants_for_user(user)
    if user is None or not user.is_authenticated or can_access_all_provinces(user):
        return queryset  # none() for the anonymous, everyone for national officers
    provinces = _assigned_province_ids(user)
    attended_elsewhere = Attendance.objects.filter(participant=OuterRef("pk")).exclude(
        session__group__commune__district__province__in=provinces
    )
    member_elsewhere = Membership.objects.filter(participant=OuterRef("pk")).exclude(
        group__commune__district__province__in=provinces
    )
    home_here = Q(home_commune__isnull=True) | Q(home_commune__district__province__in=provinces)
    return queryset.filter(home_here, ~Exists(attended_elsewhere), ~Exists(member_elsewhere))


def club_for_user(user: AnyUser) -> YouthGroup | None:
    """The youth club a club leader reports for (their peer educator's group), or None."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    educator = (
        PeerEducator.objects.select_related("group__kind", "group__commune__district")
        .filter(user=user)
        .first()
    )
    return educator.group if educator is not None else None


def club_training_sessions_for_user(user: AnyUser) -> QuerySet[TrainingSession]:
    """The sessions of the club leader's own club, newest first; none for anyone else."""
    club = club_for_user(user)
    if club is None:
        return TrainingSession.objects.none()
    return TrainingSession.objects.filter(group=club).order_by("-date", "-pk")


def club_session_sent_with_key(user: AnyUser, key: uuid.UUID) -> TrainingSession | None:
    """The report of the leader's club that this leader already sent with `key`, or None.

    A key is made on the leader's phone for each report (its outbox); looked up among this
    leader's own reports only, another leader's key is no answer to anyone.
    """
    if user is None or not user.is_authenticated:
        return None
    sessions = club_training_sessions_for_user(user)
    return sessions.filter(reported_by=user, submission_key=key).first()


def club_members_for_user(user: AnyUser) -> QuerySet[Participant]:
    """The current roster of the club leader's club (not left, not erased), by name."""
    club = club_for_user(user)
    if club is None:
        return Participant.objects.none()
    return youth_group_roster(club)
