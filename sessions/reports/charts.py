"""Charts drawn on the server as SVG: they show without JavaScript, print, and shape Khmer.

Each function returns inline SVG markup (escaped, marked safe) that the admin report and
the PDF report both embed. Text uses the project's Noto Sans Khmer, which the admin and
the PDF stylesheet both load, so the browser or WeasyPrint shapes Khmer labels itself.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

FONT = "Noto Sans Khmer, sans-serif"
INK = "#1d2433"
MUTED = "#4a5468"
BAR = "#0b5d7a"
SECOND = "#e08e0b"
GRID = "#d5dbe3"
#: Shades of the tile map, from no one reached to the most.
SHADES = ["#eef2f5", "#cfe3ec", "#9cc6d8", "#5fa2bf", "#2a7a9c", "#07445a"]


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        'viewBox="0 0 {} {}" width="{}" height="{}" font-family="{}" '
        'preserveAspectRatio="xMinYMin meet"><title>{}</title>{}</svg>',
        width,
        height,
        width,
        height,
        FONT,
        title,
        mark_safe("".join(body)),  # noqa: S308 - every part below is escaped
    )


def bar_chart(
    items: list[tuple[str, int]],
    *,
    title: str,
    width: int = 640,
    label_width: int = 190,
    second: list[int] | None = None,
    legend: tuple[str, str] | None = None,
) -> SafeString:
    """Horizontal bars, one per (label, value): long Khmer labels read on their own line.

    `second` draws a thinner bar under each (e.g. people reached under attendances).
    """
    row_height = 34 if second else 26
    top = 22 if legend else 4
    height = top + row_height * max(len(items), 1) + 6
    chart_width = width - label_width - 70
    largest = max([value for __, value in items] + (second or []) + [1])
    body = []
    if legend:
        body.append(_legend(legend, label_width))
    for index, (label, value) in enumerate(items):
        y = top + index * row_height
        bar = round(chart_width * value / largest)
        body.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="{}">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="14" fill="{}"/>'
                '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
                label_width - 8,
                y + 12,
                INK,
                label,
                label_width,
                y + 1,
                max(bar, 1 if value else 0),
                BAR,
                label_width + bar + 6,
                y + 12,
                INK,
                _number(value),
            )
        )
        if second:
            other = round(chart_width * second[index] / largest)
            body.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="8" fill="{}"/>'
                    '<text x="{}" y="{}" font-size="10" fill="{}">{}</text>',
                    label_width,
                    y + 17,
                    max(other, 1 if second[index] else 0),
                    SECOND,
                    label_width + other + 6,
                    y + 25,
                    MUTED,
                    _number(second[index]),
                )
            )
    if not items:
        body.append(_nothing(label_width, top + 14))
    return _svg(width, height, title, body)


def _legend(names: tuple[str, str], x: int) -> str:
    return format_html(
        '<rect x="{}" y="2" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="12" font-size="11" fill="{}">{}</text>'
        '<rect x="{}" y="2" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="12" font-size="11" fill="{}">{}</text>',
        x,
        BAR,
        x + 16,
        INK,
        names[0],
        x + 180,
        SECOND,
        x + 196,
        INK,
        names[1],
    )


def _nothing(x: int, y: int) -> str:
    return format_html(
        '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>', x, y, MUTED, _("No figures")
    )


def period_chart(
    items: list[tuple[str, int, int]],
    *,
    title: str,
    legend: tuple[str, str],
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """Columns per month or quarter (attendances) with a line over them (people reached)."""
    left, right, top, bottom = 48, 10, 24, 48
    plot_width = width - left - right
    plot_height = height - top - bottom
    largest = max([value for __, value, __ in items] + [people for __, __, people in items] + [1])
    step = plot_width / max(len(items), 1)
    body = [_legend(legend, left)]
    for fraction in (0, 0.5, 1):
        y = top + plot_height * (1 - fraction)
        body.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="{}">{}</text>',
                left,
                width - right,
                round(y, 1),
                round(y, 1),
                GRID,
                left - 4,
                round(y + 3, 1),
                MUTED,
                _number(round(largest * fraction)),
            )
        )
    every = max(1, round(len(items) / 12))  # at most about 12 labels along the bottom
    points = []
    for index, (label, value, people) in enumerate(items):
        x = left + index * step
        bar_height = plot_height * value / largest
        body.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                round(x + step * 0.15, 1),
                round(top + plot_height - bar_height, 1),
                round(step * 0.7, 1),
                round(bar_height, 1),
                BAR,
                label,
                _number(value),
            )
        )
        points.append(
            f"{round(x + step / 2, 1)},{round(top + plot_height * (1 - people / largest), 1)}"
        )
        if index % every == 0:
            body.append(
                format_html(
                    '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="{}" '
                    'transform="rotate(-40 {} {})">{}</text>',
                    round(x + step / 2, 1),
                    top + plot_height + 14,
                    MUTED,
                    round(x + step / 2, 1),
                    top + plot_height + 14,
                    label,
                )
            )
    if points:
        body.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
                " ".join(points),
                SECOND,
            )
        )
        for point in points:
            x, y = point.split(",")
            body.append(format_html('<circle cx="{}" cy="{}" r="3" fill="{}"/>', x, y, SECOND))
    else:
        body.append(_nothing(left + 8, top + 20))
    return _svg(width, height, title, body)


def shade_for(value: int, largest: int) -> str:
    """The tile colour of a figure: its share of the largest, in five steps above none."""
    if not value or not largest:
        return SHADES[0]
    return SHADES[min(5, 1 + int(4.999 * value / largest))]
