"""Wagtail admin screens of the trainings app, declared as viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ProvinceAssignment


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
    add_view_class = ProvinceAssignmentCreateView
    list_display = ["officer", "province", "assigned_by", "assigned_at"]
    list_filter = ["province", "officer"]
    search_fields = ["officer__username", "officer__first_name", "officer__last_name"]
    search_backend_name = None
    ordering = ["province__code", "officer__username"]
    inspect_view_enabled = True
    panels = [FieldPanel("officer"), FieldPanel("province")]


class TrainingsViewSetGroup(ViewSetGroup):
    menu_label = _("Trainings")
    menu_icon = "group"
    menu_order = 300
    items = (ProvinceAssignmentViewSet("province_assignments"),)
