"""Publication: the public version reviewers prepare and the SME approves; a published
practice's text changed by staff (the SME approves it before the public reads it); a practice
taken off the public site by its SME, and published again with a new consent."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from skillup.errors import ApplicationError

from ..enums import (
    PUBLIC_TEXT_STATES,
    PUBLICATION_CONSENT_VERSION,
    PracticeState,
    RevisionReason,
)
from ..models import Practice, PracticeRevision
from ..permissions import can_review_practice, is_member_of
from .emails import notify_public_text_proposed, notify_sme
from .errors import MSG_NEEDS_CONSENT, MSG_NOT_ALLOWED
from .revisions import record_revision
from .search import published_practices_changed
from .submission import record_consent
from .transition import practice_transition

MSG_NOT_SELECTED = _("Only a selected practice can be prepared for publication.")

MSG_NO_NEW_TEXT = _("There is no new public text to approve.")

# The fields of the public version, as a revision keeps a proposed one.
PUBLIC_TEXT_FIELDS = ("public_title", "public_description")


# --------------------------------------------------------------------------------------------
# The difference between two public texts (the SME's email and its approval page)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TextChange:
    """One field of the public text, before and after, and its words marked as kept, removed
    or added, in reading order (what an email or a page shows as the difference). `label` is
    lazy: an email reads it in its recipient's language."""

    label: Promise | str
    before: str
    after: str
    parts: tuple[tuple[str, str], ...]  # ("same" | "removed" | "added", text)

    @property
    def changes(self) -> list[tuple[str, str]]:
        """The removed ("-") and added ("+") runs of words, in reading order (plain text)."""
        signs = {"removed": "-", "added": "+"}
        return [
            (signs[kind], " ".join(text.split()))
            for kind, text in self.parts
            if kind in signs and text.strip()
        ]


def _words(text: str) -> list[str]:
    """Words with the spaces after them: a run of changed words reads as one change."""
    return re.findall(r"^\s+|\S+\s*", text)


def _word_parts(before: str, after: str) -> tuple[tuple[str, str], ...]:
    old, new = _words(before), _words(after)
    parts: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("removed", "".join(old[i1:i2])))
        if j2 > j1:
            parts.append(("added", "".join(new[j1:j2])))
    return tuple(part for part in parts if part[1])


def public_text_difference(before: tuple[str, str], after: tuple[str, str]) -> list[TextChange]:
    """The changed fields between two (title, description) pairs as the public reads them."""
    labels = (_("Title"), _("Description"))
    return [
        TextChange(label, old, new, _word_parts(old, new))
        for label, old, new in zip(labels, before, after, strict=True)
        if old != new
    ]


def proposed_public_text(practice: Practice) -> tuple[str, str] | None:
    """The (title, description) the public would read once the SME approves the staff change
    awaiting it, or None."""
    proposal = practice.public_text_proposal
    if proposal is None:
        return None
    title, description = (proposal.data.get(name, "") for name in PUBLIC_TEXT_FIELDS)
    return title or practice.title, description or practice.short_description


def public_text_change(practice: Practice) -> list[TextChange]:
    """The difference between what the public reads and the change awaiting the SME."""
    proposed = proposed_public_text(practice)
    if proposed is None:
        return []
    current = (practice.display_title, practice.display_description)
    return public_text_difference(current, proposed)


# --------------------------------------------------------------------------------------------
# Staff edit the public version
# --------------------------------------------------------------------------------------------
@transaction.atomic
def practice_public_version_update(
    *, user: User, practice: Practice, public_title: str, public_description: str
) -> Practice:
    """Reviewers edit what the public will read.

    - Not published yet (selected): the text changes now and, when it was approved, the SME is
      asked to approve it again ("practice_public_version" email while selected).
    - Published, or taken down by its SME: the approved text stays the public one. The change
      is kept as a revision (`public_text_proposal`) and the SME is emailed the difference
      ("practice_public_text_changed"); practice_public_version_approve makes it public. A new
      change replaces one not approved yet; going back to the public text withdraws it.
    """
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_NOT_ALLOWED)
    public_title, public_description = public_title.strip(), public_description.strip()
    if practice.state in PUBLIC_TEXT_STATES:
        return _propose_public_text(user, practice, public_title, public_description)
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
    if practice.state == PracticeState.SELECTED:
        notify_sme(practice, event="practice_public_version", occurrence=str(timezone.now()))
    return practice


