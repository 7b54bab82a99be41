"""Spreadsheet exports (CSV and XLSX) of the officers' filtered, province-scoped lists.

Built on Wagtail's own export of index views (`SpreadsheetExportMixin`: `list_export`,
`export_headings`, the "Download XLSX/CSV" buttons carrying the list's filters), so an
export is the list's own queryset: the same scoping, filters, search and ordering. What
is added here, and why:

- rows are read from the database in chunks (`QuerySet.iterator`), where Wagtail's loop
  over the queryset, and its `len(object_list)` for the page's count, load every row;
- the files are written by the project's one spreadsheet writer (`spreadsheets`, through
  its `FormulaEscapingExportMixin`): the CSV streamed with a byte order mark, the XLSX row
  by row to a temporary file, formulas neutralised in both;
- columns holding personal data are exported only to national officers;
- every export is logged (`ExportLog`) before its rows leave;
- a list of more rows than EXPORT_BACKGROUND_ROWS is made by a task instead, from this same
  view set up again by the task (`export_jobs`), and the officer is sent to its progress page.
"""

import functools
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Manager
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

from ..access_log import screen_name
from ..models import (
    CONSENT_COLLECTOR_FIELDS,
    CONSENT_DATE_FIELDS,
    AccessLogEntry,
    Attendance,
    ExportLog,
    Participant,
    SessionLesson,
    TrainingSession,
)
from ..scoping import can_export_personal_data
from ..selectors import training_sessions_with_attendance
from ..services import access_log_record, export_log_create
from .export_jobs import background_threshold, export_job_create
from .export_tasks import export_job_build_task

#: The rows of one XLSX sheet, its heading row taken away.
XLSX_MAX_ROWS = 1_048_575

#: Rows fetched from the database at a time.
EXPORT_CHUNK_SIZE = 2000


