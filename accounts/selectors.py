from urllib.parse import urlsplit

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from django.urls import Resolver404, resolve
from django.utils import translation

from .enums import MembershipRole
from .models import Invitation, InvitationBase, Membership, Organisation, User


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
            queryset=Invitation.objects.unanswered().select_related("invited_by"),
            to_attr="open_invitations",
        ),
    ).get(pk=organisation_id)


def _link_match(path: str):
    """The URL match of a local path in the language its prefix names, or None."""
    path = urlsplit(path).path
    language = translation.get_language_from_path(path) or translation.get_language()
    with translation.override(language):
        try:
            return resolve(path)
        except Resolver404:
            return None


def is_token_link(path: str) -> bool:
    """Whether `path` is a page reached by a secret token (an invitation's link, say)."""
    match = _link_match(path)
    return match is not None and bool(match.kwargs.get("token"))


def invitation_by_link(path: str) -> InvitationBase | None:
    """The invitation whose link is `path` ("/en/invitations/<token>/"), open or not: to an
    organisation, or of any other kind built on InvitationBase (mentor invitations), found
    through the models rather than imported (accounts sits below the apps that define them).
    None when `path` is no invitation's link."""
    match = _link_match(path)
    token = match.kwargs.get("token") if match is not None else None
    if not token:
        return None
    for model in apps.get_models():
        if not issubclass(model, InvitationBase):
            continue
        invitation = model._default_manager.filter(token=token).first()
        # the same token in another kind's table would not be this link's invitation
        if invitation is not None and (
            _link_match(invitation.get_absolute_url()).view_name == match.view_name
        ):
            return invitation
    return None


def open_invitations_for(email: str) -> QuerySet[Invitation]:
    """Invitations to join an organisation still open for this address (any case)."""
    return Invitation.objects.open().filter(email__iexact=email).select_related("organisation")


# Relations to an organisation that mean the same whatever its kind: its people, and a
# reviewer's declared conflict of interest with it. Every other relation (practices and their
# deadline extensions, pledges, mentors and their invitations, a needs profile, an SME's list
# of companies to exclude) is its kind's own, and a change of kind would leave it behind. A
# relation added later counts as the kind's own until it is listed here: refusing is the safe
# side. Labels, not imports: accounts sits below the apps that point to it.
KIND_NEUTRAL_RELATIONS = frozenset(
    {"accounts.Membership", "accounts.Invitation", "practices.ReviewConflict"}
)


def organisation_kind_bound_records(organisation: Organisation) -> list[tuple[str, int]]:
    """What `organisation` has as an SME or as a large company, as (what, how many), in the
    order of the relations; one count query per relation. Empty: its kind may change."""
    found = []
    for relation in Organisation._meta.related_objects:
        model = relation.related_model
        if model._meta.label in KIND_NEUTRAL_RELATIONS:
            continue
        count = model._base_manager.filter(**{relation.field.name: organisation.pk}).count()
        if not count:
            continue
        what = str(model._meta.verbose_name_plural)
        if relation.many_to_many:  # the other side's list that names it ("companies to exclude")
            what = f"{what} ({relation.field.verbose_name})"
        found.append((what, count))
    return found
