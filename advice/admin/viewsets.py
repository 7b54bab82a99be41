"""The advice log in the Wagtail admin: records (read, with the access log), referrals (the
service's answer, heard by the officer), the access log (national officers), the figures.

Records are made on the advisers' phones, so nothing here adds one. Every queryset and
object is the user's by `scoping`; an id of another province typed by hand is a 404.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup

from communes.admin.views import (
    RegisterAdminForm,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
)
from communes.admin.viewsets import CommuneScopedPermissionPolicy, ScopedRegisterViewSet
from sessions.scoping import can_export_personal_data, provinces_for_user

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


class ScopedPermissionPolicy(CommuneScopedPermissionPolicy):
    """The register's scoped policy, narrowed to the actions the advice log allows here."""

    def __init__(self, model, scoped_queryset, allowed=("view",)):
        super().__init__(model, scoped_queryset)
        self.allowed = allowed

    def user_has_permission(self, user, action):
        return action in self.allowed and super().user_has_permission(user, action)


class AdviceScopedViewSet(ScopedRegisterViewSet):
    """The commune register's scoped views (lists, inspect, history, usage), on the advice log."""

    allowed_actions = ("view",)

    @property
    def permission_policy(self):
        return ScopedPermissionPolicy(self.model, self.scoped_queryset, self.allowed_actions)


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


#: The export's columns; the name and phone only for who may export personal data.
EXPORT_FIELDS = ["code", "date", "commune", "channel", "sex", "age_band", "contact_consent"]
PERSONAL_FIELDS = ["name", "phone"]


class AdviceRecordIndexView(ScopedIndexView):
    """The list, and its export through the escaping writer; a named export is logged."""

    @property
    def list_export(self):
        personal = can_export_personal_data(self.request.user)
        return EXPORT_FIELDS + (PERSONAL_FIELDS if personal else [])

    @list_export.setter
    def list_export(self, value):
        # `as_view()` hands the viewset's columns to every instance: the user decides instead.
        pass

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if can_export_personal_data(self.request.user):
            advice_access_record(
                user=self.request.user,
                records=queryset.select_related(None)
                .exclude(name="", phone="")
                .only("pk", "code", "name", "phone"),
                action=AdviceAccessLogEntry.Action.EXPORTED,
                screen=screen_name(self.request),
            )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class AdviceRecordInspectView(ScopedInspectView):
    """A record whole, its name and phone included: each view is logged."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        advice_access_record(
            user=request.user,
            records=[self.object],
            action=AdviceAccessLogEntry.Action.VIEWED,
            screen=screen_name(request),
        )
        return response


class AdviceRecordViewSet(AdviceScopedViewSet):
    model = AdviceRecord
    name = "advice_record"
    url_prefix = "advice/records"
    icon = "comment"
    menu_label = _("Advice records")
    index_view_class = AdviceRecordIndexView
    inspect_view_class = AdviceRecordInspectView
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
    list_export = EXPORT_FIELDS
    export_filename = "advice-records"
    filterset_class = AdviceRecordFilterSet
    ordering = ["-date", "-pk"]
    select_related_fields = ("commune",)

    def scoped_queryset(self, user):
        return advice_records_for_user(user)


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


class ReferralAnswerAdminForm(RegisterAdminForm):
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


class ReferralAnswerView(ScopedEditView):
    """Record the service's answer (an officer's phone call, or the adviser's word)."""

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


class ReferralViewSet(AdviceScopedViewSet):
    model = Referral
    name = "advice_referral"
    url_prefix = "advice/referrals"
    icon = "resubmit"
    menu_label = _("Referrals")
    edit_view_class = ReferralAnswerView
    allowed_actions = ("view", "change")
    select_related_fields = ("service", "advice_record__commune")
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
    inspect_view_enabled = False
    panels = [FieldPanel("status"), FieldPanel("source"), FieldPanel("note")]

    def scoped_queryset(self, user):
        return referrals_for_user(user)

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=ReferralAnswerAdminForm).bind_to_model(
            Referral
        )


class AdviceAccessLogViewSet(AdviceScopedViewSet):
    """Who saw or exported which named record, read by national officers."""

    model = AdviceAccessLogEntry
    name = "advice_access_log"
    url_prefix = "advice/access-log"
    icon = "list-ul"
    menu_label = _("Advice access log")
    inspect_view_enabled = False
    list_display = ["accessed_at", "username", "action", "screen", "record_code"]
    ordering = ["-accessed_at"]

    def scoped_queryset(self, user):
        return access_log_for_user(user)


class AdviceViewSetGroup(ViewSetGroup):
    menu_label = _("Advice log")
    menu_icon = "comment"
    menu_order = 260
    items = (AdviceRecordViewSet, ReferralViewSet, AdviceAccessLogViewSet, AdviceFiguresViewSet)
