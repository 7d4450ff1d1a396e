"""The proposal and partnership workflows: every allowed move works for the right actor and is
logged once; every other actor and every move absent from the table is refused; nothing but the
transition functions assigns a state."""

import ast
from itertools import product
from pathlib import Path

import pytest

from matching import services
from matching.enums import PART_LABELS, PART_SHORT_LABELS, Actor, PartnershipState, ProposalState
from matching.models import Partnership, PartnershipTransition, Proposal, ProposalTransition
from matching.scoring import PARTS
from matching.workflow import PARTNERSHIP_MOVES, PROPOSAL_MOVES
from skillup.errors import ApplicationError
from tests.factories import MentorProfileFactory
from tests.matching.factories import NeedsProfileFactory, PartnershipFactory, ProposalFactory
from volunteers.models import ConfidentialityAgreement

pytestmark = pytest.mark.django_db

PROPOSAL_STATES = [s.value for s in ProposalState]
PARTNERSHIP_STATES = [s.value for s in PartnershipState]
# a role of the world fixture, "mentor" (the proposal's mentor) or None (the system)
RIGHT_ACTOR = {
    Actor.COORDINATOR: "coordinator",
    Actor.SIDE: "sme_admin",
    Actor.SYSTEM: None,
    Actor.SIDE_OR_COORDINATOR: "mentor",
}
WRONG_ACTORS = {
    Actor.COORDINATOR: ["sme_admin", "mentor", "reviewer", "company_admin", "outsider"],
    Actor.SIDE: ["coordinator", "reviewer", "other_sme_admin", "outsider", None],
    Actor.SYSTEM: ["coordinator", "sme_admin", "mentor"],
    Actor.SIDE_OR_COORDINATOR: ["reviewer", "company_admin", "other_sme_admin", "outsider"],
}


def move_id(value) -> str:
    if hasattr(value, "source"):
        return f"{value.source}->{value.target}"
    return str(value)


def proposal_in(world, state: str, **fields) -> Proposal:
    """A proposal to world.sme in `state`, from a mentor who still takes proposals."""
    mentor = MentorProfileFactory(
        state="approved", agreement=ConfidentialityAgreement.objects.current()
    )
    needs = NeedsProfileFactory(organisation=world.sme)
    return ProposalFactory(needs=needs, mentor=mentor, state=state, **fields)


# the answers a proposal holds when it moves to an answer's state (proposal_answer saves the
# side's answer first, then moves the proposal)
ANSWERS_BEFORE = {
    ProposalState.ACCEPTED: {"sme_answer": "accepted", "mentor_answer": "accepted"},
    ProposalState.DECLINED: {"sme_answer": "declined"},
}


def proposal_before(world, move) -> Proposal:
    """A proposal ready for `move`: in its source state, with the answers the move records."""
    return proposal_in(world, move.source, **ANSWERS_BEFORE.get(move.target, {}))


def actor_for(world, role: str | None, subject):
    if role is None:
        return None
    if role == "mentor":
        return subject.mentor.user
    return getattr(world, role)


# --------------------------------------------------------------------------------------------
# Proposals
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("move", PROPOSAL_MOVES.moves, ids=move_id)
def test_proposal_move_for_right_actor_is_made_and_logged(world, move):
    proposal = proposal_before(world, move)
    actor = actor_for(world, RIGHT_ACTOR[move.actor], proposal)

    services.proposal_transition(
        proposal=proposal, target=move.target, actor=actor, comment="Too far."
    )

    proposal.refresh_from_db()
    assert proposal.state == move.target
    assert list(ProposalTransition.objects.values_list("from_state", "to_state", "actor")) == [
        (move.source, move.target, actor.pk if actor else None)
    ]


@pytest.mark.parametrize("move", [m for m in PROPOSAL_MOVES.moves if m.automatic], ids=move_id)
def test_proposal_automatic_move_is_made_by_the_system(world, move):
    proposal = proposal_in(world, move.source)

    services.proposal_transition(proposal=proposal, target=move.target, actor=None)

    proposal.refresh_from_db()
    assert proposal.state == move.target
    assert proposal.transitions.get().actor is None


