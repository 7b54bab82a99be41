"""An officer plans a session in the admin and prints its sign-in sheet (see `sign_in_sheets`)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages

from ..models import TrainingSession
from ..scoping import training_sessions_for_user
from ..sign_in_sheets import sign_in_sheet_response
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
        return sign_in_sheet_response(
            request, session, reverse("training_sessions:edit", args=[session.pk])
        )
