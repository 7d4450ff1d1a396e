from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from .enums import MembershipRole
from .models import Invitation, Membership, Organisation, User


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def organisation_admins(organisation: Organisation) -> QuerySet[User]:
    """The active administrators of `organisation`, oldest account first: who hears about what
    the organisation does (emails go out in this order) and whom the other side may contact."""
    return User.objects.filter(
        memberships__organisation=organisation,
        memberships__role=MembershipRole.ADMIN,
        is_active=True,
    ).order_by("pk")


def organisation_with_people(organisation_id: int) -> Organisation:
    """One organisation with its members and open invitations loaded in three queries."""
    return Organisation.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("user")),
        Prefetch(
            "invitations",
            queryset=Invitation.objects.filter(accepted_at__isnull=True).select_related(
                "invited_by"
            ),
            to_attr="open_invitations",
        ),
    ).get(pk=organisation_id)


def open_invitations_for(email: str) -> QuerySet[Invitation]:
    """Invitations to join an organisation still open for this address (any case)."""
    return Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("organisation")