@pytest.mark.parametrize(
    ("move", "role"),
    [(m, role) for m in PROPOSAL_MOVES.moves for role in WRONG_ACTORS[m.actor]
     if not (role is None and m.automatic)],
    ids=move_id,
)  # fmt: skip
def test_proposal_move_refused_for_wrong_actor(world, move, role):
    proposal = proposal_before(world, move)

    with pytest.raises(ApplicationError) as refused:
        services.proposal_transition(
            proposal=proposal,
            target=move.target,
            actor=actor_for(world, role, proposal),
            comment="Too far.",
        )

    assert refused.value.message == services.MSG_NOT_ALLOWED
    proposal.refresh_from_db()
    assert proposal.state == move.source
    assert not ProposalTransition.objects.exists()


NOT_PROPOSAL_MOVES = [
    (source, target)
    for source, target in product(PROPOSAL_STATES, PROPOSAL_STATES)
    if PROPOSAL_MOVES.find(source, target) is None
]


@pytest.mark.parametrize(("source", "target"), NOT_PROPOSAL_MOVES, ids=str)
def test_proposal_move_absent_from_table_refused_for_everyone(world, source, target):
    proposal = proposal_in(world, source)

    for role in ("coordinator", "sme_admin", "mentor", None):
        with pytest.raises(ApplicationError):
            services.proposal_transition(
                proposal=proposal,
                target=target,
                actor=actor_for(world, role, proposal),
                comment="Too far.",
            )

    proposal.refresh_from_db()
    assert proposal.state == source
    assert not ProposalTransition.objects.exists()


def test_proposal_release_stamps_its_time_and_expiry(world):
    proposal = proposal_in(world, ProposalState.DRAFT)

    services.proposal_transition(
        proposal=proposal, target=ProposalState.PROPOSED, actor=world.coordinator
    )

    proposal.refresh_from_db()
    assert proposal.released_by == world.coordinator
    assert (proposal.expires_at - proposal.released_at).days == 10
    assert proposal.closed_at is None


def test_proposal_decline_needs_a_reason_and_keeps_it(world):
    proposal = proposal_in(world, ProposalState.PROPOSED, sme_answer="declined")

    with pytest.raises(ApplicationError) as refused:
        services.proposal_transition(
            proposal=proposal, target=ProposalState.DECLINED, actor=world.sme_admin
        )
    services.proposal_transition(
        proposal=proposal, target=ProposalState.DECLINED, actor=world.sme_admin, comment=" Far. "
    )

    assert refused.value.message == services.MSG_REASON_REQUIRED
    proposal.refresh_from_db()
    assert (proposal.decline_reason, proposal.transitions.get().comment) == ("Far.", "Far.")
    assert proposal.closed_at == proposal.transitions.get().created_at


@pytest.mark.parametrize(
    ("target", "answers"),
    [(ProposalState.ACCEPTED, {}), (ProposalState.ACCEPTED, {"sme_answer": "accepted"}),
     (ProposalState.DECLINED, {}), (ProposalState.DECLINED, {"mentor_answer": "accepted"})],
    ids=["accepted-unanswered", "accepted-by-one-side", "declined-unanswered",
         "declined-while-accepted"],
)  # fmt: skip
def test_proposal_answer_move_refused_without_the_answers_it_records(world, target, answers):
    """A proposal is accepted once both sides have accepted and declined once a side has
    declined: the transition itself checks it, not only proposal_answer (a partnership must
    never start on one side's word, and the decline's email names the side that declined)."""
    proposal = proposal_in(world, ProposalState.PROPOSED, **answers)

    with pytest.raises(ApplicationError) as refused:
        services.proposal_transition(
            proposal=proposal, target=target, actor=world.sme_admin, comment="Far."
        )

    assert refused.value.message == services.MSG_NOT_ALLOWED
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PROPOSED
    assert not ProposalTransition.objects.exists()
    assert not Partnership.objects.exists()


def test_proposal_accepted_starts_its_partnership(world):
    proposal = proposal_in(
        world, ProposalState.PROPOSED, sme_answer="accepted", mentor_answer="accepted"
    )

    services.proposal_transition(
        proposal=proposal, target=ProposalState.ACCEPTED, actor=world.sme_admin
    )

    partnership = Partnership.objects.get()
    assert (partnership.proposal, partnership.needs, partnership.mentor) == (
        proposal, proposal.needs, proposal.mentor
    )  # fmt: skip
    assert list(partnership.assessments.values_list("moment", flat=True)) == ["start"]


