"""How SkillUp writes dates and moments for people: one way, on every page, email and message.

- a moment (an aware datetime): "20 January 2027, 23:59 CET" — in the programme's time zone
  (settings.TIME_ZONE, the reader's: the programme runs in Brussels time), the zone named by its
  abbreviation (CET in winter, CEST in summer: `tzname()` of the local moment), so a reader
  elsewhere knows which clock is meant;
- a day (a date, or a moment when only its day matters): "20 January 2027".

In the active language: month names come from Django's localisation ("20 janvier 2027",
"20. Januar 2027"). The day's pattern is ours, per language, and not the locale's DATE_FORMAT
because Django's English one is American ("Jan. 20, 2027"); French and German follow their locales
("j F Y", "j. F Y"). The zone abbreviation is not translated (no "MEZ"): CET/CEST is the one
international name, the same in every language of an EU-wide programme, and needs no table of our
own.

Machine-readable values (`<time datetime>`, CSV exports, file names) stay ISO 8601.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

# Django date-format characters (https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date)
DAY_FORMATS = {"de": "j. F Y"}
DEFAULT_DAY_FORMAT = "j F Y"
TIME_FORMAT = "H:i"


def _day_format() -> str:
    language = (get_language() or "").split("-")[0]
    return DAY_FORMATS.get(language, DEFAULT_DAY_FORMAT)


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def format_day(value: date | datetime | None) -> str:
    """'20 January 2027' in the active language; a moment gives its day in the programme's time
    zone; nothing gives ''."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return date_format(value, _day_format())


def format_moment(value: date | datetime | None) -> str:
    """'20 January 2027, 23:59 CET' in the active language and the programme's time zone; a date
    (no time) gives its day; nothing gives ''."""
    if not value:
        return ""
    if not isinstance(value, datetime):
        return format_day(value)
    local = _local(value)
    text = f"{date_format(local, _day_format())}, {date_format(local, TIME_FORMAT)}"
    zone = local.tzname()
    return f"{text} {zone}" if zone else text


def iso_datetime(value: date | datetime | None) -> str:
    """A value for a `<time datetime="…">` attribute: ISO 8601 in the programme's time zone, to
    the second ("2021-04-30T23:59:00+02:00"). HTML allows at most three digits of a second's
    fraction, and `|date:"c"` writes six whenever there are microseconds. A date stays a date
    ("2021-04-30"); nothing gives ""."""
    if not value:
        return ""
    if not isinstance(value, datetime):
        return value.isoformat() if isinstance(value, date) else ""
    return _local(value).replace(microsecond=0).isoformat()
