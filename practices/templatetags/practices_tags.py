"""Template filters for calls and practices (pages and emails alike)."""

from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from ..formats import format_deadline

register = template.Library()


@register.filter
def deadline(moment) -> str:
    """A moment as '30 April 2021, 23:59 CEST': in the active language and time zone, named."""
    return format_deadline(moment) if moment else ""


@register.filter
def iso_datetime(moment) -> str:
    """A moment for a `<time datetime="…">` attribute: ISO 8601 in the active time zone, to the
    second ("2021-04-30T23:59:00+02:00"). HTML allows at most three digits of a second's
    fraction, and `|date:"c"` writes six whenever there are microseconds. A date stays a date
    ("2021-04-30"); nothing gives ""."""
    if not moment:
        return ""
    if not isinstance(moment, datetime):
        return moment.isoformat() if isinstance(moment, date) else ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()


@register.filter
def deadline_of(practice) -> str:
    """The deadline that applies to a practice's SME (its extension, if it has one)."""
    return format_deadline(practice.call.window_for(practice.organisation).deadline)


@register.filter
def lang_of(obj, field: str) -> str:
    """' lang="en"' when obj.<field> (a field translated with modeltranslation) shows the English
    text because the active language's is empty, else '': the language of that part of the page
    for screen readers and hyphenation (WCAG 3.1.2)."""
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    language = get_language()
    if language == fallback or getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return format_html(' lang="{}"', fallback)
