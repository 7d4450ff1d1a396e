"""A day as each interface language writes it (skillup/dates.py): the Polish genitive month,
the Spanish "de", Italian months in lower case, German's "20." — in every language the portal
speaks."""

from datetime import date, datetime

import pytest
from django.utils import timezone, translation

from skillup.dates import format_day, format_moment

DAY = date(2027, 1, 20)
DAYS = {
    "en": "20 January 2027",
    "fr": "20 janvier 2027",
    "de": "20. Januar 2027",
    "es": "20 de enero de 2027",
    "it": "20 gennaio 2027",
    "pl": "20 stycznia 2027",
    "nl": "20 januari 2027",
}


def test_day_cases_cover_every_interface_language():
    from django.conf import settings

    assert sorted(DAYS) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize(("language", "expected"), DAYS.items(), ids=DAYS.keys())
def test_a_day_is_written_the_languages_way(language, expected):
    with translation.override(language):
        assert format_day(DAY) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "20 stycznia 2027, 09:30 CET"), ("es", "20 de enero de 2027, 09:30 CET")],
    ids=["pl", "es"],
)
def test_a_moment_keeps_the_languages_day_and_the_zone(language, expected):
    moment = timezone.make_aware(datetime(2027, 1, 20, 9, 30))

    with translation.override(language):
        assert format_moment(moment) == expected
