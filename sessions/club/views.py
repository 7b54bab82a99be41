"""The club leaders' pages on the public site: "My club" and the session report form."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ..access_log import screen_name
from ..models import AccessLogEntry, TrainingSession
from ..scoping import (
    club_for_user,
    club_members_for_user,
    club_session_sent_with_key,
    club_training_sessions_for_user,
)
from ..selectors import likely_duplicate_sessions
from ..services import access_log_record, training_session_withdraw
from .error_summary import session_form_error_links
from .forms import HeadcountForm, NewcomerFormSet, RollForm, SessionForm, newcomer_line_added
from .services import club_training_session_save

#: Sent by the phone's outbox (static/js/club-outbox.js): it is answered in JSON, not pages.
OUTBOX_HEADER = "X-Club-Outbox"


def _no_club(request):
    return render(request, "trainings/club/no_club.html", status=403)


def _from_outbox(request) -> bool:
    return request.headers.get(OUTBOX_HEADER) == "1"


def _submission_key(request) -> uuid.UUID | None:
    """The key the phone made for this report; a missing or tampered one is no key."""
    try:
        return uuid.UUID(request.POST.get("submission_key", ""))
    except ValueError:
        return None


def _received(request, session: TrainingSession, *, duplicate: bool):
    """The answer to a report saved now, or sent again after it was saved (`duplicate`)."""
    if _from_outbox(request):
        return JsonResponse(
            {
                "status": "received",
                "duplicate": duplicate,
                "session": {
                    "url": reverse("club:session_detail", args=[session.pk]),
                    "status": session.status,
                    "status_label": session.get_status_display(),
                    "date": formats.date_format(session.date, "SHORT_DATE_FORMAT"),
                },
            },
            json_dumps_params={"ensure_ascii": False},
        )
    if duplicate:
        messages.info(request, _("This report had already arrived: it was not saved twice."))
    return redirect("club:home")


def _already_received(request):
    """A report posted again with the key of one already saved: that session, not a second."""
    if request.method != "POST":
        return None
    key = _submission_key(request)
    session = club_session_sent_with_key(request.user, key) if key is not None else None
    return _received(request, session, duplicate=True) if session is not None else None


@login_required
@require_safe
def outbox_check(request):
    """Who is logged in, and a fresh CSRF token: the phone sends only its owner's reports.

    Asked before each sending, so a token kept in a page since yesterday is never used;
    logged out, the login redirect tells the phone to ask the leader to log in.
    """
    if club_for_user(request.user) is None:
        return JsonResponse({"status": "no_club"}, status=403)
    return JsonResponse({"status": "ok", "user": request.user.pk, "csrf_token": get_token(request)})


@login_required
def club_home(request):
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    training_sessions = club_training_sessions_for_user(request.user).prefetch_related(
        "session_lessons__lesson"
    )
    return render(
        request,
        "trainings/club/home.html",
        {"club": club, "training_sessions": training_sessions},
    )


@login_required
def session_create(request):
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    answered = _already_received(request)
    if answered is not None:
        return answered
    session = TrainingSession(group=club, source=TrainingSession.Source.WEB_FORM)
    return _session_form(request, club, session)


@login_required
def session_edit(request, session_id: int):
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    answered = _already_received(request)
    if answered is not None:
        # Sent again after it was submitted: the report arrived, whatever its status now.
        return answered
    session = get_object_or_404(club_training_sessions_for_user(request.user), pk=session_id)
    if not session.club_may_edit:
        # Submitted sessions are with the officers; verified ones count and stay as they are.
        raise Http404
    return _session_form(request, club, session)


@login_required
def session_detail(request, session_id: int):
    """A session as reported: when, what was taught, who came; withdrawn while not verified."""
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    session = get_object_or_404(
        club_training_sessions_for_user(request.user).prefetch_related(
            "session_lessons__lesson", "headcounts"
        ),
        pk=session_id,
    )
    attendances = list(
        session.attendances.select_related("participant").order_by("participant__name")
    )
    # The page lists who came by name: the leader's view of each is logged.
    access_log_record(
        user=request.user,
        action=AccessLogEntry.Action.VIEWED,
        screen=screen_name(request),
        participants=[attendance.participant for attendance in attendances],
    )
    return render(
        request,
        "trainings/club/session_detail.html",
        {"club": club, "session": session, "attendances": attendances},
    )


@login_required
@require_POST
def session_withdraw(request, session_id: int):
    """Take a submitted session back from the officers: it is a draft again, to change."""
    session = get_object_or_404(club_training_sessions_for_user(request.user), pk=session_id)
    try:
        training_session_withdraw(session=session, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("club:session_detail", session_id=session.pk)
    messages.success(
        request, _("The session was withdrawn: it is a draft again. Change it and submit it.")
    )
    return redirect("club:session_edit", session_id=session.pk)


def _session_form(request, club, session):
    members = club_members_for_user(request.user)
    present = None
    counts = None
    if session.pk:
        present = list(session.attendances.values_list("participant_id", flat=True))
        counts = {(row.sex, row.age_band): row.count for row in session.headcounts.all()}
        # A planned session's roll starts as the whole roster, ticked, like a new report's.
        if (
            session.attendance_mode == TrainingSession.AttendanceMode.HEADCOUNT
            or session.is_planned
        ):
            present = None
    data = request.POST if request.method == "POST" else None
    adding_newcomer = data is not None and "add_newcomer" in data
    if adding_newcomer:
        # "Add another newcomer" re-renders the form as typed with one more empty line.
        data = newcomer_line_added(data, prefix="newcomers")
    form = SessionForm(
        data, instance=session, club=club, reporter=getattr(request.user, "peer_educator", None)
    )
    roll_form = RollForm(data, members=members, present=present, prefix="roll")
    collector = str(getattr(request.user, "peer_educator", "")) or request.user.get_username()
    newcomer_formset = NewcomerFormSet(
        data, prefix="newcomers", form_kwargs={"collector": collector}
    )
    headcount_form = HeadcountForm(data, counts=counts, prefix="headcount")

    if request.method == "POST" and not adding_newcomer and form.is_valid():
        headcount_mode = form.cleaned_data["attendance_mode"] == (
            TrainingSession.AttendanceMode.HEADCOUNT
        )
        # Only the attendance the leader chose is checked and saved.
        attendance_forms = [headcount_form] if headcount_mode else [roll_form, newcomer_formset]
        if all(part.is_valid() for part in attendance_forms):
            saved = _save(request, form, roll_form, newcomer_formset, headcount_form)
            if saved is not None:
                return _received(request, saved[0], duplicate=saved[1])

    # The roll lists the roster by name: the leader's view of each member is logged.
    access_log_record(
        user=request.user,
        action=AccessLogEntry.Action.VIEWED,
        screen=screen_name(request),
        participants=members.only("pk", "code"),
    )
    headcount_mode = form["attendance_mode"].value() == TrainingSession.AttendanceMode.HEADCOUNT
    error_links = (
        session_form_error_links(
            form=form,
            roll_form=roll_form,
            newcomer_formset=newcomer_formset,
            headcount_form=headcount_form,
            headcount_mode=headcount_mode,
        )
        if request.method == "POST" and not adding_newcomer
        else []
    )
    if _from_outbox(request) and request.method == "POST":
        # Kept on the phone: the leader opens it there and sends it from the form.
        return JsonResponse(
            {
                "status": "invalid",
                "errors": [f"{link.label}: {link.message}" for link in error_links]
                + [str(error) for error in form.non_field_errors()],
            },
            status=422,
            json_dumps_params={"ensure_ascii": False},
        )
    return render(
        request,
        "trainings/club/session_form.html",
        {
            "headcount_mode": headcount_mode,
            "adding_newcomer": adding_newcomer,
            "error_links": error_links,
            "club": club,
            "session": session,
            "form": form,
            "roll_form": roll_form,
            "newcomer_formset": newcomer_formset,
            "headcount_form": headcount_form,
            "member_count": len(members),
            # Made here for a new page, kept as posted: a resend (reload, Back, the phone's
            # outbox) carries the same key and makes no second session.
            "submission_key": _submission_key(request) or uuid.uuid4(),
        },
    )


def _save(request, form, roll_form, newcomer_formset, headcount_form):
    """Save the report in one transaction; a row that fails shows its message on the form.

    Returns the session and whether it had been saved before (the same key posted twice at
    once: the database took the first), or None when nothing was saved.
    """
    session = form.save(commit=False)
    submit = "submit" in request.POST
    submission_key = _submission_key(request)
    headcount_mode = session.attendance_mode == TrainingSession.AttendanceMode.HEADCOUNT
    try:
        with transaction.atomic():
            club_training_session_save(
                session=session,
                user=request.user,
                lessons=list(form.cleaned_data["lessons_taught"]),
                facilitators=list(form.cleaned_data["facilitators"]),
                present=None if headcount_mode else list(roll_form.cleaned_data["present"]),
                newcomers=None
                if headcount_mode
                else [
                    newcomer.participant
                    for newcomer in newcomer_formset
                    if newcomer.has_changed() and newcomer.participant is not None
                ],
                headcounts=headcount_form.counts() if headcount_mode else None,
                submit=submit,
                submission_key=submission_key,
            )
    except (ValidationError, IntegrityError) as error:
        earlier = (
            club_session_sent_with_key(request.user, submission_key)
            if submission_key is not None
            else None
        )
        if earlier is not None:
            return earlier, True
        if isinstance(error, IntegrityError):
            raise
        # Nothing was kept: the new session has no row, so the form must not point at one.
        if (
            form.instance._state.adding is False
            and not TrainingSession.objects.filter(pk=form.instance.pk).exists()
        ):
            form.instance.pk = None
            form.instance._state.adding = True
        target = headcount_form if headcount_mode else roll_form
        if hasattr(error, "error_dict"):
            for field, field_messages in error.message_dict.items():
                if field in form.fields:
                    form.add_error(field, field_messages)
                else:
                    target.add_error(None, field_messages)
        else:
            target.add_error(None, error.messages)
        return None

    if _from_outbox(request):
        return session, False
    if submit:
        messages.success(request, _("The session was submitted to the program officers."))
    else:
        messages.success(request, _("The session was saved as a draft."))
    if likely_duplicate_sessions(session=session).exists():
        messages.warning(
            request,
            _(
                "Your club already reported a session on this day with the same lessons. "
                "If it is the same session, tell your program officer."
            ),
        )
    return session, False
