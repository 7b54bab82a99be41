"""Admin views and forms that hold an officer to their provinces.

Each view asks its viewset's scoped queryset (from `sessions.scoping`) for objects, so
an object of another province is a 404 in every URL, and each form offers only choices
of the officer's provinces.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, get_form_for_model
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import history, models, usage
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import ReferenceIndex

from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from ..access_log import RecordsParticipantAccessMixin, RecordsParticipantListAccessMixin
from ..models import Participant, TrainingSession
from ..scoping import (
    communes_for_user,
    participants_changeable_by_user,
    participants_for_user,
    peer_educators_for_user,
    training_sessions_for_user,
    trainings_objects_visible_q,
    youth_groups_for_user,
)
from ..selectors import (
    likely_duplicate_sessions,
    sessions_facilitated_since_training,
    training_sessions_with_attendance,
    training_sessions_with_duplicate_mark,
    youth_group_roster,
)
from ..services import training_sessions_mark_submitted
from .exports import (
    AttendanceExportButtonsMixin,
    AttendanceExportMixin,
    ListExportMixin,
    TrainingSessionExportMixin,
)

#: Form fields whose choices are limited to the user's provinces, and how.
SCOPED_CHOICES = {
    "group": youth_groups_for_user,
    "commune": communes_for_user,
    "home_commune": communes_for_user,
    "facilitators": peer_educators_for_user,
    "participant": participants_for_user,
}


class ProvinceScopedAdminForm(WagtailAdminModelForm):
    """An admin form whose place, group, people choices are those of the user's provinces."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, for_user in SCOPED_CHOICES.items():
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = for_user(self.for_user)
        self._limit_facilitator_choices()

    def _limit_facilitator_choices(self):
        """Offer a session's facilitators from its group, not from every club of the country.

        Facilitators are ticked in a list, which would grow with every club registered;
        a session's group is known once it is saved, and its educators (and whoever
        facilitated already) are the ones to offer. A new session offers the user's.
        """
        field = self.fields.get("facilitators")
        group_id = getattr(self.instance, "group_id", None)
        if field is None or not isinstance(self.instance, TrainingSession) or group_id is None:
            return
        current = self.instance.facilitators.values("pk") if self.instance.pk else []
        field.queryset = field.queryset.filter(Q(group_id=group_id) | Q(pk__in=current))


class OwnRowsFormSet(BaseChildFormSet):
    """Inline rows that can only be the parent's own rows.

    Django's model formsets accept, as a row's hidden id, the id of any row of the model
    (another session's attendance, of another province): modelcluster then builds a blank
    row for it, and saving it breaks a unique constraint (a 500). Here such an id, or one
    that is no number at all, is a message on the form, and nothing is saved.
    """

    foreign_rows = False

    def _get_to_python(self, field):
        to_python = super()._get_to_python(field)

        def id_or_none(value):
            try:
                return to_python(value)
            except ValidationError:
                return None

        return id_or_none

    def _existing_object(self, pk):
        # Called for each posted id of a row the form was sent with: it must be one of
        # the parent's rows (the formset's queryset), else the form was tampered with.
        row = super()._existing_object(pk)
        if row is None:
            self.foreign_rows = True
        return row

    def clean(self):
        if self.foreign_rows:
            raise ValidationError(
                _(
                    "Some rows of this form are not rows of this record: the page may be "
                    "out of date. Reload it and make your changes again."
                ),
                code="foreign_rows",
            )
        return super().clean()


