"""The picture of one province's cascade: programme → champion groups → communities.

Drawn on the server as inline SVG (no script, works on the admin's strict CSP) for the
screen, where the browser shapes Khmer text in SVG. Three columns of boxes joined by bands
whose width is what passed along them: trainers trained from the programme to each group,
people reached from each group to each commune. Every text is escaped by `format_html`.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .cascade import Chain
from .charts import FONT, MUTED

WIDTH = 980
ROW = 62
TOP = 56
BOX_WIDTH = 270
BOX_HEIGHT = 46
COLUMNS = (10, 355, 700)
#: Communes shown one by one; the rest share one box, so a big province stays readable.
MOST_COMMUNES = 10
PROGRAMME = "#0b5d7a"
LINK = "#9cc3d5"
REACH = "#f3c17a"
#: A colour per kind of group, in the order of the kinds' ids (youth club, council, NGO…).
KIND_COLOURS = ["#2a7f62", "#7a3e9d", "#c0502a", "#3569b5", "#8a6d1f", "#b03a62"]


def _box(x, y, colour, title, line, *, text_colour="#ffffff") -> str:
    return format_html(
        '<g class="chain-node"><rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="{}"/>'
        '<text x="{}" y="{}" font-size="14" font-weight="bold" fill="{}">{}</text>'
        '<text x="{}" y="{}" font-size="11.5" fill="{}">{}</text></g>',
        x,
        y,
        BOX_WIDTH,
        BOX_HEIGHT,
        colour,
        x + 10,
        y + 19,
        text_colour,
        _shorten(title),
        x + 10,
        y + 37,
        text_colour,
        line,
    )


def _shorten(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _band(x1, y1, x2, y2, width, colour, title) -> str:
    middle = (x1 + x2) / 2
    return format_html(
        '<path d="M{} {} C{} {} {} {} {} {}" fill="none" stroke="{}" stroke-width="{}" '
        'stroke-opacity="0.75" stroke-linecap="butt"><title>{}</title></path>',
        x1,
        y1,
        middle,
        y1,
        middle,
        y2,
        x2,
        y2,
        colour,
        round(width, 1),
        title,
    )


def _centre(index: int, count: int, height: int) -> float:
    """The vertical middle of box `index` of `count`, the column centred in the picture."""
    column_height = count * ROW
    top = TOP + (height - TOP - column_height) / 2
    return top + index * ROW + BOX_HEIGHT / 2


def _communes_shown(chain: Chain) -> tuple[list, dict]:
    """The communes drawn, the most reached first; the others folded into one box."""
    communes = list(chain.communes[:MOST_COMMUNES])
    others = chain.communes[MOST_COMMUNES:]
    position = {commune["pk"]: index for index, commune in enumerate(communes)}
    if others:
        folded = {
            "pk": None,
            "name": _("%(count)s other communes") % {"count": len(others)},
            "people": sum(commune["people"] for commune in others),
            "sessions": sum(commune["sessions"] for commune in others),
        }
        for commune in others:
            position[commune["pk"]] = len(communes)
        communes.append(folded)
    return communes, position


def chain_picture(chain: Chain, *, kind_order: dict[str, int] | None = None) -> SafeString:
    """The SVG of a province's chain, with a caption that says it in words as well."""
    groups = chain.groups
    communes, commune_position = _communes_shown(chain)
    rows = max(len(groups), len(communes), 1)
    height = TOP + rows * ROW + 16
    largest_trainers = max([group["trainers"] for group in groups] + [1])
    largest_link = max([link["people"] for link in chain.links] + [1])
    kind_order = kind_order or {}
    body = [
        format_html(
            '<text x="{}" y="24" font-size="13" fill="{}" font-weight="bold">{}</text>',
            x,
            MUTED,
            heading,
        )
        for x, heading in zip(
            COLUMNS,
            (_("Programme"), _("Champions trained"), _("Communities reached")),
            strict=True,
        )
    ]
    programme_y = _centre(0, 1, height)
    group_y = {
        group["pk"]: _centre(index, len(groups), height) for index, group in enumerate(groups)
    }
    commune_y = [_centre(index, len(communes), height) for index in range(len(communes))]
    for group in groups:
        body.append(
            _band(
                COLUMNS[0] + BOX_WIDTH,
                programme_y,
                COLUMNS[1],
                group_y[group["pk"]],
                3 + 18 * group["trainers"] / largest_trainers,
                LINK,
                _("%(group)s: trainers trained: %(count)s")
                % {"group": group["name"], "count": group["trainers"]},
            )
        )
    for link in chain.links:
        if link["group"] not in group_y:
            continue
        body.append(
            _band(
                COLUMNS[1] + BOX_WIDTH,
                group_y[link["group"]],
                COLUMNS[2],
                commune_y[commune_position[link["commune"]]],
                2 + 22 * link["people"] / largest_link,
                REACH,
                _("people reached: %(count)s · sessions: %(sessions)s")
                % {"count": link["people"], "sessions": link["sessions"]},
            )
        )
    body.append(
        _box(
            COLUMNS[0],
            programme_y - BOX_HEIGHT / 2,
            PROGRAMME,
            str(chain.province),
            _("trainings: %(trainings)s · trainers: %(trainers)s")
            % {"trainings": chain.trainings, "trainers": chain.trainers},
        )
    )
    for group in groups:
        colour = KIND_COLOURS[kind_order.get(group["kind"], 0) % len(KIND_COLOURS)]
        body.append(
            _box(
                COLUMNS[1],
                group_y[group["pk"]] - BOX_HEIGHT / 2,
                colour,
                group["name"],
                _("%(kind)s · trainers: %(trainers)s · reached: %(people)s")
                % {"kind": group["kind"], "trainers": group["trainers"], "people": group["people"]},
            )
        )
    for index, commune in enumerate(communes):
        body.append(
            _box(
                COLUMNS[2],
                commune_y[index] - BOX_HEIGHT / 2,
                "#fdf3e3",
                commune["name"],
                _("people: %(people)s · sessions: %(sessions)s")
                % {"people": commune["people"], "sessions": commune["sessions"]},
                text_colour="#3b2a10",
            )
        )
    title = _("The cascade in %(province)s") % {"province": chain.province}
    summary = _(
        "Trainings of trainers: %(trainings)s · champions trained: %(trainers)s · groups: "
        "%(groups)s · people reached: %(people)s · communes: %(communes)s."
    ) % {
        "trainings": chain.trainings,
        "trainers": chain.trainers,
        "groups": len(groups),
        "people": chain.people,
        "communes": len(chain.communes),
    }
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chain-svg" role="img" '
        'viewBox="0 0 {} {}" width="100%" font-family="{}" '
        'preserveAspectRatio="xMinYMin meet"><title>{}</title><desc>{}</desc>{}</svg>',
        WIDTH,
        height,
        FONT,
        title,
        summary,
        mark_safe("".join(body)),  # noqa: S308 - every part is escaped by format_html
    )
    return format_html(
        '<figure class="report-chart cascade-chain"><figcaption>{}</figcaption>{}<p>{}</p>'
        "</figure>",
        title,
        svg,
        summary,
    )
