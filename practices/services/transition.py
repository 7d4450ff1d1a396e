"""The one function that changes a practice's state (see workflow.MOVES)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.enums import ConsentKind
from accounts.models import User
from accounts.services import consent_withdraw
from skillup.errors import ApplicationError

from ..enums import DECISION_STATES, Actor, PracticeState, RevisionReason, sme_state
from ..models import Answer, CallQuestion, LegacyField, Practice, PracticeTransition
from ..permissions import can_review_practice, is_member_of, is_programme_staff, is_sme_admin
from ..question_fields import field_name
from ..workflow import find_move
from .deadlines import check_window
from .emails import notify_transition
from .errors import (
    MSG_CONFLICT,
    MSG_MOVE_NOT_ALLOWED,
    MSG_NEEDS_CONSENT,
    MSG_NOT_ALLOWED,
    MSG_SME_ADMIN_ONLY,
)
from .revisions import record_revision
from .search import published_practices_changed

MSG_INCOMPLETE = _("Complete the marked fields before submitting.")

MSG_FIELD_REQUIRED = _("This field is required to submit.")

MSG_INTERNAL_REQUIRED = _(
    "Confirm that the practice is internal and provided by your SME itself, not by an "
    "external company or training provider."
)

MSG_NEEDS_APPROVAL = _("The SME has not yet approved the public version of this practice.")


REQUIRED_TO_SUBMIT = (
    "title",
    "short_description",
    "online_learning",
    "methodology",
    "keep_learning",
    "audience",
)


@transaction.atomic
def practice_transition(
    *, practice: Practice, target: str, actor: User, comment: str = ""
) -> Practice:
    """Move `practice` to `target`.

    1. locks the row and finds the move in workflow.MOVES (refused if absent: the refusal
       names the states as the person reads them, see enums.SME_STATES);
    2. checks the actor: the SME's members for SME moves (its administrators where the move
       says so; before the deadline where the move says so), programme staff without a conflict
       of interest for staff moves;
    3. checks the move's own conditions (complete submission, consent and approved public
       version to publish); taking a practice down withdraws the SME's publication consent;
    4. saves only the changed fields, writes a PracticeTransition row (who, when);
    5. a move into or out of "published" rebuilds the search documents and, once committed,
       starts a new practices version (cached lists, searches and facets are worked out anew);
    6. writes the emails of the move to the outbox (sent after commit).
    """
    practice = (
        Practice.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=practice.pk)
    )
    source = practice.state
    move = find_move(source, target)
    if move is None:
        raise ApplicationError(MSG_MOVE_NOT_ALLOWED % _state_names(actor, source, target))
    if move.actor == Actor.SME:
        if not is_member_of(actor, practice.organisation):
            raise ApplicationError(MSG_NOT_ALLOWED)
        if move.sme_admin_only and not is_sme_admin(actor, practice.organisation):
            raise ApplicationError(MSG_SME_ADMIN_ONLY)
        if move.before_deadline:
            check_window(practice.call.window_for(practice.organisation))
    elif not can_review_practice(actor, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(actor) else MSG_NOT_ALLOWED)

    now = timezone.now()
    changed = ["state", "updated_at"]
    if target == PracticeState.SUBMITTED:
        check_complete(practice)
        practice.submitted_at = now
        changed.append("submitted_at")
    if target == PracticeState.PUBLISHED:
        if not practice.publication_consent:
            raise ApplicationError(MSG_NEEDS_CONSENT)
        if practice.awaits_public_version_approval:
            raise ApplicationError(MSG_NEEDS_APPROVAL)
        practice.published_at = now
        practice.slug = practice.slug or _unique_slug(practice)
        changed += ["published_at", "slug"]
    if target == PracticeState.TAKEN_DOWN:
        # published again only with a new consent (services.practice_publish_again)
        practice.publication_consent = False
        practice.publication_consent_at = None
        changed += ["publication_consent", "publication_consent_at"]
        consent_withdraw(kind=ConsentKind.PUBLICATION, about=practice)
    if target in DECISION_STATES and practice.pending_decision:
        practice.pending_decision = ""
        practice.pending_decision_comment = ""
        changed += ["pending_decision", "pending_decision_comment"]

    practice.state = target
    practice.save(update_fields=changed)
    PracticeTransition.objects.create(
        practice=practice,
        actor=actor,
        from_state=source,
        to_state=target,
        comment=comment,
        created_at=now,
    )
    if target == PracticeState.SUBMITTED:
        record_revision(practice, author=actor, reason=RevisionReason.SUBMITTED)
    if PracticeState.PUBLISHED in (source, target):
        published_practices_changed([practice.pk])
    notify_transition(practice, source=source, target=target, comment=comment, actor=actor)
    return practice


def _state_names(actor: User, source: str, target: str) -> dict[str, str]:
    """The two states of a refused move as `actor` reads them: the SME never learns an internal
    state from a refusal ("shortlisted" is "under review" to it)."""
    if is_programme_staff(actor):
        return {"source": PracticeState(source).label, "target": PracticeState(target).label}
    return {"source": sme_state(source).label, "target": sme_state(target).label}


def check_complete(practice: Practice) -> None:
    """Raise a ValidationError naming each missing answer (keyed by the form's field names)
    unless `practice` may be submitted: REQUIRED_TO_SUBMIT, the internal confirmation, a tool,
    and the call's required questions (issue #19).

    A fixed field is required while its call asks its question as a required one (the four
    default questions are, as the fixed fields were); one the call made optional, hid or
    deleted is not. A call without any question requires the four fixed fields.
    """
    questions = list(CallQuestion.objects.filter(call_id=practice.call_id))
    asked = [question for question in questions if not question.is_hidden]
    asked_fields = {q.legacy_field for q in asked if q.legacy_field and q.required}
    if not questions:
        asked_fields = set(LegacyField.values)
    errors: dict[str, list] = {}
    for name in REQUIRED_TO_SUBMIT:
        if name in LegacyField.values and name not in asked_fields:
            continue
        if getattr(practice, name) in ("", None):
            errors[name] = [ValidationError(MSG_FIELD_REQUIRED, code="required")]
    if not practice.internal_confirmed:
        errors["internal_confirmed"] = [ValidationError(MSG_INTERNAL_REQUIRED, code="required")]
    if (
        LegacyField.TOOLS.value in asked_fields
        and not practice.other_tools
        and not practice.tools.exists()
    ):
        errors["tools"] = [
            ValidationError(_("Choose a tool or name one under “other tools”."), code="required")
        ]
    required = [q for q in asked if q.required and not q.legacy_field]
    if required:
        answered = set(
            Answer.objects.filter(practice=practice, question__in=required).values_list(
                "question_id", flat=True
            )
        )  # an emptied answer is deleted: a row is an answer
        for question in required:
            if question.pk not in answered:
                errors[field_name(question)] = [
                    ValidationError(MSG_FIELD_REQUIRED, code="required")
                ]
    if errors:
        raise ValidationError(errors)


def _unique_slug(practice: Practice) -> str:
    base = slugify(practice.display_title)[:100] or "practice"
    return f"{base}-{practice.pk}"
