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
    # published once, then taken off the public site by its SME (its consent withdrawn)
    TAKEN_DOWN = "taken_down", _("Taken down by the SME")


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
SENT_STATES = REVIEW_STATES | {
    PracticeState.PUBLISHED,
    PracticeState.DECLINED,
    PracticeState.TAKEN_DOWN,
}
# Decisions that may be recorded now and announced later.
DECISION_STATES = frozenset({PracticeState.SELECTED, PracticeState.DECLINED})
# Published (or published once and taken down): a staff change of the public text waits for the
# SME's approval, and the approved text stays the one the public reads (or will read again).
PUBLIC_TEXT_STATES = frozenset({PracticeState.PUBLISHED, PracticeState.TAKEN_DOWN})

# The wording of an SME's consent to publication, numbered (Practice.publication_consent_version).
# Version 2 names the open licence of the published text (CC BY 4.0): only practices consented
# under it go into the bulk open datasets (opendata); a practice published under version 1 stays
# on the site until its SME accepts the new wording (services.practice_licence_accept). Bump it
# (and settings.PUBLICATION_CONSENT_VERSION, the date of the text) when the wording changes.
PUBLICATION_CONSENT_VERSION = 2
OPEN_LICENCE_NAME = "CC BY 4.0"
OPEN_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class SmeState(models.TextChoices):
    """What an SME is told of its practice's state: the review's steps stay the reviewers' own
    until a decision is announced (see SME_STATES)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    DETAIL_REQUESTED = "detail_requested", _("More detail requested")
    SELECTED = "selected", _("Selected")
    PUBLISHED = "published", _("Published")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    TAKEN_DOWN = "taken_down", _("Taken down")


# The one place that says what an SME sees of each state (its dashboard, its practice's page and
# history, the refusals it reads): "Submitted", then "Under review" however the reviewers move it
# (in review, shortlisted, detail received), then the decision once announced. A decision
# recorded to announce later (Practice.pending_decision) changes no state, so it shows nowhere.
# A request for detail is the SME's to answer: it is told, by email and here.
SME_STATES: dict[str, SmeState] = {
    PracticeState.DRAFT: SmeState.DRAFT,
    PracticeState.SUBMITTED: SmeState.SUBMITTED,
    PracticeState.IN_REVIEW: SmeState.UNDER_REVIEW,
    PracticeState.SHORTLISTED: SmeState.UNDER_REVIEW,
    PracticeState.DETAIL_REQUESTED: SmeState.DETAIL_REQUESTED,
    PracticeState.DETAIL_RECEIVED: SmeState.UNDER_REVIEW,
    PracticeState.SELECTED: SmeState.SELECTED,
    PracticeState.PUBLISHED: SmeState.PUBLISHED,
    PracticeState.DECLINED: SmeState.NOT_SELECTED,
    PracticeState.WITHDRAWN: SmeState.WITHDRAWN,
    PracticeState.TAKEN_DOWN: SmeState.TAKEN_DOWN,
}


def sme_state(state: str) -> SmeState:
    """What the SME is told of `state` (see SME_STATES)."""
    return SME_STATES[state]


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
