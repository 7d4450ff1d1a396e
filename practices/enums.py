"""The vocabulary of good-practice calls: states (with their named groups), audiences, reviews."""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    DETAIL_REQUESTED = "detail_requested", _("More detail requested")
    DETAIL_RECEIVED = "detail_received", _("Detail received")
    SELECTED = "selected", _("Selected")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The SME may still change its text (until its deadline).
SME_EDITABLE_STATES = frozenset({PracticeState.DRAFT, PracticeState.SUBMITTED})
# Reviewers work on these; "declined" is allowed from each of them.
REVIEW_STATES = frozenset(
    {
        PracticeState.SUBMITTED,
        PracticeState.IN_REVIEW,
        PracticeState.SHORTLISTED,
        PracticeState.DETAIL_REQUESTED,
        PracticeState.DETAIL_RECEIVED,
        PracticeState.SELECTED,
    }
)
# Sent to the programme: counts as a submission (drafts and withdrawn ones do not).
SENT_STATES = REVIEW_STATES | {PracticeState.PUBLISHED, PracticeState.DECLINED}
# Decisions that may be recorded now and announced later.
DECISION_STATES = frozenset({PracticeState.SELECTED, PracticeState.DECLINED})


class WindowStatus(StrEnum):
    """Where a moment falls in a call's window for an SME (see Call.window_for)."""

    UPCOMING = "upcoming"  # the call has not opened yet
    OPEN = "open"  # the SME may write
    CLOSED = "closed"  # its deadline (extension included) has passed


class Actor(models.TextChoices):
    """Who may make a move: the submitting SME, or programme staff (reviewers, coordinators)."""

    SME = "sme", _("SME")
    STAFF = "staff", _("Reviewer or coordinator")


class Audience(models.TextChoices):
    ICT = "ict", _("ICT specialists")
    OTHER = "other", _("Other employees")
    BOTH = "both", _("Both")


class Recommendation(models.TextChoices):
    SELECT = "select", _("Select")
    DISCUSS = "discuss", _("Discuss")
    DECLINE = "decline", _("Decline")


class Rsvp(models.TextChoices):
    PENDING = "pending", _("No answer yet")
    YES = "yes", _("Attending")
    NO = "no", _("Not attending")


class RevisionReason(models.TextChoices):
    DRAFT_SAVED = "draft_saved", _("Draft saved")
    SUBMITTED = "submitted", _("Submitted")
    EDITED = "edited", _("Edited after submission")
    LATE_ATTEMPT = "late_attempt", _("Sent after the deadline (kept, not accepted)")
    PUBLIC_VERSION = "public_version", _("Public version edited by reviewers")
