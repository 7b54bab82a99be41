"""The club leader keeps the club's roster: who is a member, adding one, marking one as left."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access_log import screen_name
from ..models import AccessLogEntry, Membership
from ..scoping import club_for_user
from ..services import access_log_record
from .forms import NewcomerForm
from .services import club_member_add, club_membership_end


def _no_club(request):
    return render(request, "trainings/club/no_club.html", status=403)


def _current_memberships(club):
    return (
        Membership.objects.filter(
            group=club, left_on__isnull=True, participant__erased_at__isnull=True
        )
        .select_related("participant")
        .order_by("participant__name", "pk")
    )


def _collector(user) -> str:
    return str(getattr(user, "peer_educator", "")) or user.get_username()


@login_required
def roster(request):
    """The roster, and a form to add a member with their consents (as a newcomer's line)."""
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    form = NewcomerForm(request.POST or None, collector=_collector(request.user), prefix="member")
    if request.method == "POST" and form.is_valid():
        try:
            membership = club_member_add(club=club, participant=form.participant, user=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("%(name)s joined the roster.") % {"name": membership.participant.name},
            )
            return redirect("club:roster")
    memberships = list(_current_memberships(club))
    # The page lists the roster by name: the leader's view of each member is logged.
    access_log_record(
        user=request.user,
        action=AccessLogEntry.Action.VIEWED,
        screen=screen_name(request),
        participants=[membership.participant for membership in memberships],
    )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "trainings/club/roster.html",
        {"club": club, "memberships": memberships, "form": form},
        status=status,
    )


@login_required
@require_POST
def member_left(request, membership_id: int):
    """Mark a member as left: off the roll from today; their past attendance stays."""
    club = club_for_user(request.user)
    if club is None:
        return _no_club(request)
    # Another club's membership, or one already ended, is not found.
    membership = get_object_or_404(_current_memberships(club), pk=membership_id)
    try:
        club_membership_end(membership=membership, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s is marked as left. Their past sessions stay in your club's history.")
            % {"name": membership.participant.name},
        )
    return redirect("club:roster")