class ScopedInlinePanel(InlinePanel):
    """An InlinePanel whose child forms also limit their choices to the user's provinces,
    and whose rows can only be the parent's own (`OwnRowsFormSet`)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["inherit_kwargs"] = ["for_user"]
        formset["formset"] = OwnRowsFormSet
        # Wagtail may already have built a form class for the rows (for deferred required
        # fields); build it on the scoped form instead, with the same options.
        defer = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=ProvinceScopedAdminForm,
            **({"defer_required_on_fields": defer} if defer else {}),
        )
        return options


class ScopedViewMixin:
    """Set by the viewset: a function of the user giving the objects they may reach."""

    scoped_queryset = None

    def get_scoped_queryset(self):
        return self.scoped_queryset(self.request.user)


class IndexView(FormulaEscapingExportMixin, models.IndexView):
    """An unscoped list (province assignments, the export log); its exports escaped."""


class ScopedIndexView(ListExportMixin, ScopedViewMixin, models.IndexView):
    select_related_fields = ()

    def get_base_queryset(self):
        queryset = self.get_scoped_queryset()
        if self.select_related_fields:
            queryset = queryset.select_related(*self.select_related_fields)
        return queryset


class BulkActionsIndexView(ScopedIndexView):
    """A list with checkboxes for the bulk actions registered for its model."""

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=self.model._meta.model_name),
            *super().columns,
        ]

    def _get_title_column(self, *args, **kwargs):
        prefix = self.model._meta.model_name
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"{prefix}_{quote(instance.pk)}_title"
        )


class ScopedCreateView(ScopedViewMixin, models.CreateView):
    pass


class ScopedEditView(ScopedViewMixin, models.EditView):
    def get_queryset(self):
        return self.get_scoped_queryset()


class ScopedDeleteView(ScopedViewMixin, models.DeleteView):
    def get_queryset(self):
        return self.get_scoped_queryset()


class ScopedInspectView(ScopedViewMixin, models.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_scoped_queryset(), pk=self.pk)


class ScopedHistoryView(ScopedViewMixin, history.HistoryView):
    def get_base_object_queryset(self):
        return (
            super()
            .get_base_object_queryset()
            .filter(pk__in=self.get_scoped_queryset().values("pk"))
        )


class ScopedUsageView(ScopedViewMixin, usage.UsageView):
    def get_base_object_queryset(self):
        return (
            super()
            .get_base_object_queryset()
            .filter(pk__in=self.get_scoped_queryset().values("pk"))
        )

    def get_queryset(self):
        # A person who attended in two provinces is used by the sessions of both: each
        # officer reads the usages in their own provinces, not even a "private" row of
        # the others.
        visible = trainings_objects_visible_q(
            self.request.user, content_type_field="base_content_type", object_id_field="object_id"
        )
        return (
            ReferenceIndex.get_references_to(self.object).filter(visible).group_by_source_object()
        )


def session_review_button(user, session, button_class, *, list_url: str = ""):
    """A link to the review screen, for a submitted session and a user who may verify it.

    From the list, the link carries the list's address, so that after the decision the
    officer is back on the same filters (see `review_views.remaining_queue_url`).
    """
    if session.status != TrainingSession.Status.SUBMITTED:
        return []
    if not user.has_perm("trainings.verify_trainingsession"):
        return []
    url = reverse("training_sessions:review", args=[session.pk])
    if list_url:
        url = f"{url}?{urlencode({'list': list_url})}"
    return [button_class(_("Verify or return"), url=url, icon_name="tick", priority=5)]


def sign_in_sheet_button(session, button_class):
    """A link to the printable sign-in sheet, for a planned session."""
    if not session.is_planned:
        return []
    url = reverse("training_sessions:sign_in_sheet", args=[session.pk])
    return [button_class(_("Print the sign-in sheet"), url=url, icon_name="doc-full", priority=5)]


class SessionWarnsOfDuplicatesMixin:
    """After a save, say so if the group has a session that day with the same lessons.

    A warning, not a refusal: two sessions of one club on one day happen (morning and
    afternoon groups); the officer decides.
    """

    def save_instance(self):
        instance = super().save_instance()
        duplicates = likely_duplicate_sessions(session=instance).filter(
            pk__in=self.get_scoped_queryset().values("pk")
        )
        if duplicates.exists():
            messages.warning(
                self.request,
                gettext(
                    "This may be a duplicate: %(group)s has another session on this day "
                    "with the same lessons. Check the list before verifying."
                )
                % {"group": instance.group},
            )
        return instance


class TrainingSessionIndexView(
    AttendanceExportButtonsMixin, TrainingSessionExportMixin, BulkActionsIndexView
):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            return queryset  # each export adds the figures it writes
        # Counted in the list's own query: the same number of queries for any page size.
        return training_sessions_with_duplicate_mark(training_sessions_with_attendance(queryset))

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.add_url:
            # Who may add a session may plan one (for a sheet printed before it is held).
            buttons.append(
                HeaderButton(
                    _("Plan a session"), url=reverse("training_sessions:plan"), icon_name="date"
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        review = session_review_button(
            self.request.user, instance, MenuItem, list_url=self.request.get_full_path()
        )
        return [*sign_in_sheet_button(instance, MenuItem), *review, *buttons]


class AttendanceExportView(AttendanceExportMixin, TrainingSessionIndexView):
    """The session list's filters and search, exported as one row per attendee."""


