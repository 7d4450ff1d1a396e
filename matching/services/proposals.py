"""Proposals: proposal_transition() is the only function that changes a proposal's state (it reads
workflow.PROPOSAL_MOVES); proposals_transition() is its bulk variant for drafts removed many at a
time. Around it: a coordinator's draft, change of mentor, removal and release; the two sides'
answers; the next-best mentor after a decline or expiry; the periodic expiry. Every step is also
kept in ProposalLog (answers and changes of mentor included), shown in the admin.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError
from volunteers.models import MentorProfile
from volunteers.selectors import mentors_open_to_proposals

from .. import engine, scoring
from ..enums import (
    OPEN_PROPOSAL_STATES,
    Actor,
    Answer,
    NeedsStatus,
    PartnershipState,
    ProposalState,
    Side,
)
from ..models import (
    NeedsProfile,
    Partnership,
    Proposal,
    ProposalLog,
    ProposalTransition,
    ScoringSettings,
    SelfAssessment,
)
from ..permissions import proposal_side
from ..workflow import PROPOSAL_MOVES, ProposalMove
from .emails import notify_partnership_sides, notify_proposal_sides
from .errors import (
    MSG_ALREADY_ANSWERED,
    MSG_MENTOR_NOT_OPEN,
    MSG_MENTOR_UNAVAILABLE,
    MSG_NEEDS_NOT_ACTIVE,
    MSG_NOT_ALLOWED,
    MSG_NOT_DRAFT,
    MSG_PROPOSAL_CLOSED,
    MSG_PROPOSAL_WAITING,
    MSG_REASON_REQUIRED,
)
from .needs import needs_snapshot

# a move missing from the table is refused with what the person asked for in mind
REFUSED_MOVE = {
    ProposalState.PROPOSED: MSG_NOT_DRAFT,
    ProposalState.REMOVED: MSG_NOT_DRAFT,
    ProposalState.ACCEPTED: MSG_PROPOSAL_CLOSED,
    ProposalState.DECLINED: MSG_PROPOSAL_CLOSED,
    ProposalState.EXPIRED: MSG_PROPOSAL_CLOSED,
}
# moves whose only effect is the new state and its timestamp: these may be made many at a time
BULK_TARGETS = frozenset({ProposalState.REMOVED})


def _log(proposal: Proposal, action: str, actor: User | None, comment: str = "") -> None:
    ProposalLog.objects.create(proposal=proposal, action=action, actor=actor, comment=comment)


def _checked_move(
    source: str, target: str, actor: User | None, proposal: Proposal | None, comment: str
) -> ProposalMove:
    """What every move passes, one proposal or many: the move is in workflow.PROPOSAL_MOVES
    (else refused with what the person asked for in mind); the actor is the table's (a
    coordinator, a side of `proposal`, or the system, None, which may also make a coordinator's
    automatic moves); a move that needs a comment has one."""
    move = PROPOSAL_MOVES.find(source, target)
    if move is None:
        raise ApplicationError(REFUSED_MOVE.get(target, MSG_NOT_ALLOWED))
    if actor is None:
        allowed = move.actor == Actor.SYSTEM or move.automatic
    elif move.actor == Actor.COORDINATOR:
        allowed = is_coordinator(actor)
    elif move.actor == Actor.SIDE:
        allowed = proposal is not None and proposal_side(actor, proposal) is not None
    else:
        allowed = False
    if not allowed:
        raise ApplicationError(MSG_NOT_ALLOWED)
    if move.needs_comment and not comment:
        raise ApplicationError(MSG_REASON_REQUIRED, field="reason")
    return move


def _answers_allow(proposal: Proposal, target: str) -> bool:
    """An answer's move follows the answers proposal_answer saved first: accepted once both
    sides accepted, declined once a side declined."""
    answers = (proposal.sme_answer, proposal.mentor_answer)
    if target == ProposalState.ACCEPTED:
        return answers == (Answer.ACCEPTED, Answer.ACCEPTED)
    if target == ProposalState.DECLINED:
        return Answer.DECLINED in answers
    return True


@transaction.atomic
def proposal_transition(
    *,
    proposal: Proposal,
    target: str,
    actor: User | None,
    comment: str = "",
    now: datetime | None = None,
) -> Proposal:
    """Move `proposal` to `target`.

    1. locks the row and finds the move in workflow.PROPOSAL_MOVES (refused if absent);
    2. checks the actor: a coordinator for a coordinator's move (or the system, actor None, for
       an automatic one), the SME or the mentor for an answer, nobody (the system) for expiry;
    3. checks the move's own conditions: a decline says why; an acceptance follows both sides'
       acceptance and a decline a side's decline (saved by proposal_answer); a release needs
       the SME still looking and the mentor still taking proposals;
    4. saves only the changed fields (the state and its timestamps: released_at, released_by,
       expires_at, decline_reason, closed_at) and writes a ProposalTransition row;
    5. the move's effects: an accepted proposal starts its partnership (with the SME's
       self-assessment at the start); emails go to the outbox (sent after commit):
       "proposal_made", "proposal_declined", "proposal_expired", "partnership_started"; after a
       decline or an expiry the next-best mentor is proposed once the transaction commits.
    """
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=proposal.pk)
    )
    source = proposal.state
    comment = (comment or "").strip()
    _checked_move(source, target, actor, proposal, comment)
    if not _answers_allow(proposal, target):
        raise ApplicationError(MSG_NOT_ALLOWED)

    now = now or timezone.now()
    changed = ["state"]
    if target == ProposalState.PROPOSED:
        # a run's draft may wait days for release: both sides must still be there for it
        if proposal.needs.status != NeedsStatus.ACTIVE:
            raise ApplicationError(MSG_NEEDS_NOT_ACTIVE)
        if not mentors_open_to_proposals().filter(pk=proposal.mentor_id).exists():
            raise ApplicationError(MSG_MENTOR_NOT_OPEN)
        proposal.released_at = now
        proposal.released_by = actor
        proposal.expires_at = now + timedelta(days=ScoringSettings.load().proposal_days)
        changed += ["released_at", "released_by", "expires_at"]
    else:
        proposal.closed_at = now
        changed.append("closed_at")
    if target == ProposalState.DECLINED:
        proposal.decline_reason = comment
        changed.append("decline_reason")

    proposal.state = target
    proposal.save(update_fields=changed)
    ProposalTransition.objects.create(
        proposal=proposal, actor=actor, from_state=source, to_state=target, comment=comment,
        created_at=now,
    )  # fmt: skip
    if target == ProposalState.PROPOSED:
        notify_proposal_sides(proposal, event="proposal_made")
    elif target == ProposalState.ACCEPTED:
        partnership = Partnership.objects.create(
            proposal=proposal, needs=proposal.needs, mentor=proposal.mentor, started_at=now
        )
        SelfAssessment.objects.create(
            needs=proposal.needs, partnership=partnership, moment="start",
            **needs_snapshot(proposal.needs),
        )  # fmt: skip
        notify_partnership_sides(partnership, event="partnership_started")
    elif target in (ProposalState.DECLINED, ProposalState.EXPIRED):
        if target == ProposalState.DECLINED:
            declined_by = Side.SME if proposal.sme_answer == Answer.DECLINED else Side.MENTOR
            notify_proposal_sides(
                proposal, event="proposal_declined", extra={"declined_by": declined_by}
            )
        else:
            notify_proposal_sides(proposal, event="proposal_expired")
        needs_id = proposal.needs_id
        transaction.on_commit(lambda: _propose_next_later(needs_id), robust=True)
    return proposal


@transaction.atomic
def proposals_transition(
    *, proposals: QuerySet[Proposal], target: str, actor: User | None, comment: str = ""
) -> int:
    """Move many proposals to `target` at once (a move whose only effect is its state and
    timestamp: a draft removed). The same checks as proposal_transition for every row, all or
    none; one UPDATE and one ProposalTransition row each. No email. Returns how many moved."""
    if target not in BULK_TARGETS:
        raise ValueError(f"Proposals are moved to {target!r} one at a time.")
    rows = list(proposals.select_for_update().order_by("pk").values_list("pk", "state"))
    if not rows:
        return 0
    comment = (comment or "").strip()
    for _pk, source in rows:
        _checked_move(source, target, actor, None, comment)  # a bulk move is never a side's
    now = timezone.now()
    Proposal.objects.filter(pk__in=[pk for pk, _source in rows]).update(state=target, closed_at=now)
    ProposalTransition.objects.bulk_create(
        (
            ProposalTransition(
                proposal_id=pk, actor=actor, from_state=source, to_state=target,
                comment=comment, created_at=now,
            )
            for pk, source in rows
        ),
        batch_size=1000,
    )  # fmt: skip
    return len(rows)


# --------------------------------------------------------------------------------------------
# The coordinators' review, the two sides' answers, expiry
# --------------------------------------------------------------------------------------------
@transaction.atomic
def proposal_draft_for(*, user: User, needs: NeedsProfile, mentor: MentorProfile) -> Proposal:
    """A coordinator proposes one recommended mentor: a draft to review and release (an SME
    has at most one open proposal: an older draft is removed)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    needs = NeedsProfile.objects.select_for_update().get(pk=needs.pk)
    if needs.proposals.filter(state=ProposalState.PROPOSED).exists():
        raise ApplicationError(MSG_PROPOSAL_WAITING)
    explanation = engine.pair_explanation(mentor, needs)
    if explanation is None:
        raise ApplicationError(MSG_MENTOR_UNAVAILABLE)
    proposals_transition(
        proposals=needs.proposals.filter(state=ProposalState.DRAFT),
        target=ProposalState.REMOVED,
        actor=user,
    )
    proposal = Proposal.objects.create(
        needs=needs,
        mentor=mentor,
        score=explanation["score"],
        explanation=explanation,
        algorithm_version=scoring.ALGORITHM_VERSION,
    )
    _log(proposal, "drafted", user)
    return proposal


