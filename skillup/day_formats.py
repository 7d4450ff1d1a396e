"""A day as each interface language writes it, from the house format "j F Y" ("20 January 2027").

The templates and a few services write days with the literal format "j F Y" (with ", H:i" for a
time). Read literally, it is wrong in two of the interface languages: Polish needs the month in
the genitive after a day number ("20 stycznia 2027", Django's "E"; "F" gives the nominative
"styczeń"), and Spanish joins day, month and year with "de" ("20 de enero de 2027"). This module
turns the house format into the active language's own (`localise`), and replaces the template
filter `date` (a template builtin, settings.TEMPLATES) so that every `|date:"j F Y"` follows it
without each template changing. Any other format is left as it is.

Stop-gap until skillup/dates.py (issue #16) gives days a helper of their own; it must keep the
two rules below (pl: "j E Y"; es: "j \\d\\e F \\d\\e Y").
"""

from datetime import date, datetime

from django import template
from django.template.defaultfilters import date as django_date
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_noop

HOUSE_DAY = "j F Y"
# language → how it writes the house day (the other languages write it as it is)
DAY_FORMATS = {
    "pl": "j E Y",  # 20 stycznia 2027
    "es": r"j \d\e F \d\e Y",  # 20 de enero de 2027
}

register = template.Library()

# Django's month names ("F"), overridden in the project's catalogue (locale/, read before
# Django's own): Italian writes them in lower case ("20 gennaio 2027"), Django's Italian
# catalogue capitalises them. Marked here so that makemessages keeps the entries; every other
# language keeps Django's word.
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


def localise(format_string: str, language: str | None = None) -> str:
    """The format to use in `language` (the active one by default) for a format that starts
    with the house day ("j F Y" or "j F Y, H:i"); any other format unchanged."""
    code = (language or get_language() or "en").split("-")[0]
    own = DAY_FORMATS.get(code)
    if own and format_string and format_string.startswith(HOUSE_DAY):
        return own + format_string[len(HOUSE_DAY) :]
    return format_string


def day_format(value: date | datetime, format_string: str = HOUSE_DAY) -> str:
    """django.utils.formats.date_format with the house day written the active language's way."""
    return date_format(value, localise(format_string))


@register.filter("date", expects_localtime=True, is_safe=False)
def date_filter(value, arg=None):
    """Django's `date` filter (which it replaces, by name), the house day localised."""
    return django_date(value, localise(arg) if arg else arg)