def too_many_rows_message(row_count: int) -> str:
    return gettext(
        "These %(count)s rows are more than one spreadsheet sheet holds. "
        "Narrow the list with the filters, or download it as CSV."
    ) % {"count": row_count}


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export: its key, heading, how to read it, whether it is personal."""

    name: str
    heading: Any
    value: Callable[[Any], Any] | None = None
    personal: bool = False

    def read(self, item):
        if self.value is not None:
            return self.value(item)
        return path_value(item, self.name)


def path_value(item, path: str):
    """The value at a dotted path, or None where a link on the way is empty."""
    for attribute in path.split("."):
        if item is None:
            return None
        item = getattr(item, attribute)
    # A method (get_status_display) is called; a related manager is left for joined().
    return item() if callable(item) and not isinstance(item, Manager) else item


def yes_no(path: str) -> Callable[[Any], str]:
    def read(item):
        value = path_value(item, path)
        if value is None:
            return ""
        return gettext("yes") if value else gettext("no")

    return read


def place_columns(prefix: str, path: str, headings: tuple) -> list[ExportColumn]:
    """Code, Khmer and English names of a province or commune reached by `path`."""
    return [
        ExportColumn(f"{prefix}_{attribute}", heading, value=_read(f"{path}.{attribute}"))
        for attribute, heading in zip(["code", "name_km", "name_en"], headings, strict=True)
    ]


def _read(path: str) -> Callable[[Any], Any]:
    return lambda item: path_value(item, path)


def _choice(path: str) -> Callable[[Any], Any]:
    """The label of a choice field, as the list shows it ("field" or "session.field")."""
    *parents, field = path.split(".")

    def read(item):
        owner = path_value(item, ".".join(parents)) if parents else item
        if owner is None:
            return None
        value = getattr(owner, field)
        return _choice_labels(type(owner), field, translation.get_language()).get(value, value)

    return read


@functools.cache
def _choice_labels(model, field: str, language: str) -> dict:
    # get_FOO_display() translates its lazy labels on every call: a third of an export's time.
    with translation.override(language):
        return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


PROVINCE = (_("province code"), _("province (Khmer)"), _("province (English)"))
HOME_PROVINCE = (_("home province code"), _("home province (Khmer)"), _("home province (English)"))
COMMUNE = (_("commune code"), _("commune (Khmer)"), _("commune (English)"))
HOME_COMMUNE = (_("home commune code"), _("home commune (Khmer)"), _("home commune (English)"))


class ListExportMixin(FormulaEscapingExportMixin):
    """Export of an admin list, for an IndexView: scoped, chunked, escaped and logged.

    Set by the viewset: `export_columns` and `export_list_name` (an `ExportLog.ListName`).
    """

    export_columns: tuple[ExportColumn, ...] = ()
    export_list_name = None
    #: Told the number of rows written after each chunk, where a job shows its progress.
    export_progress_listener: Callable[[int], None] | None = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.personal_data_exported = can_export_personal_data(request.user)
        self.columns_exported = [
            column
            for column in self.export_columns
            if self.personal_data_exported or not column.personal
        ]
        self.list_export = [column.name for column in self.columns_exported]
        self.export_headings = {column.name: column.heading for column in self.columns_exported}

    def get(self, request, *args, **kwargs):
        if not self.is_export:
            return super().get(request, *args, **kwargs)
        # Straight to the file: the page's context would count the rows with len().
        self.object_list = self.get_queryset()
        return self.export_response(self.object_list, request.GET["export"])

    @cached_property
    def header_more_buttons(self):
        # Wagtail's own "Download XLSX/CSV" labels have no Khmer; say it in the project's words.
        buttons = list(super().header_more_buttons)
        labels = {
            self.xlsx_export_url: gettext("Download %(format)s") % {"format": "XLSX"},
            self.csv_export_url: gettext("Download %(format)s") % {"format": "CSV"},
        }
        for button in buttons:
            button.label = labels.get(getattr(button, "url", None), button.label)
        return buttons

    def get_filename(self):
        return f"{self.export_list_name}-{timezone.localdate():%Y-%m-%d}"

    def get_export_queryset(self, queryset):
        """The rows to export from the list's filtered queryset (hook for annotations)."""
        return queryset

    def export_filters(self) -> dict:
        """The list's filters, search and ordering as they were asked for, for the log."""
        return {
            key: values[0] if len(values) == 1 else values
            for key, values in self.request.GET.lists()
            if key != "export"
        }

    def export_response(self, queryset, export_format: str):
        queryset = self.get_export_queryset(queryset)
        row_count = queryset.count()
        if export_format == self.FORMAT_XLSX and row_count > XLSX_MAX_ROWS:
            messages.error(self.request, too_many_rows_message(row_count))
            params = self.request.GET.copy()
            params.pop("export", None)
            return redirect(f"{self.index_url}?{params.urlencode()}")
        filters = self.export_filters()
        if row_count > background_threshold():
            # Too long for a request: a worker makes the file, the officer watches it grow.
            job = export_job_create(
                user=self.request.user,
                list_name=self.export_list_name,
                export_format=export_format,
                view_name=screen_name(self.request),
                filters=filters,
                language=translation.get_language(),
                rows_total=row_count,
            )
            export_job_build_task.enqueue(job.pk)
            return redirect("trainings_exports:detail", job.pk)
        self.log_export(export_format=export_format, filters=filters, row_count=row_count)
        return self.as_spreadsheet(queryset, export_format)

    @property
    def exports_personal_data(self) -> bool:
        """Whether the file holds personal data: a column of it, exported to its asker."""
        return self.personal_data_exported and any(
            column.personal for column in self.columns_exported
        )

    def log_export(self, *, export_format: str, filters: dict, row_count: int) -> ExportLog:
        """Record the export (and, with personal data, the access) before any row leaves."""
        personal_data = self.exports_personal_data
        export_log = export_log_create(
            user=self.request.user,
            list_name=self.export_list_name,
            export_format=export_format,
            filters=filters,
            row_count=row_count,
            personal_data=personal_data,
        )
        if personal_data:
            # One access log entry for the whole file, pointing at its export log entry.
            access_log_record(
                user=self.request.user,
                action=AccessLogEntry.Action.EXPORTED,
                screen=screen_name(self.request),
                # The search apart from the filters, where erasure can find a name in it.
                search=str(filters.get("q", "")),
                details={key: value for key, value in filters.items() if key != "q"},
                row_count=row_count,
                export_log=export_log,
            )
        return export_log

    def may_export(self) -> bool:
        """Whether the user may see this list: the checks Wagtail's dispatch makes.

        For a file made in the background, where the view is set up but not dispatched.
        """
        if self.permission_required is not None and not self.user_has_permission(
            self.permission_required
        ):
            return False
        return self.any_permission_required is None or self.user_has_any_permission(
            self.any_permission_required
        )

    def export_queryset(self):
        """The rows of the file: the list's scoped, filtered queryset, made ready to export."""
        return self.get_export_queryset(self.get_queryset())

    def export_items(self, queryset) -> Iterable:
        """The rows, read in chunks; each chunk completed by `prepare_export_chunk`."""
        chunk = []
        for item in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
            chunk.append(item)
            if len(chunk) >= EXPORT_CHUNK_SIZE:
                self.prepare_export_chunk(chunk)
                yield from chunk
                self.export_progress(len(chunk))
                chunk = []
        self.prepare_export_chunk(chunk)
        yield from chunk
        self.export_progress(len(chunk))

    def export_progress(self, rows: int) -> None:
        """After each chunk of `rows` rows: tell the listener (a background job's bar)."""
        if self.export_progress_listener is not None:
            self.export_progress_listener(rows)

    def prepare_export_chunk(self, items: list) -> None:
        """Hook: fetch for a chunk of rows what they need from other tables, in one query."""

    def to_row_dict(self, item):
        return OrderedDict((column.name, column.read(item)) for column in self.columns_exported)

    @property
    def export_sheet_title(self):
        return str(self.export_list_name)


