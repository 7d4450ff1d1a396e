"""The pledge workflow in one table: every allowed move and who makes it.

services.pledge_transition() is the only function that changes a pledge's state; it reads this
table. The company's buttons, the admin's bulk actions and the tests all derive from it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from skillup import workflow

from .enums import PledgeActor, PledgeState

S = PledgeState
A = PledgeActor


@dataclass(frozen=True)
class Move(workflow.Move):
    needs_comment: bool = False  # a rejection says why


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.PENDING, A.COMPANY, _("Send for approval")),
    Move(S.REJECTED, S.PENDING, A.COMPANY, _("Send for approval again")),
    Move(S.DRAFT, S.WITHDRAWN, A.COMPANY, _("Withdraw")),
    Move(S.PENDING, S.WITHDRAWN, A.COMPANY, _("Withdraw")),
    Move(S.APPROVED, S.WITHDRAWN, A.COMPANY, _("Withdraw")),
    Move(S.REJECTED, S.WITHDRAWN, A.COMPANY, _("Withdraw")),
    Move(S.PENDING, S.APPROVED, A.COORDINATOR, _("Approve")),
    Move(S.PENDING, S.REJECTED, A.COORDINATOR, _("Reject"), needs_comment=True),
    Move(S.APPROVED, S.COMPLETED, A.COORDINATOR, _("Mark completed")),
)

TABLE = workflow.MoveTable(MOVES)
find_move = TABLE.find
moves_from = TABLE.moves_from


def coordinator_targets() -> list[str]:
    """Each state a coordinator can move a pledge to (one bulk action each in the admin)."""
    return TABLE.targets(A.COORDINATOR)
