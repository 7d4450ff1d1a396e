"""Who may do what with calls and practices. Used by views, templates and the admin alike."""

from accounts.enums import OrganisationKind
from accounts.permissions import is_coordinator, is_reviewer, membership_role

from .enums import PracticeState


def is_programme_staff(user) -> bool:
    return is_reviewer(user) or is_coordinator(user)


def is_member_of(user, organisation) -> bool:
    return membership_role(user, organisation) is not None


def can_submit_for(user, organisation) -> bool:
    """Any member of an SME may draft and submit practices for it."""
    return organisation.kind == OrganisationKind.SME and is_member_of(user, organisation)


def can_view_submission(user, practice) -> bool:
    """The SME's members, and programme staff without a conflict of interest."""
    if is_member_of(user, practice.organisation):
        return True
    return can_review_practice(user, practice)


def can_edit_submission(user, practice) -> bool:
    return is_member_of(user, practice.organisation) and practice.is_sme_editable


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


def can_view_attachment(user, practice) -> bool:
    if practice.state == PracticeState.PUBLISHED and practice.publication_consent:
        return True
    return can_view_submission(user, practice)
