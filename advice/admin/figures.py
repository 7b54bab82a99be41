"""The admin's "Advice figures" page: the advice log's figures of the user's provinces.

The counts come from `selectors.advice_figures`, scoped and with small counts hidden for
all but national officers; the filters are the commune register's own form.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from communes.admin.figures import FiguresFilterForm

from ..scoping import is_officer, sees_exact_figures
from ..selectors import advice_figures, advice_years


class AdviceFiguresFilterForm(FiguresFilterForm):
    """The register's filters and its rule (a whole year of one's own communes for all but
    national officers, so two pages cannot be subtracted), over the advice log's years."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if not self.exact:
            self.years = advice_years(user)
            self.fields["year"].choices = [(year, str(year)) for year in self.years]


class AdviceFiguresView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "advice/admin/figures.html"
    page_title = _("Advice and referral figures")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not is_officer(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AdviceFiguresFilterForm(self.request.GET, user=self.request.user)
        figures, summary = [], None
        if form.is_valid():
            figures, summary = advice_figures(user=self.request.user, filters=form.filters())
        context.update(
            form=form,
            figures=figures,
            summary=summary,
            exact=sees_exact_figures(self.request.user),
            threshold=settings.REGISTER_SMALL_COUNT,
        )
        return context


class AdviceFiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return is_officer(request.user)


class AdviceFiguresViewSet(ViewSet):
    name = "advice_figures"
    url_prefix = "advice/figures"
    icon = "table"
    menu_label = _("Figures")
    menu_item_class = AdviceFiguresMenuItem

    def get_urlpatterns(self):
        return [path("", AdviceFiguresView.as_view(), name="index")]
