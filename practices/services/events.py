"""Events selected SMEs are invited to, and their answers."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError

from ..enums import PracticeState, Rsvp
from ..models import Event, EventInvitation, Practice
from ..permissions import is_member_of
from .emails import notify_sme
from .errors import MSG_NOT_ALLOWED

MSG_ALREADY_INVITED = _("This practice is already invited to the event.")


@transaction.atomic
def event_invite(*, user: User, event: Event, practices: Iterable[Practice]) -> int:
    """Invite the SMEs of selected or published practices to `event` (coordinators organise
    events); returns how many were newly invited."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    invited = 0
    for practice in practices:
        if practice.state not in (PracticeState.SELECTED, PracticeState.PUBLISHED):
            continue
        invitation, created = EventInvitation.objects.get_or_create(event=event, practice=practice)
        if created:
            invited += 1
            notify_sme(
                practice,
                event="event_invitation",
                about=invitation,
                extra={"event": event, "event_title": event.title},
            )
    return invited


@transaction.atomic
def event_rsvp(*, user: User, invitation: EventInvitation, rsvp: str) -> EventInvitation:
    if not is_member_of(user, invitation.practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if rsvp not in (Rsvp.YES, Rsvp.NO):
        raise ApplicationError(_("Choose whether you will attend."), field="rsvp")
    if invitation.event.starts_at <= timezone.now():
        raise ApplicationError(_("This event has already started."))
    invitation.rsvp = rsvp
    invitation.responded_at = timezone.now()
    invitation.responded_by = user
    invitation.save(update_fields=["rsvp", "responded_at", "responded_by"])
    return invitation
