"""Publication: the public version reviewers prepare and the SME approves."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from skillup.errors import ApplicationError

from ..enums import PracticeState, RevisionReason
from ..models import Practice
from ..permissions import can_review_practice, is_member_of
from .emails import notify_sme
from .errors import MSG_NEEDS_CONSENT, MSG_NOT_ALLOWED
from .revisions import record_revision
from .search import published_practices_changed
from .submission import record_consent

MSG_NOT_SELECTED = _("Only a selected practice can be prepared for publication.")


@transaction.atomic
def practice_public_version_update(
    *, user: User, practice: Practice, public_title: str, public_description: str
) -> Practice:
    """Reviewers edit what the public will read; a change asks the SME to approve it again."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_NOT_ALLOWED)
    public_title, public_description = public_title.strip(), public_description.strip()
    changed = (public_title, public_description) != (
        practice.public_title,
        practice.public_description,
    )
    if not changed:
        return practice
    practice.public_title = public_title
    practice.public_description = public_description
    fields = ["public_title", "public_description", "updated_at"]
    if practice.public_version_approved_at is not None:
        practice.public_version_approved_at = None
        practice.public_version_approved_by = None
        fields += ["public_version_approved_at", "public_version_approved_by"]
    practice.full_clean(validate_constraints=False)
    practice.save(update_fields=fields)
    record_revision(practice, author=user, reason=RevisionReason.PUBLIC_VERSION)
    if practice.state == PracticeState.PUBLISHED:
        published_practices_changed([practice.pk])
    elif practice.state == PracticeState.SELECTED:
        notify_sme(practice, event="practice_public_version", occurrence=str(timezone.now()))
    return practice


@transaction.atomic
def practice_public_version_approve(*, user: User, practice: Practice, consent: bool) -> Practice:
    """The SME approves the public version and consents to publication (both recorded)."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not is_member_of(user, practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if practice.state != PracticeState.SELECTED:
        raise ApplicationError(MSG_NOT_SELECTED)
    if not consent:
        raise ApplicationError(MSG_NEEDS_CONSENT, field="consent")
    now = timezone.now()
    consented_before = practice.publication_consent
    practice.publication_consent = True
    record_consent(practice, user=user, before=consented_before)
    practice.publication_consent_at = practice.publication_consent_at or now
    practice.public_version_approved_at = now
    practice.public_version_approved_by = user
    practice.save(
        update_fields=[
            "publication_consent",
            "publication_consent_at",
            "public_version_approved_at",
            "public_version_approved_by",
            "updated_at",
        ]
    )
    return practice
