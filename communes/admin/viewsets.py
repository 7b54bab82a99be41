"""The commune registers in the Wagtail admin: lists with filters, edit, history, erasure.

Records come from the focal points' phones, so the admin has no "Add" for them; officers
read and correct the records of their communes (`scoping`), national officers all of
them, and keep the focal points' assignments and the fee caps.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from geography.models import Commune

from ..choices import Channel, MovementKind, ReportedTo, ReturnReason, Sector
from ..file_columns import MOVEMENT_FILE_COLUMNS
from ..models import (
    FeeCap,
    FocalPointAssignment,
    Movement,
    RecruitmentActivity,
    RegisterExportLog,
)
from ..scoping import (
    communes_for_user,
    districts_for_register,
    may_read_figures,
    movements_for_user,
    provinces_for_register,
    recruitment_activities_for_user,
    sees_exact_figures,
)
from . import import_views, views
from .figures import RegisterFiguresViewSet

PERSONAL_DATA = "communes.view_personal_data"
FOCAL_POINT_CODENAME = "record_in_assigned_communes"


class CommuneScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permission, for the records of the user's communes only; never "add".

    Wagtail asks the policy before it links to an object anywhere in the admin (Site
    history, usage, choosers), so a record of another commune is never offered as a link.
    """

    def __init__(self, model, scoped_queryset):
        super().__init__(model)
        self.scoped_queryset = scoped_queryset

    def user_has_permission(self, user, action):
        # Records are made on the focal points' phones, where the commune is theirs.
        return action != "add" and super().user_has_permission(user, action)

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
    return provinces_for_register(request.user)


def _districts(request):
    return districts_for_register(request.user)


#: Above this many communes, the commune filter waits for a district.
COMMUNE_FILTER_LIMIT = 300


def _communes(request):
    communes = communes_for_user(request.user)
    district = request.GET.get("district", "")
    chosen = [value for value in request.GET.getlist("commune") if value.isdigit()]
    if district.isdigit():
        return communes.filter(Q(district_id=district) | Q(pk__in=chosen))
    if communes[COMMUNE_FILTER_LIMIT : COMMUNE_FILTER_LIMIT + 1].exists():
        return communes.filter(pk__in=chosen)
    return communes


def _province_filter():
    return django_filters.ModelChoiceFilter(
        label=_("province"), field_name="commune__district__province", queryset=_provinces
    )


def _district_filter():
    return django_filters.ModelChoiceFilter(
        label=_("district"), field_name="commune__district", queryset=_districts
    )


def _commune_filter():
    return django_filters.ModelChoiceFilter(
        label=_("commune"),
        queryset=_communes,
        help_text=_("Choose a district first to list its communes."),
    )


class MovementFilterSet(WagtailFilterSet):
    province = _province_filter()
    district = _district_filter()
    commune = _commune_filter()
    kind = django_filters.ChoiceFilter(label=_("movement"), choices=MovementKind.choices)
    date = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)
    channel = django_filters.ChoiceFilter(label=_("went through"), choices=Channel.choices)
    sector = django_filters.ChoiceFilter(label=_("work"), choices=Sector.choices)
    return_reason = django_filters.ChoiceFilter(
        label=_("reason for coming back"), choices=ReturnReason.choices
    )

    class Meta:
        model = Movement
        fields = [
            "province",
            "district",
            "commune",
            "kind",
            "date",
            "destination_country",
            "channel",
            "sector",
            "return_reason",
            "help_wanted",
            "is_sample",
        ]


class RecruitmentActivityFilterSet(WagtailFilterSet):
    province = _province_filter()
    district = _district_filter()
    commune = _commune_filter()
    seen_on = django_filters.DateFromToRangeFilter(label=_("seen on"), widget=DateRangePickerWidget)
    reported_to = django_filters.ChoiceFilter(label=_("reported to"), choices=ReportedTo.choices)

    class Meta:
        model = RecruitmentActivity
        fields = [
            "province",
            "district",
            "commune",
            "seen_on",
            "recruiter_kind",
            "licensed",
            "reported_to",
            "is_sample",
        ]


