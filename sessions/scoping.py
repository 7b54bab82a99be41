"""What part of the country a user may work with: the one place province scoping is decided."""

from django.db.models import QuerySet

from .models import Province


def can_access_all_provinces(user) -> bool:
    """National officers (and superusers) work across every province."""
    return bool(user and user.is_active and user.has_perm("trainings.access_all_provinces"))


def provinces_for_user(user) -> QuerySet[Province]:
    """The provinces whose trainings this user may see and change."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Province.objects.none()
    if can_access_all_provinces(user):
        return Province.objects.all()
    return Province.objects.filter(officer_assignments__officer=user).distinct()