def roster_attendance_rows(form, session):
    """The attendance rows of a planned session's form, one per member of its club's roster.

    The officer enters a ticked sheet by deleting the rows of those who did not come, as a
    leader unticks them. New rows, saved only when the form is: nothing is written before.
    """
    formset = form.formsets["attendances"]
    if session.attendances.exists():
        return formset
    members = list(youth_group_roster(session.group).values_list("pk", flat=True))
    roster_formset_class = type(formset)
    roster_formset_class = type(
        roster_formset_class.__name__, (roster_formset_class,), {"extra": len(members)}
    )
    return roster_formset_class(
        instance=session,
        prefix=formset.prefix,
        form_kwargs=formset.form_kwargs,
        initial=[{"participant": member} for member in members],
    )


class TrainingSessionEditView(
    RecordsParticipantAccessMixin, SessionWarnsOfDuplicatesMixin, ScopedEditView
):
    """The session's form lists its named attendees: each one's view or change is logged."""

    #: Whether this save reports a planned session (it becomes the submitted report).
    reporting_planned = False

    def participants_shown(self):
        session = getattr(self, "object", None)
        if session is None:
            return []
        return Participant.objects.filter(attendances__session=session).only("pk", "code")

    def get_object(self, queryset=None):
        session = super().get_object(queryset)
        if self.request.method == "POST" and session.is_planned:
            # Entered after the day, the planned session is the report: checked as a held
            # session (not in the future) and submitted, as an officer's new entry is.
            self.reporting_planned = True
            session.status = TrainingSession.Status.SUBMITTED
        return session

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.method == "GET" and self.object.is_planned:
            form.formsets["attendances"] = roster_attendance_rows(form, self.object)
        return form

    def save_instance(self):
        instance = super().save_instance()
        if self.reporting_planned:
            training_sessions_mark_submitted(sessions=[instance], user=self.request.user)
        return instance

    @cached_property
    def header_buttons(self):
        return [
            *sign_in_sheet_button(self.object, HeaderButton),
            *session_review_button(self.request.user, self.object, HeaderButton),
        ]


class TrainingSessionInspectView(ScopedInspectView):
    @cached_property
    def header_buttons(self):
        return session_review_button(self.request.user, self.object, HeaderButton)


SHARED_PARTICIPANT_MESSAGE = _(
    "%(code)s also attended trainings in provinces not assigned to you: only a national "
    "officer, or an officer of every one of those provinces, may change, merge or erase "
    "this record. You can read it here."
)


def may_change_participant(user, participant) -> bool:
    """Whether the user may change this person (shared people: see `sessions.scoping`)."""
    return participants_changeable_by_user(user).filter(pk=participant.pk).exists()


