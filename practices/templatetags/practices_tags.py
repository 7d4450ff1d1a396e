"""Template filters for calls and practices (pages and emails alike)."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from skillup import dates

from ..formats import format_deadline

register = template.Library()


# The project's date filters (skillup/templatetags/dates.py), under the names practice pages knew.
register.filter("deadline", dates.format_moment)
register.filter("iso_datetime", dates.iso_datetime)


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


@register.filter
def event_when(event) -> str:
    """When an event takes place, in `<time>` elements, the zone named (skillup.dates):
    "20 January 2027, 14:00 CET"; "20 January 2027, 14:00 to 16:00 CET" (an en dash, not "to")
    when it ends the same day; both moments in full when it ends another day."""
    starts, ends = event.starts_at, event.ends_at
    start_text, end_text = dates.format_moment(starts), dates.format_moment(ends)
    if ends:
        local_start, local_end = timezone.localtime(starts), timezone.localtime(ends)
        zone = local_end.tzname()
        if local_start.date() == local_end.date() and local_start.tzname() == zone:
            start_text = start_text.removesuffix(f" {zone}")
            end_text = f"{date_format(local_end, dates.TIME_FORMAT)} {zone}"
    start_tag = format_html('<time datetime="{}">{}</time>', dates.iso_datetime(starts), start_text)
    if not ends:
        return start_tag
    return format_html(
        '{} – <time datetime="{}">{}</time>', start_tag, dates.iso_datetime(ends), end_text
    )
