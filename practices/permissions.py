"""Who may do what with calls and practices. Used by views, templates and the admin alike.

Whether an SME may write to a call at this moment is Call.window_for() (its extension
included); the predicates below that depend on it take an optional `window` already worked out
for the practice's SME, to save the query.

Conflicts of interest, stated once: a person is in conflict with a practice when they belong to
its organisation, when they declared a conflict with its organisation or with the practice
itself (ReviewConflict), or when a member of its organisation has an email address at the
person's own email domain (public webmail domains excepted: PUBLIC_EMAIL_DOMAINS, and the
domains of the REVIEW_CONFLICT_SHARED_DOMAINS setting). Someone in conflict with a practice
does not see it, its reviews or its scores anywhere: selectors.practices_for_staff (every
staff queryset starts from it) excludes it with `exclude_conflicts`; the predicates below ask
`is_in_conflict` for one practice.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.enums import MembershipRole, OrganisationKind
from accounts.models import Membership
from accounts.permissions import is_coordinator, is_reviewer, membership_role

from .enums import PracticeState
from .models import Practice, ReviewConflict

# Addresses many unrelated people share: sharing one with an SME's member says nothing about
# the person. (Lower case; a deployment adds its region's providers in the
# REVIEW_CONFLICT_SHARED_DOMAINS setting.)
PUBLIC_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "outlook.fr",
        "outlook.de",
        "hotmail.com",
        "hotmail.fr",
        "hotmail.de",
        "hotmail.it",
        "hotmail.es",
        "hotmail.co.uk",
        "live.com",
        "live.fr",
        "live.de",
        "live.it",
        "live.nl",
        "live.be",
        "msn.com",
        "yahoo.com",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.it",
        "yahoo.es",
        "yahoo.co.uk",
        "ymail.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        "web.de",
        "t-online.de",
        "freenet.de",
        "posteo.de",
        "mailbox.org",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "libero.it",
        "virgilio.it",
        "tiscali.it",
        "alice.it",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "tutanota.com",
        "zoho.com",
        "yandex.com",
        "mail.com",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "onet.pl",
        "interia.pl",
        "abv.bg",
        "sapo.pt",
        "telenet.be",
        "skynet.be",
        "ziggo.nl",
        "kpnmail.nl",
        "bluewin.ch",
    }
)


def email_domain(email: str) -> str:
    """The domain of an address, lower case ("" when there is none)."""
    local, at, domain = (email or "").strip().rpartition("@")
    return domain.lower().rstrip(".") if at and local else ""


def conflict_domain(user) -> str:
    """The email domain that puts `user` in conflict with the SMEs whose members share it, or
    "" when their domain is a shared one (public webmail, REVIEW_CONFLICT_SHARED_DOMAINS)."""
    domain = email_domain(getattr(user, "email", ""))
    shared = {d.lower() for d in getattr(settings, "REVIEW_CONFLICT_SHARED_DOMAINS", ())}
    if not domain or domain in PUBLIC_EMAIL_DOMAINS or domain in shared:
        return ""
    return domain


def conflict_conditions(user) -> list[Exists]:
    """One EXISTS per kind of conflict, over Practice rows (see the module's docstring).
    Addresses are stored in lower case (accounts.User.save), so the domain test is a plain
    suffix match."""
    organisation = OuterRef("organisation")
    conditions = [
        Exists(Membership.objects.filter(user=user.pk, organisation=organisation)),
        Exists(ReviewConflict.objects.filter(reviewer=user.pk, organisation=organisation)),
        Exists(ReviewConflict.objects.filter(reviewer=user.pk, practice=OuterRef("pk"))),
    ]
    domain = conflict_domain(user)
    if domain:
        conditions.append(
            Exists(
                Membership.objects.filter(
                    organisation=organisation, user__email__endswith="@" + domain
                )
            )
        )
    return conditions


def exclude_conflicts(queryset: QuerySet, user) -> QuerySet:
    """`queryset` (of practices) without those `user` is in conflict with. One NOT EXISTS
    each, which PostgreSQL runs as anti-joins (an OR of them it could not)."""
    for condition in conflict_conditions(user):
        queryset = queryset.exclude(condition)
    return queryset


def in_conflict_condition(user) -> Q:
    """The practices `user` is in conflict with, as one condition (for a filter())."""
    return reduce(or_, (Q(condition) for condition in conflict_conditions(user)))


def is_in_conflict(user, practice) -> bool:
    """Is `user` in conflict of interest with `practice`? One query."""
    if not user.is_authenticated:
        return False
    return Practice.objects.filter(pk=practice.pk).filter(in_conflict_condition(user)).exists()


def is_programme_staff(user) -> bool:
    return is_reviewer(user) or is_coordinator(user)


def _role_in(user, organisation) -> str | None:
    """The person's role in `organisation` (None: not a member). A page asks several
    predicates about one practice (view, edit, submit, withdraw, take down): the answer is kept
    on the organisation object per person (as matching keeps a person's side of a proposal),
    so it costs one query per request."""
    if not user.is_authenticated:
        return None
    roles = organisation.__dict__.setdefault("_skillup_roles", {})
    if user.pk not in roles:
        roles[user.pk] = membership_role(user, organisation)
    return roles[user.pk]


def is_member_of(user, organisation) -> bool:
    """Does `user` belong to `organisation`? (One query per request: see _role_in.)"""
    return _role_in(user, organisation) is not None


def is_sme_admin(user, organisation) -> bool:
    """Is `user` an administrator of `organisation`? (The same query as is_member_of.)"""
    return _role_in(user, organisation) == MembershipRole.ADMIN


def can_view_call(user, call) -> bool:
    """A listed call is public; an unlisted one (in preparation) is a preview for staff."""
    return call.is_listed or user.is_staff or is_programme_staff(user)


def can_submit_for(user, organisation) -> bool:
    """Any member of an SME may draft and submit practices for it."""
    return organisation.kind == OrganisationKind.SME and is_member_of(user, organisation)


def can_create_practice(user, call, organisation) -> bool:
    """A member of an SME, while the call is open for that SME."""
    return can_submit_for(user, organisation) and call.window_for(organisation).is_open


def can_view_submission(user, practice) -> bool:
    """The SME's members, and programme staff without a conflict of interest."""
    if is_member_of(user, practice.organisation):
        return True
    return can_review_practice(user, practice)


def is_editable_now(practice, *, window=None) -> bool:
    """Its state lets its SME change it (a draft or a submission) and the call is open for the
    SME at this moment."""
    if not practice.is_sme_editable:
        return False
    window = window or practice.call.window_for(practice.organisation)
    return window.is_open


def can_edit_submission(user, practice, *, window=None) -> bool:
    """The SME's members, while the practice is editable now (see is_editable_now)."""
    return is_member_of(user, practice.organisation) and is_editable_now(practice, window=window)


def can_withdraw_submission(user, practice, *, window=None) -> bool:
    """Withdrawing follows the rule of editing: the SME's members, while it is editable now."""
    return can_edit_submission(user, practice, window=window)


def can_submit_practice(user, practice, *, window=None) -> bool:
    """The SME's members may submit a draft while the call is open for the SME."""
    if practice.state != PracticeState.DRAFT or not is_member_of(user, practice.organisation):
        return False
    window = window or practice.call.window_for(practice.organisation)
    return window.is_open


def can_approve_public_version(user, practice) -> bool:
    """The SME's members, while the practice awaits their approval of its public version:
    selected and not approved yet, or published once with a staff change of its text."""
    awaits = practice.awaits_public_version_approval or practice.awaits_public_text_approval
    return awaits and is_member_of(user, practice.organisation)


def can_take_down_practice(user, practice) -> bool:
    """The SME's administrators withdraw their consent to a published practice (it leaves the
    public site; workflow: published → taken down)."""
    return practice.state == PracticeState.PUBLISHED and is_sme_admin(user, practice.organisation)


def can_publish_again(user, practice) -> bool:
    """The SME's administrators publish a practice they took down again, with a new consent."""
    return practice.state == PracticeState.TAKEN_DOWN and is_sme_admin(user, practice.organisation)


def can_answer_invitation(user, invitation) -> bool:
    """The invited SME's members, until the event starts."""
    return invitation.event.starts_at > timezone.now() and is_member_of(
        user, invitation.practice.organisation
    )


def can_review_practice(user, practice) -> bool:
    """Programme staff review, except a practice they are in conflict of interest with (their
    own organisation's, a declared conflict, their email domain: see the module's docstring)."""
    if not is_programme_staff(user):
        return False
    if practice.state in (PracticeState.DRAFT, PracticeState.WITHDRAWN):
        return False  # drafts are the SME's own business
    return not is_in_conflict(user, practice)


def can_assign_reviewers(user) -> bool:
    """Coordinators give practices to reviewers (by hand or for a whole call)."""
    return is_coordinator(user)


def can_be_assigned(user) -> bool:
    """Who may receive practices to review: active staff in the Reviewers group."""
    return user.is_active and is_reviewer(user)


def can_declare_conflict(user) -> bool:
    """Programme staff declare their own conflicts of interest."""
    return is_programme_staff(user)


def can_withdraw_conflict(user, conflict) -> bool:
    """A declared conflict is withdrawn by a coordinator (the reviewer asks one): withdrawing
    shows the practices again, a decision the programme keeps the record of."""
    return is_coordinator(user)


def can_see_other_reviews(user, practice, *, has_own_review: bool) -> bool:
    """A reviewer sees the others' scores only once they have given their own.
    Coordinators oversee the process and see them all."""
    return is_coordinator(user) or has_own_review


def is_public_attachment(practice) -> bool:
    """A published practice's file, its SME having consented to publication: anyone's."""
    return practice.state == PracticeState.PUBLISHED and practice.publication_consent


def can_view_attachment(user, practice) -> bool:
    if is_public_attachment(practice):
        return True
    return can_view_submission(user, practice)
