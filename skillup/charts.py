"""Charts drawn on the server as SVG: horizontal bars (one or more series per row) and columns
over time (with an optional reference line, such as a target's pace).

Pure Python (no ORM, no request): numbers and labels in, an SVG element out, ready to put in a
page. Nothing inline but the markup: no script, no style attribute (the site runs under a strict
Content-Security-Policy); colours and type come from classes (static/css/admin-overview.css).
Every label is escaped here. A chart names itself (<title>, <desc>) and is never the only
carrier of its numbers: the page puts the same numbers in a table beside it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

# geometry, in SVG user units (the SVG scales to the width of its container)
WIDTH = 480  # narrow: its text stays readable when a phone shrinks it
PADDING = 8
LABEL_WIDTH = 170  # row labels of the bar chart, right-aligned before the bars
LABEL_CHARACTERS = 21  # longer labels are cut (the table has them whole)
VALUE_SPACE = 52  # room for the number after the longest bar
LEGEND_HEIGHT = 26  # the key of a chart of several series, above its bars
BAR_HEIGHT = 13
BAR_GAP = 2
ROW_GAP = 10
MIN_BAR = 2.0  # a one among thousands still shows

COLUMN_HEIGHT = 160  # the plot area of a column chart
AXIS_WIDTH = 44  # the numbers of the vertical axis
AXIS_HEIGHT = 32  # the labels under the columns
X_LABELS = 5  # at most this many labels under the columns


@dataclass(frozen=True)
class Series:
    """One set of values, drawn in its own colour (class `chart-series-<index>`)."""

    name: str
    values: Sequence[float]


def _number(value: float) -> str:
    """A figure as the chart writes it: whole numbers without decimals, others with one."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")  # a thin space groups thousands
    return f"{value:,.1f}".replace(",", "\u202f")


