"""A day as each interface language writes it (skillup/day_formats.py): the house format
"j F Y" in templates (the `date` filter) and in code (day_format)."""

from datetime import date, datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from skillup.day_formats import day_format

DAY = date(2027, 1, 20)
DAYS = {
    "en": "20 January 2027",
    "fr": "20 janvier 2027",
    "de": "20 Januar 2027",
    "es": "20 de enero de 2027",
    "it": "20 gennaio 2027",
    "pl": "20 stycznia 2027",
    "nl": "20 januari 2027",
}


def test_day_cases_cover_every_interface_language():
    from django.conf import settings

    assert sorted(DAYS) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize(("language", "expected"), DAYS.items(), ids=DAYS.keys())
def test_date_filter_writes_the_house_day_the_languages_way(language, expected):
    template = Template('{{ day|date:"j F Y" }}|{{ day|date:"Y-m-d" }}')

    with translation.override(language):
        rendered = template.render(Context({"day": DAY}))

    assert rendered == f"{expected}|2027-01-20"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "20 stycznia 2027, 09:30"), ("es", "20 de enero de 2027, 09:30")],
    ids=["pl", "es"],
)
def test_day_format_keeps_what_follows_the_day(language, expected):
    moment = timezone.make_aware(datetime(2027, 1, 20, 9, 30))

    with translation.override(language):
        written = day_format(timezone.localtime(moment), "j F Y, H:i")

    assert written == expected


def test_other_formats_are_left_as_they_are():
    with translation.override("pl"):
        rendered = Template('{{ day|date:"F Y" }}').render(Context({"day": DAY}))

    assert rendered == "styczeń 2027"  # a month on its own stays in the nominative
