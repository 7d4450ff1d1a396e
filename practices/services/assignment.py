"""Who reviews what: practices given to reviewers (by hand, or for a whole call by
practices/assignment.py), and the conflicts of interest reviewers declare.

Conflicts that follow from facts (own organisation, email domain) are worked out by
practices.permissions, never stored; a declared one is a ReviewConflict row.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User
from skillup.errors import ApplicationError

from .. import selectors
from ..assignment import AssignmentProblem, assign_reviewers
from ..models import Call, Practice, ReviewAssignment, ReviewConflict
from ..permissions import (
    can_assign_reviewers,
    can_be_assigned,
    can_declare_conflict,
    can_withdraw_conflict,
    is_in_conflict,
)
from .errors import MSG_NOT_ALLOWED

MSG_NOT_A_REVIEWER = _("%(reviewer)s is not an active reviewer.")
MSG_NOT_AWAITING_REVIEW = _(
    "“%(practice)s” is not awaiting reviews (it is “%(state)s” or has a decision recorded)."
)
MSG_REVIEWER_IN_CONFLICT = _(
    "%(reviewer)s has a conflict of interest with “%(practice)s”: not assigned."
)
MSG_CONFLICT_TARGET = _("Choose an organisation or a practice, not both.")
MSG_CONFLICT_REASON = _("Say briefly why (the coordinators read it).")
MSG_CONFLICT_ORGANISATION_DECLARED = _(
    "You have already declared a conflict of interest with this organisation."
)
MSG_CONFLICT_PRACTICE_DECLARED = _(
    "You have already declared a conflict of interest with this practice."
)


# --------------------------------------------------------------------------------------------
# By hand
# --------------------------------------------------------------------------------------------
@transaction.atomic
def review_assign(
    *, user: User, practice: Practice, reviewer: User
) -> tuple[ReviewAssignment, bool]:
    """Give `practice` to `reviewer` (a coordinator's choice). Returns the assignment and
    whether it is new (an existing one is kept as it was). Refused: someone who is not an active
    reviewer, a practice no longer awaiting reviews, a reviewer in conflict with it."""
    if not can_assign_reviewers(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if not can_be_assigned(reviewer):
        raise ApplicationError(MSG_NOT_A_REVIEWER % {"reviewer": reviewer})
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.state not in selectors.ASSIGNABLE_STATES or practice.pending_decision:
        raise ApplicationError(
            MSG_NOT_AWAITING_REVIEW % {"practice": practice, "state": practice.get_state_display()}
        )
    if is_in_conflict(reviewer, practice):
        raise ApplicationError(
            MSG_REVIEWER_IN_CONFLICT % {"reviewer": reviewer, "practice": practice}
        )
    return ReviewAssignment.objects.get_or_create(
        practice=practice,
        reviewer=reviewer,
        defaults={"assigned_by": user, "automatic": False},
    )


@transaction.atomic
def review_unassign(*, user: User, assignment: ReviewAssignment) -> None:
    """Take a practice back from a reviewer (coordinators). A review already given stays."""
    if not can_assign_reviewers(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    ReviewAssignment.objects.filter(pk=assignment.pk).delete()


# --------------------------------------------------------------------------------------------
# For a whole call
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CallAssignmentReport:
    created: int  # new assignments
    recorded: int  # reviews given without an assignment, now recorded as assignments
    withdrawn: int  # unreviewed assignments of reviewers no longer able to review them
    reviewers: int  # reviewers in the pool
    lacking: list[tuple[Practice, int]]  # (practice, reviewers still missing)
    load_range: tuple[int, int] | None  # fewest and most practices of a pool reviewer


@transaction.atomic
def call_assign_reviewers(*, user: User, call: Call) -> CallAssignmentReport:
    """Give each practice of `call` awaiting a decision (selectors.ASSIGNABLE_STATES) its
    `reviewers_per_practice` reviewers, loads as even as possible, never to a reviewer in
    conflict with it.

    1. locks the call's row: a second run (a double click) waits, then finds nothing to do;
    2. withdraws the unreviewed assignments whose reviewer can no longer review the practice
       (no longer an active reviewer, or a conflict declared since);
    3. records a review given without an assignment as an assignment (so "reviews done /
       needed" counts it);
    4. tops up: practices/assignment.py chooses the new pairs, counting every practice each
       reviewer holds in the call; existing assignments and reviews are kept;
    5. says which practices still lack reviewers (too few reviewers free of conflict).
    Sends no email: reviewers find their queue in the admin and in their daily digest.
    """
    if not can_assign_reviewers(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    call = Call.objects.select_for_update().get(pk=call.pk)
    practices = {p.pk: p for p in selectors.assignable_practices(call)}
    pool = list(selectors.reviewer_pool())
    pool_ids = {reviewer.pk for reviewer in pool}
    conflicts = {
        (practice, reviewer.pk)
        for reviewer in pool
        for practice in selectors.conflicted_practice_ids(reviewer, practices)
    }
    assigned, reviewed, _holders = selectors.call_holders(call)

    void = [
        (practice, reviewer)
        for practice in practices
        for reviewer in assigned.get(practice, ())
        if reviewer not in reviewed.get(practice, ())
        and (reviewer not in pool_ids or (practice, reviewer) in conflicts)
    ]
    if void:
        condition = Q()
        for practice, reviewer in void:
            condition |= Q(practice_id=practice, reviewer_id=reviewer)
        ReviewAssignment.objects.filter(condition).delete()
        for practice, reviewer in void:
            assigned[practice].discard(reviewer)

    unrecorded = [
        (practice, reviewer)
        for practice in practices
        for reviewer in reviewed.get(practice, ())
        if reviewer not in assigned.get(practice, ())
    ]
    holders: dict[int, set[int]] = {}
    for practice in {*assigned, *reviewed}:
        holders[practice] = set(assigned.get(practice, ())) | set(reviewed.get(practice, ()))
    loads = dict.fromkeys(pool_ids, 0)
    for held in holders.values():
        for reviewer in held & pool_ids:
            loads[reviewer] += 1

    result = assign_reviewers(
        AssignmentProblem(
            practices=list(practices),
            reviewers=sorted(pool_ids),
            per_practice=call.reviewers_per_practice,
            holders={practice: holders.get(practice, set()) for practice in practices},
            loads=loads,
            conflicts=conflicts,
        )
    )
    ReviewAssignment.objects.bulk_create(
        [
            ReviewAssignment(practice_id=p, reviewer_id=r, assigned_by=user, automatic=True)
            for p, r in [*unrecorded, *result.pairs]
        ]
    )
    final = list(result.loads.values())
    return CallAssignmentReport(
        created=len(result.pairs),
        recorded=len(unrecorded),
        withdrawn=len(void),
        reviewers=len(pool),
        lacking=[(practices[p], missing) for p, missing in sorted(result.lacking.items())],
        load_range=(min(final), max(final)) if final else None,
    )


# --------------------------------------------------------------------------------------------
# Declared conflicts of interest
# --------------------------------------------------------------------------------------------
@transaction.atomic
def review_conflict_declare(
    *,
    user: User,
    reason: str,
    organisation: Organisation | None = None,
    practice: Practice | None = None,
) -> ReviewConflict:
    """`user` declares a conflict of interest with an organisation (all its practices) or with
    one practice. From now on they do not see it anywhere; their assignments to it that they
    have not reviewed are withdrawn (a review already given stays, for the others' calibration).
    """
    if not can_declare_conflict(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if (organisation is None) == (practice is None):
        raise ApplicationError(MSG_CONFLICT_TARGET)
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(MSG_CONFLICT_REASON, field="reason")
    # the person's row, not their conflicts: a double submit finds no conflict row to lock
    # (both would insert, the second failing on the unique constraint); this way it waits
    User.objects.select_for_update().only("pk").get(pk=user.pk)
    mine = ReviewConflict.objects.filter(reviewer=user)
    if organisation is not None and mine.filter(organisation=organisation).exists():
        raise ApplicationError(MSG_CONFLICT_ORGANISATION_DECLARED, field="organisation")
    if practice is not None and mine.filter(practice=practice).exists():
        raise ApplicationError(MSG_CONFLICT_PRACTICE_DECLARED, field="practice")
    conflict = ReviewConflict(
        reviewer=user, organisation=organisation, practice=practice, reason=reason
    )
    conflict.full_clean()
    conflict.save()
    target = Q(practice__organisation=organisation) if organisation else Q(practice=practice)
    ReviewAssignment.objects.filter(target, reviewer=user).exclude(
        practice__reviews__reviewer=user
    ).delete()
    return conflict


@transaction.atomic
def review_conflict_withdraw(*, user: User, conflict: ReviewConflict) -> None:
    """Withdraw a declared conflict (coordinators, at the reviewer's request)."""
    if not can_withdraw_conflict(user, conflict):
        raise ApplicationError(MSG_NOT_ALLOWED)
    ReviewConflict.objects.filter(pk=conflict.pk).delete()


def review_assign_many(
    *, user: User, practices: Iterable[Practice], reviewers: Iterable[User]
) -> tuple[int, int, list[str]]:
    """review_assign for every (practice, reviewer) pair, each in its own transaction: returns
    how many were created, how many existed already, and the message of each refusal."""
    created = kept = 0
    refused: list[str] = []
    reviewers = list(reviewers)
    for practice in practices:
        for reviewer in reviewers:
            try:
                _assignment, new = review_assign(user=user, practice=practice, reviewer=reviewer)
            except ApplicationError as exc:
                refused.append(str(exc.message))
            else:
                created += new
                kept += not new
    return created, kept, refused
