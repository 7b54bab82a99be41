"""Log the advice records with a name that a response showed: one place, for every screen."""

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .models import AdviceAccessLogEntry, AdviceRecord
from .services import advice_access_record


def screen_name(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match is not None else request.path


def log_shown_records(
    request: HttpRequest,
    response: HttpResponseBase,
    records: list[AdviceRecord],
    action: str = AdviceAccessLogEntry.Action.VIEWED,
) -> HttpResponseBase:
    """Log `records` if the response showed them (a 200); refusals and redirects show nothing."""
    if response.status_code == 200 and request.user.is_authenticated:
        advice_access_record(
            user=request.user, records=records, action=action, screen=screen_name(request)
        )
    return response
