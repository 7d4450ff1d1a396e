"""Reminder producers of practices (registered with notifications' @reminder).

The beat task notifications.send_reminders runs them every 15 minutes; each yields notify()
keyword arguments, and the idempotency key (with its occurrence) makes a second run send nothing.
Each producer runs a fixed number of queries whatever the number of practices.
"""

import math
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, Window
from django.utils import timezone, translation
from django.utils.translation import ngettext

from accounts.enums import MembershipRole
from accounts.models import Membership, User
from accounts.roles import REVIEWERS
from notifications.reminders import reminder
from skillup.links import absolute_url, language_of

from .enums import PracticeState
from .models import Practice, Review, ReviewAssignment
from .selectors import ASSIGNABLE_STATES, practice_deadline, practices_for_staff

# A draft is reminded once when its deadline is a week away and once on the last day. A draft
# first found on the last day gets only the last-day reminder.
REMIND_WEEK_BEFORE = timedelta(days=7)
REMIND_DAY_BEFORE = timedelta(days=1)

# What awaits a reviewer: submissions in these states they have not reviewed yet.
AWAITING_REVIEW_STATES = (
    PracticeState.SUBMITTED,
    PracticeState.IN_REVIEW,
    PracticeState.DETAIL_RECEIVED,
)
DIGEST_LIST_LENGTH = 20
# The beat runs every 15 minutes: the day's digest waits for the morning (local time), rather
# than landing just after midnight.
DIGEST_NOT_BEFORE_HOUR = 7


# --------------------------------------------------------------------------------------------
# SMEs: the deadline of an unsubmitted draft
# --------------------------------------------------------------------------------------------
def _drafts_due(now) -> list[Practice]:
    """Drafts whose deadline (the SME's extension, if any) falls within the coming week."""
    return list(
        Practice.objects.filter(state=PracticeState.DRAFT)
        .annotate(deadline=practice_deadline())
        .filter(deadline__gt=now, deadline__lte=now + REMIND_WEEK_BEFORE)
        .select_related("call", "organisation", "created_by")
        .order_by("deadline", "pk")
    )


def _people_by_organisation(drafts: list[Practice]) -> tuple[dict, set]:
    """The active admins of each SME (by pk), and which (organisation, author) pairs are still
    members: one query for every draft, as practices.services.emails.sme_people decides per
    practice."""
    organisation_ids = {p.organisation_id for p in drafts}
    author_ids = {p.created_by_id for p in drafts if p.created_by_id}
    memberships = (
        Membership.objects.filter(organisation_id__in=organisation_ids, user__is_active=True)
        .filter(Q(role=MembershipRole.ADMIN) | Q(user_id__in=author_ids))
        .select_related("user")
        .order_by("user_id")
    )
    admins: dict[int, list[User]] = defaultdict(list)
    members: set[tuple[int, int]] = set()
    for membership in memberships:
        members.add((membership.organisation_id, membership.user_id))
        if membership.role == MembershipRole.ADMIN:
            admins[membership.organisation_id].append(membership.user)
    return admins, members


def _days_left(left: timedelta, language: str) -> str:
    days = max(math.ceil(left / timedelta(days=1)), 1)
    with translation.override(language):
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


@reminder("practice_deadline_reminder")
def practice_deadline_reminders() -> Iterator[dict]:
    """An unsubmitted draft gets a reminder 7 days and 1 day before its SME's deadline (once
    each), sent to its author (while still a member) and the SME's administrators."""
    now = timezone.now()
    drafts = _drafts_due(now)
    if not drafts:
        return
    admins, members = _people_by_organisation(drafts)
    for practice in drafts:
        left = practice.deadline - now
        # keyed on the deadline too: an extension granted later brings its own reminders
        occurrence = "1d" if left <= REMIND_DAY_BEFORE else "7d"
        occurrence = f"{occurrence}@{int(practice.deadline.timestamp())}"
        people = list(admins[practice.organisation_id])
        author = practice.created_by
        if (
            author is not None
            and author.is_active
            and author not in people
            and (practice.organisation_id, author.pk) in members
        ):
            people.insert(0, author)
        for recipient in people:
            language = language_of(recipient)
            yield {
                "event": "practice_deadline_reminder",
                "about": practice,
                "recipient": recipient,
                "language": language,
                "occurrence": occurrence,
                "context": {
                    "practice": practice,
                    "practice_title": practice.title,
                    "call": practice.call.title,
                    "organisation": practice.organisation.name,
                    "deadline": practice.deadline,
                    "days_left": _days_left(left, language),
                    "edit_url": absolute_url(
                        "practices:submission_edit", pk=practice.pk, language=language
                    ),
                },
            }


# --------------------------------------------------------------------------------------------
# Reviewers: a daily digest of what awaits them
# --------------------------------------------------------------------------------------------
def _awaiting(reviewer: User) -> tuple[int, int, list[dict]]:
    """How many submissions await `reviewer`, how many of them are assigned to them, and the
    first DIGEST_LIST_LENGTH (assigned ones first, then the oldest): one query, the window
    counts taken before the limit. A practice awaits them when it is in
    AWAITING_REVIEW_STATES, or assigned to them and still awaiting a decision, and they have
    not reviewed it; never one they are in conflict with (practices_for_staff)."""
    reviewed = Review.objects.filter(practice=OuterRef("pk"), reviewer=reviewer)
    mine = ReviewAssignment.objects.filter(practice=OuterRef("pk"), reviewer=reviewer)
    rows = list(
        practices_for_staff(reviewer)
        .annotate(assigned=Exists(mine))
        .filter(
            Q(state__in=AWAITING_REVIEW_STATES)
            | Q(assigned=True, state__in=ASSIGNABLE_STATES, pending_decision="")
        )
        .exclude(Exists(reviewed))
        .annotate(
            total=Window(Count("pk")),
            assigned_total=Window(Count("pk", filter=Q(assigned=True))),
        )
        .order_by("-assigned", "submitted_at", "pk")
        .values("pk", "title", "organisation__name", "assigned", "total", "assigned_total")[
            :DIGEST_LIST_LENGTH
        ]
    )
    if not rows:
        return 0, 0, []
    return rows[0]["total"], rows[0]["assigned_total"], rows


@reminder("reviewer_digest")
def reviewer_digests() -> Iterator[dict]:
    """Once a day from DIGEST_NOT_BEFORE_HOUR (the local date is the occurrence), each active
    reviewer with submissions awaiting their review gets one summary, the practices assigned to
    them first. One query per reviewer, none per practice."""
    now = timezone.localtime()
    if now.hour < DIGEST_NOT_BEFORE_HOUR:
        return
    today = now.date().isoformat()
    reviewers = (
        User.objects.filter(groups__name=REVIEWERS, is_staff=True, is_active=True)
        .distinct()
        .order_by("pk")
    )
    list_url = absolute_url("admin:practices_practice_changelist")
    for reviewer in reviewers:
        total, assigned, rows = _awaiting(reviewer)
        if not total:
            continue
        yield {
            "event": "reviewer_digest",
            "about": None,
            "recipient": reviewer,
            "language": language_of(reviewer),
            "occurrence": today,
            "context": {
                "count": str(total),
                "total": total,
                "assigned": assigned,
                "more": total - len(rows),
                "list_url": list_url,
                "practices": [
                    {
                        "title": row["title"],
                        "organisation": row["organisation__name"],
                        "assigned": row["assigned"],
                        "admin_url": absolute_url("admin:practices_practice_change", row["pk"]),
                    }
                    for row in rows
                ],
            },
        }
