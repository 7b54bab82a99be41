"""Wagtail admin screens of the trainings app, declared as viewsets."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn, StatusFlagColumn
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from geography.models import District

from ..models import (
    CONSENTS,
    AccessLogEntry,
    ExportLog,
    GroupKind,
    Participant,
    PeerEducator,
    ProvinceAssignment,
    TrainingSession,
    YouthGroup,
)
from ..scoping import (
    participants_for_user,
    peer_educators_for_user,
    provinces_for_user,
    training_sessions_for_user,
    youth_groups_for_user,
)
from ..services import training_sessions_mark_submitted
from . import exports, planning_views, review_views
from . import views as admin_views
from .club_login_views import ClubLeaderLoginView
from .permission_policies import ProvinceScopedPermissionPolicy


class ProvinceAssignmentCreateView(CreateView):
    def save_instance(self):
        # Who assigned an officer is part of the record, not a form field.
        self.form.instance.assigned_by = self.request.user
        return super().save_instance()


class ProvinceAssignmentViewSet(ModelViewSet):
    """National officers decide which provinces each program officer works in."""

    model = ProvinceAssignment
    icon = "site"
    menu_label = _("Province assignments")
    index_view_class = admin_views.IndexView
    add_view_class = ProvinceAssignmentCreateView
    list_display = ["officer", "province", "assigned_by", "assigned_at"]
    list_filter = ["province", "officer"]
    search_fields = ["officer__username", "officer__first_name", "officer__last_name"]
    search_backend_name = None
    ordering = ["province__code", "officer__username"]
    inspect_view_enabled = True
    panels = [FieldPanel("officer"), FieldPanel("province")]


# Filters offer only the user's provinces, and the districts and groups in them.
def _provinces(request):
    return provinces_for_user(request.user)


def _districts(request):
    return District.objects.filter(province__in=provinces_for_user(request.user))


#: Above this many groups in the user's provinces, the group filter waits for a place.
GROUP_FILTER_LIMIT = 300


def _groups(request):
    """The groups to filter by: those of the chosen district or province.

    A national officer's select of every club in the country would be thousands of
    options on every page of the list, so without a place chosen the filter lists all
    the user's groups only while they are few; a group already chosen (a link from a
    group's page) stays offered.
    """
    groups = youth_groups_for_user(request.user)
    district, province = request.GET.get("district", ""), request.GET.get("province", "")
    chosen = [value for value in request.GET.getlist("group") if value.isdigit()]
    if district.isdigit():
        place = Q(commune__district_id=district)
    elif province.isdigit():
        place = Q(commune__district__province_id=province)
    elif groups[GROUP_FILTER_LIMIT : GROUP_FILTER_LIMIT + 1].exists():
        place = Q(pk__in=[])
    else:
        return groups
    return groups.filter(place | Q(pk__in=chosen))


def _province_filter(field_name: str):
    return django_filters.ModelChoiceFilter(
        label=_("province"), field_name=field_name, queryset=_provinces
    )


def _district_filter(field_name: str):
    return django_filters.ModelChoiceFilter(
        label=_("district"), field_name=field_name, queryset=_districts
    )


def _group_filter():
    return django_filters.ModelChoiceFilter(
        label=_("youth group"),
        queryset=_groups,
        help_text=_("Choose a province or district first to list its groups."),
    )


class YouthGroupFilterSet(WagtailFilterSet):
    province = _province_filter("commune__district__province")
    district = _district_filter("commune__district")

    class Meta:
        model = YouthGroup
        fields = ["kind", "province", "district", "active"]


class PeerEducatorFilterSet(WagtailFilterSet):
    province = _province_filter("group__commune__district__province")
    district = _district_filter("group__commune__district")
    group = _group_filter()

    class Meta:
        model = PeerEducator
        fields = ["province", "district", "group", "sex"]


class TrainingSessionFilterSet(WagtailFilterSet):
    province = _province_filter("group__commune__district__province")
    district = _district_filter("group__commune__district")
    group = _group_filter()
    date = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)

    class Meta:
        model = TrainingSession
        fields = [
            "province",
            "district",
            "group",
            "status",
            "date",
            "source",
            "attendance_mode",
            "is_training_of_trainers",
        ]


class ParticipantFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("home province"),
        field_name="home_commune__district__province",
        queryset=_provinces,
    )

    class Meta:
        model = Participant
        fields = ["province", "sex", "age_band", "returned_migrant"]


class ScopedModelViewSet(ModelViewSet):
    """A viewset whose every view reaches only the objects of the user's provinces."""

    index_view_class = admin_views.ScopedIndexView
    add_view_class = admin_views.ScopedCreateView
    edit_view_class = admin_views.ScopedEditView
    delete_view_class = admin_views.ScopedDeleteView
    inspect_view_class = admin_views.ScopedInspectView
    history_view_class = admin_views.ScopedHistoryView
    usage_view_class = admin_views.ScopedUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = None
    search_backend_name = None
    select_related_fields = ()
    panels = []
    export_columns = ()
    export_list_name = None

    def scoped_queryset(self, user):
        raise NotImplementedError

    @property
    def permission_policy(self):
        return ProvinceScopedPermissionPolicy(self.model, self.scoped_queryset)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scoped_queryset=self.scoped_queryset, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related_fields=self.select_related_fields,
            export_columns=self.export_columns,
            export_list_name=self.export_list_name,
            **kwargs,
        )

    def get_edit_handler(self):
        return ObjectList(
            self.panels, base_form_class=admin_views.ProvinceScopedAdminForm
        ).bind_to_model(self.model)


