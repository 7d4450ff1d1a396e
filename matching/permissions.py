"""Who may see and do what in matchmaking. The SME's challenge text is confidential: its
members, coordinators, and the mentor of a partnership with that SME — nobody else, ever.
Before a partnership, each side sees the other anonymised: the mentor never the SME's name, the
SME never the mentor's contact details; a decline's reason goes back to the side that gave it
and to the coordinators only (an SME's words could name it)."""

from accounts.enums import OrganisationKind
from accounts.permissions import is_coordinator, membership_role

from .enums import RELEASED_PROPOSAL_STATES, Answer, PartnershipState, ProposalState, Side


def is_sme_member(user, organisation) -> bool:
    return (
        organisation.kind == OrganisationKind.SME
        and membership_role(user, organisation) is not None
    )


def _side_of(user, subject) -> str | None:
    """The side of a proposal or partnership this person is on. A page asks several predicates
    about one object: the answer is kept on it per person (as accounts keeps a user's groups)."""
    if not user.is_authenticated:
        return None
    sides = subject.__dict__.setdefault("_skillup_sides", {})
    if user.pk not in sides:
        if subject.mentor.user_id == user.pk:
            sides[user.pk] = "mentor"
        elif is_sme_member(user, subject.needs.organisation):
            sides[user.pk] = "sme"
        else:
            sides[user.pk] = None
    return sides[user.pk]


def can_view_needs(user, needs) -> bool:
    return is_sme_member(user, needs.organisation) or is_coordinator(user)


def can_view_challenge(user, needs) -> bool:
    if can_view_needs(user, needs):
        return True
    if not user.is_authenticated:
        return False
    return needs.partnerships.filter(mentor__user=user).exists()


# --------------------------------------------------------------------------------------------
# Proposals
# --------------------------------------------------------------------------------------------
def proposal_side(user, proposal) -> str | None:
    """ "sme" or "mentor" when this person answers the proposal for that side, else None."""
    return _side_of(user, proposal)


def can_view_proposal(user, proposal) -> bool:
    """Released proposals: both sides; drafts and removed drafts: coordinators only."""
    if proposal.state not in RELEASED_PROPOSAL_STATES:
        return is_coordinator(user)
    return proposal_side(user, proposal) is not None or is_coordinator(user)


def own_answer(user, proposal) -> str | None:
    """The answer this person's side gave ("" for none yet); None for someone not a side."""
    side = proposal_side(user, proposal)
    if side is None:
        return None
    return proposal.sme_answer if side == Side.SME else proposal.mentor_answer


def can_answer_proposal(user, proposal) -> bool:
    """A side that has not answered yet, while the proposal is open."""
    return proposal.state == ProposalState.PROPOSED and own_answer(user, proposal) == ""


def can_view_sme_name(user, proposal) -> bool:
    """The SME is named on a proposal to the coordinators only (not to the mentor before a
    partnership; its own members read "this mentor to your SME")."""
    return proposal_side(user, proposal) is None and is_coordinator(user)


def can_view_sme_summary(user, proposal) -> bool:
    """The anonymised SME: for the mentor and the coordinators (its members know it)."""
    return proposal_side(user, proposal) != Side.SME


def can_view_mentor_summary(user, proposal) -> bool:
    """The mentor without contact details: for the SME and the coordinators."""
    return proposal_side(user, proposal) != Side.MENTOR


def can_view_decline_reason(user, proposal) -> bool:
    """The side that declined, and the coordinators."""
    declined_by = Side.SME if proposal.sme_answer == Answer.DECLINED else Side.MENTOR
    return proposal_side(user, proposal) in (None, declined_by)


# --------------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------------
def partnership_side(user, partnership) -> str | None:
    """ "sme" or "mentor" when this person works in the partnership for that side, else None."""
    return _side_of(user, partnership)


def can_view_partnership(user, partnership) -> bool:
    return partnership_side(user, partnership) is not None or is_coordinator(user)


def can_work_in_partnership(user, partnership) -> bool:
    """Goals and check-ins: either side, while the partnership is active."""
    return (
        partnership.state == PartnershipState.ACTIVE
        and partnership_side(user, partnership) is not None
    )


def can_end_partnership(user, partnership) -> bool:
    """Either side or a coordinator, while it is active."""
    return partnership.state == PartnershipState.ACTIVE and (
        partnership_side(user, partnership) is not None or is_coordinator(user)
    )


def can_give_feedback(user, partnership) -> bool:
    """Each side once, after the end."""
    side = partnership_side(user, partnership)
    if side is None or partnership.state == PartnershipState.ACTIVE:
        return False
    return not partnership.feedback.filter(side=side).exists()


def can_read_feedback(user, feedback) -> bool:
    """Each side reads its own feedback, coordinators read both."""
    return is_coordinator(user) or feedback.side == partnership_side(user, feedback.partnership)
