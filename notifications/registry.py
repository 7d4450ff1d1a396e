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
    # practices
    "practice_submitted": Event(subject=_("We received your practice “%(practice_title)s”")),
    "practice_withdrawn": Event(subject=_("Your practice “%(practice_title)s” was withdrawn")),
    "practice_detail_requested": Event(
        subject=_("Reviewers would like to know more about “%(practice_title)s”")
    ),
    "practice_detail_received": Event(
        subject=_("%(organisation)s answered your request about “%(practice_title)s”")
    ),
    "practice_selected": Event(subject=_("Your practice “%(practice_title)s” is selected")),
    "practice_declined": Event(subject=_("Decision on your practice “%(practice_title)s”")),
    "practice_published": Event(subject=_("Your practice “%(practice_title)s” is published")),
    "practice_public_version": Event(
        subject=_("Please approve the public version of “%(practice_title)s”")
    ),
    "practice_public_text_changed": Event(
        subject=_("Please approve the new public text of “%(practice_title)s”")
    ),
    "practice_taken_down": Event(
        subject=_("%(organisation)s took “%(practice_title)s” off the public site")
    ),
    "practice_licence_renewal": Event(
        subject=_("Open data: may “%(practice_title)s” be reused under CC BY 4.0?")
    ),
    "practice_deadline_extended": Event(subject=_("Your deadline for “%(call)s” is extended")),
    "practice_contact": Event(subject=_("A visitor wrote about “%(practice_title)s”")),
    "event_invitation": Event(subject=_("You are invited: %(event_title)s")),
    "practice_deadline_reminder": Event(
        subject=_("%(days_left)s left to submit “%(practice_title)s”"), kind=EventKind.REMINDER
    ),
    "reviewer_digest": Event(
        subject=_("SkillUp: submissions await your review"), kind=EventKind.DIGEST
    ),
    # volunteers
    "pledge_received": Event(subject=_("We received the pledge of %(company)s")),
    "pledge_approved": Event(subject=_("The pledge of %(company)s is approved")),
    "pledge_rejected": Event(subject=_("The pledge of %(company)s needs changes")),
    "pledge_completed": Event(subject=_("The pledge of %(company)s is completed: thank you")),
    "mentor_invited": Event(subject=_("%(company)s invites you to mentor SMEs on SkillUp")),
    "mentor_approved": Event(subject=_("You are approved as a SkillUp mentor")),
    "mentor_rejected": Event(subject=_("About your SkillUp mentor profile")),
    "agreement_updated": Event(
        subject=_("Please accept the new confidentiality agreement (version %(version)s)")
    ),
    # matching
    "proposal_made": Event(subject=_("SkillUp proposes a mentoring partnership")),
    "proposal_reminder": Event(
        subject=_("Reminder: a mentoring proposal awaits your answer"), kind=EventKind.REMINDER
    ),
    "proposal_accepted": Event(subject=_("A mentoring proposal was accepted by one side")),
    "proposal_declined": Event(subject=_("A mentoring proposal was declined")),
    "proposal_expired": Event(subject=_("A mentoring proposal expired")),
    "partnership_started": Event(subject=_("Your mentoring partnership with %(sme)s starts")),
    "checkin_reminder": Event(
        subject=_("How is your mentoring partnership going?"), kind=EventKind.REMINDER
    ),
    "partnership_completed": Event(
        subject=_("Your mentoring partnership has ended: tell us how it went")
    ),
    # outreach: a coordinator's message to a group; the subject is the one they wrote
    "group_message": Event(subject="%(subject)s", kind=EventKind.NEWS),
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
