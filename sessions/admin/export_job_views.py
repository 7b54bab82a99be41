"""The officer's screens of exports made in the background: their list, progress, download.

A job is reached by its asker only: anyone else's id, typed or tampered with, is a 404.
"""

from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from spreadsheets.wagtail_exports import XLSX_CONTENT_TYPE

from ..access_log import screen_name
from ..scoping import provinces_for_user
from .export_jobs import (
    export_job_again,
    export_job_download_record,
    export_job_file,
    export_jobs_expire,
    export_jobs_for_user,
    kept_for,
)
from .export_tasks import export_job_build_task

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_CONTENT_TYPE}


class ExportJobMixin(WagtailAdminTemplateMixin):
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("trainings_exports:index"), "label": gettext_lazy("My exports")},
        ]


class ExportJobIndexView(ExportJobMixin, TemplateView):
    template_name = "trainings/exports/index.html"
    page_title = gettext_lazy("My exports")

    def get_breadcrumbs_items(self):
        return WagtailAdminTemplateMixin.get_breadcrumbs_items(self) + [
            {"url": "", "label": self.page_title}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jobs = export_jobs_for_user(self.request.user)
        context["page_obj"] = Paginator(jobs, 20).get_page(self.request.GET.get("p"))
        return context


class ExportJobDetailView(ExportJobMixin, TemplateView):
    """A job's progress bar (the page refreshes itself), its download link, or its failure."""

    template_name = "trainings/exports/detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.job = get_object_or_404(export_jobs_for_user(request.user), pk=kwargs["job_id"])
        if self.job.is_running and export_jobs_expire():
            # Its worker may have died: the officer sees a failure, not a bar that never moves.
            self.job.refresh_from_db()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return gettext_lazy("Export of %(list)s") % {"list": self.job.get_list_name_display()}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            job=self.job,
            file_available=export_job_file(job=self.job, user=self.request.user) is not None,
            refresh_seconds=2,
            kept_days=kept_for().days,
        )
        return context


class ExportJobAgainView(View):
    """Make the same export again (after a failure, or once the file was deleted)."""

    def post(self, request, job_id):
        job = get_object_or_404(export_jobs_for_user(request.user), pk=job_id)
        if job.is_running:
            return redirect("trainings_exports:detail", job.pk)
        again = export_job_again(job=job, user=request.user)
        export_job_build_task.enqueue(again.pk)
        return redirect("trainings_exports:detail", again.pk)


@require_safe
def download(request, job_id: int) -> HttpResponse:
    """The finished file, to its asker only; logged as a personal-data export where it is one."""
    job = get_object_or_404(export_jobs_for_user(request.user), pk=job_id)
    file_path = export_job_file(job=job, user=request.user)
    if file_path is None:
        raise Http404("No such export file.")
    export_job_download_record(job=job, user=request.user, screen=screen_name(request))
    headers = {
        "Content-Type": CONTENT_TYPES[job.export_format],
        "Content-Disposition": f'attachment; filename="{job.download_name}"',
        "Cache-Control": "private, no-store",
    }
    if settings.EXPORT_FILES_ACCEL_REDIRECT:
        # nginx sends the bytes from its internal location, once this view has decided.
        accel = settings.EXPORT_FILES_ACCEL_REDIRECT.rstrip("/") + "/" + quote(file_path.name)
        return HttpResponse(headers={**headers, "X-Accel-Redirect": accel})
    response = FileResponse(open(file_path, "rb"))  # noqa: SIM115 (FileResponse closes it)
    for name, value in headers.items():
        response[name] = value
    return response


class ExportJobMenuItem(MenuItem):
    def is_shown(self, request):
        return provinces_for_user(request.user).exists()


class ExportJobViewSet(ViewSet):
    name = "trainings_exports"
    url_prefix = "trainings/exports"
    icon = "download"
    menu_label = gettext_lazy("My exports")
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("", ExportJobIndexView.as_view(), name="index"),
            path("<int:job_id>/", ExportJobDetailView.as_view(), name="detail"),
            path("<int:job_id>/download/", download, name="download"),
            path("<int:job_id>/again/", ExportJobAgainView.as_view(), name="again"),
        ]

    def menu_item(self) -> MenuItem:
        return ExportJobMenuItem(
            self.menu_label, self.menu_url, name="my-exports", icon_name=self.icon, order=910
        )
