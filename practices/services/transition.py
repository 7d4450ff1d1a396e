"""The one function that changes a practice's state (see workflow.MOVES)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from skillup.errors import ApplicationError

from ..enums import DECISION_STATES, Actor, PracticeState, RevisionReason
from ..models import Practice, PracticeTransition
from ..permissions import can_review_practice, is_member_of, is_programme_staff
from ..workflow import find_move
from .deadlines import check_window
from .emails import notify_transition
from .errors import MSG_CONFLICT, MSG_MOVE_NOT_ALLOWED, MSG_NEEDS_CONSENT, MSG_NOT_ALLOWED
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

    1. locks the row and finds the move in workflow.MOVES (refused if absent);
    2. checks the actor: the SME's members for SME moves (before the deadline where the move
       says so), programme staff without a conflict of interest for staff moves;
    3. checks the move's own conditions (complete submission, approved public version);
    4. saves only the changed fields, writes a PracticeTransition row;
    5. writes the emails of the move to the outbox (sent after commit).
    """
    practice = (
        Practice.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=practice.pk)
    )
    source = practice.state
    move = find_move(source, target)
    if move is None:
        raise ApplicationError(
            MSG_MOVE_NOT_ALLOWED
            % {"source": PracticeState(source).label, "target": PracticeState(target).label}
        )
    if move.actor == Actor.SME:
        if not is_member_of(actor, practice.organisation):
            raise ApplicationError(MSG_NOT_ALLOWED)
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
    notify_transition(practice, source=source, target=target, comment=comment)
    return practice


def check_complete(practice: Practice) -> None:
    errors: dict[str, list] = {}
    for name in REQUIRED_TO_SUBMIT:
        if getattr(practice, name) in ("", None):
            errors[name] = [ValidationError(MSG_FIELD_REQUIRED, code="required")]
    if not practice.internal_confirmed:
        errors["internal_confirmed"] = [ValidationError(MSG_INTERNAL_REQUIRED, code="required")]
    if not practice.other_tools and not practice.tools.exists():
        errors["tools"] = [
            ValidationError(_("Choose a tool or name one under “other tools”."), code="required")
        ]
    if errors:
        raise ValidationError(errors)


def _unique_slug(practice: Practice) -> str:
    base = slugify(practice.display_title)[:100] or "practice"
    return f"{base}-{practice.pk}"
