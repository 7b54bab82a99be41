"""Charts drawn on the server as SVG: they show without JavaScript, print, and shape Khmer.

Each function returns inline SVG markup (escaped, marked safe) that the admin report and
the PDF report both embed. Text uses the project's Noto Sans Khmer, which the admin and
the PDF stylesheet both load, so the browser or WeasyPrint shapes Khmer labels itself.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

FONT = "Noto Sans Khmer, sans-serif"
MUTED = "#4a5468"
BAR = "#0b5d7a"
SECOND = "#e08e0b"
GRID = "#d5dbe3"


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" '
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


def _bar(value: int, largest: int, colour: str, height: int) -> str:
    width = round(BAR_WIDTH * value / largest) if largest else 0
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="bar" viewBox="0 0 {} {}" width="{}" '
        'height="{}" aria-hidden="true"><rect x="0" y="0" width="{}" height="{}" fill="{}"/>'
        "</svg>",
        BAR_WIDTH,
        height,
        BAR_WIDTH,
        height,
        max(width, 1 if value else 0),
        height,
        colour,
    )


BAR_WIDTH = 260


def _swatch(colour: str) -> SafeString:
    # A filled SVG square, not a style attribute: the admin's Content-Security-Policy
    # allows no inline style.
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 10 10" '
        'aria-hidden="true"><rect width="10" height="10" fill="{}"/></svg>',
        colour,
    )


def legend(names: tuple[str, str]) -> SafeString:
    """The key of a two-series chart, in HTML so that Khmer is shaped on screen and in PDF."""
    return format_html(
        '<p class="chart-legend">{}{} {}{}</p>', _swatch(BAR), names[0], _swatch(SECOND), names[1]
    )


def bar_chart(
    items: list[tuple[str, int]],
    *,
    title: str,
    second: list[int] | None = None,
    legend_names: tuple[str, str] | None = None,
) -> SafeString:
    """Horizontal bars, one row per (label, value); `second` adds a thinner bar under each.

    Labels are HTML beside SVG bars: WeasyPrint lays out SVG text letter by letter, which
    breaks Khmer, while HTML text is shaped (and gets ActualText) in the PDF too.
    """
    largest = max([value for __, value in items] + (second or []) + [1])
    rows = []
    for index, (label, value) in enumerate(items):
        bars = format_html(
            '<span class="bar-line">{}<span class="bar-value">{}</span></span>',
            _bar(value, largest, BAR, 14),
            _number(value),
        )
        if second:
            bars += format_html(
                '<span class="bar-line">{}'
                '<span class="bar-value bar-value-second">{}</span></span>',
                _bar(second[index], largest, SECOND, 8),
                _number(second[index]),
            )
        rows.append(format_html('<tr><th scope="row">{}</th><td>{}</td></tr>', label, bars))
    return format_html(
        '<figure class="report-chart bar-chart"><figcaption>{}</figcaption>{}'
        '<table class="bar-table">{}</table></figure>',
        title,
        legend(legend_names) if legend_names else "",
        mark_safe("".join(rows)),  # noqa: S308 - each row is escaped above
    )


def _nothing(x: int, y: int) -> str:
    # Digits only inside SVG (see bar_chart): an empty chart says so as a dash.
    return format_html('<text x="{}" y="{}" font-size="14" fill="{}">–</text>', x, y, MUTED)


def period_chart(
    items: list[tuple[str, int, int]],
    *,
    title: str,
    legend_names: tuple[str, str],
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """Columns per month or quarter (attendances) with a line over them (people reached)."""
    left, right, top, bottom = 48, 10, 24, 48
    plot_width = width - left - right
    plot_height = height - top - bottom
    largest = max([value for __, value, __ in items] + [people for __, __, people in items] + [1])
    step = plot_width / max(len(items), 1)
    body = []
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
    return format_html(
        '<figure class="report-chart period-chart"><figcaption>{}</figcaption>{}{}</figure>',
        title,
        legend(legend_names),
        _svg(width, height, title, body),
    )
