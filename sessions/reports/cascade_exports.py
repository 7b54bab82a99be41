"""The cascade report as a spreadsheet: a sheet per figure, through the one escaping writer.

Group names and people's names are typed by people, so every cell goes through
`spreadsheets.XlsxWorkbook`, which turns would-be formulas into text.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from spreadsheets import XlsxWorkbook

from .exports import XLSX_TYPE, _sheet

__all__ = ["XLSX_TYPE", "cascade_workbook"]


def _day(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _band_label(band: dict) -> str:
    if band["highest"] is None:
        return _("%(lowest)s or more") % {"lowest": band["lowest"]}
    if band["lowest"] == band["highest"]:
        return str(band["lowest"])
    return f"{band['lowest']}–{band['highest']}"


def cascade_workbook(report: dict) -> XlsxWorkbook:
    """Every figure of `cascade_report`, in the language active when called."""
    trained = report["trained"]
    distribution = report["distribution"]
    workbook = XlsxWorkbook()
    _sheet(
        workbook,
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            [_("Trainers trained"), trained["total"]],
            [_("Sessions held through trainers"), report["sessions_through_trainers"]],
            [_("People reached through trainers"), report["people_reached"]],
            [_("Median of people reached per trainer"), distribution["median"]],
            [
                _("Trainers without a session within %(months)s months")
                % {"months": report["idle_months"]},
                len(report["idle"]),
            ],
        ],
    )
    for title, heading, key in [
        (_("By kind of group"), _("kind of group"), "by_kind"),
        (_("By province"), _("province"), "by_province"),
        (_("By sex"), _("sex"), "by_sex"),
        (_("By age band"), _("age band"), "by_age_band"),
    ]:
        _sheet(
            workbook,
            title,
            [heading, _("Trainers trained")],
            [[label, count] for __, label, count in trained[key]],
        )
    _sheet(
        workbook,
        _("Reach per trainer"),
        [_("people reached"), _("Trainers")],
        [[_band_label(band), band["trainers"]] for band in distribution["bands"]],
    )
    trainer_headings = [
        _("peer educator"),
        _("kind of group"),
        _("group"),
        _("province"),
        _("trained on"),
        _("Sessions held"),
        _("People reached"),
        _("Attendances"),
        _("first session"),
    ]

    def trainer_row(row):
        trainer = row.trainer
        return [
            str(trainer),
            str(trainer.group.kind),
            trainer.group.name,
            str(trainer.group.commune.district.province),
            _day(trainer.trained_on),
            row.sessions,
            row.people,
            row.attendances,
            _day(row.first_session),
        ]

    _sheet(
        workbook,
        _("Trainers"),
        trainer_headings,
        [trainer_row(row) for row in report["per_trainer"]],
    )
    _sheet(
        workbook,
        _("No session yet"),
        trainer_headings,
        [trainer_row(row) for row in report["idle"]],
    )
    chain = report["chain"]
    if chain is not None:
        _sheet(
            workbook,
            _("Chain"),
            [_("group"), _("kind of group"), _("Trainers trained"), _("People reached")],
            [
                [group["name"], group["kind"], group["trainers"], group["people"]]
                for group in chain.groups
            ],
        )
    return workbook
