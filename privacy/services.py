"""Writes for a person's rights over their data: erasing an account (GDPR art. 17) and
applying the retention periods. Each service says what it removes or keeps."""

import uuid

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.enums import MembershipRole
from accounts.models import Consent, Invitation, Membership, Organisation, User
from matching.enums import PartnershipState, ProposalState
from notifications.models import Notification, Preference
from notifications.services import notification_bodies_purge
from practices.models import ContactMessage, Practice
from practices.services import contact_messages_purge, practices_purge_expired
from skillup.errors import ApplicationError
from volunteers.models import MentorInvitation, MentorProfile, Pledge

MSG_LAST_ADMIN = _(
    "You are the only administrator of %(name)s, which has other members. Make one of them an "
    "administrator (or ask the programme team to) before deleting your account."
)
MSG_MENTOR_BUSY = _(
    "You are mentoring an SME or a proposal is waiting for your answer. End the partnership or "
    "answer the proposal (or ask the coordinators) before deleting your account."
)
ERASED_EMAIL_DOMAIN = "erased.invalid"  # .invalid never resolves (RFC 2606): no mail can leave


def account_delete_refusal(user: User) -> str | None:
    """Why `user` may not delete their account now (someone else depends on them), or None."""
    for membership in user.memberships.filter(role=MembershipRole.ADMIN).select_related(
        "organisation"
    ):
        organisation = membership.organisation
        others = organisation.memberships.exclude(user=user)
        if others.exists() and not others.filter(role=MembershipRole.ADMIN).exists():
            return MSG_LAST_ADMIN % {"name": organisation.name}
    mentor = getattr(user, "mentor_profile", None)
    if mentor is not None and (
        mentor.partnerships.filter(state=PartnershipState.ACTIVE).exists()
        or mentor.proposals.filter(state=ProposalState.PROPOSED).exists()
    ):
        return MSG_MENTOR_BUSY
    return None


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Erase a person's account (GDPR art. 17). The password is checked by the view.

    Refused (ApplicationError) while someone depends on the person: the last administrator of an
    organisation that has other members; a mentor with an active partnership or a proposal
    waiting for answers. Otherwise:

    1. removes: memberships, email addresses and MFA devices, sessions, emails addressed to the
       person (outbox rows) and their email preferences, invitations sent to their address,
       messages they sent to SMEs as a visitor, draft proposals to them;
    2. keeps without the person: practices and pledges they wrote (the organisation's; their
       author link is emptied), organisations they registered;
    3. keeps anonymised: a mentor profile that proposals or partnerships refer to (bio, languages,
       countries, sectors and skills emptied; never proposed again); deleted otherwise;
    4. withdraws their active consents (the records stay: they prove what was agreed);
    5. anonymises the user row in place: a random unusable address, no name, no password,
       inactive, no staff rights or groups. Logs, reviews and decisions that point to it read
       "a deleted user". The row stays because reviews, deadline extensions and partnerships
       refer to people with PROTECT, and because the logs must stay whole.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return user
    refusal = account_delete_refusal(user)
    if refusal is not None:
        raise ApplicationError(refusal)
    now = timezone.now()
    email = user.email

    about_person = _objects_naming(user)
    user.memberships.all().delete()
    Practice.objects.filter(created_by=user).update(created_by=None)
    Pledge.objects.filter(created_by=user).update(created_by=None)
    Organisation.objects.filter(created_by=user).update(created_by=None)

    mentor = getattr(user, "mentor_profile", None)
    if mentor is not None:
        mentor.proposals.filter(state=ProposalState.DRAFT).delete()
        if mentor.proposals.exists() or mentor.partnerships.exists():
            mentor.skills.all().delete()
            mentor.bio = ""
            mentor.languages = []
            mentor.countries = []
            mentor.sectors = []
            mentor.save(update_fields=["bio", "languages", "countries", "sectors", "updated_at"])
        else:
            mentor.delete()

    Notification.objects.filter(
        models.Q(recipient=user) | models.Q(to_email__iexact=email)
    ).delete()
    Preference.objects.filter(email__iexact=email).delete()
    Invitation.objects.filter(email__iexact=email).delete()
    MentorInvitation.objects.filter(email__iexact=email).delete()
    ContactMessage.objects.filter(email__iexact=email).delete()
    Consent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    _forget_login_data(user)
    _scrub_admin_log(about_person, email=email)

    user.email = f"deleted-{uuid.uuid4().hex}@{ERASED_EMAIL_DOMAIN}"
    user.full_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.erased_at = now
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user


def _forget_login_data(user: User) -> None:
    """Email addresses, second factors and open sessions of `user`."""
    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.mfa"):
        apps.get_model("mfa", "Authenticator").objects.filter(user=user).delete()
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        mine = [
            session.pk
            for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
            if session.get_decoded().get("_auth_user_id") == str(user.pk)
        ]
        Session.objects.filter(pk__in=mine).delete()


def _objects_naming(user: User) -> list[tuple[ContentType, str]]:
    """The objects whose str() holds the person's name: the user, memberships, mentor profile."""
    found = [(ContentType.objects.get_for_model(User), str(user.pk))]
    membership_type = ContentType.objects.get_for_model(Membership)
    found += [(membership_type, str(pk)) for pk in user.memberships.values_list("pk", flat=True)]
    mentor = MentorProfile.objects.filter(user=user).values_list("pk", flat=True).first()
    if mentor is not None:
        found.append((ContentType.objects.get_for_model(MentorProfile), str(mentor)))
    return found


def _scrub_admin_log(objects: list[tuple[ContentType, str]], *, email: str) -> None:
    """The admin's history names objects by their str(), which held the person's name or
    address; those names are replaced."""
    found = models.Q(object_repr__icontains=email)
    for content_type, object_id in objects:
        found |= models.Q(content_type=content_type, object_id=object_id)
    LogEntry.objects.filter(found).update(object_repr=gettext("a deleted user"))


def retention_apply(*, now=None) -> dict[str, int]:
    """Apply every retention period (settings RETENTION_*), as the daily task does; returns
    how many rows each step removed or blanked. Running it twice changes nothing more."""
    now = now or timezone.now()
    return {
        "practices": practices_purge_expired(now=now),
        "contact_messages": contact_messages_purge(now=now),
        "notification_bodies": notification_bodies_purge(now=now),
    }
