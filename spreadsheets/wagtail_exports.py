"""Wagtail's list and report exports ("Download CSV/XLSX"), written through the one writer.

Wagtail's `SpreadsheetExportMixin` (7.4) writes its own CSV (no escaping, no byte order mark)
and XLSX (only `=` is turned back to text). `FormulaEscapingExportMixin` keeps everything
Wagtail decides (columns, headings, the per-field preprocessing, file names) and writes the
files with `spreadsheets.writers`. Our views put it first among their bases;
`formula_escaping_admin_urls` gives Wagtail's own export views (site history, the page
and workflow reports, the redirects list) the same, without copying their code.
"""

import csv
import datetime
import functools
import tempfile
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO, TYPE_CHECKING, Any

from django.http import FileResponse, StreamingHttpResponse
from django.urls import URLPattern, URLResolver, path
from django.urls.resolvers import RoutePattern
from django.utils import translation
from django.views import View
from django.views.decorators.cache import never_cache
from openpyxl.cell.cell import Cell
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

from .writers import XlsxSheet, XlsxWorkbook, csv_lines, escape_formula

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The mixin goes before a view with Wagtail's SpreadsheetExportMixin, whose attributes it uses.
if TYPE_CHECKING:
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as _ExportViewBase
else:
    _ExportViewBase = object


class FormulaEscapingExportMixin(_ExportViewBase):
    """Put before a Wagtail view that has `SpreadsheetExportMixin`: its files, escaped."""

    #: The title of the XLSX file's sheet.
    export_sheet_title = "Sheet1"

    def export_items(self, queryset: Iterable[Any]) -> Iterable[Any]:
        """The items to write, in order (hook: e.g. to read the rows in chunks)."""
        return queryset

    def export_headings_row(self, queryset: Iterable[Any]) -> list[Any]:
        return [self.get_heading(queryset, field) for field in self.list_export]

    def export_values(self, item: Any, export_format: str) -> list[Any]:
        """One item's cells, after Wagtail's preprocessing for the format."""
        return [
            self.preprocess_field_value(field, value, export_format)
            for field, value in self.to_row_dict(item).items()
        ]

    def stream_csv(self, queryset: Iterable[Any]) -> Iterator[bytes]:
        rows = (self.export_values(item, self.FORMAT_CSV) for item in self.export_items(queryset))
        yield from csv_lines(chain([self.export_headings_row(queryset)], rows))

    def write_csv_response(self, queryset: Iterable[Any]) -> StreamingHttpResponse:
        # The rows are written after the view has returned: keep the user's language.
        language = translation.get_language()

        def stream() -> Iterator[bytes]:
            with translation.override(language):
                yield from self.stream_csv(queryset)

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_xlsx(self, queryset: Iterable[Any], output: IO[bytes]) -> None:
        workbook = XlsxWorkbook()
        sheet = workbook.add_sheet(self.export_sheet_title)
        sheet.append(self.export_headings_row(queryset))
        date_format = ExcelDateFormatter().get()
        for item in self.export_items(queryset):
            sheet.append(self.export_values(item, self.FORMAT_XLSX), datetime_format=date_format)
        workbook.save(output)

    def write_xlsx_response(self, queryset: Iterable[Any]) -> FileResponse:
        # On disk, not in a BytesIO: FileResponse then sends it in blocks and closes it.
        output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type=XLSX_CONTENT_TYPE,
            filename=f"{self.get_filename()}.xlsx",
        )

    # Wagtail's per-row hooks, for any code that still calls them.

    def write_csv_row(self, writer: "csv.DictWriter[str]", row_dict: dict[str, Any]) -> Any:
        return writer.writerow(
            {
                field: escape_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def generate_xlsx_row(
        self,
        worksheet: Any,  # openpyxl's WriteOnlyWorksheet
        row_dict: dict[str, Any],
        date_format: str | None = None,
    ) -> Iterator[Cell]:
        sheet = XlsxSheet(worksheet)
        for field, value in row_dict.items():
            cell = sheet.cell(self.preprocess_field_value(field, value, self.FORMAT_XLSX))
            if date_format and isinstance(value, datetime.datetime):
                cell.number_format = date_format
            yield cell


@functools.cache
def formula_escaping_view_class(view_class: type[View]) -> type[View]:
    """`view_class` with `FormulaEscapingExportMixin` first: a subclass, not a copy."""
    if issubclass(view_class, FormulaEscapingExportMixin):
        return view_class
    name = f"FormulaEscaping{view_class.__name__}"
    return type(name, (FormulaEscapingExportMixin, view_class), {"__module__": __name__})


def exports_columns(callback: Any) -> bool:  # a view function, maybe from as_view()
    """Whether a URL's view is a Wagtail export with columns that does not escape them."""
    view_class = getattr(callback, "view_class", None)
    if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
        return False
    if issubclass(view_class, FormulaEscapingExportMixin):
        return False
    return bool(callback.view_initkwargs.get("list_export", view_class.list_export))


def formula_escaping_admin_urls(
    admin_urlpatterns: Iterable[URLPattern | URLResolver],
) -> list[URLPattern]:
    """URL patterns for each of Wagtail's admin views that export unescaped, made to escape.

    Given the Wagtail admin's URL patterns (its reports and every admin URL registered by a
    hook), this finds the views with `SpreadsheetExportMixin` that export columns, and gives
    for each a pattern of the same path whose view is the same class with
    `FormulaEscapingExportMixin` first, and the same arguments. Placed before the admin's
    URLs, these answer those paths; reversing the admin's URL names still gives the same
    paths. Wagtail's admin guard (`require_admin_access`) and `never_cache` are applied as
    Wagtail applies them; each view keeps its own permission checks.
    """
    # Imported here: the admin's URL module imports every app's hooks, which import this one.
    from wagtail.admin.urls import display_custom_404

    escaping: list[URLPattern] = []
    for route, pattern, default_args in _walk(admin_urlpatterns, "", {}):
        if not exports_columns(pattern.callback):
            continue
        # as_view() set view_class and view_initkwargs on the function, past its type.
        callback: Any = pattern.callback
        view = formula_escaping_view_class(callback.view_class).as_view(**callback.view_initkwargs)
        admin_only = functools.update_wrapper(require_admin_access(view), view)
        guarded = never_cache(display_custom_404(admin_only))
        escaping.append(path(route, guarded, default_args))
    return escaping


def _walk(
    patterns: Iterable[URLPattern | URLResolver], prefix: str, default_args: dict[str, Any]
) -> Iterator[tuple[str, URLPattern, dict[str, Any]]]:
    """Each URL pattern under `patterns`, with its whole route and arguments."""
    for pattern in patterns:
        if not isinstance(pattern.pattern, RoutePattern):
            continue  # Wagtail routes its exports with path(); a regex route is not one of them
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            arguments = {**default_args, **pattern.default_kwargs}
            yield from _walk(pattern.url_patterns, route, arguments)
        elif isinstance(pattern, URLPattern):
            yield route, pattern, {**default_args, **pattern.default_args}