# The columns of each list. Personal data, as erasure defines it: names, phones, years
# of birth, and the names of whoever collected consent or took part as staff.


YOUTH_GROUP_COLUMNS = (
    ExportColumn("pk", _("ID")),
    ExportColumn("name", _("name")),
    *place_columns("province", "commune.district.province", PROVINCE),
    ExportColumn("district", _("district (Khmer)"), value=_read("commune.district.name_km")),
    *place_columns("commune", "commune", COMMUNE),
    ExportColumn("founded_on", _("founded on")),
    ExportColumn("active", _("active"), value=yes_no("active")),
    ExportColumn("contact_name", _("contact name"), personal=True),
    ExportColumn("contact_phone", _("contact phone"), personal=True),
)

PEER_EDUCATOR_COLUMNS = (
    ExportColumn("pk", _("ID")),
    ExportColumn("group_id", _("youth group ID")),
    ExportColumn("group.name", _("youth group")),
    *place_columns("province", "group.commune.district.province", PROVINCE),
    ExportColumn("sex", _("sex"), value=_choice("sex")),
    ExportColumn("trained_on", _("trained as peer educator on")),
    ExportColumn("name_km", _("name in Khmer"), personal=True),
    ExportColumn("name_latin", _("name in Latin letters"), personal=True),
    ExportColumn("year_of_birth", _("year of birth"), personal=True),
    ExportColumn("phone", _("phone"), personal=True),
)


def _participant_field_label(field: str):
    """The heading of a participant's field: the field's own name (translated on use)."""
    return Participant._meta.get_field(field).verbose_name


PARTICIPANT_COLUMNS = (
    ExportColumn("pk", _("ID")),
    ExportColumn("code", _("code")),
    ExportColumn("sex", _("sex"), value=_choice("sex")),
    ExportColumn("age_band", _("age band"), value=_choice("age_band")),
    *place_columns("home_province", "home_commune.district.province", HOME_PROVINCE),
    *place_columns("home_commune", "home_commune", HOME_COMMUNE),
    ExportColumn("plans_to_migrate", _("plans to migrate"), value=yes_no("plans_to_migrate")),
    ExportColumn("destination", _("destination")),
    ExportColumn("returned_migrant", _("returned migrant"), value=yes_no("returned_migrant")),
    *(ExportColumn(field, _participant_field_label(field)) for field in CONSENT_DATE_FIELDS),
    ExportColumn("erased_at", _("erased at")),
    ExportColumn("name", _("name"), personal=True),
    ExportColumn("year_of_birth", _("year of birth"), personal=True),
    ExportColumn("contact_phone", _("contact phone"), personal=True),
    *(
        ExportColumn(field, _participant_field_label(field), personal=True)
        for field in CONSENT_COLLECTOR_FIELDS
    ),
)


def _session_columns(path: str) -> list[ExportColumn]:
    """The columns describing a session, reached from the row by `path` ("" or "session.")."""

    return [
        ExportColumn(f"{path}pk", _("session ID")),
        ExportColumn(f"{path}external_id", _("external ID")),
        ExportColumn(f"{path}date", _("date")),
        ExportColumn(f"{path}start_time", _("start time")),
        ExportColumn(f"{path}duration_minutes", _("duration (minutes)")),
        ExportColumn(f"{path}group_id", _("youth group ID")),
        ExportColumn(f"{path}group.name", _("youth group")),
        *place_columns("province", f"{path}group.commune.district.province", PROVINCE),
        *place_columns("commune", f"{path}commune", COMMUNE),
        ExportColumn(f"{path}audience", _("audience"), value=_choice(f"{path}audience")),
        ExportColumn(f"{path}export_lessons", _("lessons taught")),
        ExportColumn(f"{path}status", _("status"), value=_choice(f"{path}status")),
        ExportColumn(f"{path}source", _("source"), value=_choice(f"{path}source")),
        ExportColumn(
            f"{path}attendance_mode", _("attendance"), value=_choice(f"{path}attendance_mode")
        ),
    ]


