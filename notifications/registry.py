"""Every email event, listed once: its kind, its subject and its templates.

Templates are `templates/emails/<template>.txt` and `.html`, rendered in the recipient's language.
A subject may use %(name)s placeholders filled from the notification's context. Each feature
adds its events here; views and services never compose mail themselves.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .enums import EventKind


@dataclass(frozen=True)
class Event:
    subject: Promise | str
    kind: EventKind = EventKind.TRANSACTIONAL
    template: str = ""  # defaults to the event's name


EVENTS: dict[str, Event] = {
    # accounts
    "invitation": Event(subject=_("%(organisation)s invites you to SkillUp")),
    "invitation_reminder": Event(
        subject=_("Reminder: your invitation to join %(organisation)s expires soon"),
        kind=EventKind.REMINDER,
    ),
    # allauth's own emails (verification, password reset, …) arrive already rendered
    "account": Event(subject=""),
}


def get_event(name: str) -> Event:
    try:
        return EVENTS[name]
    except KeyError:
        raise LookupError(f"Unknown notification event {name!r}: add it to EVENTS.") from None


def template_of(name: str) -> str:
    return get_event(name).template or name
