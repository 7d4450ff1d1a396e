"""Dates read the same everywhere (issue #15): "20 January 2027, 23:59 CET" and "20 January 2027",
in the reader's language and the programme's time zone, through skillup.dates and its filters."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from skillup.dates import format_day, format_moment, iso_datetime

ROOT = Path(__file__).resolve().parent.parent
WINTER = datetime(2027, 1, 20, 22, 59, tzinfo=UTC)  # 23:59 in Brussels (CET, UTC+1)
SUMMER = datetime(2027, 7, 20, 21, 59, 30, 123456, tzinfo=UTC)  # 23:59 in Brussels (CEST, UTC+2)


@pytest.mark.parametrize(
    ("language", "moment", "expected"),
    [
        ("en", WINTER, "20 January 2027, 23:59 CET"),
        ("fr", WINTER, "20 janvier 2027, 23:59 CET"),
        ("de", WINTER, "20. Januar 2027, 23:59 CET"),
        ("en", SUMMER, "20 July 2027, 23:59 CEST"),
        ("fr", SUMMER, "20 juillet 2027, 23:59 CEST"),
        ("de", SUMMER, "20. Juli 2027, 23:59 CEST"),
    ],
    ids=["en-winter", "fr-winter", "de-winter", "en-summer", "fr-summer", "de-summer"],
)
def test_when_writes_the_local_moment_with_its_zone(language, moment, expected):
    with translation.override(language):
        rendered = Template("{% load dates %}{{ moment|when }}").render(Context({"moment": moment}))

    assert rendered == expected


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", date(2027, 1, 20), "20 January 2027"),
        ("fr", date(2027, 1, 20), "20 janvier 2027"),
        ("de", date(2027, 1, 20), "20. Januar 2027"),
        # 23:30 UTC on 31 December is already 1 January in Brussels: the reader's day
        ("en", datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "1 January 2027"),
    ],
    ids=["en-date", "fr-date", "de-date", "en-moment-local-day"],
)
def test_day_writes_the_local_day(language, value, expected):
    with translation.override(language):
        rendered = Template("{% load dates %}{{ value|day }}").render(Context({"value": value}))

    assert rendered == expected


def test_when_of_a_date_writes_its_day():
    with translation.override("en"):
        assert format_moment(date(2027, 1, 20)) == "20 January 2027"


@pytest.mark.parametrize("value", [None, ""], ids=["none", "empty"])
@pytest.mark.parametrize("name", ["when", "day", "when_tag", "day_tag", "iso_datetime"])
def test_filters_write_nothing_for_nothing(name, value):
    rendered = Template("{% load dates %}{{ value|" + name + " }}").render(
        Context({"value": value})
    )

    assert rendered == ""


def test_when_tag_wraps_the_moment_in_a_valid_time_element():
    with translation.override("de"):
        rendered = Template("{% load dates %}{{ m|when_tag }}").render(Context({"m": SUMMER}))

    # seconds kept, microseconds dropped (HTML allows three digits at most), offset of CEST
    assert rendered == '<time datetime="2027-07-20T23:59:30+02:00">20. Juli 2027, 23:59 CEST</time>'


def test_day_tag_inside_blocktranslate_keeps_its_markup():
    template = Template(
        "{% load i18n dates %}{% blocktranslate with date=d|day_tag %}Asked on {{ date }}"
        "{% endblocktranslate %}"
    )

    rendered = template.render(Context({"d": date(2027, 1, 20)}))

    assert rendered == 'Asked on <time datetime="2027-01-20">20 January 2027</time>'


def test_iso_datetime_of_a_date_stays_a_date():
    assert iso_datetime(date(2027, 1, 20)) == "2027-01-20"
    assert iso_datetime(WINTER) == "2027-01-20T23:59:00+01:00"


def test_python_messages_use_the_same_words():
    with translation.override("fr"):
        assert format_day(WINTER) == "20 janvier 2027"
        assert format_moment(WINTER) == "20 janvier 2027, 23:59 CET"


# --- keeping to it: no other way of writing a date in templates or in the apps' Python ---------

# A date written by hand in a template: Django's |date and |time filters, or {% now %}.
TEMPLATE_DATE = re.compile(r"\|\s*(?:date|time)\b|{%\s*now\b")
# Where another way is right, and why (path relative to templates/: number of uses).
TEMPLATE_ALLOWED = {
    # the time of day the overview was counted ("Counted at 14:05"), no date to write
    "admin/overview/overview.html": 1,
}
APPS = ("accounts", "notifications", "practices", "volunteers", "matching", "privacy", "outreach",
        "skillup")  # fmt: skip
PYTHON_DATE = re.compile(r"\.strftime\(|\bdate_format\(|\{[^{}\n]*:%[A-Za-z]")
PYTHON_ALLOWED = {
    "skillup/dates.py": 3,  # the one place
    "practices/templatetags/practices_tags.py": 1,  # an event's end time alone, dates.TIME_FORMAT
    "practices/exports.py": 1,  # CSV for spreadsheets: ISO, not for reading
    "practices/admin/practices.py": 1,  # a file name's stamp
    "privacy/views.py": 1,  # a file name's date
    "skillup/cache.py": 1,  # a log line, as the log's own asctime
    "skillup/overview.py": 1,  # a chart's axis: "3 May", room for one word
    "practices/models/reviews.py": 1,  # __str__ for the admin's change lists (Django's formats)
    "practices/models/practices.py": 1,  # __str__ of a version row, admin only
    "volunteers/models.py": 1,  # __str__: a year alone
}


def _uses(paths, pattern, root) -> dict[str, int]:
    found = {}
    for path in paths:
        count = len(pattern.findall(path.read_text()))
        if count:
            found[str(path.relative_to(root))] = count
    return found


def test_templates_write_dates_only_through_the_date_filters():
    templates = ROOT / "templates"
    paths = [p for p in templates.rglob("*") if p.suffix in {".html", ".txt"}]

    found = _uses(paths, TEMPLATE_DATE, templates)

    assert found == TEMPLATE_ALLOWED, "write dates with {% load dates %} and |when / |day"


def test_apps_write_dates_only_through_skillup_dates():
    paths = [
        p
        for app in APPS
        for p in (ROOT / app).rglob("*.py")
        if "migrations" not in p.parts and "settings" not in p.parts
    ]

    found = _uses(paths, PYTHON_DATE, ROOT)

    assert found == PYTHON_ALLOWED, "write dates with skillup.dates.format_moment / format_day"


@pytest.mark.parametrize(
    "line",
    ['{{ x|date:"j F Y" }}', "{{ x|date }}", '{{ x | date:"c" }}', '{% now "Y" %}', "{{ x|time }}"],
)
def test_the_template_check_catches_hand_written_dates(line):
    assert TEMPLATE_DATE.search(line)


@pytest.mark.parametrize("line", ["{{ x|day }}", "{{ x|when_tag }}", "{{ x|date_of_birth }}"])
def test_the_template_check_lets_the_filters_through(line):
    assert not TEMPLATE_DATE.search(line)
