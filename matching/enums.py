"""Matchmaking: needs, proposal and partnership states, and the fixed choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MentoringMode(models.TextChoices):
    REMOTE = "remote", _("Remote")
    ON_SITE = "on_site", _("On site")
    EITHER = "either", _("Either")


class NeedsStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Looking for a mentor")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class Importance(models.IntegerChoices):
    USEFUL = 1, _("Useful")
    IMPORTANT = 2, _("Important")
    ESSENTIAL = 3, _("Essential")


class MaturityDimension(models.TextChoices):
    """The six dimensions of the EU Digital Maturity Assessment for SMEs (names only)."""

    STRATEGY = "strategy", _("Digital business strategy")
    READINESS = "readiness", _("Digital readiness")
    HUMAN = "human", _("Human-centric digitalisation")
    DATA = "data", _("Data management")
    AUTOMATION = "automation", _("Automation and artificial intelligence")
    GREEN = "green", _("Green digitalisation")


class MaturityLevel(models.IntegerChoices):
    NOT_STARTED = 0, _("Not started")
    BEGINNING = 1, _("Beginning")
    DEVELOPING = 2, _("Developing")
    ESTABLISHED = 3, _("Established")
    ADVANCED = 4, _("Advanced")
    LEADING = 5, _("Leading")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


ACTIVE_RUN_STATES = frozenset({RunStatus.QUEUED, RunStatus.RUNNING})


class RunPhase(models.TextChoices):
    """The phases of a run, in order; each value is also the key of its time in run.timings."""

    LOAD = "load", _("Loading the SMEs and mentors")
    SCORE = "score", _("Scoring the candidate pairs")
    SOLVE = "solve", _("Assigning mentors to SMEs")
    WRITE = "write", _("Saving the draft proposals")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft (for review)")
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted by both")
    DECLINED = "declined", pgettext_lazy("proposal", "Declined")
    EXPIRED = "expired", _("Expired")
    REMOVED = "removed", _("Removed by a coordinator")


OPEN_PROPOSAL_STATES = frozenset({ProposalState.DRAFT, ProposalState.PROPOSED})
# the proposals the two sides may see: released ones, open or closed (never a draft, nor a draft
# removed before its release)
RELEASED_PROPOSAL_STATES = frozenset(
    {ProposalState.PROPOSED, ProposalState.ACCEPTED, ProposalState.DECLINED, ProposalState.EXPIRED}
)


class Side(models.TextChoices):
    SME = "sme", _("SME")
    MENTOR = "mentor", _("Mentor")


class Answer(models.TextChoices):
    PENDING = "", _("No answer yet")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", pgettext_lazy("proposal", "Declined")


class PartnershipState(models.TextChoices):
    ACTIVE = "active", _("Active")
    # a context of its own: Spanish "colaboración" completada (a pledge is "completado")
    COMPLETED = "completed", pgettext_lazy("partnership state", "Completed")
    ENDED_EARLY = "ended_early", _("Ended early")


class Actor(models.TextChoices):
    """Who makes a move of matching.workflow (never shown to anyone: no translated label)."""

    COORDINATOR = "coordinator"
    SIDE = "side"  # the SME (one of its members) or the mentor
    SIDE_OR_COORDINATOR = "side_or_coordinator"
    SYSTEM = "system"  # the periodic expiry: no person (actor None)


# The score's parts (matching.scoring.PARTS) as people read them: the proposal page spells
# them out; the admin's one-line summary ("coverage of the gaps 42.5, sector 15 …") is shorter.
PART_LABELS = {
    "coverage": _("Coverage of the skill gaps"),
    "region": _("Country or region"),
    "sector": _("Sector"),
    "mode": _("Mentoring mode"),
}
PART_SHORT_LABELS = {
    "coverage": _("coverage of the gaps"),
    "region": _("country or region"),
    "sector": _("sector"),
    "mode": _("mentoring mode"),
}
