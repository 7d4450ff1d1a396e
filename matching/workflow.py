"""The proposal and partnership workflows in one table each: every allowed move and who makes it.

services.proposal_transition() is the only function that changes a proposal's state (its bulk
variant services.proposals_transition() removes many drafts at once), and
services.partnership_transition() the only one that changes a partnership's; they read these
tables. The admin's actions, the two sides' answers, the periodic expiry and the tests all derive
from them.

Who: a coordinator reviews drafts (release, remove); the SME or the mentor answers a released
proposal (the second acceptance accepts it, either decline declines it); the system lets an
unanswered proposal expire. A move marked `automatic` may also be made by the system on a
coordinator's behalf (actor None): the next-best mentor released at once after a decline or
expiry, a run replacing the drafts of earlier runs. Either side or a coordinator ends a
partnership.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from skillup.workflow import Move, MoveTable

from .enums import Actor, PartnershipState, ProposalState

S = ProposalState
P = PartnershipState


@dataclass(frozen=True)
class ProposalMove(Move):
    automatic: bool = False  # the system may make it too (actor None)
    needs_comment: bool = False  # a decline says why


PROPOSAL_MOVES: MoveTable[ProposalMove] = MoveTable(
    (
        ProposalMove(S.DRAFT, S.PROPOSED, Actor.COORDINATOR, _("Release to both sides"),
                     automatic=True),
        ProposalMove(S.DRAFT, S.REMOVED, Actor.COORDINATOR, S.REMOVED.label, automatic=True),
        ProposalMove(S.PROPOSED, S.ACCEPTED, Actor.SIDE, _("Accept")),
        ProposalMove(S.PROPOSED, S.DECLINED, Actor.SIDE, _("Decline"), needs_comment=True),
        ProposalMove(S.PROPOSED, S.EXPIRED, Actor.SYSTEM, S.EXPIRED.label),
    )
)  # fmt: skip


@dataclass(frozen=True)
class PartnershipMove(Move):
    needs_comment: bool = False  # ending early says why


PARTNERSHIP_MOVES: MoveTable[PartnershipMove] = MoveTable(
    (
        PartnershipMove(P.ACTIVE, P.COMPLETED, Actor.SIDE_OR_COORDINATOR, _("Mark completed")),
        PartnershipMove(P.ACTIVE, P.ENDED_EARLY, Actor.SIDE_OR_COORDINATOR, P.ENDED_EARLY.label,
                        needs_comment=True),
    )
)  # fmt: skip
