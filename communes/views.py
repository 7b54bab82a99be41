"""The commune focal points' pages on the public site: their communes' records and the forms.

Every page asks `scoping` for the focal point's communes; a record of another commune is
a 404, as if it did not exist. A form that fails says why in the focal point's language
and saves nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .choices import MovementKind
from .forms import MovementForm, RecruitmentActivityForm
from .models import Movement, RecruitmentActivity
from .scoping import (
    focal_point_communes,
    focal_point_movements,
    focal_point_recruitment_activities,
    is_focal_point,
)
from .services import movement_record, recruitment_activity_record

#: How many of the newest records the list shows.
RECENT = 50


def _not_a_focal_point(request):
    return render(request, "communes/not_a_focal_point.html", status=403)


def focal_point_required(view):
    """Logged in, and a focal point with at least one commune; otherwise a page saying so."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_focal_point(request.user) or not focal_point_communes(request.user).exists():
            return _not_a_focal_point(request)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@focal_point_required
def register_home(request):
    """The focal point's communes, their newest movements and recruiters seen."""
    movements = focal_point_movements(request.user).select_related(
        "village", "destination_country", "destination_province"
    )[:RECENT]
    activities = focal_point_recruitment_activities(request.user).select_related(
        "village", "agency"
    )[:RECENT]
    return render(
        request,
        "communes/home.html",
        {
            "communes": focal_point_communes(request.user).ordered_by_name(),
            "movements": movements,
            "activities": activities,
        },
    )


@focal_point_required
def departure_create(request):
    return _movement_form(request, Movement(kind=MovementKind.DEPARTURE))


@focal_point_required
def return_create(request):
    return _movement_form(request, Movement(kind=MovementKind.RETURN))


@focal_point_required
def movement_edit(request, movement_id: int):
    movement = get_object_or_404(focal_point_movements(request.user), pk=movement_id)
    return _movement_form(request, movement)


@focal_point_required
def recruitment_activity_create(request):
    return _activity_form(request, RecruitmentActivity())


@focal_point_required
def recruitment_activity_edit(request, activity_id: int):
    activity = get_object_or_404(focal_point_recruitment_activities(request.user), pk=activity_id)
    return _activity_form(request, activity)


def _movement_form(request, movement: Movement):
    form = MovementForm(request.POST or None, instance=movement, user=request.user)
    if request.method == "POST" and _saved(form, movement_record, "movement", request.user):
        messages.success(request, _("Saved. Code: %(code)s") % {"code": movement.person_code})
        return redirect("communes:home")
    return render(
        request,
        "communes/movement_form.html",
        {"form": form, "movement": movement},
        status=400 if form.is_bound else 200,
    )


def _activity_form(request, activity: RecruitmentActivity):
    form = RecruitmentActivityForm(request.POST or None, instance=activity, user=request.user)
    if request.method == "POST" and _saved(
        form, recruitment_activity_record, "activity", request.user
    ):
        messages.success(request, _("Saved."))
        return redirect("communes:home")
    return render(
        request,
        "communes/activity_form.html",
        {"form": form, "activity": activity},
        status=400 if form.is_bound else 200,
    )


def _saved(form, service, argument: str, user) -> bool:
    """Run the service on a valid form; its refusal becomes the form's errors."""
    if not form.is_valid():
        return False
    adding = form.instance._state.adding
    try:
        service(**{argument: form.instance, "user": user})
    except ValidationError as error:
        if adding:
            # Nothing was written: the form must not point at a row.
            form.instance.pk = None
            form.instance._state.adding = True
        form._update_errors(error)
        return False
    return True
