"""The register as a Wagtail viewset: national officers keep it, other staff read it."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from geography.models import Province
from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from ..models import Agency, AgencyStatus
from . import import_views


class AgencyFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=AgencyStatus.choices)
    branch_provinces = django_filters.ModelChoiceFilter(
        label=_("provincial branch"), queryset=Province.objects.all()
    )

    class Meta:
        model = Agency
        fields = ["status", "branch_provinces", "is_sample"]


class AgencyIndexView(FormulaEscapingExportMixin, IndexView):
    """The list, its exports through the escaping writer, and the import's button."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if import_views.may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import the ministry's list"),
                    url=reverse("agencies:import"),
                    icon_name="upload",
                )
            )
        return buttons


class AgencyViewSet(ModelViewSet):
    """National officers add, change and import agencies; program officers and editors read."""

    model = Agency
    icon = "clipboard-list"
    menu_label = _("Recruitment agencies")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = AgencyIndexView
    list_display = [
        "name_km",
        "name_en",
        "licence_number",
        Column("status", label=_("status"), accessor="get_status_display"),
        "licence_expires_on",
        "source_date",
        BooleanColumn("is_sample", label=_("sample data")),
    ]
    list_filter = None
    list_export = [
        "licence_number",
        "name_km",
        "name_en",
        "status",
        "licence_issued_on",
        "licence_expires_on",
        "source",
        "source_date",
    ]
    export_filename = "recruitment-agencies"
    filterset_class = AgencyFilterSet
    search_fields = ["name_km", "name_en", "licence_number", "licence_key", "search_key"]
    search_backend_name = None
    ordering = ["name_en", "name_km"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "name_km",
        "name_en",
        "licence_number",
        "status",
        "licence_issued_on",
        "licence_expires_on",
        "destinations",
        "branch_provinces",
        "source",
        "source_date",
        "is_sample",
        "updated_at",
    ]
    copy_view_enabled = False
    panels = [
        FieldRowPanel([FieldPanel("name_km"), FieldPanel("name_en")], heading=_("Name")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("licence_number"),
                FieldRowPanel([FieldPanel("licence_issued_on"), FieldPanel("licence_expires_on")]),
            ],
            heading=_("Licence"),
        ),
        FieldPanel("destinations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("branch_provinces", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("source_date"), FieldPanel("is_sample")],
            heading=_("Source"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", import_views.ImportView.as_view(), name="import"),
        ]
