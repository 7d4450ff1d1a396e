"""Who may see and do what in matchmaking. The SME's challenge text is confidential: its
members, coordinators, and the mentor of a partnership with that SME — nobody else, ever."""

from accounts.enums import OrganisationKind
from accounts.permissions import is_coordinator, membership_role

from .enums import RELEASED_PROPOSAL_STATES


def is_sme_member(user, organisation) -> bool:
    return (
        organisation.kind == OrganisationKind.SME
        and membership_role(user, organisation) is not None
    )


def can_view_needs(user, needs) -> bool:
    return is_sme_member(user, needs.organisation) or is_coordinator(user)


def can_view_challenge(user, needs) -> bool:
    if can_view_needs(user, needs):
        return True
    if not user.is_authenticated:
        return False
    return needs.partnerships.filter(mentor__user=user).exists()


def proposal_side(user, proposal) -> str | None:
    """ "sme" or "mentor" when this person answers the proposal for that side, else None."""
    if not user.is_authenticated:
        return None
    if proposal.mentor.user_id == user.pk:
        return "mentor"
    if is_sme_member(user, proposal.needs.organisation):
        return "sme"
    return None


def can_view_proposal(user, proposal) -> bool:
    """Released proposals: both sides; drafts and removed drafts: coordinators only."""
    if proposal.state not in RELEASED_PROPOSAL_STATES:
        return is_coordinator(user)
    return proposal_side(user, proposal) is not None or is_coordinator(user)


def partnership_side(user, partnership) -> str | None:
    if not user.is_authenticated:
        return None
    if partnership.mentor.user_id == user.pk:
        return "mentor"
    if is_sme_member(user, partnership.needs.organisation):
        return "sme"
    return None


def can_view_partnership(user, partnership) -> bool:
    return partnership_side(user, partnership) is not None or is_coordinator(user)
