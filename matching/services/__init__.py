"""Writes for matchmaking. Each service checks, saves, logs and says what it sends (through the
notification outbox, after commit). The modules, by subject:

- proposals.py: proposal_transition, the only function that changes a proposal's state (see
  workflow.PROPOSAL_MOVES), its bulk variant proposals_transition, and around them the
  coordinators' review, the two sides' answers, the next-best mentor and the expiry;
- partnerships.py: partnership_transition (workflow.PARTNERSHIP_MOVES), goals, check-ins,
  feedback;
- needs.py: an SME's needs profile and its self-assessment snapshots;
- runs.py: global runs (queued by a coordinator, done by a Celery task);
- emails.py: every email of the app; errors.py: the refusals.

The maths lives in scoring.py, pruning.py and solver.py (pure); engine.py turns the database into
their arrays; these modules decide what happens to people. Every public name is importable from
here: `from matching.services import proposal_release`.
"""

from .errors import (
    MSG_ALREADY_ANSWERED,
    MSG_CHECKIN_FUTURE,
    MSG_FEEDBACK_GIVEN,
    MSG_MENTOR_NOT_OPEN,
    MSG_MENTOR_UNAVAILABLE,
    MSG_NEEDS_NOT_ACTIVE,
    MSG_NOT_ALLOWED,
    MSG_NOT_AN_SME,
    MSG_NOT_DRAFT,
    MSG_PARTNERSHIP_ACTIVE,
    MSG_PARTNERSHIP_ENDED,
    MSG_PROPOSAL_CLOSED,
    MSG_PROPOSAL_WAITING,
    MSG_REASON_REQUIRED,
)
from .needs import needs_save, needs_snapshot
from .partnerships import (
    checkin_add,
    feedback_give,
    partnership_end,
    partnership_set_goals,
    partnership_transition,
)
from .proposals import (
    proposal_answer,
    proposal_change_mentor,
    proposal_draft_for,
    proposal_release,
    proposal_remove,
    proposal_transition,
    proposals_expire,
    proposals_transition,
    propose_next,
)
from .runs import CANDIDATES_PER_MENTOR, CANDIDATES_PER_SME, run_create, run_execute

__all__ = [
    "CANDIDATES_PER_MENTOR",
    "CANDIDATES_PER_SME",
    "MSG_ALREADY_ANSWERED",
    "MSG_CHECKIN_FUTURE",
    "MSG_FEEDBACK_GIVEN",
    "MSG_MENTOR_NOT_OPEN",
    "MSG_MENTOR_UNAVAILABLE",
    "MSG_NEEDS_NOT_ACTIVE",
    "MSG_NOT_ALLOWED",
    "MSG_NOT_AN_SME",
    "MSG_NOT_DRAFT",
    "MSG_PARTNERSHIP_ACTIVE",
    "MSG_PARTNERSHIP_ENDED",
    "MSG_PROPOSAL_CLOSED",
    "MSG_PROPOSAL_WAITING",
    "MSG_REASON_REQUIRED",
    "checkin_add",
    "feedback_give",
    "needs_save",
    "needs_snapshot",
    "partnership_end",
    "partnership_set_goals",
    "partnership_transition",
    "proposal_answer",
    "proposal_change_mentor",
    "proposal_draft_for",
    "proposal_release",
    "proposal_remove",
    "proposal_transition",
    "proposals_expire",
    "proposals_transition",
    "propose_next",
    "run_create",
    "run_execute",
]
