"""Who may do what with organisations. Used by views, templates and the admin alike."""

from .enums import MembershipRole
from .models import Invitation, Organisation
from .roles import COORDINATORS, REVIEWERS


def _in_group(user, name: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    # groups are prefetched by the dashboard; a set lookup avoids one query per check
    cache = getattr(user, "_skillup_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._skillup_group_names = cache
    return name in cache


def is_reviewer(user) -> bool:
    return user.is_authenticated and user.is_staff and _in_group(user, REVIEWERS)


def is_coordinator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or (user.is_staff and _in_group(user, COORDINATORS))


def membership_role(user, organisation: Organisation) -> str | None:
    if not user.is_authenticated:
        return None
    return organisation.memberships.filter(user=user).values_list("role", flat=True).first()


def can_view_organisation(user, organisation: Organisation) -> bool:
    return membership_role(user, organisation) is not None or is_coordinator(user)


def can_manage_organisation(user, organisation: Organisation) -> bool:
    """Edit the organisation and invite colleagues: its admins only."""
    return membership_role(user, organisation) == MembershipRole.ADMIN


def can_accept_invitation(user, invitation: Invitation) -> bool:
    return (
        user.is_authenticated
        and invitation.is_open
        and user.email.lower() == invitation.email.lower()
    )


def can_change_organisation_kind(user) -> bool:
    """An organisation's kind is chosen at registration; afterwards only coordinators change it
    (in the admin, and only while nothing of its current kind would be left behind:
    accounts.services.organisation_kind_change)."""
    return is_coordinator(user)
