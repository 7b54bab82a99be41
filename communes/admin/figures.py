"""The admin's "Register figures" page: the figures of the user's communes, filtered.

The counts come from `selectors.register_figures`, which scopes them and hides the small
ones for all but national officers; this module only reads the filters and shows them.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput

from ..maps import register_maps
from ..scoping import (
    communes_for_user,
    districts_for_register,
    may_read_figures,
    provinces_for_register,
    sees_exact_figures,
)
from ..selectors import FigureFilters, register_figures


class FiguresFilterForm(forms.Form):
    """A period and a place, each chosen among the user's own (another's is refused)."""

    date_from = forms.DateField(label=_("from"), required=False, widget=AdminDateInput)
    date_to = forms.DateField(label=_("to"), required=False, widget=AdminDateInput)
    province = forms.ModelChoiceField(label=_("province"), queryset=None, required=False)
    district = forms.ModelChoiceField(label=_("district"), queryset=None, required=False)
    commune = forms.ModelChoiceField(label=_("commune"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_for_register(user)
        self.fields["district"].queryset = districts_for_register(user)
        self.fields["commune"].queryset = communes_for_user(user).order_by("code")

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return cleaned

    def filters(self) -> FigureFilters:
        data = self.cleaned_data
        return FigureFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            province_id=data["province"].pk if data.get("province") else None,
            district_id=data["district"].pk if data.get("district") else None,
            commune_id=data["commune"].pk if data.get("commune") else None,
        )


class RegisterFiguresView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "communes/admin/figures.html"
    page_title = _("Commune register figures")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        # Without its own crumb the header would read "Home", the base mixin's only one.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not may_read_figures(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FiguresFilterForm(self.request.GET or None, user=self.request.user)
        figures, maps = [], None
        if not form.is_bound or form.is_valid():
            filters = form.filters() if form.is_bound else FigureFilters()
            figures = register_figures(user=self.request.user, filters=filters)
            maps = register_maps(figures=figures, user=self.request.user, filters=filters)
        context.update(
            maps=maps,
            form=form,
            figures=figures,
            exact=sees_exact_figures(self.request.user),
            threshold=settings.REGISTER_SMALL_COUNT,
        )
        return context


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_figures(request.user)


class RegisterFiguresViewSet(ViewSet):
    icon = "table"
    menu_label = _("Figures")
    menu_item_class = FiguresMenuItem

    def get_urlpatterns(self):
        return [path("", RegisterFiguresView.as_view(), name="index")]