TRAINING_SESSION_COLUMNS = (
    *_session_columns(""),
    ExportColumn("named_attendees", _("named participants")),
    ExportColumn("headcount_total", _("headcount")),
    ExportColumn("notes", _("notes")),
    ExportColumn("return_reason", _("reason for returning")),
    ExportColumn("submitted_at", _("submitted at")),
    ExportColumn("verified_at", _("verified at")),
    ExportColumn("export_facilitators", _("facilitators"), personal=True),
    ExportColumn("submitted_by.username", _("submitted by"), personal=True),
    ExportColumn("verified_by.username", _("verified by"), personal=True),
)

ATTENDANCE_COLUMNS = (
    *_session_columns("session."),
    ExportColumn("participant.code", _("participant code")),
    ExportColumn("sex", _("sex"), value=_choice("participant.sex")),
    ExportColumn(
        "age_band",
        _("age band at the session"),
        value=_choice("age_band"),
    ),
    ExportColumn("pre_test_score", _("pre-test score")),
    ExportColumn("post_test_score", _("post-test score")),
    ExportColumn("participant.name", _("name"), personal=True),
    ExportColumn("participant.year_of_birth", _("year of birth"), personal=True),
)

SESSION_RELATED = (
    "group__commune__district__province",
    "commune",
    "submitted_by",
    "verified_by",
)


def lesson_titles_by_session(session_ids) -> dict[int, str]:
    """The titles of the lessons taught at each session, in the order given, one text each."""
    titles = defaultdict(list)
    rows = SessionLesson.objects.filter(session_id__in=session_ids).order_by(
        "session_id", "sort_order", "pk"
    )
    for session_id, title in rows.values_list("session_id", "lesson__title"):
        titles[session_id].append(title)
    return {session_id: "; ".join(names) for session_id, names in titles.items()}


def facilitator_names_by_session(session_ids) -> dict[int, str]:
    names = defaultdict(list)
    rows = TrainingSession.facilitators.through.objects.filter(
        trainingsession_id__in=session_ids
    ).order_by("trainingsession_id", "peereducator__name_km")
    for session_id, name_km, name_latin in rows.values_list(
        "trainingsession_id", "peereducator__name_km", "peereducator__name_latin"
    ):
        names[session_id].append(f"{name_km} ({name_latin})" if name_latin else name_km)
    return {session_id: "; ".join(people) for session_id, people in names.items()}


class TrainingSessionExportMixin(ListExportMixin):
    def prepare_export_chunk(self, sessions):
        # Titles and names only, not page and educator objects: a prefetch of lesson pages
        # took more time and memory than the rows themselves.
        ids = [session.pk for session in sessions]
        lessons = lesson_titles_by_session(ids)
        facilitators = facilitator_names_by_session(ids) if self.personal_data_exported else {}
        for session in sessions:
            session.export_lessons = lessons.get(session.pk, "")
            session.export_facilitators = facilitators.get(session.pk, "")

    def get_export_queryset(self, queryset):
        return training_sessions_with_attendance(queryset.select_related(*SESSION_RELATED))


class AttendanceExportMixin(ListExportMixin):
    """The session list exported as one row per named attendee, with the session's columns.

    The same URL parameters as the session list: the filtered, scoped sessions decide the
    rows. Headcount sessions have no named attendees, so no rows; their totals are in the
    session export.
    """

    export_list_name = ExportLog.ListName.ATTENDANCE

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # This view only exports; without a format it gives XLSX.
        self.is_export = True
        self.export_format = request.GET.get("export")
        if self.export_format not in self.FORMATS:
            self.export_format = self.FORMAT_XLSX

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_queryset()
        return self.export_response(self.object_list, self.export_format)

    def prepare_export_chunk(self, attendances):
        lessons = lesson_titles_by_session({attendance.session_id for attendance in attendances})
        for attendance in attendances:
            attendance.session.export_lessons = lessons.get(attendance.session_id, "")

    def get_export_queryset(self, queryset):
        sessions = queryset.order_by().values("pk")
        return (
            Attendance.objects.filter(session__in=sessions)
            .select_related(
                *(f"session__{related}" for related in SESSION_RELATED[:2]), "participant"
            )
            .order_by("-session__date", "-session_id", "participant__code")
        )


class AttendanceExportButtonsMixin:
    """On the session list: also download its attendance, one row per attendee."""

    attendance_export_url_name = None

    def attendance_export_url(self, export_format):
        from django.urls import reverse

        params = self.request.GET.copy()
        params["export"] = export_format
        return f"{reverse(self.attendance_export_url_name)}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.show_export_buttons and self.attendance_export_url_name:
            for priority, export_format in [(110, self.FORMAT_XLSX), (120, self.FORMAT_CSV)]:
                buttons.append(
                    Button(
                        gettext("Download attendance %(format)s")
                        % {"format": export_format.upper()},
                        url=self.attendance_export_url(export_format),
                        icon_name="download",
                        priority=priority,
                    )
                )
        return buttons
