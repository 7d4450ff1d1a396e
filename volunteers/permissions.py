"""Who may do what with pledges and mentors. Used by views, templates and the admin alike."""

from accounts.enums import MembershipRole, OrganisationKind
from accounts.permissions import is_coordinator, membership_role

from .enums import VISIBLE_STATES


def is_company_admin(user, company) -> bool:
    return (
        company.kind == OrganisationKind.LARGE_COMPANY
        and membership_role(user, company) == MembershipRole.ADMIN
    )


def can_manage_pledge(user, pledge) -> bool:
    """Edit, send, withdraw, invite mentors: the company's admins."""
    return is_company_admin(user, pledge.company)


def can_view_pledge(user, pledge) -> bool:
    """Public once approved and made public; otherwise the company's admins and coordinators."""
    if pledge.is_public and pledge.state in VISIBLE_STATES:
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
