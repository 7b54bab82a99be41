"""Template context of the public site: whether the user logs advice, for the nav."""

from django.utils.functional import SimpleLazyObject

from .scoping import is_adviser


def adviser(request):
    # Lazy: the permission is read only on pages whose template asks.
    user = getattr(request, "user", None)
    return {"is_adviser": SimpleLazyObject(lambda: is_adviser(user))}