@transaction.atomic
def proposal_change_mentor(*, user: User, proposal: Proposal, mentor: MentorProfile) -> Proposal:
    """A coordinator replaces the mentor of a draft (the score is computed again)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.DRAFT:
        raise ApplicationError(MSG_NOT_DRAFT)
    explanation = engine.pair_explanation(mentor, proposal.needs)
    if explanation is None:
        raise ApplicationError(MSG_MENTOR_UNAVAILABLE)
    proposal.mentor = mentor
    proposal.score = explanation["score"]
    proposal.explanation = explanation
    proposal.save(update_fields=["mentor", "score", "explanation"])
    _log(proposal, "changed", user, str(mentor))
    return proposal


@transaction.atomic
def proposal_remove(*, user: User, proposal: Proposal) -> Proposal:
    """A coordinator removes a draft (through proposal_transition; no email)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = proposal_transition(proposal=proposal, target=ProposalState.REMOVED, actor=user)
    _log(proposal, "removed", user)
    return proposal


@transaction.atomic
def proposal_release(*, user: User | None, proposal: Proposal) -> Proposal:
    """Send a draft to both sides (through proposal_transition): it expires after the
    configured number of days.

    Side effect: "proposal_made" to the SME's admins and to the mentor. `user` None: released
    automatically (the next-best mentor after a decline or expiry)."""
    if user is not None and not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = proposal_transition(proposal=proposal, target=ProposalState.PROPOSED, actor=user)
    _log(proposal, "released", user, "" if user else "automatic: next-best mentor")
    return proposal


