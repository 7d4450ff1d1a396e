"""Reminder producers of matchmaking (registered with notifications' @reminder): a proposal about
to expire, to whoever has not answered; a partnership without a check-in for a month."""

from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from accounts.selectors import organisation_admins
from notifications.reminders import reminder
from skillup.links import absolute_url, language_of

from .enums import PartnershipState, ProposalState, Side
from .models import Partnership, Proposal, ScoringSettings

CHECKIN_EVERY = timedelta(days=30)


@reminder("proposal_reminder")
def proposal_reminders() -> Iterator[dict]:
    """Once, `reminder_days` before expiry, each side that has not answered yet."""
    now = timezone.now()
    days = ScoringSettings.load().reminder_days
    due = Proposal.objects.filter(
        state=ProposalState.PROPOSED,
        expires_at__gt=now,
        expires_at__lte=now + timedelta(days=days),
    ).select_related("needs__organisation", "mentor__user")
    for proposal in due:
        people = []
        if not proposal.sme_answer:
            people += [(u, Side.SME) for u in organisation_admins(proposal.needs.organisation)]
        if not proposal.mentor_answer and proposal.mentor.user.is_active:
            people.append((proposal.mentor.user, Side.MENTOR))
        for recipient, side in people:
            yield {
                "event": "proposal_reminder",
                "about": proposal,
                "recipient": recipient,
                "context": {
                    "side": side,
                    "sme": proposal.needs.organisation.name if side == Side.SME else "",
                    "expires_at": proposal.expires_at,
                    "proposal_url": absolute_url(
                        "matching:proposal_detail", pk=proposal.pk, language=language_of(recipient)
                    ),
                },
            }


@reminder("checkin_reminder")
def checkin_reminders() -> Iterator[dict]:
    """An active partnership with no check-in for 30 days reminds both sides, once per
    30-day period since it started."""
    now = timezone.now()
    active = (
        Partnership.objects.filter(
            state=PartnershipState.ACTIVE, started_at__lte=now - CHECKIN_EVERY
        )
        .annotate(last=Max("check_ins__date"))
        .select_related("needs__organisation", "mentor__user", "mentor__company")
    )
    for partnership in active:
        if partnership.last and partnership.last >= (now - CHECKIN_EVERY).date():
            continue
        period = (now - partnership.started_at) // CHECKIN_EVERY
        people = list(organisation_admins(partnership.needs.organisation))
        if partnership.mentor.user.is_active:
            people.append(partnership.mentor.user)
        for recipient in people:
            yield {
                "event": "checkin_reminder",
                "about": partnership,
                "recipient": recipient,
                "occurrence": str(period),
                "context": {
                    "sme": partnership.needs.organisation.name,
                    "partnership_url": absolute_url(
                        "matching:partnership_detail",
                        pk=partnership.pk,
                        language=language_of(recipient),
                    ),
                },
            }
