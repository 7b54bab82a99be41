"""The DHIS2 codes' screens in the admin: Wagtail viewsets that national officers alone open."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from sessions.scoping import can_access_all_provinces

from .models import (
    CategoryOptionComboMapping,
    CategoryOptionMapping,
    IndicatorMapping,
    OrgUnitMapping,
)


class NationalOfficersOnlyPolicy(ModelPermissionPolicy):
    """Every action for national officers (and superusers), none for anyone else.

    The codes say where every province's figures land in the national system, so no
    province officer changes them, whatever model permissions a group was given.
    """

    def user_has_permission(self, user, action):
        return can_access_all_provinces(user)

    def user_has_any_permission(self, user, actions):
        return can_access_all_provinces(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_access_all_provinces(user)

    def instances_user_has_any_permission_for(self, user, actions):
        objects = self.model._default_manager.all()
        return objects if can_access_all_provinces(user) else objects.none()


class MappingViewSet(ModelViewSet):
    add_to_admin_menu = False
    icon = "code"
    copy_view_enabled = False
    inspect_view_enabled = False

    @cached_property
    def permission_policy(self):
        return NationalOfficersOnlyPolicy(self.model)


class IndicatorMappingViewSet(MappingViewSet):
    model = IndicatorMapping
    menu_label = _("Indicators")
    list_display = ["indicator", "data_element", "data_set"]
    form_fields = ["indicator", "data_element", "data_set"]
    ordering = ["indicator"]


class CategoryOptionComboMappingViewSet(MappingViewSet):
    model = CategoryOptionComboMapping
    menu_label = _("Sex and age band (JSON)")
    list_display = ["sex", "age_band", "category_option_combo"]
    list_filter = ["sex", "age_band"]
    form_fields = ["sex", "age_band", "category_option_combo"]
    ordering = ["sex", "age_band"]


class CategoryOptionMappingViewSet(MappingViewSet):
    model = CategoryOptionMapping
    menu_label = _("Sex and age band (ADX)")
    list_display = ["disaggregation", "value", "category", "category_option"]
    list_filter = ["disaggregation"]
    form_fields = ["disaggregation", "value", "category", "category_option"]
    ordering = ["disaggregation", "value"]


class OrgUnitMappingViewSet(MappingViewSet):
    model = OrgUnitMapping
    menu_label = _("Provinces")
    list_display = ["province", "org_unit"]
    search_fields = ["org_unit", "province__name_km", "province__name_en"]
    form_fields = ["province", "org_unit"]
    ordering = ["province__code"]


class Dhis2MappingViewSetGroup(ViewSetGroup):
    menu_label = _("DHIS2 codes")
    menu_icon = "code"
    menu_order = 850
    items = (
        IndicatorMappingViewSet("dhis2_indicator_mappings"),
        CategoryOptionComboMappingViewSet("dhis2_combo_mappings"),
        CategoryOptionMappingViewSet("dhis2_option_mappings"),
        OrgUnitMappingViewSet("dhis2_org_unit_mappings"),
    )