PROVINCE_OF_GROUP = Column(
    "province", label=_("province"), accessor="group.commune.district.province"
)


class YouthGroupViewSet(ScopedModelViewSet):
    model = YouthGroup
    edit_view_class = admin_views.YouthGroupEditView
    icon = "group"
    menu_label = _("Youth groups")
    list_display = ["name", "kind", "commune", "province", "founded_on", "active"]
    filterset_class = YouthGroupFilterSet
    search_fields = ["name", "contact_name", "commune__name_km", "commune__name_en"]
    ordering = ["name"]
    select_related_fields = ["kind", "commune__district__province"]
    export_columns = exports.YOUTH_GROUP_COLUMNS
    export_list_name = ExportLog.ListName.YOUTH_GROUPS
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("commune"),
        FieldRowPanel([FieldPanel("founded_on"), FieldPanel("active")]),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")]),
        admin_views.ScopedInlinePanel(
            "memberships",
            panels=[
                FieldPanel("participant"),
                FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")]),
            ],
            heading=_("Roster"),
            label=_("Member"),
        ),
    ]

    def scoped_queryset(self, user):
        return youth_groups_for_user(user)


class PeerEducatorViewSet(ScopedModelViewSet):
    model = PeerEducator
    edit_view_class = admin_views.PeerEducatorEditView
    inspect_view_class = admin_views.PeerEducatorInspectView
    icon = "user"
    menu_label = _("Peer educators")
    list_display = ["__str__", "group", PROVINCE_OF_GROUP, "sex", "trained_on"]
    filterset_class = PeerEducatorFilterSet
    search_fields = ["name_km", "name_latin", "phone", "group__name"]
    ordering = ["name_km"]
    select_related_fields = ["group__commune__district__province"]
    export_columns = exports.PEER_EDUCATOR_COLUMNS
    export_list_name = ExportLog.ListName.PEER_EDUCATORS
    # Not the participant's record nor the login: the page is the educator's, and the
    # training that made them one is shown with the sessions since (its template).
    inspect_view_fields = [
        "name_km",
        "name_latin",
        "sex",
        "year_of_birth",
        "phone",
        "group",
        "trained_on",
        "trained_at",
    ]
    panels = [
        FieldRowPanel([FieldPanel("name_km"), FieldPanel("name_latin")]),
        FieldRowPanel([FieldPanel("sex"), FieldPanel("year_of_birth")]),
        FieldPanel("phone"),
        FieldPanel("group"),
        # No "login" field: it listed every account. Logins are made on their own screen.
        FieldPanel("trained_on"),
    ]

    def scoped_queryset(self, user):
        return peer_educators_for_user(user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("login/<int:pk>/", ClubLeaderLoginView.as_view(), name="login"),
        ]


class TrainingSessionCreateView(
    admin_views.SessionWarnsOfDuplicatesMixin, admin_views.ScopedCreateView
):
    def save_instance(self):
        # An officer's entry is a report like a club's: it waits for verification.
        self.form.instance.source = TrainingSession.Source.ADMIN
        instance = super().save_instance()
        training_sessions_mark_submitted(sessions=[instance], user=self.request.user)
        return instance


