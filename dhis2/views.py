"""The DHIS2 export screen: the dry run, the two files, and the push to the configured server.

Who may do what (docs/decisions.md, "DHIS2 export"): officers who read reports see the dry
run of their own provinces, small values shown as "<5" as on the public figures; only
national officers download the files (exact figures for another system) and push.
"""

import datetime
import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sessions.reports.panels import may_see_reports
from sessions.reports.public import shown_count
from sessions.scoping import can_access_all_provinces

from .client import push_configured
from .formats import ADX_TYPE, JSON_TYPE, adx_document, data_value_set_json
from .forms import Dhis2ExportForm
from .models import PushLog
from .selectors import DryRun, dhis2_dry_run
from .services import dhis2_values_push

logger = logging.getLogger(__name__)

#: The dry run lists this many ready values on the page; the files hold them all.
READY_SHOWN = 500


def may_send_to_dhis2(user) -> bool:
    """Downloads and pushes hold exact figures for another system: national officers only."""
    return can_access_all_provinces(user)


class Dhis2ExportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "dhis2/export.html"
    page_title = gettext_lazy("DHIS2 export")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def form(self, data) -> Dhis2ExportForm:
        return Dhis2ExportForm(data or None, user=self.request.user)

    def dry_run(self, form: Dhis2ExportForm) -> DryRun:
        data = form.cleaned_data
        return dhis2_dry_run(
            user=self.request.user,
            period_kind=data["period_kind"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            province_id=data["province"].pk if data["province"] else None,
        )

    def get(self, request, *args, **kwargs):
        if not request.GET:
            return redirect(f"{request.path}?{default_query()}")
        form = self.form(request.GET)
        export = request.GET.get("export")
        if export and form.is_valid():
            if not may_send_to_dhis2(request.user):
                raise PermissionDenied
            return self.file_response(self.dry_run(form), export)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if not may_send_to_dhis2(request.user):
            raise PermissionDenied
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        log = dhis2_values_push(dry_run=self.dry_run(form), user=request.user)
        if log.outcome == PushLog.Outcome.SUCCESS:
            messages.success(
                request,
                _("DHIS2 imported the values: %(imported)s new, %(updated)s updated.")
                % {"imported": log.imported, "updated": log.updated},
            )
        elif log.outcome == PushLog.Outcome.ERROR:
            messages.error(request, log.message)
        else:
            messages.warning(
                request,
                _(
                    "DHIS2 did not import every value: %(imported)s new, %(updated)s updated, "
                    "%(ignored)s ignored, %(conflicts)s conflicts. See the last push below."
                )
                % {
                    "imported": log.imported,
                    "updated": log.updated,
                    "ignored": log.ignored,
                    "conflicts": len(log.conflicts),
                },
            )
        return redirect(f"{reverse('dhis2_export')}?{request.POST.urlencode()}")

    def file_response(self, dry_run: DryRun, export: str) -> HttpResponse:
        name = f"dhis2-{dry_run.period_kind}-{dry_run.date_from:%Y%m%d}-{dry_run.date_to:%Y%m%d}"
        if export == "adx":
            response = HttpResponse(adx_document(dry_run), content_type=ADX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{name}.adx.xml"'
        else:
            response = HttpResponse(data_value_set_json(dry_run), content_type=JSON_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        logger.info(
            "DHIS2 %s file by %s: %s values",
            export,
            self.request.user.get_username(),
            len(dry_run.ready),
        )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs["form"]
        national = may_send_to_dhis2(self.request.user)
        context["may_send"] = national
        context["push_configured"] = push_configured()
        context["mappings_url"] = reverse("dhis2_indicator_mappings:index") if national else ""
        if form.is_bound and form.is_valid():
            dry_run = self.dry_run(form)
            context["dry_run"] = dry_run
            context["ready_shown"] = [
                self.row(value, exact=national) for value in dry_run.ready[:READY_SHOWN]
            ]
            context["ready_more"] = max(0, len(dry_run.ready) - READY_SHOWN)
            context["lacking"] = [self.row(value, exact=national) for value in dry_run.lacking]
            query = self.request.GET.copy()
            query.pop("export", None)
            context["json_url"] = f"?{query.urlencode()}&export=json"
            context["adx_url"] = f"?{query.urlencode()}&export=adx"
        context["pushes"] = (
            PushLog.objects.select_related("user", "province")[:10] if national else []
        )
        return context

    @staticmethod
    def row(value, *, exact: bool) -> dict:
        return {
            "value": value,
            "shown": str(value.value) if exact else shown_count(value.value),
        }


def default_query() -> str:
    """Last month, by month: what a national officer most often sends."""
    first_of_this_month = datetime.date.today().replace(day=1)
    last_month = first_of_this_month - datetime.timedelta(days=1)
    return (
        f"period_kind=month&date_from={last_month.replace(day=1).isoformat()}"
        f"&date_to={last_month.isoformat()}"
    )
