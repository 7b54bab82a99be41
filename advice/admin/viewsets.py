"""The advice log in the Wagtail admin: records (read, with the access log), referrals (the
service's answer, heard by the officer), the access log (national officers), the figures.

Records are made on the advisers' phones, so nothing here adds one. Every queryset and
object is the user's by `scoping`; an id of another province typed by hand is a 404.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from sessions.scoping import provinces_for_user

from ..access_log import screen_name
from ..choices import OPEN_STATUSES, AdviceChannel, AnswerSource, ReferralStatus
from ..models import AdviceAccessLogEntry, AdviceRecord, Referral
from ..scoping import (
    access_log_for_user,
    advice_records_for_user,
    referrals_for_user,
)
from ..services import advice_access_record, referral_answer_record
from .figures import AdviceFiguresViewSet


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permission, on the objects of the user's scope only; `allowed` actions only."""

    def __init__(self, model, scoped_queryset, allowed=("view",)):
        super().__init__(model)
        self.scoped_queryset = scoped_queryset
        self.allowed = allowed

    def user_has_permission(self, user, action):
        return action in self.allowed and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scoped_queryset(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return instances.filter(pk__in=self.scoped_queryset(user).values("pk"))


def _provinces(request):
    return provinces_for_user(request.user)


class AdviceRecordFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("province"), field_name="commune__district__province", queryset=_provinces
    )
    date = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)
    channel = django_filters.ChoiceFilter(label=_("how"), choices=AdviceChannel.choices)

    class Meta:
        model = AdviceRecord
        fields = ["province", "date", "channel", "is_sample"]


class AdviceRecordIndexView(IndexView):
    def get_base_queryset(self):
        return advice_records_for_user(self.request.user).select_related("commune")


class AdviceRecordInspectView(InspectView):
    """A record whole, its name and phone included: each view is logged."""

    def get_object(self, queryset=None):
        return get_object_or_404(advice_records_for_user(self.request.user), pk=self.pk)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        advice_access_record(
            user=request.user,
            records=[self.object],
            action=AdviceAccessLogEntry.Action.VIEWED,
            screen=screen_name(request),
        )
        return response


class AdviceRecordViewSet(ModelViewSet):
    model = AdviceRecord
    name = "advice_record"
    url_prefix = "advice/records"
    icon = "comment"
    menu_label = _("Advice records")
    index_view_class = AdviceRecordIndexView
    inspect_view_class = AdviceRecordInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "code",
        "date",
        "channel",
        "training_session",
        "sex",
        "age_band",
        "commune",
        "advice_given",
        "contact_consent",
        "name",
        "phone",
        "recorded_by",
        "created_at",
    ]
    list_display = ["code", "date", "commune", "channel", "sex", "age_band"]
    filterset_class = AdviceRecordFilterSet
    ordering = ["-date", "-pk"]
    form_fields = ["date"]  # no add or edit (the policy): the records come from the phones
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ScopedPermissionPolicy(AdviceRecord, advice_records_for_user)


class ReferralFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("province"),
        field_name="advice_record__commune__district__province",
        queryset=_provinces,
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=ReferralStatus.choices)
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")

    class Meta:
        model = Referral
        fields = ["province", "status", "overdue"]

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class ReferralAnswerForm(WagtailAdminModelForm):
    """The service's answer: the status, who heard it and a note, written by the service."""

    source = forms.ChoiceField(
        label=_("Who heard it"),
        choices=AnswerSource.choices,
        initial=AnswerSource.OFFICER_PHONE_CALL,
    )
    note = forms.CharField(
        label=_("Follow-up note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReferralIndexView(IndexView):
    def get_base_queryset(self):
        return referrals_for_user(self.request.user).select_related(
            "service", "advice_record__commune"
        )


class ReferralAnswerView(EditView):
    """Record the service's answer (an officer's phone call, or the adviser's word)."""

    def get_object(self, queryset=None):
        referral = referrals_for_user(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if referral is None:
            raise Http404
        return referral

    def save_instance(self):
        # The form's status is not saved as it stands: the service writes it with its update.
        status = self.form.cleaned_data["status"]
        self.form.instance.refresh_from_db(fields=["status"])
        referral_answer_record(
            referral=self.form.instance,
            status=status,
            note=self.form.cleaned_data["note"],
            source=self.form.cleaned_data["source"],
            user=self.request.user,
        )
        self.form.instance.refresh_from_db()
        return self.form.instance


class OverdueColumn(Column):
    def get_value(self, instance):
        return _("overdue") if instance.is_overdue() else ""


class ReferralViewSet(ModelViewSet):
    model = Referral
    name = "advice_referral"
    url_prefix = "advice/referrals"
    icon = "resubmit"
    menu_label = _("Referrals")
    index_view_class = ReferralIndexView
    edit_view_class = ReferralAnswerView
    filterset_class = ReferralFilterSet
    list_display = [
        "advice_record",
        "service",
        "urgency",
        "due_at",
        "status",
        OverdueColumn("overdue", label=_("overdue")),
    ]
    ordering = ["due_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    panels = [FieldPanel("status"), FieldPanel("source"), FieldPanel("note")]

    @property
    def permission_policy(self):
        return ScopedPermissionPolicy(Referral, referrals_for_user, allowed=("view", "change"))

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=ReferralAnswerForm).bind_to_model(Referral)


class AccessLogIndexView(IndexView):
    def get_base_queryset(self):
        return access_log_for_user(self.request.user)


class AdviceAccessLogViewSet(ModelViewSet):
    """Who saw or exported which named record, read by national officers."""

    model = AdviceAccessLogEntry
    name = "advice_access_log"
    url_prefix = "advice/access-log"
    icon = "list-ul"
    menu_label = _("Advice access log")
    index_view_class = AccessLogIndexView
    list_display = ["accessed_at", "username", "action", "screen", "record_code"]
    list_filter = ["action"]
    ordering = ["-accessed_at"]
    form_fields = ["action"]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ScopedPermissionPolicy(AdviceAccessLogEntry, access_log_for_user)


class AdviceViewSetGroup(ViewSetGroup):
    menu_label = _("Advice log")
    menu_icon = "comment"
    menu_order = 260
    items = (AdviceRecordViewSet, ReferralViewSet, AdviceAccessLogViewSet, AdviceFiguresViewSet)
