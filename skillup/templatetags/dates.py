"""Dates for people, one way everywhere (see skillup.dates): `{% load dates %}`, then

- `{{ moment|when }}` → "20 January 2027, 23:59 CET" (text: emails, attributes, messages);
- `{{ value|day }}` → "20 January 2027";
- `{{ moment|when_tag }}`, `{{ value|day_tag }}` → the same inside
  `<time datetime="2027-01-20T23:59:00+01:00">…</time>`, for pages; safe to pass to
  `{% blocktranslate with date=x|day_tag %}` (the sentence's translation does not change);
- `{{ value|iso_datetime }}` → the ISO 8601 value alone.

Nothing (None, "") gives "" everywhere.
"""

from django import template
from django.utils.html import format_html

from skillup import dates

register = template.Library()

register.filter("when", dates.format_moment)
register.filter("day", dates.format_day)
register.filter("iso_datetime", dates.iso_datetime)


def _tag(value, text: str) -> str:
    if not text:
        return ""
    return format_html('<time datetime="{}">{}</time>', dates.iso_datetime(value), text)


@register.filter
def when_tag(value) -> str:
    """'<time datetime="…">20 January 2027, 23:59 CET</time>'."""
    return _tag(value, dates.format_moment(value))


@register.filter
def day_tag(value) -> str:
    """'<time datetime="…">20 January 2027</time>'."""
    return _tag(value, dates.format_day(value))
