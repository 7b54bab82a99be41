"""Template context of the public site: whether the user leads a club, for the nav."""

from django.utils.functional import SimpleLazyObject

from .scoping import club_for_user


def club_leader(request):
    # Lazy: the query runs only on pages whose template asks.
    user = getattr(request, "user", None)
    return {"is_club_leader": SimpleLazyObject(lambda: club_for_user(user) is not None)}
