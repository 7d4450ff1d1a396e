"""Writes for accounts and organisations. Each service validates, saves and says what it sends."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from skillup.errors import ApplicationError
from skillup.links import absolute_url

from .enums import ConsentKind, MembershipRole, OrganisationKind
from .models import (
    MSG_DUPLICATE_ORGANISATION,
    Consent,
    Invitation,
    Membership,
    Organisation,
    User,
)
from .permissions import (
    can_accept_invitation,
    can_change_organisation_kind,
    can_manage_organisation,
)
from .selectors import organisation_kind_bound_records

MSG_NOT_ALLOWED = _("You are not allowed to do this.")
MSG_ALREADY_MEMBER = _("This person is already a member of the organisation.")
MSG_INVITATION_CLOSED = _("This invitation has expired or has already been used.")
MSG_INVITATION_OTHER_EMAIL = _(
    "This invitation was sent to another email address. Log in with that address to accept it."
)
MSG_KIND_SET_AT_REGISTRATION = _(
    "An organisation's kind is chosen when it is registered. "
    "If it is wrong, ask the programme's coordinators to change it."
)
# %(records)s lists what the organisation has, e.g. "practices (2), needs profiles (1)"
MSG_KIND_STAYS_SME = _("%(name)s cannot stop being an SME while it has %(records)s.")
MSG_KIND_STAYS_COMPANY = _("%(name)s cannot stop being a large company while it has %(records)s.")

# What an organisation's administrators may change (its kind is not theirs to change)
ORGANISATION_EDITABLE_FIELDS = frozenset({"name", "country", "sector", "size_band", "website"})


@transaction.atomic
def organisation_create(*, user: User, **fields) -> Organisation:
    """Register an organisation; its creator becomes its first administrator."""
    organisation = Organisation(created_by=user, **fields)
    organisation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as exc:
        raise ApplicationError(MSG_DUPLICATE_ORGANISATION, field="name") from exc
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.ADMIN)
    return organisation


@transaction.atomic
def organisation_update(*, user: User, organisation: Organisation, **fields) -> Organisation:
    """An administrator edits the organisation's details; never its kind (refused: see
    organisation_kind_change)."""
    if not can_manage_organisation(user, organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if "kind" in fields:
        raise ApplicationError(MSG_KIND_SET_AT_REGISTRATION, field="kind")
    unknown = set(fields) - ORGANISATION_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"organisation_update() cannot change {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            organisation.save(update_fields=list(fields))
    except IntegrityError as exc:
        raise ApplicationError(MSG_DUPLICATE_ORGANISATION, field="name") from exc
    return organisation


def organisation_lock_as(organisation: Organisation, kind: str, refusal) -> Organisation:
    """Before a record that belongs to one kind of organisation is written (a practice or needs
    profile for an SME; a pledge or mentor for a large company): lock the organisation's row
    (FOR NO KEY UPDATE, which waits for organisation_kind_change's lock) and read its kind
    again, so a kind changed meanwhile refuses the write with `refusal` instead of leaving a
    practice under a large company. Call it inside the writing transaction."""
    locked = (
        Organisation.objects.select_for_update(no_key=True).only("kind").get(pk=organisation.pk)
    )
    organisation.kind = locked.kind
    if locked.kind != kind:
        raise ApplicationError(refusal)
    return organisation


def organisation_kind_change_error(organisation: Organisation, kind: str) -> str:
    """Why `organisation` cannot become `kind` now ("" if it can): the records it has as what
    it is in the database (practices, a needs profile; pledges, mentors...) would be left
    behind. Read without a lock: the admin's form asks it to show the reason at once;
    organisation_kind_change asks again under the row lock."""
    current = Organisation.objects.filter(pk=organisation.pk).values_list("kind", flat=True)
    current = current.first()
    if current is None or current == kind:
        return ""
    records = organisation_kind_bound_records(organisation)
    if not records:
        return ""
    listed = ", ".join(
        gettext("%(what)s (%(count)d)") % {"what": what, "count": count} for what, count in records
    )
    message = MSG_KIND_STAYS_SME if current == OrganisationKind.SME else MSG_KIND_STAYS_COMPANY
    return str(message) % {"name": organisation.name, "records": listed}


@transaction.atomic
def organisation_kind_change(
    *, user: User, organisation: Organisation, kind: str, size_band: str | None = None
) -> Organisation:
    """Make an organisation an SME or a large company (coordinators, in the admin).

    1. Only coordinators (can_change_organisation_kind), else ApplicationError.
    2. Locks the organisation's row: a practice, pledge, mentor or needs profile created for it
       meanwhile waits for the lock (its foreign key), so nothing slips in between the check
       and the change.
    3. Refused with the reason (ValidationError on "kind") while it has records of its current
       kind: organisation_kind_change_error.
    4. Saves the kind and the size band (which must fit the kind; `size_band` None keeps it).
    No email; the admin's history records the change.
    """
    if not can_change_organisation_kind(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    error = organisation_kind_change_error(locked, kind)
    if error:
        raise ValidationError({"kind": error})
    locked.kind = kind
    if size_band is not None:
        locked.size_band = size_band
    locked.full_clean(validate_constraints=False)
    locked.save(update_fields=["kind", "size_band"])
    organisation.kind, organisation.size_band = locked.kind, locked.size_band
    return locked


@transaction.atomic
def invitation_create(
    *, user: User, organisation: Organisation, email: str, role: str = MembershipRole.MEMBER
) -> Invitation:
    """Invite a colleague by email; inviting the same address again re-sends the open invitation
    (with a fresh expiry) instead of creating a second one.

    Side effect: the invitation email (notification outbox), sent once the transaction commits.
    """
    if not can_manage_organisation(user, organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ApplicationError(MSG_ALREADY_MEMBER, field="email")
    invitation = (
        Invitation.objects.select_for_update()
        .unanswered()
        .filter(organisation=organisation, email__iexact=email)
        .first()
    )
    if invitation is None:
        invitation = Invitation(organisation=organisation, email=email)
    invitation.role = role
    invitation.invited_by = user
    invitation.renew()
    invitation.language = translation.get_language() or settings.LANGUAGE_CODE
    invitation.full_clean(exclude=["token"], validate_constraints=False)
    invitation.save()
    notify(**invitation_notification_kwargs(invitation, event="invitation"))
    return invitation


def invitation_notification_kwargs(invitation: Invitation, *, event: str) -> dict:
    """What notify() needs for the invitation email and its reminder."""
    accept_url = absolute_url(invitation, language=invitation.language)
    return {
        "event": event,
        "about": invitation,
        "email": invitation.email,
        "language": invitation.language,
        "context": {
            "organisation": invitation.organisation.name,
            "inviter": str(invitation.invited_by or invitation.organisation.name),
            "accept_url": accept_url,
            "invitation": invitation,
        },
        # inviting again renews the expiry and is a new email, not a duplicate
        "occurrence": invitation.expires_at.isoformat(),
    }


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    """Join the organisation of an open invitation addressed to this user's email."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ApplicationError(MSG_INVITATION_CLOSED)
    if not can_accept_invitation(user, invitation):
        raise ApplicationError(MSG_INVITATION_OTHER_EMAIL)
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# --------------------------------------------------------------------------------------------
# Consents (account deletion and retention live in privacy.services)
# --------------------------------------------------------------------------------------------
def _current_version(kind: str) -> str:
    return {
        ConsentKind.TERMS: settings.TERMS_VERSION,
        ConsentKind.PUBLICATION: settings.PUBLICATION_CONSENT_VERSION,
    }.get(kind, settings.PRIVACY_NOTICE_VERSION)


def _about(obj) -> dict:
    if obj is None:
        return {"content_type": None, "object_id": ""}
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk)}


def consent_give(*, user: User | None, kind: str, about=None, version: str = "") -> Consent:
    """Record that `user` ticked a consent box just now, with the version of its text (the
    setting for `kind` unless given). An active consent of the same kind, version and object is
    kept rather than duplicated."""
    version = version or _current_version(kind)
    where = {"user": user, "kind": kind, **_about(about)}
    existing = Consent.objects.filter(**where, version=version, withdrawn_at__isnull=True).first()
    if existing is not None:
        return existing
    consent = Consent(**where, version=version)
    consent.full_clean()
    consent.save()
    return consent


def consent_withdraw(*, kind: str, about=None, user: User | None = None) -> int:
    """Mark the active consents of `kind` (about `about`, and by `user` if given) withdrawn now;
    returns how many."""
    where = {"kind": kind, **_about(about)}
    if user is not None:
        where["user"] = user
    return Consent.objects.filter(**where, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