def _cut(label: str, limit: int = LABEL_CHARACTERS) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _coordinate(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _length(value: float, maximum: float, space: float) -> float:
    if not maximum or value <= 0:
        return 0.0
    length = space * value / maximum
    return max(length, MIN_BAR)


def _frame(chart_id: str, title: str, description: str, width: int, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="overview-chart-svg" '
        f'viewBox="0 0 {width} {_coordinate(height)}" width="100%" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" focusable="false">',
        f'<title id="{escape(chart_id)}-title">{escape(str(title))}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(str(description))}</desc>',
    ]


def _empty(chart_id: str, title: str, description: str, message: str) -> SafeString:
    parts = _frame(chart_id, title, description, WIDTH, 40)
    parts.append(
        f'<text class="chart-empty" x="{WIDTH // 2}" y="24" text-anchor="middle">'
        f"{escape(str(message))}</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    description: str,
    unit: str = "",
    empty: str = "",
) -> SafeString:
    """Horizontal bars: one row per label, one bar per series in each row, all on one scale
    (the largest value fills the width); `unit` follows each number ("%"). Returns the <svg>
    element."""
    if not labels or not series:
        return _empty(chart_id, title, description, empty)
    maximum = max((max(s.values, default=0) for s in series), default=0)
    space = WIDTH - LABEL_WIDTH - VALUE_SPACE
    row_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_GAP
    legend = LEGEND_HEIGHT if len(series) > 1 else 0
    height = 2 * PADDING + legend + len(labels) * row_height - ROW_GAP
    parts = _frame(chart_id, title, description, WIDTH, height)
    if legend:
        parts.extend(_legend(series))
    for index, label in enumerate(labels):
        top = PADDING + legend + index * row_height
        group_height = row_height - ROW_GAP
        parts.append('<g class="chart-row">')
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" '
            f'y="{_coordinate(top + group_height / 2 + 4)}" text-anchor="end">'
            f"{escape(_cut(label))}</text>"
        )
        for number, one in enumerate(series):
            value = one.values[index] if index < len(one.values) else 0
            y = top + number * (BAR_HEIGHT + BAR_GAP)
            length = _length(value, maximum, space)
            parts.append(
                f'<rect class="chart-bar chart-series-{number}" x="{LABEL_WIDTH}" '
                f'y="{_coordinate(y)}" width="{_coordinate(length)}" height="{BAR_HEIGHT}">'
                f"<title>{escape(str(one.name))}: {escape(_number(value) + unit)}</title></rect>"
            )
            parts.append(
                f'<text class="chart-value" x="{_coordinate(LABEL_WIDTH + length + 5)}" '
                f'y="{_coordinate(y + BAR_HEIGHT - 3)}">{escape(_number(value) + unit)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _legend(series: Sequence[Series]) -> list[str]:
    """The key: a swatch and the name of each series, in a row from the left edge."""
    parts, x = ['<g class="chart-legend">'], float(PADDING)
    for number, one in enumerate(series):
        parts.append(
            f'<rect class="chart-series-{number}" x="{_coordinate(x)}" y="{PADDING}" '
            f'width="11" height="11"></rect>'
            f'<text class="chart-legend-label" x="{_coordinate(x + 15)}" y="{PADDING + 10}">'
            f"{escape(str(one.name))}</text>"
        )
        x += 15 + 7 * len(str(one.name)) + 14
    parts.append("</g>")
    return parts


def _ticks(maximum: float) -> list[float]:
    """0, a round middle and a round top at or above the maximum (a middle of 1, 2, 2.5 or 5
    times a power of ten)."""
    if maximum <= 0:
        return [0.0, 1.0]
    step = maximum / 2
    magnitude = 10 ** (len(str(int(step))) - 1) if step >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= step:
            step = factor * magnitude
            break
    return [0.0, step, 2 * step]


def column_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    chart_id: str,
    title: str,
    description: str,
    name: str = "",
    reference: float | None = None,
    reference_label: str = "",
    empty: str = "",
) -> SafeString:
    """Columns over time (days, weeks), left to right, with a vertical axis of round numbers
    and, when given, a dashed horizontal line at `reference` (a target's pace). At most
    X_LABELS labels are written under the columns, the first and the last among them."""
    if not labels:
        return _empty(chart_id, title, description, empty)
    ticks = _ticks(max([*values, reference or 0, 0]))
    top_value = ticks[-1]
    left, plot_width = AXIS_WIDTH, WIDTH - AXIS_WIDTH - PADDING
    top, plot_height = PADDING + 12, COLUMN_HEIGHT
    bottom = top + plot_height
    height = bottom + AXIS_HEIGHT
    slot = plot_width / len(labels)
    column = max(slot * 0.75, 0.5)
    parts = _frame(chart_id, title, description, WIDTH, height)
    for tick in ticks:
        y = bottom - plot_height * tick / top_value
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{left + plot_width}" '
            f'y1="{_coordinate(y)}" y2="{_coordinate(y)}"></line>'
            f'<text class="chart-axis" x="{left - 6}" y="{_coordinate(y + 4)}" '
            f'text-anchor="end">{escape(_number(tick))}</text>'
        )
    for index, (label, value) in enumerate(zip(labels, values, strict=False)):
        length = _length(value, top_value, plot_height)
        x = left + index * slot + (slot - column) / 2
        parts.append(
            f'<rect class="chart-bar chart-series-0" x="{_coordinate(x)}" '
            f'y="{_coordinate(bottom - length)}" width="{_coordinate(column)}" '
            f'height="{_coordinate(length)}"><title>{escape(str(label))}: '
            f"{escape(_number(value))}{' ' + escape(str(name)) if name else ''}</title></rect>"
        )
    shown = _shown_labels(len(labels))
    for index in shown:
        x = left + index * slot + slot / 2
        anchor = "start" if index == 0 and len(shown) > 1 else "middle"
        if index == len(labels) - 1 and len(shown) > 1:
            anchor = "end"
        parts.append(
            f'<text class="chart-axis" x="{_coordinate(x)}" y="{_coordinate(bottom + 18)}" '
            f'text-anchor="{anchor}">{escape(str(labels[index]))}</text>'
        )
    if reference is not None and reference > 0:
        y = bottom - plot_height * reference / top_value
        parts.append(
            f'<line class="chart-reference" x1="{left}" x2="{left + plot_width}" '
            f'y1="{_coordinate(y)}" y2="{_coordinate(y)}"></line>'
            f'<text class="chart-reference-label" x="{left + plot_width}" '
            f'y="{_coordinate(y - 5)}" text-anchor="end">{escape(str(reference_label))} '
            f"{escape(_number(reference))}</text>"
        )
    parts.append(
        f'<line class="chart-baseline" x1="{left}" x2="{left + plot_width}" '
        f'y1="{bottom}" y2="{bottom}"></line>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _shown_labels(count: int) -> list[int]:
    """Indexes of the labels written under the columns: all when few, else evenly spread."""
    if count <= X_LABELS:
        return list(range(count))
    step = (count - 1) / (X_LABELS - 1)
    return sorted({round(step * n) for n in range(X_LABELS)})
