"""The report's charts and map, made once from the selectors' figures for screen and PDF."""

from django.utils.translation import gettext as _

from geography.tile_map import tile_map

from .charts import bar_chart, period_chart
from .selectors import QUARTER


def report_charts(report: dict) -> dict:
    """SVG charts of a `programme_report`, in the language active when called."""
    both = (_("Attendances"), _("People reached"))
    by_period = report["by_period"]
    period_title = (
        _("Attendances and people reached by quarter")
        if report["filters"].period == QUARTER
        else _("Attendances and people reached by month")
    )
    return {
        "by_sex": bar_chart(
            [(row.label, row.attendances) for row in report["by_sex"]],
            second=[row.people for row in report["by_sex"]],
            legend_names=both,
            title=_("Attendances and people reached by sex"),
        ),
        "by_age_band": bar_chart(
            [(row.label, row.attendances) for row in report["by_age_band"]],
            second=[row.people for row in report["by_age_band"]],
            legend_names=both,
            title=_("Attendances and people reached by age band"),
        ),
        "by_period": period_chart(
            [(row.label, row.attendances, row.people) for row in by_period],
            legend_names=both,
            title=period_title,
        ),
        "map": tile_map(
            {row.key: (row.label, row.people) for row in report["by_province"]},
            title=_("Map of Cambodia's provinces shaded by people reached"),
            more_label=_("More people reached"),
        ),
    }
