"""How practices' dates are written for people (no model, no query: any module may use it)."""

from datetime import datetime

from django.utils import timezone

from skillup.day_formats import day_format


def format_deadline(moment: datetime) -> str:
    """'30 April 2021, 23:59 CEST': the date in the active time zone, the zone named."""
    local = timezone.localtime(moment)
    return f"{day_format(local, 'j F Y, H:i')} {local.tzname()}"
