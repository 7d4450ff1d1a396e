"""How SkillUp writes dates and moments for people: one way, on every page, email and message.

- a moment (an aware datetime): "20 January 2027, 23:59 CET" — in the programme's time zone
  (settings.TIME_ZONE, the reader's: the programme runs in Brussels time), the zone named by its
  abbreviation (CET in winter, CEST in summer: `tzname()` of the local moment), so a reader
  elsewhere knows which clock is meant;
- a day (a date, or a moment when only its day matters): "20 January 2027".

In the active language: month names come from Django's localisation ("20 janvier 2027",
"20. Januar 2027"). The day's pattern is ours, per language, and not the locale's DATE_FORMAT
because Django's English one is American ("Jan. 20, 2027"); French and German follow their locales
("j F Y", "j. F Y"); Polish needs the month in the genitive after a day number ("20 stycznia
2027", Django's "E"; "F" is the nominative "styczeń"); Spanish joins day, month and year with
"de" ("20 de enero de 2027"); Italian writes months in lower case (the project's catalogue
overrides Django's capitalised names: MONTHS below). The zone abbreviation is not translated
(no "MEZ"): CET/CEST is the one international name, the same in every language of an EU-wide
programme, and needs no table of our own.

Machine-readable values (`<time datetime>`, CSV exports, file names) stay ISO 8601.
"""

from datetime import date, datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_noop

# Django date-format characters (https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date)
DAY_FORMATS = {
    "de": "j. F Y",  # 20. Januar 2027
    "es": r"j \d\e F \d\e Y",  # 20 de enero de 2027
    "pl": "j E Y",  # 20 stycznia 2027
}
DEFAULT_DAY_FORMAT = "j F Y"
TIME_FORMAT = "H:i"

# Django's month names ("F"), overridden in the project's catalogue (read before Django's own):
# Italian writes them in lower case ("20 gennaio 2027") where Django's catalogue capitalises
# them. Marked here so that makemessages keeps the entries; other languages keep Django's word.
MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)


def _day_format() -> str:
    language = (get_language() or "").split("-")[0]
    return DAY_FORMATS.get(language, DEFAULT_DAY_FORMAT)


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


@lru_cache(maxsize=8192)
def _day_in(day: date, language: str) -> str:
    # a list of 20 practices writes 20 days: Django's formatting of each costs about 0.2 ms,
    # a few thousand days cover years of publications in every language
    return date_format(day, DAY_FORMATS.get(language, DEFAULT_DAY_FORMAT))


def format_day(value: date | datetime | None) -> str:
    """'20 January 2027' in the active language; a moment gives its day in the programme's time
    zone; nothing gives ''."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    return _day_in(value, (get_language() or "").split("-")[0])


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
