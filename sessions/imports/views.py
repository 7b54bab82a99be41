"""The officers' import screens in the Wagtail admin: upload, preview, confirm, progress."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sessions.models import ImportLog
from sessions.scoping import import_logs_for_user, provinces_for_user
from spreadsheets.reading import BadFile, max_upload_bytes

from .kinds import KINDS
from .service import (
    import_cancel,
    import_confirm,
    import_dismiss,
    import_progress,
    import_upload,
    imports_expire,
)
from .tasks import import_check_task, import_write_task
from .workbooks import template_workbook

#: The permissions an officer needs to import each kind.
KIND_PERMISSIONS = {
    ImportLog.Kind.YOUTH_GROUPS: ["trainings.add_youthgroup", "trainings.change_youthgroup"],
    ImportLog.Kind.PEER_EDUCATORS: ["trainings.add_peereducator", "trainings.change_peereducator"],
    ImportLog.Kind.SESSIONS: ["trainings.add_trainingsession", "trainings.change_trainingsession"],
    ImportLog.Kind.ATTENDANCE: [
        "trainings.add_trainingsession",
        "trainings.add_participant",
        "trainings.add_attendance",
        "trainings.change_attendance",
    ],
}


def kinds_for_user(user) -> list[str]:
    if not provinces_for_user(user).exists():
        return []
    return [kind for kind, perms in KIND_PERMISSIONS.items() if user.has_perms(perms)]


def may_import(user) -> bool:
    return bool(kinds_for_user(user))


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"))
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy("An .xlsx file, or a .csv file saved as UTF-8."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, ImportLog.Kind(kind).label) for kind in kinds]


class ImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("trainings_imports:index"), "label": _("Spreadsheet imports")},
        ]


class ImportIndexView(ImportMixin, TemplateView):
    """Upload a file, download a template, and the list of earlier imports."""

    template_name = "trainings/imports/index.html"
    page_title = gettext_lazy("Spreadsheet imports")

    def get_breadcrumbs_items(self):
        return WagtailAdminTemplateMixin.get_breadcrumbs_items(self) + [
            {"url": "", "label": self.page_title}
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = kinds_for_user(self.request.user)
        logs = import_logs_for_user(self.request.user)
        context.update(
            form=form or UploadForm(kinds=kinds),
            templates=[(kind, ImportLog.Kind(kind).label) for kind in kinds],
            page_obj=Paginator(logs, 20).get_page(self.request.GET.get("p")),
            max_megabytes=round(max_upload_bytes() / 1048576),
        )
        return context

    def post(self, request):
        kinds = kinds_for_user(request.user)
        form = UploadForm(request.POST, request.FILES, kinds=kinds)
        if form.is_valid():
            try:
                log = import_upload(
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    uploaded_file=form.cleaned_data["file"],
                    language=get_language(),
                )
            except BadFile as error:
                form.add_error("file", error.message)
            else:
                import_check_task.enqueue(log.pk)
                return redirect("trainings_imports:detail", log.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ImportDetailView(ImportMixin, TemplateView):
    """An import's progress, its preview with every bad row, or its result."""

    template_name = "trainings/imports/detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.log = get_object_or_404(import_logs_for_user(request.user), pk=kwargs["log_id"])
        if self.log.is_running and imports_expire():
            # Its worker may have died: the officer sees that, not a bar that never moves.
            self.log.refresh_from_db()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import of %(file)s") % {"file": self.log.file_name}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.log.file_name}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        done, total = import_progress(self.log) if self.log.is_running else (0, None)
        context.update(
            log=self.log,
            done=done,
            total=total,
            percent=min(100, round(100 * done / total)) if total else None,
            may_confirm=(
                self.log.status == ImportLog.Status.CHECKED
                and self.log.rows_rejected == 0
                and self.log.user_id == self.request.user.pk
            ),
            is_owner=self.log.user_id == self.request.user.pk,
            more_errors=max(0, self.log.rows_rejected - len(self.log.errors)),
            now=timezone.now(),
        )
        return context


class ImportConfirmView(ImportMixin, View):
    def post(self, request, log_id):
        log = get_object_or_404(import_logs_for_user(request.user), pk=log_id)
        log = import_confirm(log=log, user=request.user)
        import_write_task.enqueue(log.pk)
        return redirect("trainings_imports:detail", log.pk)


class ImportCancelView(ImportMixin, View):
    def post(self, request, log_id):
        log = get_object_or_404(import_logs_for_user(request.user), pk=log_id)
        import_cancel(log=log, user=request.user)
        messages.info(request, _("The import was cancelled; nothing was written."))
        return redirect("trainings_imports:index")


class ImportDismissView(ImportMixin, View):
    """Put away a check with rows to fix; anyone who may see the import may."""

    def post(self, request, log_id):
        log = get_object_or_404(import_logs_for_user(request.user), pk=log_id)
        import_dismiss(log=log, user=request.user)
        messages.info(request, _("The check was dismissed; nothing was written."))
        return redirect("trainings_imports:index")


class TemplateDownloadView(ImportMixin, View):
    def get(self, request, kind):
        if kind not in kinds_for_user(request.user):
            raise Http404
        response = HttpResponse(
            template_workbook(KINDS[kind]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="template-{kind}.xlsx"'
        return response
