"""Who receives each email of matchmaking, with its context. Every email of the matching app goes
through `notify` here (to the outbox, sent after commit; tests patch it here).

Proposals go to the SME's admins (who are named their SME) and to the mentor (who is not: the
SME stays anonymous until a partnership); partnerships to both, named.
"""

from accounts.selectors import organisation_admins
from notifications.services import notify
from skillup.links import absolute_url, language_of

from ..enums import Side
from ..models import Partnership, Proposal


def notify_proposal_sides(
    proposal: Proposal, *, event: str, occurrence: str = "", extra=None
) -> None:
    people = [(u, Side.SME) for u in organisation_admins(proposal.needs.organisation)]
    if proposal.mentor.user.is_active:
        people.append((proposal.mentor.user, Side.MENTOR))
    for recipient, side in people:
        notify(
            event=event,
            about=proposal,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "side": side,
                "sme": proposal.needs.organisation.name if side == Side.SME else "",
                "expires_at": proposal.expires_at,
                "proposal_url": absolute_url(
                    "matching:proposal_detail", pk=proposal.pk, language=language_of(recipient)
                ),
                **(extra or {}),
            },
        )


def notify_partnership_sides(partnership: Partnership, *, event: str, occurrence: str = "") -> None:
    people = list(organisation_admins(partnership.needs.organisation))
    if partnership.mentor.user.is_active:
        people.append(partnership.mentor.user)
    for recipient in people:
        notify(
            event=event,
            about=partnership,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "sme": partnership.needs.organisation.name,
                "mentor": partnership.mentor.user.get_full_name() or str(partnership.mentor.user),
                "company": partnership.mentor.company.name,
                "partnership_url": absolute_url(
                    "matching:partnership_detail",
                    pk=partnership.pk,
                    language=language_of(recipient),
                ),
            },
        )
