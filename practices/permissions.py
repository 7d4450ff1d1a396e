"""Who may do what with calls and practices. Used by views, templates and the admin alike.

Whether an SME may write to a call at this moment is Call.window_for() (its extension
included); the predicates below that depend on it take an optional `window` already worked out
for the practice's SME, to save the query.
"""

from django.utils import timezone

from accounts.enums import OrganisationKind
from accounts.permissions import is_coordinator, is_reviewer, membership_role

from .enums import PracticeState


def is_programme_staff(user) -> bool:
    return is_reviewer(user) or is_coordinator(user)


def is_member_of(user, organisation) -> bool:
    return membership_role(user, organisation) is not None


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
    """The SME's members, while the practice awaits their approval of its public version."""
    return practice.awaits_public_version_approval and is_member_of(user, practice.organisation)


def can_answer_invitation(user, invitation) -> bool:
    """The invited SME's members, until the event starts."""
    return invitation.event.starts_at > timezone.now() and is_member_of(
        user, invitation.practice.organisation
    )


def can_review_practice(user, practice) -> bool:
    """Staff review, except a reviewer never sees their own organisation's submission."""
    if not is_programme_staff(user):
        return False
    if practice.state in (PracticeState.DRAFT, PracticeState.WITHDRAWN):
        return False  # drafts are the SME's own business
    return not is_member_of(user, practice.organisation)


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
