"""Importing movements in the admin: upload and check, then confirm, all or none.

The same steps as the ministry's list of agencies (`agencies.admin.import_views`), whose
file store it shares: the uploaded file waits outside MEDIA_ROOT under a random name, the
confirm form carries that name and the officer signed, and confirming checks the file
again, against the officer's communes, inside the write's transaction.
"""

import uuid
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from agencies.admin.import_views import CONFIRM_WITHIN_SECONDS, SUFFIXES, files_root
from spreadsheets.reading import BadFile, check_size, max_upload_bytes

from ..importing import columns, movements_check
from ..services import MovementsRejected, movements_import_write

PERMISSION = "communes.import_movements"
SIGNING_SALT = "communes.import_movements"


def may_import(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Movements"),
        help_text=gettext_lazy("An .xlsx file, or a .csv file saved as UTF-8."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class MovementImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "communes/admin/import.html"
    page_title = gettext_lazy("Import movements")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("communes_movement:index"), "label": _("Movements")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["columns"] = columns()
        context["max_megabytes"] = round(max_upload_bytes() / 1048576)
        return context

    def post(self, request):
        if "token" in request.POST:
            return self._confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        uploaded = form.cleaned_data["file"]
        stored = None
        try:
            check_size(uploaded.size)
            suffix = Path(uploaded.name or "").suffix.lower()
            stored = files_root() / f"{uuid.uuid4().hex}{suffix if suffix in SUFFIXES else ''}"
            with open(stored, "wb") as handle:
                for chunk in uploaded.chunks():
                    handle.write(chunk)
            check = movements_check(stored, request.user)
        except BadFile as error:
            if stored is not None:
                stored.unlink(missing_ok=True)
            form.add_error("file", error.message)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        token = ""
        if check.ok:
            token = signing.dumps({"file": stored.name, "user": request.user.pk}, salt=SIGNING_SALT)
        else:
            stored.unlink(missing_ok=True)
        return self.render_to_response(
            self.get_context_data(form=form, check=check, token=token, file_name=uploaded.name),
            status=200 if check.ok else 400,
        )

    def _confirm(self, request):
        try:
            data = signing.loads(
                request.POST["token"], salt=SIGNING_SALT, max_age=CONFIRM_WITHIN_SECONDS
            )
        except signing.BadSignature:
            messages.error(request, _("This check has expired: upload the file again."))
            return redirect("communes_movement:import")
        if data.get("user") != request.user.pk:
            raise PermissionDenied
        stored = files_root() / Path(data["file"]).name
        if not stored.exists():
            messages.error(request, _("This check has expired: upload the file again."))
            return redirect("communes_movement:import")
        try:
            check = movements_import_write(path=stored, user=request.user)
        except (MovementsRejected, BadFile):
            messages.error(
                request,
                _(
                    "The register changed since the file was checked, so nothing was "
                    "imported. Check the file again."
                ),
            )
            return redirect("communes_movement:import")
        finally:
            stored.unlink(missing_ok=True)
        messages.success(
            request,
            _("%(count)s movements were imported.") % {"count": len(check.rows)},
        )
        return redirect("communes_movement:index")
