"""Template filters for calls and practices (pages and emails alike)."""

from django import template
from django.conf import settings
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
