"""Reminder producers of matchmaking (registered with notifications' @reminder): a proposal about
to expire, to whoever has not answered; a partnership without a check-in for a month."""

from collections.abc import Iterator
from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from notifications.reminders import reminder

from .enums import PartnershipState, ProposalState, Side
from .models import Partnership, Proposal, ScoringSettings

CHECKIN_EVERY = timedelta(days=30)


def _url(name: str, pk: int, recipient) -> str:
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        return f"{settings.SITE_URL}{reverse(name, kwargs={'pk': pk})}"


@reminder("proposal_reminder")
def proposal_reminders() -> Iterator[dict]:
    """Once, `reminder_days` before expiry, each side that has not answered yet."""
    from .services import _sme_people

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
            people += [(user, Side.SME) for user in _sme_people(proposal.needs.organisation)]
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
                    "proposal_url": _url("matching:proposal_detail", proposal.pk, recipient),
                },
            }


@reminder("checkin_reminder")
def checkin_reminders() -> Iterator[dict]:
    """An active partnership with no check-in for 30 days reminds both sides, once per
    30-day period since it started."""
    from .services import _sme_people

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
        people = _sme_people(partnership.needs.organisation)
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
                    "partnership_url": _url(
                        "matching:partnership_detail", partnership.pk, recipient
                    ),
                },
            }
