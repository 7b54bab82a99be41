"""Admin views and forms that hold an officer to their provinces.

Each view asks its viewset's scoped queryset (from `sessions.scoping`) for objects, so
an object of another province is a 404 in every URL, and each form offers only choices
of the officer's provinces.
"""

from django.contrib.admin.utils import quote
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import history, models, usage

from .scoping import (
    communes_for_user,
    participants_for_user,
    peer_educators_for_user,
    youth_groups_for_user,
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
        self._limit_attendance_choices()

    def _limit_attendance_choices(self):
        """Offer a session's roll, not every participant of the provinces.

        A province holds tens of thousands of participants: one select of them all in
        every attendance row would make the form megabytes long. The choices are the
        members of the session's group and those already at the session; anyone else
        joins the roster first.
        """
        formset = getattr(self, "formsets", {}).get("attendances")
        if formset is None:
            return
        group_id = getattr(self.instance, "group_id", None)
        choices = participants_for_user(self.for_user)
        if group_id is None:
            choices = choices.none()
        else:
            choices = choices.filter(
                Q(memberships__group_id=group_id) | Q(attendances__session_id=self.instance.pk)
            ).distinct()
        for form in formset.forms:
            form.fields["participant"].queryset = choices
        # The blank row added in the browser comes from the formset's form class: a
        # class made for this request, so no other request sees these choices.
        formset.form = type(formset.form.__name__, (formset.form,), {})
        formset.form.base_fields["participant"].queryset = choices


class ScopedInlinePanel(InlinePanel):
    """An InlinePanel whose child forms also limit their choices to the user's provinces."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["inherit_kwargs"] = ["for_user"]
        formset.setdefault("form", ProvinceScopedAdminForm)
        return options


class ScopedViewMixin:
    """Set by the viewset: a function of the user giving the objects they may reach."""

    scoped_queryset = None

    def get_scoped_queryset(self):
        return self.scoped_queryset(self.request.user)


class ScopedIndexView(ScopedViewMixin, models.IndexView):
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
