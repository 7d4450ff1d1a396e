"""skillup.charts: server-drawn SVG charts (pure: no database)."""

import xml.etree.ElementTree as ET

import pytest

from skillup import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own output, not untrusted input


def bars(root: ET.Element) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if "chart-bar" in rect.get("class", "")]


def test_bar_chart_is_valid_svg_that_names_itself():
    svg = charts.bar_chart(
        ["Submitted", "In review"],
        [charts.Series("Practices", [3, 6])],
        chart_id="chart-states",
        title="Practices by state",
        description="Bar chart: the figures are in the table.",
    )

    root = parse(svg)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-states-title chart-states-desc"
    assert root.find(f"{SVG}title").text == "Practices by state"
    assert root.find(f"{SVG}title").get("id") == "chart-states-title"
    assert root.find(f"{SVG}desc").text == "Bar chart: the figures are in the table."
    assert root.get("style") is None


def test_bar_chart_bars_are_proportional_to_their_values():
    root = parse(
        charts.bar_chart(
            ["a", "b", "c"],
            [charts.Series("n", [10, 5, 20])],
            chart_id="c",
            title="t",
            description="d",
        )
    )

    widths = [float(rect.get("width")) for rect in bars(root)]

    assert widths[2] == charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_SPACE  # the largest fills
    assert widths[0] == pytest.approx(widths[2] / 2, abs=0.1)
    assert widths[1] == pytest.approx(widths[2] / 4, abs=0.1)


def test_bar_chart_draws_one_bar_per_series_on_one_scale():
    root = parse(
        charts.bar_chart(
            ["Ana", "Ben"],
            [charts.Series("Assigned", [4, 2]), charts.Series("Reviewed", [2, 2])],
            chart_id="c",
            title="t",
            description="d",
        )
    )

    found = [(rect.get("class"), float(rect.get("width"))) for rect in bars(root)]

    full = charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_SPACE
    assert found == [
        ("chart-bar chart-series-0", full),
        ("chart-bar chart-series-1", full / 2),
        ("chart-bar chart-series-0", full / 2),
        ("chart-bar chart-series-1", full / 2),
    ]


def test_bar_chart_writes_each_value_with_its_unit():
    root = parse(
        charts.bar_chart(
            ["SMEs"],
            [charts.Series("Share", [45])],
            chart_id="c",
            title="t",
            description="d",
            unit="%",
        )
    )

    values = [text.text for text in root.iter(f"{SVG}text") if text.get("class") == "chart-value"]

    assert values == ["45%"]


def test_a_small_value_among_large_ones_still_shows():
    root = parse(
        charts.bar_chart(
            ["big", "small", "none"],
            [charts.Series("n", [100_000, 1, 0])],
            chart_id="c",
            title="t",
            description="d",
        )
    )

    assert [float(rect.get("width")) for rect in bars(root)][1:] == [charts.MIN_BAR, 0.0]


def test_labels_are_escaped_and_long_ones_cut():
    label = '<script>alert("x")</script> & a name far longer than any chart label should be'

    svg = str(
        charts.bar_chart(
            [label], [charts.Series("n", [1])], chart_id="c", title="t", description="d"
        )
    )

    assert "<script>" not in svg
    root = parse(svg)  # still well-formed
    written = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-label"]
    assert len(written[0]) == charts.LABEL_CHARACTERS
    assert written[0].endswith("…")


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.bar_chart([], [], chart_id="c", title="t", description="d", empty="None"),
        lambda: charts.column_chart([], [], chart_id="c", title="t", description="d", empty="None"),
    ],
    ids=["bars", "columns"],
)
def test_empty_data_gives_a_valid_chart_that_says_so(draw):
    root = parse(draw())

    assert bars(root) == []
    assert [t.text for t in root.iter(f"{SVG}text")] == ["None"]
    assert root.find(f"{SVG}title").text == "t"


def test_all_zero_values_draw_no_bar_and_no_division_by_zero():
    root = parse(
        charts.bar_chart(
            ["a", "b"], [charts.Series("n", [0, 0])], chart_id="c", title="t", description="d"
        )
    )

    assert [float(rect.get("width")) for rect in bars(root)] == [0.0, 0.0]


def test_column_chart_heights_are_proportional_and_the_reference_line_is_placed():
    root = parse(
        charts.column_chart(
            ["w1", "w2", "w3"],
            [100, 50, 0],
            chart_id="c",
            title="t",
            description="d",
            reference=50,
            reference_label="target pace",
        )
    )

    heights = [float(rect.get("height")) for rect in bars(root)]
    # the axis tops at a round number at or above the maximum: 0, 50, 100
    assert heights == [charts.COLUMN_HEIGHT, charts.COLUMN_HEIGHT / 2, 0.0]
    line = next(line for line in root.iter(f"{SVG}line") if line.get("class") == "chart-reference")
    top = float(bars(root)[0].get("y"))
    assert float(line.get("y1")) == pytest.approx(top + charts.COLUMN_HEIGHT / 2)
    assert any(t.text == "target pace 50" for t in root.iter(f"{SVG}text"))


def test_column_chart_writes_few_labels_under_many_columns():
    labels = [f"2026-01-{day:02d}" for day in range(1, 32)]

    root = parse(charts.column_chart(labels, [1] * 31, chart_id="c", title="t", description="d"))

    axis = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-axis"]
    days = [text for text in axis if text.startswith("2026")]
    assert len(bars(root)) == 31
    assert len(days) == charts.X_LABELS
    assert days[0] == "2026-01-01" and days[-1] == "2026-01-31"


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [(0, [0.0, 1.0]), (7, [0.0, 5, 10]), (100, [0.0, 50, 100]), (385, [0.0, 200, 400])],
    ids=["nothing", "seven", "hundred", "pace"],
)
def test_axis_ticks_are_round(maximum, ticks):
    assert charts._ticks(maximum) == ticks


def test_numbers_group_thousands_and_keep_one_decimal():
    assert charts._number(20000) == "20\u202f000"
    assert charts._number(1.25) == "1.2"
    assert charts._number(3.0) == "3"


def test_a_chart_of_several_series_has_a_key_and_one_series_has_none():
    two = parse(
        charts.bar_chart(
            ["Ana"],
            [charts.Series("Assigned", [2]), charts.Series("Reviewed", [1])],
            chart_id="c",
            title="t",
            description="d",
        )
    )
    one = parse(
        charts.bar_chart(
            ["Ana"], [charts.Series("n", [2])], chart_id="c", title="t", description="d"
        )
    )

    key = [t.text for t in two.iter(f"{SVG}text") if t.get("class") == "chart-legend-label"]
    assert key == ["Assigned", "Reviewed"]
    assert [t for t in one.iter(f"{SVG}text") if t.get("class") == "chart-legend-label"] == []