def test_proposals_removed_in_bulk_each_logged(world):
    drafts = [proposal_in(world, ProposalState.DRAFT), ProposalFactory(state=ProposalState.DRAFT)]

    moved = services.proposals_transition(
        proposals=Proposal.objects.filter(state=ProposalState.DRAFT),
        target=ProposalState.REMOVED,
        actor=world.coordinator,
    )

    assert moved == 2
    assert list(Proposal.objects.order_by("pk").values_list("state", flat=True)) == [
        ProposalState.REMOVED, ProposalState.REMOVED
    ]  # fmt: skip
    assert list(
        ProposalTransition.objects.order_by("proposal").values_list("proposal", "to_state")
    ) == [(drafts[0].pk, ProposalState.REMOVED), (drafts[1].pk, ProposalState.REMOVED)]
    assert not Proposal.objects.filter(closed_at__isnull=True).exists()


def test_proposals_bulk_move_refused_as_a_whole(world):
    draft = proposal_in(world, ProposalState.DRAFT)
    ProposalFactory(state=ProposalState.PROPOSED)

    with pytest.raises(ApplicationError):
        services.proposals_transition(
            proposals=Proposal.objects.all(), target=ProposalState.REMOVED, actor=None
        )

    draft.refresh_from_db()
    assert draft.state == ProposalState.DRAFT
    assert not ProposalTransition.objects.exists()


def test_proposals_bulk_move_refused_for_a_move_with_emails(world):
    proposal_in(world, ProposalState.DRAFT)

    with pytest.raises(ValueError):
        services.proposals_transition(
            proposals=Proposal.objects.all(), target=ProposalState.PROPOSED, actor=None
        )


# --------------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------------
def partnership_in(world, state: str) -> Partnership:
    return PartnershipFactory(needs=NeedsProfileFactory(organisation=world.sme), state=state)


@pytest.mark.parametrize("role", ["sme_admin", "mentor", "coordinator"])
@pytest.mark.parametrize("move", PARTNERSHIP_MOVES.moves, ids=move_id)
def test_partnership_move_for_either_side_or_a_coordinator_is_made_and_logged(world, move, role):
    partnership = partnership_in(world, move.source)
    actor = actor_for(world, role, partnership)

    services.partnership_transition(
        partnership=partnership, target=move.target, actor=actor, comment="Moved away."
    )

    partnership.refresh_from_db()
    assert partnership.state == move.target
    assert partnership.ended_at is not None
    assert list(PartnershipTransition.objects.values_list("from_state", "to_state", "actor")) == [
        (move.source, move.target, actor.pk)
    ]


@pytest.mark.parametrize(
    ("move", "role"),
    [(m, role) for m in PARTNERSHIP_MOVES.moves for role in WRONG_ACTORS[m.actor]],
    ids=move_id,
)
def test_partnership_move_refused_for_wrong_actor(world, move, role):
    partnership = partnership_in(world, move.source)

    with pytest.raises(ApplicationError):
        services.partnership_transition(
            partnership=partnership, target=move.target, actor=getattr(world, role), comment="x"
        )

    partnership.refresh_from_db()
    assert partnership.state == move.source
    assert not PartnershipTransition.objects.exists()


NOT_PARTNERSHIP_MOVES = [
    (source, target)
    for source, target in product(PARTNERSHIP_STATES, PARTNERSHIP_STATES)
    if PARTNERSHIP_MOVES.find(source, target) is None
]


@pytest.mark.parametrize(("source", "target"), NOT_PARTNERSHIP_MOVES, ids=str)
def test_partnership_move_absent_from_table_refused(world, source, target):
    partnership = partnership_in(world, source)

    with pytest.raises(ApplicationError) as refused:
        services.partnership_transition(
            partnership=partnership, target=target, actor=world.coordinator, comment="x"
        )

    assert refused.value.message == services.MSG_PARTNERSHIP_ENDED
    assert not PartnershipTransition.objects.exists()


# --------------------------------------------------------------------------------------------
# One writer, one set of labels
# --------------------------------------------------------------------------------------------
WRITERS = {"proposal_transition", "partnership_transition"}


def _state_assignments() -> list[tuple[str, str]]:
    """(file, enclosing function) of every `<something>.state = ...` under matching/."""
    found = []
    for path in sorted(Path("matching").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                targets = node.targets if isinstance(node, ast.Assign) else []
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "state":
                        found.append((path.as_posix(), function.name))
    return found


def test_only_the_transition_functions_assign_a_state():
    assert sorted(set(_state_assignments())) == [
        ("matching/services/partnerships.py", "partnership_transition"),
        ("matching/services/proposals.py", "proposal_transition"),
    ]


def test_score_parts_have_one_label_each():
    assert (list(PART_LABELS), list(PART_SHORT_LABELS)) == (list(PARTS), list(PARTS))