@transaction.atomic
def proposal_answer(*, user: User, proposal: Proposal, accept: bool, reason: str = "") -> Proposal:
    """One side accepts or declines. Both accepted → the proposal is accepted and a partnership
    starts; a decline closes the proposal and proposes the next-best available mentor to the
    SME (both through proposal_transition).

    Side effects: "proposal_accepted" to both sides (the first acceptance), and the emails of
    the move: "proposal_declined" or "partnership_started"."""
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=proposal.pk)
    )
    side = proposal_side(user, proposal)
    if side is None:
        raise ApplicationError(MSG_NOT_ALLOWED)
    if proposal.state != ProposalState.PROPOSED:
        raise ApplicationError(MSG_PROPOSAL_CLOSED)
    if proposal.sme_answer if side == Side.SME else proposal.mentor_answer:
        raise ApplicationError(MSG_ALREADY_ANSWERED)
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ApplicationError(MSG_REASON_REQUIRED, field="reason")
    now = timezone.now()
    answer = Answer.ACCEPTED if accept else Answer.DECLINED
    if side == Side.SME:
        proposal.sme_answer, proposal.sme_answered_at = answer, now
        proposal.sme_answered_by = user
        proposal.save(update_fields=["sme_answer", "sme_answered_at", "sme_answered_by"])
    else:
        proposal.mentor_answer, proposal.mentor_answered_at = answer, now
        proposal.save(update_fields=["mentor_answer", "mentor_answered_at"])
    _log(proposal, f"{side}_{answer}", user, reason)
    if not accept:
        return proposal_transition(
            proposal=proposal, target=ProposalState.DECLINED, actor=user, comment=reason, now=now
        )
    if proposal.sme_answer == Answer.ACCEPTED and proposal.mentor_answer == Answer.ACCEPTED:
        return proposal_transition(
            proposal=proposal, target=ProposalState.ACCEPTED, actor=user, now=now
        )
    notify_proposal_sides(
        proposal, event="proposal_accepted", occurrence=side, extra={"accepted_by": side}
    )
    return proposal


