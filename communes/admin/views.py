"""The register's admin views, each reaching only the records of the user's communes.

The viewsets give each view `scoped_queryset` (a function of the user, from `scoping`);
every way to an object (list, edit, delete, inspect, history, usage) goes through it, so
an id typed by hand from another commune is a 404. Names and phones are shown only to
those `scoping.may_see_personal_data` lets see them.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import history, models, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton

from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from ..forms import DepartureChoiceField, ErrorsOnShownFieldsMixin, departure_choices
from ..models import Movement, RegisterExportLog
from ..scoping import may_erase_personal_data, may_see_personal_data, movements_for_user
from ..services import movement_personal_data_erase, register_export_log
from .import_views import may_import

#: The fields that name a person; shown to those who may see them only.
PERSONAL_FIELDS = ("name", "phone")


class RegisterAdminForm(ErrorsOnShownFieldsMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "departure" in self.fields:
            # Only the same commune's departures: the record's commune is the officer's own.
            self.fields["departure"] = DepartureChoiceField(
                label=self.fields["departure"].label,
                help_text=self.fields["departure"].help_text,
                queryset=departure_choices(
                    Movement.objects.filter(commune_id=self.instance.commune_id).exclude(
                        pk=self.instance.pk
                    )
                ),
                required=False,
            )


class ScopedViewMixin:
    """Set by the viewset: a function of the user giving the objects they may reach."""

    scoped_queryset = None

    def get_scoped_queryset(self):
        return self.scoped_queryset(self.request.user)


class ScopedIndexView(FormulaEscapingExportMixin, ScopedViewMixin, models.IndexView):
    """The list, and its export (where the viewset has `list_export`) through the escaping
    writer, logged in the register's export log before a row leaves."""

    select_related_fields = ()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        register_export_log(
            user=self.request.user,
            what=RegisterExportLog.What.MOVEMENTS,
            export_format=spreadsheet_format,
            language=get_language(),
            filters={key: value for key, value in self.request.GET.items() if key != "export"},
            row_count=queryset.count(),
            exact_figures=False,
            # The export's columns are the viewset's `list_export`, which holds no name.
            personal_data=False,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_base_queryset(self):
        return self.get_scoped_queryset().select_related(*self.select_related_fields)


class MovementIndexView(ScopedIndexView):
    """The movements' list, with the import's button for those who may import."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import movements"),
                    url=reverse("communes_movement:import"),
                    icon_name="upload",
                )
            )
        return buttons


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
        scoped = self.get_scoped_queryset().values("pk")
        return super().get_base_object_queryset().filter(pk__in=scoped)


class ScopedUsageView(ScopedViewMixin, usage.UsageView):
    def get_base_object_queryset(self):
        scoped = self.get_scoped_queryset().values("pk")
        return super().get_base_object_queryset().filter(pk__in=scoped)


class MovementInspectView(ScopedInspectView):
    """The record, its name and phone only for who may see them, and the erasure's button."""

    def get_fields(self):
        fields = super().get_fields()
        # Wagtail lists the fields before it loads the object.
        if not may_see_personal_data(self.request.user, self.get_object()):
            fields = [field for field in fields if field not in PERSONAL_FIELDS]
        return fields

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.has_contact and may_erase_personal_data(self.request.user, self.object):
            buttons.append(
                Button(
                    gettext_lazy("Erase name and phone"),
                    url=reverse("communes_movement:erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=30,
                )
            )
        return buttons


class MovementEraseView(WagtailAdminTemplateMixin, TemplateView):
    """Erase a person's name and phone at their request: a confirmation, then the erasure."""

    template_name = "communes/admin/movement_erase.html"
    page_title = gettext_lazy("Erase name and phone")

    def dispatch(self, request, pk):
        self.movement = get_object_or_404(movements_for_user(request.user), pk=pk)
        if not may_erase_personal_data(request.user, self.movement):
            raise Http404
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.movement)

    def get_context_data(self, **kwargs):
        return super().get_context_data(movement=self.movement, **kwargs)

    def post(self, request, pk):
        movement_personal_data_erase(movement=self.movement, user=request.user)
        messages.success(
            request,
            _("The name and phone of %(record)s are erased.") % {"record": self.movement},
        )
        url = AdminURLFinder(request.user).get_edit_url(self.movement)
        return redirect(url or reverse("communes_movement:index"))
