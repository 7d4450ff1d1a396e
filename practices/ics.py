"""An event as a calendar file (iCalendar, RFC 5545) that a visitor adds to their calendar:
pure, no query."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//SkillUp//Programme events//EN"


def event_uid(event) -> str:
    """The same for the event in every file and language, so that a calendar updates the entry
    it has rather than adding another: "event-12@skillup.example.eu"."""
    domain = urlsplit(settings.SITE_URL).hostname or "skillup"
    return f"event-{event.pk}@{domain}"


def event_calendar(event, *, url: str, now: datetime) -> bytes:
    """A VCALENDAR with the event, its times in UTC, in the active language. The place is the
    location; an online event's link is, when there is no place (it is in the text anyway)."""
    entry = CalendarEvent()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", now.astimezone(UTC))
    entry.add("dtstart", event.starts_at.astimezone(UTC))
    if event.ends_at:
        entry.add("dtend", event.ends_at.astimezone(UTC))
    entry.add("summary", event.title)
    text = [event.description.strip()] if event.description.strip() else []
    if event.online_url:
        text.append(_("Online: %(link)s") % {"link": event.online_url})
    text.append(url)
    entry.add("description", "\n\n".join(text))
    entry.add("location", event.place or event.online_url)
    entry.add("url", url)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(entry)
    return calendar.to_ical()