def _propose_public_text(user: User, practice: Practice, title: str, description: str):
    proposal = practice.public_text_proposal
    pending = (
        tuple(proposal.data.get(name, "") for name in PUBLIC_TEXT_FIELDS) if proposal else None
    )
    current = (practice.public_title, practice.public_description)
    if (title, description) == current:
        if proposal is not None:  # back to the public text: nothing left to approve
            practice.public_text_proposal = None
            practice.save(update_fields=["public_text_proposal", "updated_at"])
        return practice
    if (title, description) == pending:
        return practice
    _check_public_text(practice, title, description)
    before = (practice.display_title, practice.display_description)
    revision = record_revision(
        practice,
        author=user,
        reason=RevisionReason.PUBLIC_VERSION,
        extra=dict(zip(PUBLIC_TEXT_FIELDS, (title, description), strict=True)),
    )
    practice.public_text_proposal = revision
    practice.save(update_fields=["public_text_proposal", "updated_at"])
    after = proposed_public_text(practice)
    notify_public_text_proposed(
        practice, proposal=revision, difference=public_text_difference(before, after)
    )
    return practice


def _check_public_text(practice: Practice, title: str, description: str) -> None:
    """The model's own limits on the public fields, for a text not saved on the practice."""
    errors = {}
    for name, value in zip(PUBLIC_TEXT_FIELDS, (title, description), strict=True):
        try:
            Practice._meta.get_field(name).clean(value, practice)
        except ValidationError as exc:
            errors[name] = exc.error_list
    if errors:
        raise ValidationError(errors)


# --------------------------------------------------------------------------------------------
# The SME approves
# --------------------------------------------------------------------------------------------
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
    practice.publication_consent_version = PUBLICATION_CONSENT_VERSION
    practice.public_version_approved_at = now
    practice.public_version_approved_by = user
    practice.save(
        update_fields=[
            "publication_consent",
            "publication_consent_at",
            "publication_consent_version",
            "public_version_approved_at",
            "public_version_approved_by",
            "updated_at",
        ]
    )
    return practice


@transaction.atomic
def practice_public_text_approve(
    *, user: User, practice: Practice, proposal: PracticeRevision | int | None = None
) -> Practice:
    """The SME approves the staff change of its published practice's text: it becomes the
    public text at once (search documents rebuilt, cached pages refreshed: a new practices
    version). `proposal`, when given, is the change the SME read: a newer one is refused, so
    nobody approves a text they have not seen."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not is_member_of(user, practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    revision = practice.public_text_proposal
    proposal_pk = getattr(proposal, "pk", proposal)
    if revision is None or (proposal_pk is not None and proposal_pk != revision.pk):
        raise ApplicationError(MSG_NO_NEW_TEXT)
    practice.public_title, practice.public_description = (
        revision.data.get(name, "") for name in PUBLIC_TEXT_FIELDS
    )
    practice.public_text_proposal = None
    practice.public_version_approved_at = timezone.now()
    practice.public_version_approved_by = user
    practice.save(
        update_fields=[
            *PUBLIC_TEXT_FIELDS,
            "public_text_proposal",
            "public_version_approved_at",
            "public_version_approved_by",
            "updated_at",
        ]
    )
    if practice.state == PracticeState.PUBLISHED:
        published_practices_changed([practice.pk])
    return practice


# --------------------------------------------------------------------------------------------
# The SME takes its practice down, and publishes it again
# --------------------------------------------------------------------------------------------
def practice_take_down(*, user: User, practice: Practice, comment: str = "") -> Practice:
    """An SME administrator withdraws the consent to publish: the practice leaves the public
    site at once (published → taken down, through practice_transition: logged with who and
    when, consent withdrawn, search documents dropped, a new practices version, the
    coordinators emailed "practice_taken_down")."""
    return practice_transition(
        practice=practice, target=PracticeState.TAKEN_DOWN, actor=user, comment=comment.strip()
    )


@transaction.atomic
def practice_publish_again(*, user: User, practice: Practice, consent: bool) -> Practice:
    """An SME administrator publishes a practice it took down again, with a new consent
    (recorded, then taken down → published through practice_transition; the SME emailed
    "practice_published"). Nothing is kept if the move is refused."""
    if not consent:
        raise ApplicationError(MSG_NEEDS_CONSENT, field="consent")
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.state == PracticeState.TAKEN_DOWN and is_member_of(user, practice.organisation):
        practice.publication_consent = True
        practice.publication_consent_at = timezone.now()
        practice.publication_consent_version = PUBLICATION_CONSENT_VERSION
        practice.save(
            update_fields=[
                "publication_consent",
                "publication_consent_at",
                "publication_consent_version",
            ]
        )
        record_consent(practice, user=user, before=False)
    return practice_transition(practice=practice, target=PracticeState.PUBLISHED, actor=user)
