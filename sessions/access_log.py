"""Views record who saw or changed participants' personal data (`AccessLogEntry`).

Mixed into every screen that shows a participant's name or contacts. A screen about
one person, or a bounded few (a session's attendees, a club's roster), records a row per
person; a list records one row with its filters, search and count. Merges and erasures
are recorded by their services, exports where the export is logged.
"""

from django.utils.functional import cached_property

from .models import AccessLogEntry
from .services import access_log_record

#: List parameters that say how a page is shown, not which people are in it.
PRESENTATION_PARAMETERS = {"p", "ordering", "q", "export"}


def screen_name(request) -> str:
    """The URL name of the screen, e.g. "participants:edit"."""
    match = request.resolver_match
    return match.view_name if match is not None else request.path


class RecordsParticipantAccessMixin:
    """Record the participants a successful response showed (viewed) or saved (edited).

    Set `participant_access_action` to "edited" once a save succeeded (Wagtail's edit
    views: see `form_valid`); any other 200 response counts as viewed. Refusals,
    redirects and errors record nothing.
    """

    participant_access_action = None

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        action = self.participant_access_action
        if action is None and response.status_code == 200:
            action = AccessLogEntry.Action.VIEWED
        if action is not None and request.user.is_authenticated:
            self.record_participant_access(action)
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        self.participant_access_action = AccessLogEntry.Action.EDITED
        return response

    def participants_shown(self):
        """The participants whose personal data the screen showed (hook)."""
        return []

    def record_participant_access(self, action: str) -> None:
        participants = list(self.participants_shown())
        if participants:
            access_log_record(
                user=self.request.user,
                action=action,
                screen=screen_name(self.request),
                participants=participants,
            )


class RecordsParticipantListAccessMixin:
    """A list of participants: one entry per page shown, with its filters, search and count."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if (
            response.status_code == 200
            and request.user.is_authenticated
            and not getattr(self, "is_export", False)
        ):
            paginator = (getattr(response, "context_data", None) or {}).get("paginator")
            access_log_record(
                user=request.user,
                action=AccessLogEntry.Action.VIEWED,
                screen=screen_name(request),
                search=request.GET.get("q", ""),
                details=self.list_filters,
                row_count=paginator.count if paginator is not None else None,
            )
        return response

    @cached_property
    def list_filters(self) -> dict:
        return {
            key: values[0] if len(values) == 1 else values
            for key, values in self.request.GET.lists()
            if key not in PRESENTATION_PARAMETERS
        }
