"""Admin screens where an officer decides: verify or return a session, erase or merge a person.

Each screen finds its object through the user's scoped queryset (so another province's id
is a 404), shows what the decision changes, and makes the change through `sessions.services`
on POST only.
"""

from urllib.parse import parse_qsl, urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..access_log import RecordsParticipantAccessMixin, screen_name
from ..models import TrainingSession
from ..scoping import participants_changeable_by_user, training_sessions_for_user
from ..selectors import likely_duplicate_sessions, possible_duplicate_participants
from ..services import (
    participant_erase,
    participants_merge,
    training_session_return,
    training_session_verify,
)

#: Of the list's address only its filters are kept: a page number may not exist any more
#: once the decided session has left the queue, and the status is "submitted".
NOT_KEPT_FROM_THE_LIST = {"status", "p", "_w_filter_fragment", "export"}


def remaining_queue_url(list_url: str = "") -> str:
    """The session list filtered to sessions awaiting review, with the other filters of
    `list_url` (the list the officer came from).

    Only the query of `list_url` is read, so the address is always the session list's
    own: a link made to point elsewhere leads nowhere else.
    """
    filters = [
        (name, value)
        for name, value in parse_qsl(urlsplit(list_url).query, keep_blank_values=False)
        if name not in NOT_KEPT_FROM_THE_LIST
    ]
    filters.append(("status", TrainingSession.Status.SUBMITTED))
    return f"{reverse('training_sessions:index')}?{urlencode(filters)}"


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The club reads this: say what to fix."),
    )


class ScopedObjectView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page about one object of the user's provinces."""

    permission_required = ""
    # No breadcrumbs: the header then shows the page's title and the object's name.
    breadcrumbs_items = []

    def dispatch(self, request, pk):
        if not request.user.has_perm(self.permission_required):
            raise PermissionDenied
        self.object = get_object_or_404(self.get_queryset(), pk=pk)
        return super().dispatch(request, pk)

    def get_queryset(self):
        raise NotImplementedError

    def get_page_subtitle(self):
        return str(self.object)

    def _error_messages(self, error: ValidationError) -> None:
        for message in error.messages:
            messages.error(self.request, message)


class SessionReviewView(ScopedObjectView):
    """Verify a submitted session, or return it to the club with a reason."""

    template_name = "trainings/admin/session_review.html"
    permission_required = "trainings.verify_trainingsession"
    page_title = _("Review training session")
    header_icon = "tick"

    def get_queryset(self):
        return training_sessions_for_user(self.request.user).select_related(
            "group__kind", "group__commune__district__province", "commune", "submitted_by"
        )

    def get_context_data(self, **kwargs):
        session = self.object
        return super().get_context_data(
            session=session,
            can_review=session.status == TrainingSession.Status.SUBMITTED,
            # A verified session may still be returned, when a mistake is found after.
            can_return=session.status
            in (TrainingSession.Status.SUBMITTED, TrainingSession.Status.VERIFIED),
            trained_peer_educators=list(session.trained_peer_educators.select_related("group")),
            lessons=[item.lesson for item in session.session_lessons.select_related("lesson")],
            facilitators=list(session.facilitators.all()),
            attendance_count=session.attendances.count(),
            headcount_total=sum(row.count for row in session.headcounts.all()),
            duplicates=list(
                likely_duplicate_sessions(session=session).filter(
                    pk__in=training_sessions_for_user(self.request.user).values("pk")
                )
            ),
            return_form=kwargs.pop("return_form", None) or ReturnForm(),
            list_url=self.list_url,
            edit_url=reverse("training_sessions:edit", args=[session.pk]),
            **kwargs,
        )

    @property
    def list_url(self) -> str:
        """The list the officer came from (its filters), carried through the review's forms."""
        return self.request.POST.get("list", "") or self.request.GET.get("list", "")

    def post(self, request, pk):
        session = self.object
        return_form = ReturnForm()
        try:
            if request.POST.get("action") == "verify":
                training_session_verify(session=session, user=request.user)
                messages.success(request, gettext("Session verified: it now counts in reports."))
                return redirect(remaining_queue_url(self.list_url))
            if request.POST.get("action") == "return":
                return_form = ReturnForm(request.POST)
                if return_form.is_valid():
                    reason = return_form.cleaned_data["reason"]
                    training_session_return(session=session, user=request.user, reason=reason)
                    messages.success(request, gettext("Session returned to the club."))
                    return redirect(remaining_queue_url(self.list_url))
        except ValidationError as error:
            self._error_messages(error)
            session.refresh_from_db()
        return self.render_to_response(self.get_context_data(return_form=return_form))


class ParticipantEraseView(RecordsParticipantAccessMixin, ScopedObjectView):
    """A national officer erases a person's name and contacts; the figures keep them."""

    template_name = "trainings/admin/participant_erase.html"
    permission_required = "trainings.erase_participant"
    page_title = _("Erase personal data")
    header_icon = "warning"

    def get_queryset(self):
        return participants_changeable_by_user(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            participant=self.object,
            attendance_count=self.object.attendances.count(),
            **kwargs,
        )

    def participants_shown(self):
        return [self.object]

    def post(self, request, pk):
        participant_erase(participant=self.object, user=request.user, screen=screen_name(request))
        messages.success(
            request,
            gettext("The personal data of %(code)s was erased.") % {"code": self.object.code},
        )
        return redirect("participants:inspect", self.object.pk)


class ParticipantDuplicatesView(RecordsParticipantAccessMixin, ScopedObjectView):
    """Others who may be the same person, and merging one of them into this record."""

    template_name = "trainings/admin/participant_duplicates.html"
    permission_required = "trainings.change_participant"
    page_title = _("Possible duplicates")
    header_icon = "user"

    def get_queryset(self):
        # Both records of a merge change: only people the user may change on both sides.
        return participants_changeable_by_user(self.request.user).filter(erased_at__isnull=True)

    def get_context_data(self, **kwargs):
        candidates = possible_duplicate_participants(
            participant=self.object, among=self.get_queryset()
        ).select_related("home_commune")
        self.candidates = list(candidates[:50])
        return super().get_context_data(
            participant=self.object, candidates=self.candidates, **kwargs
        )

    def participants_shown(self):
        return [self.object, *getattr(self, "candidates", [])]

    def post(self, request, pk):
        duplicate = get_object_or_404(self.get_queryset(), pk=request.POST.get("duplicate"))
        try:
            participants_merge(
                keep=self.object,
                duplicate=duplicate,
                user=request.user,
                screen=screen_name(request),
            )
        except ValidationError as error:
            self._error_messages(error)
            return self.get(request, pk)
        messages.success(
            request,
            gettext("%(duplicate)s was merged into %(kept)s.")
            % {"duplicate": duplicate.code, "kept": self.object.code},
        )
        return redirect("participants:inspect", self.object.pk)
