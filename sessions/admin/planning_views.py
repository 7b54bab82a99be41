"""An officer plans a session in the admin and prints its sign-in sheet (see `sign_in_sheets`)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages

from ..access_log import screen_name
from ..models import AccessLogEntry, TrainingSession
from ..scoping import training_sessions_for_user
from ..services import access_log_record
from ..sign_in_sheets import sign_in_sheet_filename, sign_in_sheet_pdf, sign_in_sheet_rows
from .views import ScopedCreateView


class TrainingSessionPlanView(ScopedCreateView):
    """The session's day, place and lessons only: it is planned, and reported later."""

    page_title = _("Plan a session")
    success_message = _("The session of %(object)s is planned. Print its sign-in sheet.")

    def get_initial_form_instance(self):
        # Planned before the form is checked: the model lets a planned session be in the future.
        return TrainingSession(
            status=TrainingSession.Status.PLANNED, source=TrainingSession.Source.ADMIN
        )

    def get_success_url(self):
        return reverse("training_sessions:edit", args=[self.object.pk])

    def get_success_buttons(self):
        url = reverse("training_sessions:sign_in_sheet", args=[self.object.pk])
        return [messages.button(url, gettext("Print the sign-in sheet"), new_window=True)]


class SignInSheetView(View):
    """The planned session's sheet as a PDF; its QR code opens the session's admin form."""

    def get(self, request, pk: int):
        session = get_object_or_404(
            training_sessions_for_user(request.user).filter(status=TrainingSession.Status.PLANNED),
            pk=pk,
        )
        rows = sign_in_sheet_rows(session)
        back_entry_url = request.build_absolute_uri(
            reverse("training_sessions:edit", args=[session.pk])
        )
        pdf = sign_in_sheet_pdf(session=session, rows=rows, back_entry_url=back_entry_url)
        access_log_record(
            user=request.user,
            action=AccessLogEntry.Action.VIEWED,
            screen=screen_name(request),
            participants=[row.participant for row in rows if row.participant is not None],
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{sign_in_sheet_filename(session)}"'
        return response
