"""The Pledge Viewer's reads and its chart: one pledge with what its page shows, and the
geometry of the bar chart of pledges and SMEs supported by country (drawn as inline SVG, no
script, no inline style: the site runs under a strict Content-Security-Policy)."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from matching.models import Skill

from .models import Pledge

# the chart's geometry, in SVG user units (the SVG scales to its container)
CHART_WIDTH = 640
LABEL_WIDTH = 170  # country names, right-aligned before the bars
VALUE_SPACE = 50  # room for the number after the longest bar
BAR_HEIGHT = 10
BAR_GAP = 1
ROW_HEIGHT = 28
CHART_PADDING = 8
BAR_SPACE = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE


def pledge_for_page(slug: str) -> Pledge:
    """A pledge with its company and its expertise (framework and area loaded), in any state:
    the view decides who may see it. Raises Pledge.DoesNotExist."""
    expertise = Skill.objects.select_related("framework", "parent").order_by(
        "framework__position", "position", "pk"
    )
    return (
        Pledge.objects.select_related("company")
        .prefetch_related(Prefetch("expertise", queryset=expertise))
        .get(slug=slug)
    )


@dataclass(frozen=True)
class Bar:
    width: float
    y: float
    value: int
    value_x: float
    value_y: float


@dataclass(frozen=True)
class ChartRow:
    code: str
    name: str
    label_y: float
    pledges: Bar
    smes: Bar


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_x: int
    bar_x: int
    bar_height: int
    rows: list[ChartRow]
    maximum: int


def _bar(value: int, maximum: int, y: float) -> Bar:
    width = round(BAR_SPACE * value / maximum, 1) if maximum else 0.0
    if value and width < 2:
        width = 2.0  # a one among thousands still shows
    return Bar(
        width=width,
        y=y,
        value=value,
        value_x=LABEL_WIDTH + width + 5,
        value_y=y + BAR_HEIGHT - 1,
    )


def country_chart(counts: list[tuple[str, str, int, int]]) -> BarChart:
    """Horizontal bars, two per country (pledges, SMEs supported), on one scale, from
    selectors.country_counts() rows (code, name, pledges, SMEs supported)."""
    maximum = max([max(pledges, smes) for _, _, pledges, smes in counts], default=0)
    rows = []
    for index, (code, name, pledges, smes) in enumerate(counts):
        top = CHART_PADDING + index * ROW_HEIGHT
        rows.append(
            ChartRow(
                code=code,
                name=name,
                label_y=top + BAR_HEIGHT + BAR_GAP / 2 + 4,
                pledges=_bar(pledges, maximum, top),
                smes=_bar(smes, maximum, top + BAR_HEIGHT + BAR_GAP),
            )
        )
    return BarChart(
        width=CHART_WIDTH,
        height=2 * CHART_PADDING + len(rows) * ROW_HEIGHT,
        label_x=LABEL_WIDTH - 8,
        bar_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        rows=rows,
        maximum=maximum,
    )


def chart_counts(pledges: QuerySet[Pledge]) -> QuerySet[Pledge]:
    """The filtered pledges as country_counts() wants them: no ordering, no prefetching."""
    return pledges.order_by().prefetch_related(None)
