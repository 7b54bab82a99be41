"""The advisers' pages on the public site: their log, the form, a record, answers, follow-ups.

Every page asks `scoping` for the adviser's own records; another's is a 404, as if it did
not exist. A page that shows a name or phone is logged (`access_log`). A form that fails
says why in the adviser's language and saves nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .access_log import log_shown_records
from .choices import AnswerSource
from .forms import AdviceRecordForm, FollowUpForm, ReferralAnswerForm
from .scoping import (
    adviser_communes,
    authored_advice_records,
    authored_follow_ups,
    authored_referrals,
    is_adviser,
)
from .selectors import adviser_follow_ups_due, adviser_open_referrals, adviser_overdue_referrals
from .services import advice_record_log, follow_up_record, referral_answer_record

#: How many of the newest records the list shows.
RECENT = 30


def adviser_required(view):
    """Logged in, and a club leader or focal point with a commune; otherwise a page saying so."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_adviser(request.user) or not adviser_communes(request.user).exists():
            return render(request, "advice/not_an_adviser.html", status=403)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@adviser_required
def advice_home(request):
    """The adviser's overdue referrals, follow-ups due, open referrals and newest records."""
    overdue = list(adviser_overdue_referrals(request.user))
    overdue_ids = {referral.pk for referral in overdue}
    return render(
        request,
        "advice/home.html",
        {
            "overdue_referrals": overdue,
            "open_referrals": [
                referral
                for referral in adviser_open_referrals(request.user)
                if referral.pk not in overdue_ids
            ],
            "follow_ups_due": adviser_follow_ups_due(request.user),
            "records": authored_advice_records(request.user)
            .select_related("commune")
            .prefetch_related("topics", "referrals")[:RECENT],
        },
    )


@adviser_required
def advice_record_create(request):
    form = AdviceRecordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            record = advice_record_log(
                record=form.instance,
                topics=form.cleaned_data["topics"],
                handouts=form.cleaned_data["handouts"],
                referral=form.referral,
                user=request.user,
            )
        except ValidationError as error:
            form.instance.pk = None
            form.instance._state.adding = True
            form._update_errors(error)
        else:
            messages.success(request, _("Saved. Code: %(code)s") % {"code": record.code})
            return redirect("advice:home")
    return render(
        request, "advice/record_form.html", {"form": form}, status=400 if form.is_bound else 200
    )


@adviser_required
def advice_record_detail(request, record_id: int):
    record = get_object_or_404(
        authored_advice_records(request.user).select_related("commune", "training_session"),
        pk=record_id,
    )
    response = render(
        request,
        "advice/record_detail.html",
        {
            "record": record,
            "referrals": record.referrals.select_related("service").prefetch_related("updates"),
            "follow_up": getattr(record, "follow_up", None),
        },
    )
    return log_shown_records(request, response, [record])


@adviser_required
def referral_answer(request, referral_id: int):
    referral = get_object_or_404(
        authored_referrals(request.user).select_related("service", "advice_record"),
        pk=referral_id,
    )
    form = ReferralAnswerForm(request.POST or None, initial={"status": referral.status})
    if request.method == "POST" and form.is_valid():
        referral_answer_record(
            referral=referral,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            source=AnswerSource.ADVISER,
            user=request.user,
        )
        messages.success(request, _("Saved."))
        return redirect("advice:home")
    return render(
        request,
        "advice/referral_answer.html",
        {"form": form, "referral": referral},
        status=400 if form.is_bound else 200,
    )


@adviser_required
def follow_up_edit(request, follow_up_id: int):
    follow_up = get_object_or_404(
        authored_follow_ups(request.user).select_related("advice_record"), pk=follow_up_id
    )
    form = FollowUpForm(request.POST or None, instance=follow_up)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_record(follow_up=form.instance, user=request.user)
        except ValidationError as error:
            form._update_errors(error)
        else:
            messages.success(request, _("Saved."))
            return redirect("advice:home")
    response = render(
        request,
        "advice/follow_up_form.html",
        {
            "form": form,
            "follow_up": follow_up,
            "record": follow_up.advice_record,
        },
        status=400 if form.is_bound else 200,
    )
    # The page shows the name and phone to call.
    return log_shown_records(request, response, [follow_up.advice_record])
