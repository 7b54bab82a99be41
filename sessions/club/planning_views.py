"""The club leader plans a session and prints its sign-in sheet, for sessions held on paper."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import TrainingSession
from ..scoping import club_for_user, club_training_sessions_for_user
from ..services import training_session_plan
from ..sign_in_sheets import sign_in_sheet_response
from .forms import SessionPlanForm


def _no_club(request):
    return render(request, "trainings/club/no_club.html", status=403)


@login_required
def session_plan(request):
    """Plan a session (day, place, lessons): it waits on "My club" with its sheet to print."""
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    form = SessionPlanForm(request.POST or None, club=club)
    if request.method == "POST" and form.is_valid():
        try:
            session = training_session_plan(
                group=club,
                user=request.user,
                date=form.cleaned_data["date"],
                start_time=form.cleaned_data["start_time"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                commune=form.cleaned_data["commune"],
                lessons=list(form.cleaned_data["lessons"]),
            )
        except ValidationError as error:
            for field, field_messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_messages)
        else:
            messages.success(
                request, _("The session is planned. Print its sign-in sheet to take the roll.")
            )
            return redirect("club:session_detail", session_id=session.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "trainings/club/session_plan.html", {"club": club, "form": form}, status=status
    )


@login_required
def session_sign_in_sheet(request, session_id: int):
    """The planned session's sheet as a PDF; its QR code opens this session's report form."""
    session = get_object_or_404(
        club_training_sessions_for_user(request.user).filter(status=TrainingSession.Status.PLANNED),
        pk=session_id,
    )
    return sign_in_sheet_response(
        request, session, reverse("club:session_edit", kwargs={"session_id": session.pk})
    )