class ScopedRegisterViewSet(ModelViewSet):
    """A viewset whose every view reaches only the records of the user's communes."""

    index_view_class = views.ScopedIndexView
    edit_view_class = views.ScopedEditView
    delete_view_class = views.ScopedDeleteView
    inspect_view_class = views.ScopedInspectView
    history_view_class = views.ScopedHistoryView
    usage_view_class = views.ScopedUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_filter = None
    search_backend_name = None
    select_related_fields = ()
    panels = []

    def scoped_queryset(self, user):
        raise NotImplementedError

    @property
    def permission_policy(self):
        return CommuneScopedPermissionPolicy(self.model, self.scoped_queryset)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scoped_queryset=self.scoped_queryset, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related_fields=self.select_related_fields, **kwargs
        )

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=views.RegisterAdminForm).bind_to_model(
            self.model
        )


PLACE_COLUMNS = [
    Column("commune", label=_("commune"), accessor="commune"),
    Column("district", label=_("district"), accessor="commune.district"),
]


class MovementViewSet(ScopedRegisterViewSet):
    model = Movement
    icon = "arrows-up-down"
    menu_label = _("Movements")
    index_view_class = views.MovementIndexView
    inspect_view_class = views.MovementInspectView
    filterset_class = MovementFilterSet
    # By code only: a search by name would tell who is in the register to anyone.
    search_fields = ["person_code"]
    ordering = ["-date", "-pk"]
    select_related_fields = (
        "commune__district",
        "destination_country",
        "destination_province",
        "agency",
    )
    list_display = [
        "person_code",
        Column("kind", label=_("movement"), accessor="get_kind_display"),
        "date",
        *PLACE_COLUMNS,
        Column("destination_country", label=_("country"), accessor="destination_country"),
        Column("destination_province", label=_("province"), accessor="destination_province"),
        Column("channel", label=_("went through"), accessor="get_channel_display"),
        BooleanColumn("help_wanted", label=_("wants help")),
    ]
    # Never the name or phone: a list's file travels further than its screen.
    list_export = list(MOVEMENT_FILE_COLUMNS)
    export_filename = "movements"
    inspect_view_fields = [
        "person_code",
        "kind",
        "date",
        "commune",
        "village",
        "sex",
        "age_band",
        "age",
        "destination_country",
        "destination_province",
        "sector",
        "channel",
        "agency",
        "currency",
        "fees_paid",
        "debt_taken",
        "has_passport",
        "passport_holder",
        "has_work_permit",
        "has_contract_they_read",
        "orientation_received",
        "return_reason",
        "help_wanted",
        "contact_consent",
        "consent_recorded_on",
        "name",
        "phone",
        "personal_data_erased_at",
        "is_sample",
        "created_at",
        "updated_at",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("sex"), FieldPanel("age_band"), FieldPanel("age")]),
            ],
            heading=_("Person"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("destination_country"),
                FieldPanel("destination_province"),
                FieldPanel("sector"),
                FieldPanel("channel"),
                FieldPanel("agency"),
                FieldRowPanel(
                    [FieldPanel("currency"), FieldPanel("fees_paid"), FieldPanel("debt_taken")]
                ),
            ],
            heading=_("Recruitment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_passport"),
                FieldPanel("passport_holder"),
                FieldPanel("has_work_permit"),
                FieldPanel("has_contract_they_read"),
                FieldPanel("orientation_received"),
            ],
            heading=_("Documents"),
        ),
        MultiFieldPanel(
            [FieldPanel("return_reason"), FieldPanel("help_wanted"), FieldPanel("departure")],
            heading=_("Return"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_consent", permission=PERSONAL_DATA),
                FieldPanel("consent_recorded_on", permission=PERSONAL_DATA),
                FieldPanel("name", permission=PERSONAL_DATA),
                FieldPanel("phone", permission=PERSONAL_DATA),
            ],
            heading=_("Follow-up"),
        ),
        FieldPanel("is_sample"),
    ]

    def scoped_queryset(self, user):
        return movements_for_user(user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("erase/<int:pk>/", views.MovementEraseView.as_view(), name="erase"),
            path("import/", import_views.MovementImportView.as_view(), name="import"),
        ]


