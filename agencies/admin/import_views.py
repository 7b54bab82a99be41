"""Importing the ministry's list in the admin: upload and check, then confirm, all or none.

The uploaded file waits in `IMPORT_FILES_ROOT` (never served) under a random name; the
preview's confirm form carries that name, the source and the date signed, so a tampered
form cannot point the import at another file. Confirming checks the file again inside
the write's transaction. A list is a few hundred rows: both steps run in the request.
"""

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from spreadsheets.reading import BadFile, check_size, max_upload_bytes

from ..importing import columns, list_check
from ..services import ListRejected, agencies_import_write

PERMISSIONS = ["agencies.add_agency", "agencies.change_agency"]
SIGNING_SALT = "agencies.import"
#: How long a checked file may wait for its confirmation.
CONFIRM_WITHIN_SECONDS = 2 * 24 * 3600
SUFFIXES = {".csv", ".xlsx"}


def may_import(user) -> bool:
    return user.is_active and user.has_perms(PERMISSIONS)


def files_root() -> Path:
    root = Path(getattr(settings, "IMPORT_FILES_ROOT", settings.BASE_DIR / "var" / "imports"))
    root.mkdir(parents=True, exist_ok=True)
    return root


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The ministry's list"),
        help_text=gettext_lazy("An .xlsx file, or a .csv file saved as UTF-8."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=200,
        initial=gettext_lazy("Ministry of Labour and Vocational Training"),
    )
    source_date = forms.DateField(
        label=gettext_lazy("Date of the list"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "agencies/admin/import.html"
    page_title = gettext_lazy("Import the ministry's list")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("agencies:index"), "label": _("Recruitment agencies")},
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
        try:
            check_size(uploaded.size)
            suffix = Path(uploaded.name or "").suffix.lower()
            stored = files_root() / f"{uuid.uuid4().hex}{suffix if suffix in SUFFIXES else ''}"
            with open(stored, "wb") as handle:
                for chunk in uploaded.chunks():
                    handle.write(chunk)
            check = list_check(stored)
        except BadFile as error:
            form.add_error("file", error.message)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        token = ""
        if check.ok:
            token = signing.dumps(
                {
                    "file": stored.name,
                    "source": form.cleaned_data["source"],
                    "source_date": form.cleaned_data["source_date"].isoformat(),
                    "user": request.user.pk,
                },
                salt=SIGNING_SALT,
            )
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
            return redirect("agencies:import")
        if data.get("user") != request.user.pk:
            raise PermissionDenied
        stored = files_root() / Path(data["file"]).name
        if not stored.exists():
            messages.error(request, _("This check has expired: upload the file again."))
            return redirect("agencies:import")
        try:
            check = agencies_import_write(
                path=stored,
                source=data["source"],
                source_date=parse_date(data["source_date"]),
                user=request.user,
            )
        except (ListRejected, BadFile):
            messages.error(
                request,
                _(
                    "The register changed since the file was checked, so nothing was "
                    "imported. Check the file again."
                ),
            )
            return redirect("agencies:import")
        finally:
            stored.unlink(missing_ok=True)
        messages.success(
            request,
            _(
                "The list was imported: %(created)s agencies added, %(updated)s updated, "
                "%(unchanged)s confirmed unchanged."
            )
            % {
                "created": check.count("created"),
                "updated": check.count("updated"),
                "unchanged": check.count("unchanged"),
            },
        )
        return redirect("agencies:index")
