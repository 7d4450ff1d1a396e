from django.db.models import Prefetch, QuerySet

from .models import Invitation, Membership, Organisation, User


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


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
