"""A cross-tabulation as a spreadsheet (a sheet per measure) and as a PDF, as the viewer sees it.

Hidden counts stay hidden in the files ("hidden", never the number). Lesson titles are typed
by people, so the spreadsheet goes through the project's one escaping writer.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pdf_engine import html_to_pdf
from spreadsheets import XlsxWorkbook

from .crosstab import CrossTab, Measure
from .exports import filters_description


def _shown(value: int | None) -> int | str:
    return _("hidden") if value is None else value


def _table_rows(table: CrossTab, measure: Measure) -> list[list]:
    heading = [f"{table.rows.label} \\ {table.columns.label}", *table.column_labels, _("Total")]
    lines = [heading]
    for label, cells, total in measure.lines:
        lines.append([label, *(_shown(value) for value in cells), _shown(total)])
    shown = measure.table
    lines.append(
        [_("Total"), *(_shown(value) for value in shown.column_totals), _shown(shown.grand_total)]
    )
    return lines


def crosstab_note(table: CrossTab) -> str:
    note = _(
        "Verified sessions only. A person is counted once in each cell and once in each "
        "total, so totals of people can be less than the sum of their cells."
    )
    if table.threshold:
        note += " " + _(
            "Counts under %(threshold)s are hidden, with the counts that would give them back."
        ) % {"threshold": table.threshold}
    return note


def crosstab_workbook(table: CrossTab) -> XlsxWorkbook:
    """A sheet for people reached, one for attendances, each with its totals and the filters."""
    workbook = XlsxWorkbook()
    for measure in table.measures:
        title = measure.title
        sheet = workbook.add_sheet(title)
        rows = _table_rows(table, measure)
        for index in range(1, len(rows[0]) + 1):
            longest = max(len(str(row[index - 1])) for row in rows)
            sheet.worksheet.column_dimensions[get_column_letter(index)].width = min(
                50, max(10, longest + 2)
            )
        sheet.append([title], font=Font(bold=True))
        for label, value in filters_description({"filters": table.filters}):
            sheet.append([label, value])
        sheet.append([crosstab_note(table)])
        sheet.append([])
        sheet.append(rows[0], font=Font(bold=True))
        for row in rows[1:-1]:
            sheet.append(row)
        sheet.append(rows[-1], font=Font(bold=True))
    return workbook


def crosstab_pdf(table: CrossTab, *, user=None) -> bytes:
    """The PDF of the table, through the project's WeasyPrint setup (own files, Khmer font)."""
    html = render_to_string(
        "trainings/reports/crosstab_print.html",
        {
            "crosstab": table,
            "filters_description": filters_description({"filters": table.filters}),
            "note": crosstab_note(table),
            "language_code": translation.get_language(),
            "made_on": timezone.localdate(),
            "made_by": (user.get_full_name() or user.get_username()) if user else "",
        },
    )
    return html_to_pdf(html)
