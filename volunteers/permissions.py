"""Who may do what with pledges and mentors. Used by views, templates and the admin alike."""

from accounts.enums import MembershipRole, OrganisationKind
from accounts.permissions import can_accept_invitation, is_coordinator, membership_role


def is_company_admin(user, company) -> bool:
    return (
        company.kind == OrganisationKind.LARGE_COMPANY
        and membership_role(user, company) == MembershipRole.ADMIN
    )


def can_invite_mentors(user, company) -> bool:
    """Invite in-house experts of a large company to mentor: its admins (one by one or from a
    CSV), and coordinators (from a CSV, for any large company that sends them its list)."""
    if company.kind != OrganisationKind.LARGE_COMPANY:
        return False
    return is_company_admin(user, company) or is_coordinator(user)


def can_manage_pledge(user, pledge) -> bool:
    """Edit, send, withdraw, invite mentors: the company's admins."""
    return is_company_admin(user, pledge.company)


def can_view_pledge(user, pledge) -> bool:
    """Public once approved and made public; otherwise the company's admins and coordinators."""
    if pledge.is_in_viewer:
        return True
    return can_manage_pledge(user, pledge) or is_coordinator(user)


def can_view_mentor(user, mentor) -> bool:
    """Mentor profiles are never public: the mentor, the company's admins and coordinators.
    (SMEs see a summary through the proposals of the matching app, not this page.)"""
    if not user.is_authenticated:
        return False
    if mentor.user_id == user.pk:
        return True
    return is_company_admin(user, mentor.company) or is_coordinator(user)


def can_edit_mentor(user, mentor) -> bool:
    return user.is_authenticated and mentor.user_id == user.pk


def can_accept_mentor_invitation(user, invitation) -> bool:
    """The person it was sent to (same email), while it is open: as an organisation's
    invitation (accounts.permissions.can_accept_invitation)."""
    return can_accept_invitation(user, invitation)
