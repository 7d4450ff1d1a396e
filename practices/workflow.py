"""The practice workflow in one table: every allowed move and who makes it.

services.practice_transition() is the only function that changes a practice's state; it reads
this table. The admin's bulk actions, the SME's buttons and the tests all derive from it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from skillup import workflow

from .enums import REVIEW_STATES, Actor, PracticeState

S = PracticeState


@dataclass(frozen=True)
class Move(workflow.Move):
    # the SME's moves happen before its deadline (answering a request for detail is the exception)
    before_deadline: bool = False
    # made by the SME's administrators only (not every member): what the SME consents to publish
    sme_admin_only: bool = False


MOVES: tuple[Move, ...] = (
    Move(S.DRAFT, S.SUBMITTED, Actor.SME, _("Submit"), before_deadline=True),
    Move(S.DRAFT, S.WITHDRAWN, Actor.SME, _("Withdraw"), before_deadline=True),
    Move(S.SUBMITTED, S.WITHDRAWN, Actor.SME, _("Withdraw"), before_deadline=True),
    Move(S.SUBMITTED, S.IN_REVIEW, Actor.STAFF, _("Start review")),
    Move(S.IN_REVIEW, S.SHORTLISTED, Actor.STAFF, _("Shortlist")),
    Move(S.SHORTLISTED, S.DETAIL_REQUESTED, Actor.STAFF, _("Request more detail")),
    Move(S.DETAIL_RECEIVED, S.DETAIL_REQUESTED, Actor.STAFF, _("Request more detail")),
    Move(S.DETAIL_REQUESTED, S.DETAIL_RECEIVED, Actor.SME, _("Send the detail")),
    Move(S.SHORTLISTED, S.SELECTED, Actor.STAFF, _("Select")),
    Move(S.DETAIL_RECEIVED, S.SELECTED, Actor.STAFF, _("Select")),
    Move(S.SELECTED, S.PUBLISHED, Actor.STAFF, _("Publish")),
    # the SME withdraws its consent: off the public site at once; back only with a new consent
    Move(S.PUBLISHED, S.TAKEN_DOWN, Actor.SME, _("Take down"), sme_admin_only=True),
    Move(S.TAKEN_DOWN, S.PUBLISHED, Actor.SME, _("Publish again"), sme_admin_only=True),
    *(
        Move(source, S.DECLINED, Actor.STAFF, _("Decline"))
        for source in sorted(REVIEW_STATES)  # declined from any review state
    ),
)

TABLE = workflow.MoveTable(MOVES)
find_move = TABLE.find
moves_from = TABLE.moves_from


def staff_targets() -> list[str]:
    """Each state staff can move a practice to (one bulk action per target in the admin)."""
    return TABLE.targets(Actor.STAFF)
