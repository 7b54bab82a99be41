"""The programme report as a spreadsheet (a sheet per breakdown) and as a PDF with its charts.

Both are made from the same `programme_report` figures as the admin screen, in the
language active when called (the view sets Khmer or English). The spreadsheet is written by
the project's one escaping writer: destinations and lesson titles are typed by people.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from pdf_engine import html_to_pdf
from spreadsheets import XlsxWorkbook

from .display import report_charts

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filters_description(report: dict) -> list[tuple[str, str]]:
    """What the report covers, as (label, value) lines for the PDF and the summary sheet."""
    from geography.models import District, Province
    from sessions.models import YouthGroup

    filters = report["filters"]

    def day(value):
        return formats.date_format(value, "DATE_FORMAT") if value else "–"

    if filters.date_from or filters.date_to:
        lines = [(_("From"), day(filters.date_from)), (_("To"), day(filters.date_to))]
    else:
        lines = [(_("Period"), _("all dates"))]
    if filters.province_id:
        lines.append((_("province"), str(Province.objects.get(pk=filters.province_id))))
    if filters.district_id:
        lines.append((_("district"), str(District.objects.get(pk=filters.district_id))))
    if filters.group_id:
        lines.append((_("youth group"), str(YouthGroup.objects.get(pk=filters.group_id))))
    return lines


def _sheet(workbook: XlsxWorkbook, title: str, headings: list[str], rows: list[list]) -> None:
    sheet = workbook.add_sheet(title)
    # Widths and panes first: a write-only sheet writes them before its rows.
    for index, heading in enumerate(headings, start=1):
        longest = max([len(str(heading))] + [len(str(row[index - 1] or "")) for row in rows])
        width = min(60, max(10, longest + 2))
        sheet.worksheet.column_dimensions[get_column_letter(index)].width = width
    sheet.worksheet.freeze_panes = "A2"
    sheet.append(headings, font=Font(bold=True))
    for row in rows:
        sheet.append(row)


def report_workbook(report: dict) -> XlsxWorkbook:
    """One sheet for the headline figures and one for each breakdown."""
    totals = report["totals"]
    knowledge = totals["knowledge"]
    workbook = XlsxWorkbook()
    figure, value = _("Figure"), _("Value")
    _sheet(
        workbook,
        _("Summary"),
        [figure, value],
        [
            *[[label, text] for label, text in filters_description(report)],
            [_("Sessions held"), totals["sessions"]],
            [_("Attendances"), totals["attendances"]],
            [_("Attendances of named participants"), totals["named_attendances"]],
            [_("Attendances counted by headcount"), totals["headcount_attendances"]],
            [_("People reached"), totals["people"]],
            [_("People planning to migrate"), totals["planning_to_migrate"]],
            [_("Returned migrants reached"), totals["returned_migrants"]],
            [_("Active youth groups"), totals["active_groups"]],
            [_("Active peer educators"), totals["active_peer_educators"]],
            [_("Provinces covered"), totals["provinces_covered"]],
            [_("Tests scored before and after"), knowledge["scored_attendances"]],
            [_("Mean score before"), knowledge["mean_pre"]],
            [_("Mean score after"), knowledge["mean_post"]],
            [_("Knowledge gain (points)"), knowledge["gain"]],
        ],
    )
    figures = [_("Sessions held"), _("Attendances"), _("People reached")]
    _sheet(
        workbook,
        _("By province"),
        [_("code"), _("province"), *figures, _("Active youth groups")],
        [
            [row.key, row.label, row.sessions, row.attendances, row.people, row.extra["groups"]]
            for row in report["by_province"]
        ],
    )
    _sheet(
        workbook,
        _("By district"),
        [_("code"), _("province"), _("district"), *figures],
        [
            [row.key, row.extra["province"], row.label, row.sessions, row.attendances, row.people]
            for row in report["by_district"]
        ],
    )
    _sheet(
        workbook,
        _("By quarter") if report["filters"].period == "quarter" else _("By month"),
        [_("period"), *figures],
        [[row.label, row.sessions, row.attendances, row.people] for row in report["by_period"]],
    )
    _sheet(
        workbook,
        _("By sex"),
        [_("sex"), _("Attendances"), _("People reached")],
        [[row.label, row.attendances, row.people] for row in report["by_sex"]],
    )
    _sheet(
        workbook,
        _("By age band"),
        [_("age band"), _("Attendances"), _("People reached")],
        [[row.label, row.attendances, row.people] for row in report["by_age_band"]],
    )
    _sheet(
        workbook,
        _("Destinations"),
        [_("destination"), _("People planning to migrate")],
        [[row.label or _("not given"), row.people] for row in report["destinations"]],
    )
    lessons = report["lessons"]
    reach_columns = [str(label) for label in lessons["reach_columns"]]
    _sheet(
        workbook,
        _("Lessons taught"),
        [
            _("lesson"),
            _("Sessions held"),
            *reach_columns,
            _("Where taught"),
            _("Provinces not reached yet"),
        ],
        [
            [
                lesson["title"],
                lesson["sessions"],
                *(_("hidden") if count is None else count for count in lesson["reach"]),
                ", ".join(
                    f"{where['name']} ({where['sessions']})" for where in lesson["provinces"]
                ),
                ", ".join(lesson["provinces_not_reached"]),
            ]
            for lesson in lessons["lessons"]
        ]
        + [
            [
                _("No lesson taught yet"),
                0,
                *("" for _column in reach_columns),
                "",
                ", ".join(lessons["provinces_without_lesson"]),
            ],
        ],
    )
    _sheet(
        workbook,
        _("Downloads"),
        [_("lesson"), _("language"), _("Handouts"), _("Lesson plans"), _("Downloads")],
        [
            [
                row.label,
                row.extra["language"],
                row.extra["handouts"],
                row.extra["lesson_plans"],
                row.attendances,
            ]
            for row in report["downloads"]
        ],
    )
    return workbook


def report_xlsx_response(report: dict, *, filename: str) -> HttpResponse:
    response = HttpResponse(report_workbook(report).to_bytes(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def report_html(report: dict, *, user=None) -> str:
    language_code = translation.get_language()
    return render_to_string(
        "trainings/reports/print.html",
        {
            "report": report,
            "charts": report_charts(report),
            "filters_description": filters_description(report),
            "language_code": language_code,
            "made_on": timezone.localdate(),
            "made_by": user.get_full_name() or user.get_username() if user else "",
        },
    )


def report_pdf(report: dict, *, user=None) -> bytes:
    """The PDF of the report, through the project's WeasyPrint setup (own files, Khmer)."""
    return html_to_pdf(report_html(report, user=user))


def report_pdf_response(report: dict, *, filename: str, user=None) -> HttpResponse:
    response = HttpResponse(report_pdf(report, user=user), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
