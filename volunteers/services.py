"""Writes for pledges and mentors. Each service checks, saves, logs and says what it sends.

pledge_transition() is the one function that changes a pledge's state (see workflow.MOVES).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.enums import ConsentKind, MembershipRole, OrganisationKind
from accounts.models import Membership, Organisation, User
from accounts.permissions import is_coordinator
from accounts.selectors import organisation_admins
from accounts.services import consent_give, consent_withdraw
from matching.models import Skill
from notifications.services import notify
from skillup.day_formats import day_format
from skillup.errors import ApplicationError
from skillup.links import absolute_url, language_of

from .commitments import COMMITMENTS_VERSION
from .enums import (
    CLOSED_STATES,
    EDITABLE_STATES,
    Availability,
    MentorState,
    PledgeActor,
    PledgeState,
)
from .invitation_csv import ExpertRow, check_rows
from .models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
    PledgeTransition,
)
from .permissions import (
    can_accept_mentor_invitation,
    can_edit_mentor,
    can_invite_mentors,
    is_company_admin,
)
from .workflow import find_move

MSG_NOT_ALLOWED = _("You are not allowed to do this.")
MSG_AGREEMENT_FUTURE = _(
    "A new version is published on the day it comes into force: its date cannot be in the future."
)
MSG_NOT_A_COMPANY = _("Only a large company can pledge as a Digital Volunteer.")
MSG_OPEN_PLEDGE_EXISTS = _(
    "Your company already has a pledge under way. Complete or withdraw it before making another."
)
MSG_NOT_EDITABLE = _("This pledge can no longer be changed: it is %(state)s.")
MSG_MOVE_NOT_ALLOWED = _("A pledge cannot go from “%(source)s” to “%(target)s”.")
MSG_COMMITMENTS_MISSING = _("Confirm the three commitments before sending the pledge.")
MSG_REASON_REQUIRED = _("Give the company a reason for the rejection.")
MSG_ALREADY_MENTOR = _("This person is already a mentor of your company.")
MSG_ALREADY_INVITED = _("Already invited: the invitation is valid until %(date)s.")
MSG_INVITATION_CLOSED = _("This invitation has expired or has already been used.")
MSG_INVITATION_OTHER_EMAIL = _(
    "This invitation was sent to another email address. Log in with that address to accept it."
)
MSG_MENTOR_OF_OTHER_COMPANY = _("You are already a mentor for another company.")
MSG_AGREEMENT_MISSING = _("No confidentiality agreement is in force yet. Please try again later.")
MSG_MENTOR_NOT_PENDING = _("Only a mentor whose profile awaits approval can be decided on.")

PLEDGE_EVENTS = {
    PledgeState.PENDING: "pledge_received",
    PledgeState.APPROVED: "pledge_approved",
    PledgeState.REJECTED: "pledge_rejected",
    PledgeState.COMPLETED: "pledge_completed",
}


# --------------------------------------------------------------------------------------------
# Pledges
# --------------------------------------------------------------------------------------------
def _unique_slug(company: Organisation, year: int) -> str:
    base = slugify(f"{company.name} {year}")[:80] or f"pledge-{year}"
    slug, n = base, 2
    while Pledge.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(pledge: Pledge, *, user: User, fields: dict) -> None:
    for name, value in fields.items():
        setattr(pledge, name, value)
    if pledge.commitments_confirmed and pledge.commitments_accepted_at is None:
        pledge.commitments_accepted_at = timezone.now()
        pledge.commitments_accepted_by = user
        pledge.commitments_version = COMMITMENTS_VERSION
    elif not pledge.commitments_confirmed:
        pledge.commitments_accepted_at = None
        pledge.commitments_accepted_by = None
    pledge.full_clean(exclude=["slug"], validate_constraints=False)


def _record_commitments(pledge: Pledge) -> None:
    """Keep the Consent record of the commitments in step with the pledge (idempotent)."""
    if pledge.commitments_accepted_at is not None:
        consent_give(
            user=pledge.commitments_accepted_by,
            kind=ConsentKind.PLEDGE_COMMITMENTS,
            about=pledge,
            version=pledge.commitments_version,
        )
    else:
        consent_withdraw(kind=ConsentKind.PLEDGE_COMMITMENTS, about=pledge)


@transaction.atomic
def pledge_create(
    *, user: User, company: Organisation, fields: dict, expertise: Iterable[Skill] = ()
) -> Pledge:
    """A draft pledge for `company`; its admins edit it until they send it for approval.

    The commitments, when all three are ticked, are recorded with their version, time and person.
    """
    if company.kind != OrganisationKind.LARGE_COMPANY:
        raise ApplicationError(MSG_NOT_A_COMPANY)
    if not is_company_admin(user, company):
        raise ApplicationError(MSG_NOT_ALLOWED)
    Organisation.objects.select_for_update().get(pk=company.pk)  # one pledge at a time
    if Pledge.objects.filter(company=company).exclude(state__in=CLOSED_STATES).exists():
        raise ApplicationError(MSG_OPEN_PLEDGE_EXISTS)
    pledge = Pledge(company=company, created_by=user)
    _apply(pledge, user=user, fields=fields)
    pledge.slug = _unique_slug(company, pledge.starts_on.year)
    try:
        with transaction.atomic():
            pledge.save()
    except IntegrityError as exc:  # a concurrent create won the race
        raise ApplicationError(MSG_OPEN_PLEDGE_EXISTS) from exc
    _record_commitments(pledge)
    pledge.expertise.set(expertise)
    return pledge


@transaction.atomic
def pledge_update(
    *, user: User, pledge: Pledge, fields: dict, expertise: Iterable[Skill] = ()
) -> Pledge:
    """Change a draft (or a rejected pledge before sending it again)."""
    pledge = Pledge.objects.select_for_update().select_related("company").get(pk=pledge.pk)
    if not is_company_admin(user, pledge.company):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if pledge.state not in EDITABLE_STATES:
        raise ApplicationError(MSG_NOT_EDITABLE % {"state": pledge.get_state_display().lower()})
    _apply(pledge, user=user, fields=fields)
    pledge.save()
    _record_commitments(pledge)
    pledge.expertise.set(expertise)
    return pledge


@transaction.atomic
def pledge_transition(*, pledge: Pledge, target: str, actor: User, comment: str = "") -> Pledge:
    """Move `pledge` to `target`.

    1. locks the row and finds the move in workflow.MOVES (refused if absent);
    2. checks the actor: the company's admins for company moves, coordinators for theirs;
    3. checks the move's own conditions (three commitments to send, a reason to reject);
    4. saves the changed fields and writes a PledgeTransition row;
    5. writes the company admins' email to the outbox (sent after commit).
    """
    pledge = Pledge.objects.select_for_update().select_related("company").get(pk=pledge.pk)
    source = pledge.state
    move = find_move(source, target)
    if move is None:
        raise ApplicationError(
            MSG_MOVE_NOT_ALLOWED
            % {"source": PledgeState(source).label, "target": PledgeState(target).label}
        )
    if move.actor == PledgeActor.COMPANY:
        allowed = is_company_admin(actor, pledge.company)
    else:
        allowed = is_coordinator(actor)
    if not allowed:
        raise ApplicationError(MSG_NOT_ALLOWED)
    comment = (comment or "").strip()
    if move.needs_comment and not comment:
        raise ApplicationError(MSG_REASON_REQUIRED, field="comment")

    now = timezone.now()
    changed = ["state", "updated_at"]
    if target == PledgeState.PENDING:
        if not pledge.commitments_confirmed:
            raise ApplicationError(MSG_COMMITMENTS_MISSING)
        pledge.submitted_at = now
        pledge.rejection_reason = ""
        changed += ["submitted_at", "rejection_reason"]
    elif target == PledgeState.APPROVED:
        pledge.approved_at = now
        changed.append("approved_at")
    elif target == PledgeState.REJECTED:
        pledge.rejection_reason = comment
        changed.append("rejection_reason")
    pledge.state = target
    pledge.save(update_fields=changed)
    PledgeTransition.objects.create(
        pledge=pledge, actor=actor, from_state=source, to_state=target, comment=comment,
        created_at=now,
    )  # fmt: skip
    _notify_pledge(pledge, target=target, comment=comment)
    return pledge


def _notify_pledge(pledge: Pledge, *, target: str, comment: str) -> None:
    event = PLEDGE_EVENTS.get(target)
    if event is None:
        return
    # a pledge may be sent again after a rejection: each time is its own email
    occurrence = str(pledge.transitions.filter(to_state=target).count())
    for recipient in organisation_admins(pledge.company):
        notify(
            event=event,
            about=pledge,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "pledge": pledge,
                "company": pledge.company.name,
                "comment": comment,
                "dashboard_url": absolute_url(
                    "volunteers:company_pledge", pledge.company_id, language=language_of(recipient)
                ),
                "pledge_url": absolute_url(pledge, language=language_of(recipient)),
            },
        )


# --------------------------------------------------------------------------------------------
# Mentors
# --------------------------------------------------------------------------------------------
@transaction.atomic
def mentor_invitation_create(
    *,
    user: User,
    company: Organisation,
    email: str,
    language: str | None = None,
    name: str = "",
) -> MentorInvitation:
    """Invite an in-house expert by email; inviting the same address again re-sends the open
    invitation with a fresh expiry. The email is in `language` (by default the inviter's);
    `name`, when the inviter gave one, is in the email's context.

    Side effect: the "mentor_invited" email (notification outbox), sent after commit.
    """
    if not can_invite_mentors(user, company):
        raise ApplicationError(MSG_NOT_ALLOWED)
    email = email.strip().lower()
    if MentorProfile.objects.filter(company=company, user__email__iexact=email).exists():
        raise ApplicationError(MSG_ALREADY_MENTOR, field="email")
    invitation = (
        MentorInvitation.objects.select_for_update()
        .filter(company=company, email__iexact=email, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        invitation = MentorInvitation(company=company, email=email)
    invitation.invited_by = user
    invitation.renew()
    invitation.language = language or translation.get_language() or settings.LANGUAGE_CODE
    invitation.full_clean(exclude=["token"], validate_constraints=False)
    invitation.save()
    accept_url = absolute_url(invitation, language=invitation.language)
    notify(
        event="mentor_invited",
        about=invitation,
        email=invitation.email,
        language=invitation.language,
        context={
            "company": company.name,
            "inviter": str(user),
            "name": name,
            "accept_url": accept_url,
            "invitation": invitation,
        },
        occurrence=invitation.expires_at.isoformat(),
    )
    return invitation


def mentor_invitations_check(*, company: Organisation, rows: list[ExpertRow]) -> list[ExpertRow]:
    """Add to each ready row of a CSV of experts (invitation_csv.read_experts) what the
    database says against it: already a mentor of `company`, or already invited by it with an
    invitation still valid (an expired one is sent again, as mentor_invitation_create does).
    Only `company` is asked about: a mentor of another company is not revealed. Reads only, in
    two queries whatever the number of rows; the one rule of the preview and of the sending.
    """
    emails = {row.email for row in rows if row.is_ready}
    if not emails:
        return rows
    mentors = set(
        MentorProfile.objects.filter(company=company)
        .annotate(address=Lower("user__email"))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )
    invited = dict(
        MentorInvitation.objects.filter(
            company=company, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .annotate(address=Lower("email"))
        .filter(address__in=emails)
        .values_list("address", "expires_at")
    )
    for row in rows:
        if not row.is_ready:
            continue
        if row.email in mentors:
            row.problems.append(str(MSG_ALREADY_MENTOR))
        elif row.email in invited:
            date = day_format(timezone.localtime(invited[row.email]))
            row.problems.append(str(MSG_ALREADY_INVITED % {"date": date}))
    return rows


@dataclass
class MentorInvitationsResult:
    sent: list[MentorInvitation]
    skipped: list[ExpertRow]


@transaction.atomic
def mentor_invitations_send(
    *, user: User, company: Organisation, rows: list[ExpertRow]
) -> MentorInvitationsResult:
    """Invite the experts of a confirmed CSV preview, each through mentor_invitation_create
    (the same email and rules as one invitation).

    1. refuses whoever may not invite for `company` (can_invite_mentors);
    2. locks the company's row: two confirmations of one preview run one after the other;
    3. checks every row again (invitation_csv.check_rows, mentor_invitations_check): a row
       invited meanwhile (the first of a double click included) is skipped, so each expert is
       emailed once;
    4. invites each remaining row in its own savepoint; a refused one is skipped with why.

    Side effects: a MentorInvitation and a "mentor_invited" email (sent after commit) per row
    sent. Returns the invitations sent and the rows skipped, with their problems.
    """
    if not can_invite_mentors(user, company):
        raise ApplicationError(MSG_NOT_ALLOWED)
    Organisation.objects.select_for_update().get(pk=company.pk)
    rows = mentor_invitations_check(company=company, rows=check_rows(rows))
    sent = []
    for row in rows:
        if not row.is_ready:
            continue
        try:
            with transaction.atomic():
                sent.append(
                    mentor_invitation_create(
                        user=user,
                        company=company,
                        email=row.email,
                        language=row.language,
                        name=row.name,
                    )
                )
        except ApplicationError as exc:
            row.problems.append(str(exc.message))
        except ValidationError as exc:
            row.problems.extend(str(message) for message in exc.messages)
    return MentorInvitationsResult(sent=sent, skipped=[row for row in rows if not row.is_ready])


@transaction.atomic
def mentor_invitation_accept(*, user: User, invitation: MentorInvitation) -> MentorProfile:
    """The invited expert joins the company (as a member) and gets a profile to complete.

    Accepting again (a second click of the same person) returns the profile, changing nothing.
    """
    invitation = MentorInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_by_id is not None and invitation.accepted_by_id == user.pk:
        mentor = MentorProfile.objects.filter(user=user, company=invitation.company_id).first()
        if mentor is not None:
            return mentor
    if not invitation.is_open:
        raise ApplicationError(MSG_INVITATION_CLOSED)
    if not can_accept_mentor_invitation(user, invitation):
        raise ApplicationError(MSG_INVITATION_OTHER_EMAIL)
    existing = MentorProfile.objects.filter(user=user).first()
    if existing is not None and existing.company_id != invitation.company_id:
        raise ApplicationError(MSG_MENTOR_OF_OTHER_COMPANY)
    Membership.objects.get_or_create(
        user=user, organisation=invitation.company, defaults={"role": MembershipRole.MEMBER}
    )
    mentor = existing or MentorProfile.objects.create(user=user, company=invitation.company)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return mentor


@transaction.atomic
def mentor_profile_update(
    *,
    user: User,
    mentor: MentorProfile,
    fields: dict,
    skills: Iterable[tuple[Skill, int]],
    accept_agreement: bool = False,
) -> MentorProfile:
    """Save the mentor's own profile and expertise (replacing the skills listed before).

    Accepting the agreement records the version in force and the time. A profile that is complete
    (bio, a language, a skill, the current agreement) goes to the coordinators for approval.
    """
    mentor = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if not can_edit_mentor(user, mentor):
        raise ApplicationError(MSG_NOT_ALLOWED)
    for name, value in fields.items():
        setattr(mentor, name, value)
    if fields.get("availability") == Availability.ACTIVE:
        mentor.paused_until = None
    current = ConfidentialityAgreement.objects.current()
    if accept_agreement:
        if current is None:
            raise ApplicationError(MSG_AGREEMENT_MISSING)
        if not mentor.has_accepted(current):
            mentor.agreement = current
            mentor.agreement_accepted_at = timezone.now()
            consent_give(
                user=mentor.user,
                kind=ConsentKind.MENTOR_AGREEMENT,
                about=mentor,
                version=current.version,
            )
    skills = list(skills)
    if mentor.state in (MentorState.INCOMPLETE, MentorState.REJECTED) and not (
        mentor_profile_missing(mentor, current, skills=skills)
    ):
        mentor.state = MentorState.PENDING
    mentor.full_clean(validate_constraints=False)
    mentor.save()
    mentor.skills.all().delete()
    MentorSkill.objects.bulk_create(
        MentorSkill(mentor=mentor, skill=skill, level=level) for skill, level in skills
    )
    return mentor


@transaction.atomic
def mentor_decide(*, user: User, mentor: MentorProfile, approve: bool) -> MentorProfile:
    """A coordinator approves a mentor (who may then receive proposals) or turns them down.

    Side effect: the "mentor_approved" or "mentor_rejected" email to the mentor.
    """
    mentor = (
        MentorProfile.objects.select_for_update()
        .select_related("user", "company")
        .get(pk=mentor.pk)
    )
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if mentor.state != MentorState.PENDING:
        raise ApplicationError(MSG_MENTOR_NOT_PENDING)
    mentor.state = MentorState.APPROVED if approve else MentorState.REJECTED
    mentor.decided_at = timezone.now()
    mentor.decided_by = user
    mentor.save(update_fields=["state", "decided_at", "decided_by", "updated_at"])
    notify(
        event="mentor_approved" if approve else "mentor_rejected",
        about=mentor,
        recipient=mentor.user,
        occurrence=mentor.decided_at.isoformat(),
        context={
            "company": mentor.company.name,
            "profile_url": absolute_url(
                "volunteers:mentor_profile", language=language_of(mentor.user)
            ),
        },
    )
    return mentor


def agreement_date_error(effective_at) -> str:
    """Why a new agreement cannot be published with this date ("" if it can)."""
    return str(MSG_AGREEMENT_FUTURE) if effective_at and effective_at > timezone.now() else ""


@transaction.atomic
def agreement_publish(
    *, user: User, agreement: ConfidentialityAgreement
) -> ConfidentialityAgreement:
    """Put a new version of the confidentiality agreement in force and ask every mentor who
    accepted an older one to accept it (until they do, no proposal reaches them).

    Side effect: one "agreement_updated" email to each such mentor.
    """
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    # mentors are asked at once to accept it, which they can only do once it is in force
    if agreement_date_error(agreement.effective_at):
        raise ApplicationError(MSG_AGREEMENT_FUTURE, field="effective_at")
    agreement.full_clean()
    agreement.save()
    for mentor in (
        MentorProfile.objects.exclude(agreement=agreement)
        .filter(agreement__isnull=False, user__is_active=True)
        .select_related("user", "company")
    ):
        notify(
            event="agreement_updated",
            about=agreement,
            recipient=mentor.user,
            context={
                "version": agreement.version,
                "company": mentor.company.name,
                "profile_url": absolute_url(
                    "volunteers:mentor_profile", language=language_of(mentor.user)
                ),
            },
        )
    return agreement


# --------------------------------------------------------------------------------------------
# For the company's and the mentor's pages
# --------------------------------------------------------------------------------------------
@transaction.atomic
def pledge_save_and_send(
    *,
    user: User,
    company: Organisation,
    fields: dict,
    expertise: Iterable[Skill] = (),
    pledge: Pledge | None = None,
) -> Pledge:
    """Save the pledge (a new draft, or the changes to `pledge`) and send it for approval, in one
    transaction: if sending is refused, nothing of it is saved.

    Side effects: those of pledge_create()/pledge_update() and of pledge_transition() to
    "pending" (the log row, the "pledge_received" email to the company's admins).
    """
    if pledge is None:
        pledge = pledge_create(user=user, company=company, fields=fields, expertise=expertise)
    else:
        pledge = pledge_update(user=user, pledge=pledge, fields=fields, expertise=expertise)
    return pledge_transition(pledge=pledge, target=PledgeState.PENDING, actor=user)


MSG_MISSING_BIO = _("a short bio")
MSG_MISSING_LANGUAGE = _("a language you mentor in")
MSG_MISSING_SKILL = _("at least one competence with its level")
MSG_MISSING_AGREEMENT = _("acceptance of the current confidentiality agreement")


def mentor_profile_missing(
    mentor: MentorProfile,
    agreement: ConfidentialityAgreement | None,
    *,
    skills: list[tuple[Skill, int]] | None = None,
) -> list[str]:
    """What the mentor still has to give before the profile goes for approval, in words (empty
    once complete): the one rule mentor_profile_update() applies. `skills` are the ones about to
    be saved; by default the mentor's saved skills (prefetched ones when there are). Reads only."""
    missing = []
    if not mentor.bio.strip():
        missing.append(MSG_MISSING_BIO)
    if not mentor.languages:
        missing.append(MSG_MISSING_LANGUAGE)
    if not (mentor.skills.all() if skills is None else skills):
        missing.append(MSG_MISSING_SKILL)
    if not mentor.has_accepted(agreement):
        missing.append(MSG_MISSING_AGREEMENT)
    return missing
