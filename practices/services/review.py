"""Reviewers' writes: requests for detail (and the SME's answer), reviews, decisions recorded
now and announced later for the whole call."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from skillup.errors import ApplicationError

from ..enums import DECISION_STATES, PracticeState
from ..models import RUBRIC, Call, DetailRequest, Practice, Review
from ..permissions import can_review_practice, is_member_of, is_programme_staff
from ..workflow import find_move
from .errors import MSG_CONFLICT, MSG_MOVE_NOT_ALLOWED, MSG_NOT_ALLOWED
from .submission import named_by_content
from .transition import practice_transition

MSG_NO_OPEN_REQUEST = _("There is no open request for detail on this practice.")


@transaction.atomic
def detail_request_create(*, user: User, practice: Practice, message: str) -> DetailRequest:
    """Ask the SME for more detail: the practice moves to "more detail requested" and the SME
    gets an email with a link to answer (possible after the deadline, for this SME only)."""
    message = (message or "").strip()
    if not message:
        raise ApplicationError(_("Write what you would like the SME to tell you."), field="message")
    request = DetailRequest(practice=practice, message=message, requested_by=user)
    request.full_clean(exclude=["practice"])
    practice_transition(
        practice=practice, target=PracticeState.DETAIL_REQUESTED, actor=user, comment=message
    )
    request.save()
    return request


@transaction.atomic
def detail_request_answer(
    *, user: User, detail_request: DetailRequest, answer: str, attachment=None
) -> DetailRequest:
    """The SME answers; the practice returns to the reviewers (who are told by email)."""
    detail_request = DetailRequest.objects.select_for_update().get(pk=detail_request.pk)
    if not is_member_of(user, detail_request.practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if not detail_request.is_open:
        raise ApplicationError(MSG_NO_OPEN_REQUEST)
    detail_request.answer = (answer or "").strip()
    if attachment:
        detail_request.answer_attachment = named_by_content(attachment)
    detail_request.answered_by = user
    detail_request.answered_at = timezone.now()
    detail_request.full_clean()
    if not detail_request.answer:
        raise ApplicationError(_("Write your answer."), field="answer")
    detail_request.save()
    practice_transition(
        practice=detail_request.practice, target=PracticeState.DETAIL_RECEIVED, actor=user
    )
    return detail_request


@transaction.atomic
def review_save(
    *,
    reviewer: User,
    practice: Practice,
    scores: dict[str, int],
    recommendation: str,
    comment: str = "",
) -> Review:
    """Create or update `reviewer`'s review of `practice` (one per reviewer).

    1. locks the practice's row (a double submit waits, then updates the same review);
    2. checks the reviewer (programme staff without a conflict of interest);
    3. validates and saves the review;
    4. a submitted practice moves into review through practice_transition, logged as a move
       by this reviewer: the first score starts the review, so shortlisting needs no other
       click. Nothing is saved if any step is refused.
    """
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not can_review_practice(reviewer, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(reviewer) else MSG_NOT_ALLOWED)
    review = Review.objects.filter(practice=practice, reviewer=reviewer).first() or Review(
        practice=practice, reviewer=reviewer
    )
    for name in RUBRIC:
        setattr(review, name, scores.get(name))
    review.recommendation = recommendation
    review.comment = comment
    review.full_clean(validate_constraints=False)
    review.save()
    if practice.state == PracticeState.SUBMITTED:
        review.practice = practice_transition(
            practice=practice, target=PracticeState.IN_REVIEW, actor=reviewer
        )
    return review


@transaction.atomic
def practice_record_decision(
    *, user: User, practice: Practice, decision: str, comment: str = ""
) -> Practice:
    """Record "selected" or "declined" now, to announce it later with the whole call."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if decision not in DECISION_STATES or find_move(practice.state, decision) is None:
        raise ApplicationError(
            MSG_MOVE_NOT_ALLOWED
            % {"source": practice.get_state_display(), "target": PracticeState(decision).label}
        )
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(user) else MSG_NOT_ALLOWED)
    practice.pending_decision = decision
    practice.pending_decision_comment = comment
    practice.save(update_fields=["pending_decision", "pending_decision_comment", "updated_at"])
    return practice


def call_release_decisions(*, user: User, call: Call) -> tuple[int, list[str]]:
    """Announce every recorded decision of `call` at once (one transition each).

    Returns how many were announced and the messages of those refused (each practice in its own
    transaction: one refusal does not hold back the others).
    """
    done, refused = 0, []
    pending = Practice.objects.filter(call=call).exclude(pending_decision="").order_by("pk")
    for practice in pending:
        try:
            practice_transition(
                practice=practice,
                target=practice.pending_decision,
                actor=user,
                comment=practice.pending_decision_comment,
            )
            done += 1
        except ApplicationError as exc:
            refused.append(f"{practice}: {exc.message}")
    return done, refused