def _propose_next_later(needs_id: int) -> None:
    """Queued after commit with robust=True: a broker that is down must not turn the answer that
    was just saved into an error page (the next global run proposes to this SME anyway)."""
    # tasks imports this module: imported here, not at the top
    from ..tasks import task_propose_next

    task_propose_next.delay(needs_id=needs_id)


@transaction.atomic
def propose_next(*, needs_id: int) -> Proposal | None:
    """The quick re-solve for one SME: its best eligible mentor now (never one it declined or
    let expire before), released at once. None when no mentor is available."""
    needs = NeedsProfile.objects.select_for_update().filter(pk=needs_id).first()
    if needs is None or needs.status != NeedsStatus.ACTIVE:
        return None
    if needs.proposals.filter(state__in=OPEN_PROPOSAL_STATES).exists():
        return None
    if needs.partnerships.filter(state=PartnershipState.ACTIVE).exists():
        return None
    weights, _row = engine.load_weights()
    loaded = engine.load_population(only_needs=[needs.pk])
    if not loaded.needs_ids:
        return None
    ranked = scoring.recommend(loaded.population, weights, 0, k=1)
    if not ranked:
        return None
    j, _score = ranked[0]
    explanation = scoring.explain(loaded.population, weights, 0, j)
    proposal = Proposal.objects.create(
        needs=needs,
        mentor_id=loaded.mentor_ids[j],
        score=explanation["score"],
        explanation=engine.stored_explanation(explanation, loaded),
        algorithm_version=scoring.ALGORITHM_VERSION,
    )
    return proposal_release(user=None, proposal=proposal)


def proposals_expire(now=None) -> int:
    """Close proposals whose time ran out and propose the next-best mentor (periodic; each
    through proposal_transition, in a transaction of its own)."""
    now = now or timezone.now()
    expired = 0
    for pk in Proposal.objects.filter(
        state=ProposalState.PROPOSED, expires_at__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().filter(pk=pk).first()
            if proposal is None or proposal.state != ProposalState.PROPOSED:
                continue
            proposal_transition(
                proposal=proposal, target=ProposalState.EXPIRED, actor=None, now=now
            )
            _log(proposal, "expired", None)
            expired += 1
    return expired
