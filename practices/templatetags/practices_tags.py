"""Template filters for calls and practices (pages and emails alike)."""

from django import template

from ..services import deadline_for, format_deadline

register = template.Library()


@register.filter
def deadline(moment) -> str:
    """A moment as '30 April 2021, 23:59 CEST': in the active language and time zone, named."""
    return format_deadline(moment) if moment else ""


@register.filter
def deadline_of(practice) -> str:
    """The deadline that applies to a practice's SME (its extension, if it has one)."""
    return format_deadline(deadline_for(call=practice.call, organisation=practice.organisation))
