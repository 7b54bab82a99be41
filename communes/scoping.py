"""What a user may see and change of the commune registers: the one place it is decided.

Every record belongs to a commune. A focal point (permission
`communes.record_in_assigned_communes`) works in the communes assigned to them, on the
public site. Program officers work in the communes of the provinces assigned to them, and
national officers in every commune, in the admin, with the register's model permissions.
Provinces come from the trainings app's scoping: an officer has one set of provinces for
all their work, so the two registers cannot drift apart (docs/decisions.md).

Names and phones (kept only with the person's consent) are seen by the focal points of
the record's commune, who follow the person up, and by holders of
`communes.view_personal_data` within their communes; nobody else, anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast

from geography.models import Commune, District, Province
from sessions.scoping import AnyUser, can_access_all_provinces, provinces_for_user

from .models import FeeCap, FocalPointAssignment, Movement, RecruitmentActivity

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from typing_extensions import TypeIs

#: The register's models that belong to a commune, each with the lookup from it to the commune.
COMMUNE_RECORDS = (Movement, RecruitmentActivity)
#: Any of these lets a user of the admin read the records of their communes.
OFFICER_PERMISSIONS = ("communes.view_movement", "communes.view_recruitmentactivity")


def _active(user: AnyUser) -> TypeIs[User]:
    # TypeIs: past a `not _active(user)` return, the type checker knows `user` is a User.
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_focal_point(user: AnyUser) -> bool:
    return _active(user) and user.has_perm("communes.record_in_assigned_communes")


def focal_point_communes(user: AnyUser) -> QuerySet[Commune]:
    """The communes where this user records movements and recruitment from their phone."""
    if _active(user) and is_focal_point(user):
        return Commune.objects.filter(focal_point_assignments__focal_point=user)
    return Commune.objects.none()


def _commune_ids_for_user(user: User) -> QuerySet[Commune, Any]:
    """A subquery of the ids of the communes whose records this user (an active one) may reach."""
    focal = (
        Commune.objects.filter(focal_point_assignments__focal_point=user)
        if is_focal_point(user)
        else Commune.objects.none()
    )
    if not any(user.has_perm(permission) for permission in OFFICER_PERMISSIONS):
        return focal.values("pk")
    if can_access_all_provinces(user):
        return Commune.objects.values("pk")
    officer = Commune.objects.filter(district__province__in=provinces_for_user(user))
    return (focal | officer).values("pk")


def communes_for_user(user: AnyUser) -> QuerySet[Commune]:
    """Every commune whose records this user may read: theirs as a focal point or officer."""
    if not _active(user):
        return Commune.objects.none()
    return Commune.objects.filter(pk__in=_commune_ids_for_user(user))


def _reaches_every_commune(user: User) -> bool:
    """A national officer of the register: every record, so no filter on the commune at all.

    Every record has a commune, so `commune IN (every commune)` keeps them all; left out, it
    spares each figure a join with the communes (half the figures' time at 500,000 records).
    """
    return can_access_all_provinces(user) and any(
        user.has_perm(permission) for permission in OFFICER_PERMISSIONS
    )


def movements_for_user(user: AnyUser) -> QuerySet[Movement]:
    if not _active(user):
        return Movement.objects.none()
    if _reaches_every_commune(user):
        return Movement.objects.all()
    return Movement.objects.filter(commune__in=_commune_ids_for_user(user))


def recruitment_activities_for_user(user: AnyUser) -> QuerySet[RecruitmentActivity]:
    if not _active(user):
        return RecruitmentActivity.objects.none()
    if _reaches_every_commune(user):
        return RecruitmentActivity.objects.all()
    return RecruitmentActivity.objects.filter(commune__in=_commune_ids_for_user(user))


def focal_point_movements(user: AnyUser) -> QuerySet[Movement]:
    """The movements of the focal point's own communes (their phone's list), newest first."""
    return Movement.objects.filter(commune__in=focal_point_communes(user)).order_by("-date", "-pk")


def focal_point_recruitment_activities(user: AnyUser) -> QuerySet[RecruitmentActivity]:
    return RecruitmentActivity.objects.filter(commune__in=focal_point_communes(user)).order_by(
        "-seen_on", "-pk"
    )


def may_see_personal_data(user: AnyUser, movement: Movement) -> bool:
    """Whether this user may read the record's name and phone (see the module)."""
    if not _active(user):
        return False
    if focal_point_communes(user).filter(pk=movement.commune_id).exists():
        return True
    return (
        user.has_perm("communes.view_personal_data")
        and movements_for_user(user).filter(pk=movement.pk).exists()
    )


def may_erase_personal_data(user: AnyUser, movement: Movement) -> bool:
    return (
        _active(user)
        and user.has_perm("communes.erase_personal_data")
        and movements_for_user(user).filter(pk=movement.pk).exists()
    )


def focal_point_assignments_for_user(user: AnyUser) -> QuerySet[FocalPointAssignment]:
    """Assignments are kept by national officers only: they name who records where."""
    if not _active(user) or not can_access_all_provinces(user):
        return FocalPointAssignment.objects.none()
    return FocalPointAssignment.objects.all()


def _scoped_querysets(user: AnyUser) -> dict[type[Model], QuerySet[Any]]:
    return {
        Movement: movements_for_user(user),
        RecruitmentActivity: recruitment_activities_for_user(user),
        FocalPointAssignment: focal_point_assignments_for_user(user),
        FeeCap: FeeCap.objects.all(),
    }


def log_entries_visible_q(user: AnyUser) -> Q:
    """The register's history entries this user may read: those of objects they may reach.

    An entry of a record since deleted, or of a model the user holds no permission on,
    is read by nobody but national officers.
    """
    if not _active(user):
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    for model, queryset in _scoped_querysets(user).items():
        if not any(
            user.has_perm(f"communes.{get_permission_codename(action, model._meta)}")
            for action in ("add", "change", "delete", "view")
        ):
            continue
        content_type = ContentType.objects.get_for_model(model)
        if can_access_all_provinces(user):
            condition |= Q(content_type=content_type)
            continue
        ids = queryset.annotate(text_id=Cast("pk", CharField())).values("text_id")
        condition |= Q(content_type=content_type, object_id__in=ids)
    return condition


def may_read_figures(user: AnyUser) -> bool:
    """The admin's figures page: officers and national officers, who read the register there."""
    return _active(user) and any(user.has_perm(permission) for permission in OFFICER_PERMISSIONS)


def sees_exact_figures(user: AnyUser) -> bool:
    """National officers read the figures whole; everyone else with counts under
    `REGISTER_SMALL_COUNT` hidden, since in a commune a count of two can name two people."""
    return _active(user) and can_access_all_provinces(user)


def provinces_for_register(user: AnyUser) -> QuerySet[Province]:
    """The provinces of the communes whose records this user may read (the admin's filters)."""
    return Province.objects.filter(
        pk__in=communes_for_user(user).values("district__province")
    ).order_by("code")


def districts_for_register(user: AnyUser) -> QuerySet[District]:
    return District.objects.filter(pk__in=communes_for_user(user).values("district")).order_by(
        "code"
    )
