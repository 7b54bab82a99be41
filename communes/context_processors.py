"""Template context of the public site: whether the user is a commune focal point, for the nav."""

from django.utils.functional import SimpleLazyObject

from .scoping import focal_point_communes


def focal_point(request):
    # Lazy: the query runs only on pages whose template asks.
    user = getattr(request, "user", None)
    return {"is_focal_point": SimpleLazyObject(lambda: focal_point_communes(user).exists())}
