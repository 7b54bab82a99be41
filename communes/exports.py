"""The register figures as a spreadsheet (a sheet per table) and as a PDF, as the screen shows them.

Both print the `Figure`s the figures page prints, so a count hidden on the viewer's screen
is hidden in their file, with the same word. The spreadsheet goes through the project's
one escaping writer: places and agencies' names are typed by people.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pdf_engine import html_to_pdf
from spreadsheets import XlsxWorkbook

from .selectors import Figure

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: (label, value) lines saying what the figures cover, shown above them.
Description = Sequence[tuple[str, str]]


def hidden_text() -> str:
    """What stands for a hidden count, on the screen and in every file."""
    return _("hidden")


def figure_headings(figure: Figure) -> list[str]:
    headings = ["", *figure.table.column_labels]
    if figure.rows_have_totals:
        headings.append(_("total"))
    return headings


def figure_lines(figure: Figure) -> list[list[object]]:
    """The figure's rows as printed: its label, then each count or the hidden word."""
    if not figure.table.counts:
        return []
    return [
        [row.label, *(hidden_text() if value is None else value for value in row.values)]
        for row in figure.rows
    ]


def figures_workbook(figures: Sequence[Figure], *, description: Description) -> XlsxWorkbook:
    """A first sheet saying what the file covers, then one sheet for each table."""
    workbook = XlsxWorkbook()
    bold = Font(bold=True)
    summary = workbook.add_sheet(_("Summary"))
    summary.worksheet.column_dimensions["A"].width = 40
    summary.worksheet.column_dimensions["B"].width = 60
    summary.append([_("Commune register figures"), ""], font=bold)
    for label, value in description:
        summary.append([label, value])
    for number, figure in enumerate(figures, start=1):
        # Numbered: titles cut to Excel's 31 characters could otherwise be the same.
        sheet = workbook.add_sheet(f"{number}. {figure.title}")
        lines = figure_lines(figure)
        headings = figure_headings(figure)
        printed: list[Sequence[object]] = [headings, *lines]
        for index in range(len(headings)):
            longest = max(len(str(cells[index])) for cells in printed)
            width = min(50, max(10, longest + 2))
            sheet.worksheet.column_dimensions[get_column_letter(index + 1)].width = width
        sheet.worksheet.freeze_panes = "B3"
        sheet.append([figure.title], font=bold)
        sheet.append(headings, font=bold)
        for line in lines or [[_("No records.")]]:
            sheet.append(line)
    return workbook


def figures_pdf(
    figures: Sequence[Figure],
    *,
    description: Description,
    exact: bool,
    threshold: int,
    user: User,
) -> bytes:
    """The figures printed in the active language through the project's PDF engine."""
    html = render_to_string(
        "communes/admin/figures_print.html",
        {
            "figures": [
                {
                    "figure": figure,
                    "headings": figure_headings(figure)[1:],
                    "lines": figure_lines(figure),
                }
                for figure in figures
            ],
            "description": description,
            "exact": exact,
            "threshold": threshold,
            "language_code": translation.get_language(),
            "made_on": timezone.localdate(),
            "made_by": user.get_full_name() or user.get_username(),
        },
    )
    return html_to_pdf(html)