class ParticipantDecisionButtonsMixin:
    """Find duplicates and erase, where the user may and the person is not erased yet."""

    def participant_buttons(self):
        participant, user = self.object, self.request.user
        if participant.erased_at or not may_change_participant(user, participant):
            return []
        buttons = []
        if user.has_perm("trainings.change_participant"):
            url = reverse("participants:duplicates", args=[participant.pk])
            buttons.append(Button(_("Find duplicates"), url=url, icon_name="user", priority=40))
        if user.has_perm("trainings.erase_participant"):
            url = reverse("participants:erase", args=[participant.pk])
            buttons.append(
                Button(_("Erase personal data"), url=url, icon_name="warning", priority=50)
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.participant_buttons()]


class ParticipantAccessLogButtonMixin:
    """ "Access log" on a participant's page, for those who may read the log."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("trainings.view_accesslogentry"):
            url = reverse("access_log:index") + "?" + urlencode({"participant": self.object.code})
            buttons.append(Button(_("Access log"), url=url, icon_name="history", priority=60))
        return buttons


class ParticipantShownMixin(RecordsParticipantAccessMixin, ParticipantAccessLogButtonMixin):
    def participants_shown(self):
        participant = getattr(self, "object", None)
        return [participant] if participant is not None else []


class ParticipantIndexView(RecordsParticipantListAccessMixin, ScopedIndexView):
    """The participants' list: each page shown is logged as one entry with its filters."""


class ParticipantEditView(ParticipantShownMixin, ParticipantDecisionButtonsMixin, ScopedEditView):
    """Edit a participant; one shared with provinces not the officer's is read-only.

    The person is looked up among those the officer may read (another province's is a
    404); one they may read but not change goes to the inspect page with the reason,
    for the form and for a POST alike, so nothing is saved.
    """

    def get(self, request, *args, **kwargs):
        return self.refuse_shared_participant() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refuse_shared_participant() or super().post(request, *args, **kwargs)

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)

    def refuse_shared_participant(self):
        participant = self.object = self.get_object()
        if may_change_participant(self.request.user, participant):
            return None
        messages.warning(self.request, SHARED_PARTICIPANT_MESSAGE % {"code": participant.code})
        return redirect("participants:inspect", participant.pk)


class ParticipantDeleteView(ScopedDeleteView):
    def get_queryset(self):
        return participants_changeable_by_user(self.request.user)


class ParticipantInspectView(
    ParticipantShownMixin, ParticipantDecisionButtonsMixin, ScopedInspectView
):
    pass


class YouthGroupEditView(RecordsParticipantAccessMixin, ScopedEditView):
    """The group's form holds its roster: each member's view or change is logged."""

    def participants_shown(self):
        group = getattr(self, "object", None)
        if group is None:
            return []
        return Participant.objects.filter(memberships__group=group).only("pk", "code")


class ClubLeaderLoginButtonMixin:
    """ "Create club leader login" (or "Club leader login") on a peer educator's page."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("trainings.change_peereducator"):
            label = _("Club leader login") if self.object.user_id else _("Create club leader login")
            url = reverse("peer_educators:login", args=[self.object.pk])
            buttons.append(Button(label, url=url, icon_name="key", priority=40))
        return buttons


class PeerEducatorEditView(ClubLeaderLoginButtonMixin, ScopedEditView):
    pass


class PeerEducatorInspectView(ClubLeaderLoginButtonMixin, ScopedInspectView):
    """A peer educator's page: the training of trainers that made them one, and what since."""

    template_name = "trainings/admin/peer_educator_inspect.html"

    def get_context_data(self, **kwargs):
        educator = self.object
        training = educator.trained_at
        visible = training_sessions_for_user(self.request.user)
        return super().get_context_data(
            training=training if training and visible.filter(pk=training.pk).exists() else None,
            sessions_since=sessions_facilitated_since_training(educator=educator, sessions=visible),
            **kwargs,
        )