class TrainingSessionViewSet(ScopedModelViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Training sessions")
    index_view_class = admin_views.TrainingSessionIndexView
    add_view_class = TrainingSessionCreateView
    edit_view_class = admin_views.TrainingSessionEditView
    inspect_view_class = admin_views.TrainingSessionInspectView
    index_template_name = "trainings/trainingsession/index.html"
    list_display = [
        "__str__",
        PROVINCE_OF_GROUP,
        "date",
        "status",
        "source",
        "attendance_mode",
        # Annotated by the list's view (sessions.selectors): people named plus counted.
        NumberColumn("attendance_total", label=_("attendance")),
        StatusFlagColumn(
            "has_duplicate", label=_("duplicate?"), true_label=_("possible duplicate")
        ),
        # A field of the row: no query more, however long the list.
        StatusFlagColumn(
            "is_training_of_trainers",
            label=_("training of trainers"),
            true_label=_("training of trainers"),
        ),
    ]
    filterset_class = TrainingSessionFilterSet
    search_fields = ["group__name", "notes", "external_id"]
    ordering = ["-date", "-pk"]
    select_related_fields = ["group__commune__district__province"]
    export_columns = exports.TRAINING_SESSION_COLUMNS
    export_list_name = ExportLog.ListName.TRAINING_SESSIONS
    inspect_view_fields = [
        "group",
        "date",
        "start_time",
        "duration_minutes",
        "commune",
        "audience",
        "notes",
        "status",
        "return_reason",
        "submitted_by",
        "submitted_at",
        "verified_by",
        "verified_at",
        "source",
        "external_id",
        "attendance_mode",
        "is_training_of_trainers",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("group"),
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("duration_minutes")]
                ),
                FieldPanel("commune"),
                # A session's group has a handful of educators: ticked, not picked from a list.
                FieldPanel("facilitators", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
                FieldPanel("is_training_of_trainers"),
            ],
            heading=_("The session"),
        ),
        admin_views.ScopedInlinePanel(
            "session_lessons", panels=[FieldPanel("lesson")], heading=_("Lessons taught")
        ),
        FieldPanel("attendance_mode"),
        admin_views.ScopedInlinePanel(
            "attendances",
            panels=[
                FieldPanel("participant"),
                FieldRowPanel([FieldPanel("pre_test_score"), FieldPanel("post_test_score")]),
            ],
            heading=_("Named participants"),
        ),
        admin_views.ScopedInlinePanel(
            "headcounts",
            panels=[
                FieldRowPanel([FieldPanel("sex"), FieldPanel("age_band"), FieldPanel("count")])
            ],
            heading=_("Headcount"),
        ),
        FieldPanel("notes"),
    ]

    #: A planned session: the day, the place and the lessons, for its sign-in sheet.
    plan_panels = [
        FieldPanel("group"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("duration_minutes")]
        ),
        FieldPanel("commune"),
        admin_views.ScopedInlinePanel(
            "session_lessons", panels=[FieldPanel("lesson")], heading=_("Lessons to teach")
        ),
    ]

    def scoped_queryset(self, user):
        return training_sessions_for_user(user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", review_views.SessionReviewView.as_view(), name="review"),
            path("plan/", self.plan_view, name="plan"),
            path(
                "sign-in-sheet/<int:pk>/",
                planning_views.SignInSheetView.as_view(),
                name="sign_in_sheet",
            ),
            path("export/attendance/", self.attendance_export_view, name="export_attendance"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            attendance_export_url_name=self.get_url_name("export_attendance"), **kwargs
        )

    @property
    def plan_view(self):
        panel = ObjectList(
            self.plan_panels, base_form_class=admin_views.ProvinceScopedAdminForm
        ).bind_to_model(self.model)
        return self.construct_view(
            planning_views.TrainingSessionPlanView,
            **self.get_add_view_kwargs(panel=panel, form_class=panel.get_form_class()),
        )

    @property
    def attendance_export_view(self):
        return self.construct_view(
            admin_views.AttendanceExportView,
            **{
                **self.get_index_view_kwargs(),
                "export_columns": exports.ATTENDANCE_COLUMNS,
                "export_list_name": ExportLog.ListName.ATTENDANCE,
            },
        )


class ParticipantViewSet(ScopedModelViewSet):
    model = Participant
    icon = "user"
    menu_label = _("Participants")
    index_view_class = admin_views.ParticipantIndexView
    edit_view_class = admin_views.ParticipantEditView
    delete_view_class = admin_views.ParticipantDeleteView
    inspect_view_class = admin_views.ParticipantInspectView
    list_display = ["__str__", "sex", "year_of_birth", "age_band", "home_commune", "erased_at"]
    filterset_class = ParticipantFilterSet
    search_fields = ["code", "name", "contact_phone"]
    ordering = ["code"]
    select_related_fields = ["home_commune__district__province"]
    export_columns = exports.PARTICIPANT_COLUMNS
    export_list_name = ExportLog.ListName.PARTICIPANTS
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("sex"), FieldPanel("year_of_birth"), FieldPanel("age_band")]),
        FieldPanel("home_commune"),
        FieldRowPanel(
            [
                FieldPanel("plans_to_migrate"),
                FieldPanel("destination"),
                FieldPanel("returned_migrant"),
            ]
        ),
        FieldPanel("contact_phone"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(consent.date_field), FieldPanel(consent.collector_field)])
                for consent in CONSENTS
            ],
            heading=_("Consent"),
        ),
    ]

    def scoped_queryset(self, user):
        return participants_for_user(user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("erase/<int:pk>/", review_views.ParticipantEraseView.as_view(), name="erase"),
            path(
                "duplicates/<int:pk>/",
                review_views.ParticipantDuplicatesView.as_view(),
                name="duplicates",
            ),
        ]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing only, for those with the view permission: no one edits a log, superusers too."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class ExportLogViewSet(ModelViewSet):
    """National officers read who exported what; nobody adds, changes or deletes an entry."""

    model = ExportLog
    icon = "download"
    menu_label = _("Export log")
    index_view_class = admin_views.IndexView
    list_display = [
        "exported_at",
        "username",
        "list_name",
        "export_format",
        "row_count",
        BooleanColumn("personal_data", label=_("personal data included")),
        "filters",
    ]
    list_filter = ["exported_at", "list_name", "personal_data", "export_format"]
    search_fields = ["username"]
    search_backend_name = None
    ordering = ["-exported_at", "-pk"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class AccessLogFilterSet(WagtailFilterSet):
    # Text, not selects: a select of every participant or user would be thousands long.
    participant = django_filters.CharFilter(
        label=_("participant code"), field_name="participant_code", lookup_expr="iexact"
    )
    user = django_filters.CharFilter(
        label=_("username"), field_name="username", lookup_expr="iexact"
    )
    accessed_at = django_filters.DateFromToRangeFilter(
        label=_("when"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AccessLogEntry
        fields = ["participant", "user", "action", "accessed_at"]


class AccessLogViewSet(ModelViewSet):
    """National officers read who saw or changed whose personal data; nobody edits it."""

    model = AccessLogEntry
    icon = "history"
    menu_label = _("Access log")
    list_display = [
        "accessed_at",
        "username",
        "action",
        "participant_code",
        "screen",
        "row_count",
        "search",
    ]
    filterset_class = AccessLogFilterSet
    search_fields = ["username", "participant_code"]
    search_backend_name = None
    ordering = ["-accessed_at", "-pk"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)


class GroupKindViewSet(ModelViewSet):
    """The kinds of champion group: not personal data nor of a province, the same for all."""

    model = GroupKind
    icon = "tag"
    menu_label = _("Kinds of champion group")
    list_display = ["name_km", "name_en", "slug"]
    form_fields = ["name_km", "name_en", "slug"]
    search_backend_name = None
    ordering = ["pk"]
    copy_view_enabled = False


class TrainingsViewSetGroup(ViewSetGroup):
    menu_label = _("Trainings")
    menu_icon = "group"
    menu_order = 300
    items = (
        TrainingSessionViewSet("training_sessions"),
        YouthGroupViewSet("youth_groups"),
        GroupKindViewSet("group_kinds"),
        PeerEducatorViewSet("peer_educators"),
        ParticipantViewSet("participants"),
        ProvinceAssignmentViewSet("province_assignments"),
        ExportLogViewSet("export_logs"),
        AccessLogViewSet("access_log"),
    )
