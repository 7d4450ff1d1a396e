"""Partnerships: partnership_transition() is the only function that changes a partnership's state
(it reads workflow.PARTNERSHIP_MOVES). Around it: the goals, check-ins and each side's feedback
(the SME's with its self-assessment at the end)."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError

from ..enums import PartnershipState, Side
from ..models import (
    CheckIn,
    Feedback,
    Partnership,
    PartnershipTransition,
    SelfAssessment,
    Skill,
    SkillGap,
)
from ..permissions import partnership_side
from ..workflow import PARTNERSHIP_MOVES
from .emails import notify_partnership_sides
from .errors import (
    MSG_CHECKIN_FUTURE,
    MSG_FEEDBACK_GIVEN,
    MSG_NOT_ALLOWED,
    MSG_PARTNERSHIP_ACTIVE,
    MSG_PARTNERSHIP_ENDED,
    MSG_REASON_REQUIRED,
)
from .needs import needs_snapshot


def _active_partnership_for(user: User, partnership: Partnership) -> tuple[Partnership, str]:
    partnership = (
        Partnership.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=partnership.pk)
    )
    side = partnership_side(user, partnership)
    if side is None:
        raise ApplicationError(MSG_NOT_ALLOWED)
    return partnership, side


@transaction.atomic
def partnership_set_goals(*, user: User, partnership: Partnership, goals: str) -> Partnership:
    partnership, _side = _active_partnership_for(user, partnership)
    if partnership.state != PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    partnership.goals = goals
    partnership.full_clean(validate_constraints=False)
    partnership.save(update_fields=["goals"])
    return partnership


@transaction.atomic
def checkin_add(
    *, user: User, partnership: Partnership, on: date, note: str, hours: Decimal = Decimal(0)
) -> CheckIn:
    """Either side records a check-in. The same one sent twice by its author (a double click,
    the form sent again) is recorded once: the earlier row is returned."""
    partnership, side = _active_partnership_for(user, partnership)
    if partnership.state != PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    if on > timezone.localdate():
        raise ApplicationError(MSG_CHECKIN_FUTURE, field="date")
    # the partnership row is locked: a concurrent copy waits here and then finds the first
    same = partnership.check_ins.filter(author=user, date=on, note=note, hours=hours).first()
    if same is not None:
        return same
    check_in = CheckIn(
        partnership=partnership, date=on, note=note, hours=hours, side=side, author=user
    )
    check_in.full_clean()
    check_in.save()
    return check_in


@transaction.atomic
def partnership_transition(
    *, partnership: Partnership, target: str, actor: User, comment: str = ""
) -> Partnership:
    """Move `partnership` to `target`.

    1. locks the row; checks the actor: either side, or a coordinator (every move of
       workflow.PARTNERSHIP_MOVES is theirs, so this comes first);
    2. finds the move in the table (refused if absent: the partnership has ended);
    3. checks the move's own condition: ending early says why;
    4. saves only the changed fields (state, ended_at, end_reason) and writes a
       PartnershipTransition row;
    5. writes "partnership_completed" (with the feedback request) to both sides' outbox.
    """
    partnership = (
        Partnership.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=partnership.pk)
    )
    if partnership_side(actor, partnership) is None and not is_coordinator(actor):
        raise ApplicationError(MSG_NOT_ALLOWED)
    source = partnership.state
    move = PARTNERSHIP_MOVES.find(source, target)
    if move is None:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    comment = (comment or "").strip()
    if move.needs_comment and not comment:
        raise ApplicationError(MSG_REASON_REQUIRED, field="reason")

    now = timezone.now()
    partnership.state = target
    partnership.ended_at = now
    partnership.end_reason = comment
    partnership.save(update_fields=["state", "ended_at", "end_reason"])
    PartnershipTransition.objects.create(
        partnership=partnership, actor=actor, from_state=source, to_state=target,
        comment=comment, created_at=now,
    )  # fmt: skip
    notify_partnership_sides(partnership, event="partnership_completed")
    return partnership


@transaction.atomic
def partnership_end(
    *, user: User, partnership: Partnership, completed: bool, reason: str = ""
) -> Partnership:
    """Either side (or a coordinator) ends the partnership, through partnership_transition;
    both are asked for feedback ("partnership_completed")."""
    target = PartnershipState.COMPLETED if completed else PartnershipState.ENDED_EARLY
    return partnership_transition(
        partnership=partnership, target=target, actor=user, comment=reason
    )


@transaction.atomic
def feedback_give(
    *,
    user: User,
    partnership: Partnership,
    rating: int,
    text: str = "",
    maturity: dict | None = None,
    gaps: Iterable[tuple[Skill, int, int]] | None = None,
) -> Feedback:
    """One side's feedback at the end. The SME also repeats its self-assessment (maturity and
    gaps), saved as the partnership's "end" snapshot and as its current needs."""
    partnership, side = _active_partnership_for(user, partnership)
    if partnership.state == PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ACTIVE)
    if partnership.feedback.filter(side=side).exists():
        raise ApplicationError(MSG_FEEDBACK_GIVEN)
    feedback = Feedback(partnership=partnership, side=side, rating=rating, text=text, author=user)
    feedback.full_clean(validate_constraints=False)
    feedback.save()
    if side == Side.SME:
        needs = partnership.needs
        if maturity is not None:
            needs.maturity = maturity
            needs.save(update_fields=["maturity", "updated_at"])
        if gaps is not None:
            needs.gaps.all().delete()
            SkillGap.objects.bulk_create(
                SkillGap(needs=needs, skill=skill, importance=importance, target_level=target)
                for skill, importance, target in gaps
            )
        SelfAssessment.objects.create(
            needs=needs, partnership=partnership, moment="end", **needs_snapshot(needs)
        )
    return feedback