class RecruitmentActivityViewSet(ScopedRegisterViewSet):
    model = RecruitmentActivity
    icon = "warning"
    menu_label = _("Recruiters seen")
    filterset_class = RecruitmentActivityFilterSet
    search_fields = ["recruiter_description", "promised"]
    ordering = ["-seen_on", "-pk"]
    select_related_fields = ("commune__district", "agency")
    list_display = [
        "seen_on",
        *PLACE_COLUMNS,
        Column(
            "recruiter_kind", label=_("who was recruiting"), accessor="get_recruiter_kind_display"
        ),
        "agency",
        "recruiter_description",
        Column("licensed", label=_("licensed"), accessor="get_licensed_display"),
        Column("reported_to", label=_("reported to"), accessor="get_reported_to_display"),
    ]
    panels = [
        FieldPanel("seen_on"),
        FieldPanel("recruiter_kind"),
        FieldPanel("agency"),
        FieldPanel("recruiter_description"),
        FieldPanel("destination_country"),
        FieldPanel("sector"),
        FieldPanel("promised"),
        FieldRowPanel([FieldPanel("currency"), FieldPanel("fees_asked")]),
        FieldPanel("licensed"),
        FieldRowPanel([FieldPanel("reported_to"), FieldPanel("reported_on")]),
        FieldPanel("is_sample"),
    ]

    def scoped_queryset(self, user):
        return recruitment_activities_for_user(user)


class FocalPointAssignmentViewSet(ModelViewSet):
    """National officers give communes to focal points."""

    model = FocalPointAssignment
    icon = "user"
    menu_label = _("Focal points' communes")
    add_to_reference_index = False
    copy_view_enabled = False
    list_filter = None
    search_backend_name = None
    search_fields = ["focal_point__username", "commune__name_km", "commune__name_en"]
    ordering = ["commune__code", "focal_point__username"]
    list_display = ["focal_point", "commune", Column("district", accessor="commune.district")]
    panels = [FieldPanel("focal_point"), FieldPanel("commune")]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        form_class.base_fields["commune"].queryset = Commune.objects.order_by("code")
        # Only the focal points' accounts are offered, not every account of the site.
        form_class.base_fields["focal_point"].queryset = (
            get_user_model()
            .objects.filter(
                Q(groups__permissions__codename=FOCAL_POINT_CODENAME)
                | Q(user_permissions__codename=FOCAL_POINT_CODENAME),
                is_active=True,
            )
            .distinct()
            .order_by("username")
        )
        return form_class


class FeeCapViewSet(ModelViewSet):
    model = FeeCap
    icon = "doc-full"
    menu_label = _("Recruitment fee caps")
    add_to_reference_index = False
    copy_view_enabled = False
    list_filter = None
    search_backend_name = None
    ordering = ["country__name_en"]
    list_display = ["country", "amount_usd", "source", "source_date"]
    panels = [
        FieldPanel("country"),
        FieldPanel("amount_usd"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_date")]),
    ]


class NationalReadOnlyPolicy(ModelPermissionPolicy):
    """National officers read the register's export log; nobody adds, changes or deletes."""

    def user_has_permission(self, user, action):
        return action == "view" and sees_exact_figures(user) and may_read_figures(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class RegisterExportLogViewSet(ModelViewSet):
    """Who downloaded the register's figures and lists, covering what."""

    model = RegisterExportLog
    icon = "download"
    menu_label = _("Export log")
    add_to_reference_index = False
    list_display = [
        "exported_at",
        "username",
        "what",
        "export_format",
        "language",
        "row_count",
        BooleanColumn("exact_figures", label=_("small counts shown")),
        "filters",
    ]
    list_filter = ["exported_at", "what", "export_format", "exact_figures"]
    search_fields = ["username"]
    search_backend_name = None
    ordering = ["-exported_at", "-pk"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    @property
    def permission_policy(self):
        return NationalReadOnlyPolicy(self.model)


class CommuneRegistersViewSetGroup(ViewSetGroup):
    menu_label = _("Commune registers")
    menu_icon = "site"
    menu_order = 320
    items = (
        MovementViewSet("communes_movement"),
        RecruitmentActivityViewSet("communes_recruitment"),
        FocalPointAssignmentViewSet("communes_focal_points"),
        FeeCapViewSet("communes_fee_caps"),
        RegisterFiguresViewSet("communes_figures"),
        RegisterExportLogViewSet("communes_export_log"),
    )
