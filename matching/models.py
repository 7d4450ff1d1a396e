"""The skill taxonomy: frameworks (DigComp 2.2, e-CF 4.0, advanced digital areas) and their
skills. Areas are Skill rows too (``is_area``): they group competences and are never chosen.

The rows come from matching/fixtures/taxonomy.json (matching.taxonomy.load_taxonomy).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from multiselectfield import MultiSelectField

from skillup.dates import format_moment
from skillup.models import TransitionLog
from volunteers.enums import Language

from .enums import (
    Answer,
    Importance,
    MentoringMode,
    NeedsStatus,
    PartnershipState,
    ProposalState,
    RunPhase,
    RunStatus,
    Side,
)
from .levels import CommonLevel


class Framework(models.Model):
    key = models.SlugField(_("key"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=100)
    publisher = models.CharField(_("publisher"), max_length=200)
    source_url = models.URLField(_("source"), blank=True)
    citation = models.TextField(_("citation"), blank=True)
    licence = models.CharField(_("licence"), max_length=200)
    attribution = models.TextField(
        _("attribution"), help_text=_("The credit shown wherever the framework's content is shown.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("position",)
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class SkillQuerySet(models.QuerySet):
    def selectable(self) -> "SkillQuerySet":
        """Competences (not areas), with their framework."""
        return self.filter(is_area=False).select_related("framework")


class Skill(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="skills", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("area"),
    )
    is_area = models.BooleanField(
        _("is an area"), default=False, help_text=_("An area groups competences; it is not chosen.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ("framework__position", "position")
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="matching_skill_code_unique_per_framework"
            ),
            # areas are the top of the tree: one level of grouping, no more
            models.CheckConstraint(
                condition=Q(is_area=False) | Q(parent__isnull=True),
                name="matching_skill_area_has_no_parent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


# --------------------------------------------------------------------------------------------
# SME needs
# --------------------------------------------------------------------------------------------
CHALLENGE_MAX = 3000


class NeedsProfile(models.Model):
    """What an SME needs from a mentor. The challenge text is confidential: the SME's members,
    coordinators, and the mentor of a partnership with this SME only."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        verbose_name=_("SME"),
        on_delete=models.CASCADE,
        related_name="needs",
    )
    challenge = models.TextField(
        _("your challenge (confidential)"),
        max_length=CHALLENGE_MAX,
        blank=True,
        validators=[MaxLengthValidator(CHALLENGE_MAX)],
        help_text=_(
            "Shown only to the programme's coordinators and, once a partnership starts, to your "
            "mentor."
        ),
    )
    languages = MultiSelectField(
        _("languages you work in"), choices=Language.choices, max_length=80, blank=True
    )
    mode = models.CharField(
        _("preferred mentoring mode"),
        max_length=10,
        choices=MentoringMode.choices,
        default=MentoringMode.EITHER,
    )
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("Your region or city (optional).")
    )
    excluded_companies = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("companies to exclude"),
        related_name="excluded_by_needs",
        blank=True,
        help_text=_("Competitors, suppliers or customers whose experts must not mentor you."),
    )
    maturity = models.JSONField(_("digital maturity self-assessment"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NeedsStatus.choices, default=NeedsStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("needs profile")
        verbose_name_plural = _("needs profiles")
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return str(self.organisation)


class SkillGap(models.Model):
    needs = models.ForeignKey(
        NeedsProfile, verbose_name=_("needs"), on_delete=models.CASCADE, related_name="gaps"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="gaps"
    )
    importance = models.PositiveSmallIntegerField(_("importance"), choices=Importance.choices)
    target_level = models.PositiveSmallIntegerField(_("target level"), choices=CommonLevel.choices)

    class Meta:
        verbose_name = _("skill gap")
        verbose_name_plural = _("skill gaps")
        ordering = ["needs", "-importance", "skill"]
        constraints = [
            models.UniqueConstraint("needs", "skill", name="matching_skillgap_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_importance_display()})"


class SelfAssessment(models.Model):
    """A snapshot of the SME's gaps and maturity: at the start of a partnership and again at its
    end, so the change can be shown."""

    needs = models.ForeignKey(
        NeedsProfile,
        verbose_name=_("needs"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    partnership = models.ForeignKey(
        "matching.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="assessments",
        null=True,
        blank=True,
    )
    moment = models.CharField(
        _("moment"),
        max_length=10,
        choices=[("start", _("At the start")), ("end", _("At the end"))],
    )
    maturity = models.JSONField(_("maturity"), default=dict)
    gaps = models.JSONField(_("gaps"), default=list)  # [{"skill": id, "importance", "target"}]
    created_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "partnership", "moment", name="matching_selfassessment_once_per_moment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.needs} – {self.get_moment_display()}"


# --------------------------------------------------------------------------------------------
# Scoring settings and runs
# --------------------------------------------------------------------------------------------
class ScoringSettings(models.Model):
    """The weights of the score's parts, changed by coordinators in the admin (one row)."""

    coverage = models.FloatField(
        _("coverage of the gaps"), default=60.0, validators=[MinValueValidator(0)]
    )
    region = models.FloatField(
        _("country or region"), default=15.0, validators=[MinValueValidator(0)]
    )
    sector = models.FloatField(_("sector"), default=15.0, validators=[MinValueValidator(0)])
    mode = models.FloatField(_("mentoring mode"), default=10.0, validators=[MinValueValidator(0)])
    proposal_days = models.PositiveSmallIntegerField(
        _("days to answer a proposal"), default=10, validators=[MinValueValidator(1)]
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder this many days before expiry"), default=3
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("scoring settings")
        verbose_name_plural = _("scoring settings")

    def __str__(self) -> str:
        return str(_("Scoring settings"))

    def clean(self) -> None:
        if self.coverage + self.region + self.sector + self.mode <= 0:
            raise ValidationError(_("At least one weight must be above zero."))
        if self.reminder_days >= self.proposal_days:
            raise ValidationError(
                {"reminder_days": _("The reminder must come before the proposal expires.")}
            )

    @classmethod
    def load(cls) -> "ScoringSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class MatchRun(models.Model):
    """One global matching run: its parameters, version, progress and results."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="match_runs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    maximise_matches = models.BooleanField(
        _("match as many SMEs as possible"),
        default=False,
        help_text=_("First maximise the number of SMEs matched, then the total score."),
    )
    respect_quotas = models.BooleanField(
        _("respect each company's target"),
        default=False,
        help_text=_("No company gets more SMEs than its pledge's target still allows."),
    )
    algorithm_version = models.CharField(_("algorithm version"), max_length=20, blank=True)
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # the phase under way (or, for a failed run, the one that failed); written by the task in
    # its own short transaction as each phase starts, so the admin sees it while the run works
    phase = models.CharField(_("phase"), max_length=10, choices=RunPhase.choices, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    sme_count = models.PositiveIntegerField(_("SMEs considered"), default=0)
    mentor_count = models.PositiveIntegerField(_("mentors considered"), default=0)
    matched_count = models.PositiveIntegerField(_("SMEs matched"), default=0)
    mean_score = models.FloatField(_("mean score"), null=True, blank=True)
    min_score = models.FloatField(_("lowest score"), null=True, blank=True)
    duration_s = models.FloatField(_("duration (s)"), null=True, blank=True)
    timings = models.JSONField(
        _("time per phase (s)"), default=dict, blank=True
    )  # load, score, solve, write
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Run %(pk)s of %(date)s") % {
            "pk": self.pk,
            "date": format_moment(self.created_at),
        }


# --------------------------------------------------------------------------------------------
# Proposals and partnerships
# --------------------------------------------------------------------------------------------
class Proposal(models.Model):
    """A mentor proposed to an SME, with the score's explanation. Drafts come from a run and
    are reviewed by a coordinator before release; both sides then accept or decline."""

    run = models.ForeignKey(
        MatchRun,
        verbose_name=_("run"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    needs = models.ForeignKey(
        NeedsProfile, verbose_name=_("SME"), on_delete=models.CASCADE, related_name="proposals"
    )
    mentor = models.ForeignKey(
        "volunteers.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)
    algorithm_version = models.CharField(_("algorithm version"), max_length=20)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        db_index=True,
    )
    sme_answer = models.CharField(
        _("SME's answer"), max_length=10, choices=Answer.choices, blank=True, default=""
    )
    sme_answered_at = models.DateTimeField(_("SME answered at"), null=True, blank=True)
    sme_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered for the SME by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    mentor_answer = models.CharField(
        _("mentor's answer"), max_length=10, choices=Answer.choices, blank=True, default=""
    )
    mentor_answered_at = models.DateTimeField(_("mentor answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, db_index=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # one open proposal per SME: the next one comes after a decline or expiry
            models.UniqueConstraint(
                "needs",
                condition=models.Q(state__in=["draft", "proposed"]),
                name="matching_proposal_one_open_per_sme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.needs} ↔ {self.mentor} ({self.score:.0f})"


class Partnership(models.Model):
    proposal = models.OneToOneField(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        related_name="partnership",
    )
    needs = models.ForeignKey(
        NeedsProfile,
        verbose_name=_("SME"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    mentor = models.ForeignKey(
        "volunteers.MentorProfile",
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=PartnershipState.choices,
        default=PartnershipState.ACTIVE,
        db_index=True,
    )
    goals = models.TextField(
        _("goals"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.TextField(_("why it ended early"), blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.needs} ↔ {self.mentor}"

    def get_absolute_url(self) -> str:
        return reverse("matching:partnership_detail", kwargs={"pk": self.pk})


class CheckIn(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="check_ins",
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), max_length=2000, validators=[MaxLengthValidator(2000)])
    hours = models.DecimalField(
        _("hours of mentoring"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    side = models.CharField(_("by"), max_length=10, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.partnership} – {self.date}"


class Feedback(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    side = models.CharField(_("from"), max_length=10, choices=Side.choices)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(
        _("feedback"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint("partnership", "side", name="matching_feedback_once_per_side"),
        ]

    def __str__(self) -> str:
        return f"{self.partnership} – {self.get_side_display()}: {self.rating}/5"


class ProposalLog(models.Model):
    """Every step of a proposal (released, answered, expired, removed): who, when, what."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="log"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("proposal step")
        verbose_name_plural = _("proposal steps")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.action}"


class ProposalTransition(TransitionLog):
    """The log of every proposal state change: who (None: the system), when, from, to, why.
    Written by services.proposal_transition() and services.proposals_transition() only."""

    subject_field = "proposal"

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_state = models.CharField(_("from"), max_length=20, choices=ProposalState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=ProposalState.choices)

    class Meta(TransitionLog.Meta):
        verbose_name = _("proposal state change")
        verbose_name_plural = _("proposal state changes")


class PartnershipTransition(TransitionLog):
    """The log of every partnership state change (its end): who, when, from, to, why.
    Written by services.partnership_transition() only."""

    subject_field = "partnership"

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=PartnershipState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=PartnershipState.choices)

    class Meta(TransitionLog.Meta):
        verbose_name = _("partnership state change")
        verbose_name_plural = _("partnership state changes")
