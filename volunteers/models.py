from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from multiselectfield import MultiSelectField

from accounts.enums import EuEeaCountries, NaceSection
from accounts.models import InvitationBase, Organisation
from matching.enums import MentoringMode
from matching.levels import CommonLevel
from skillup.models import TransitionLog

from .commitments import COMMITMENTS_VERSION
from .enums import (
    VISIBLE_STATES,
    Availability,
    CoalitionPillar,
    GeographicalScope,
    Language,
    MentorState,
    PledgePhase,
    PledgeState,
)
from .phases import pledge_phase

MAX_TARGET = 100_000
DESCRIPTION_MAX = 3000
BIO_MAX = 1500
MAX_CAPACITY = 10


class PledgeQuerySet(models.QuerySet):
    def in_viewer(self):
        """Approved or completed pledges their company made public."""
        return self.filter(is_public=True, state__in=VISIBLE_STATES)


class Pledge(models.Model):
    """A large company's pledge to the Digital Skills and Jobs Coalition as a Digital Volunteer."""

    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    slug = models.SlugField(_("address"), max_length=90, unique=True, allow_unicode=False)
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX)],
    )
    pillar = models.CharField(_("Coalition pillar"), max_length=20, choices=CoalitionPillar.choices)
    scope = models.CharField(
        _("geographical scope"), max_length=20, choices=GeographicalScope.choices
    )
    expertise = models.ManyToManyField(
        "matching.Skill",
        verbose_name=_("areas of expertise offered"),
        related_name="pledges",
        blank=True,
    )
    countries = CountryField(
        _("countries served"), countries=EuEeaCountries, multiple=True, blank=True
    )
    languages = MultiSelectField(
        _("languages served"), choices=Language.choices, max_length=80, blank=True
    )
    target_smes = models.PositiveIntegerField(
        _("SMEs to support"), default=0, validators=[MaxValueValidator(MAX_TARGET)]
    )
    target_mentors = models.PositiveIntegerField(
        _("mentors to engage"), default=0, validators=[MaxValueValidator(MAX_TARGET)]
    )
    target_hours = models.PositiveIntegerField(
        _("mentoring hours"), default=0, validators=[MaxValueValidator(MAX_TARGET)]
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    is_public = models.BooleanField(
        _("show in the public Pledge Viewer"),
        default=True,
        help_text=_("Once approved, the pledge is listed in the public Pledge Viewer."),
    )
    commit_assist = models.BooleanField(_("assist an SME"), default=False)
    commit_mentor = models.BooleanField(_("take part in mentoring"), default=False)
    commit_confidentiality = models.BooleanField(_("respect confidentiality"), default=False)
    commitments_version = models.CharField(
        _("version of the commitments"), max_length=20, default=COMMITMENTS_VERSION
    )
    commitments_accepted_at = models.DateTimeField(
        _("commitments confirmed at"), null=True, blank=True
    )
    commitments_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("commitments confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=PledgeState.choices,
        default=PledgeState.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges_created",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-approved_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="volunteers_pledge_ends_after_start",
            ),
            # one pledge under way per company: a new one once the last is completed or withdrawn
            models.UniqueConstraint(
                "company",
                condition=models.Q(
                    state__in=[
                        PledgeState.DRAFT,
                        PledgeState.PENDING,
                        PledgeState.APPROVED,
                        PledgeState.REJECTED,
                    ]
                ),
                name="volunteers_pledge_one_open_per_company",
            ),
        ]
        indexes = [models.Index(fields=["state", "is_public"])]

    def __str__(self) -> str:
        return f"{self.company} ({self.starts_on:%Y})"

    def get_absolute_url(self) -> str:
        return reverse("volunteers:pledge_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})

    @property
    def phase(self) -> PledgePhase | None:
        """Upcoming, active, ended or completed today (volunteers.phases); None before approval."""
        return pledge_phase(state=self.state, starts_on=self.starts_on, ends_on=self.ends_on)

    @property
    def is_active(self) -> bool:
        """Approved and within its period today: not before its start date, nor after its end."""
        return self.phase == PledgePhase.ACTIVE

    @property
    def is_in_viewer(self) -> bool:
        """Listed in the public Pledge Viewer (the row-level twin of objects.in_viewer())."""
        return self.is_public and self.state in VISIBLE_STATES

    @property
    def commitments_confirmed(self) -> bool:
        return self.commit_assist and self.commit_mentor and self.commit_confidentiality


class PledgeTransition(TransitionLog):
    """The log of every pledge state change: who, when, from, to, and why."""

    subject_field = "pledge"

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="transitions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="pledge_transitions",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=PledgeState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=PledgeState.choices)

    class Meta(TransitionLog.Meta):
        verbose_name = _("pledge state change")
        verbose_name_plural = _("pledge state changes")


class ConfidentialityAgreementQuerySet(models.QuerySet):
    def current(self):
        """The agreement in force now: the latest one whose date has come (None before any)."""
        return self.filter(effective_at__lte=timezone.now()).order_by("-effective_at").first()


class ConfidentialityAgreement(models.Model):
    """One version of the agreement mentors accept; a new version asks every mentor again."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    text = models.TextField(_("text"))
    effective_at = models.DateTimeField(_("in force from"), default=timezone.now)

    objects = ConfidentialityAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("confidentiality agreement")
        verbose_name_plural = _("confidentiality agreements")
        ordering = ["-effective_at"]

    def __str__(self) -> str:
        return _("Confidentiality agreement %(version)s") % {"version": self.version}


class MentorInvitation(InvitationBase):
    """A company admin asks an in-house expert, by email, to become a mentor."""

    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="mentor_invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="mentor_invitations_sent",
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_invitations_accepted",
    )

    class Meta(InvitationBase.Meta):
        verbose_name = _("mentor invitation")
        verbose_name_plural = _("mentor invitations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "company",
                condition=models.Q(accepted_at__isnull=True),
                name="volunteers_mentorinvitation_open_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("volunteers:mentor_invitation_accept", kwargs={"token": self.token})


class MentorProfile(models.Model):
    """An in-house expert of a large company who mentors SMEs. Never public."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="mentors",
    )
    bio = models.TextField(
        _("short bio"), max_length=BIO_MAX, blank=True, validators=[MaxLengthValidator(BIO_MAX)]
    )
    languages = MultiSelectField(
        _("languages"), choices=Language.choices, max_length=80, blank=True
    )
    countries = CountryField(_("countries"), countries=EuEeaCountries, multiple=True, blank=True)
    sectors = MultiSelectField(
        _("sectors known"), choices=NaceSection.choices, max_length=50, blank=True
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("How many SMEs you can mentor at the same time."),
    )
    mode = models.CharField(
        _("mentoring mode"),
        max_length=10,
        choices=MentoringMode.choices,
        default=MentoringMode.EITHER,
    )
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability.choices, default=Availability.ACTIVE
    )
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    agreement = models.ForeignKey(
        ConfidentialityAgreement,
        verbose_name=_("confidentiality agreement accepted"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentors",
    )
    agreement_accepted_at = models.DateTimeField(_("agreement accepted at"), null=True, blank=True)
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=MentorState.choices,
        default=MentorState.INCOMPLETE,
        db_index=True,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        ordering = ["company", "user__email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(availability="active") | models.Q(paused_until__isnull=False),
                name="volunteers_mentor_pause_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.company})"

    def get_absolute_url(self) -> str:
        return reverse("volunteers:mentor_detail", kwargs={"pk": self.pk})

    def has_accepted(self, agreement: ConfidentialityAgreement | None) -> bool:
        return agreement is not None and self.agreement_id == agreement.pk

    def clean(self) -> None:
        if self.availability == Availability.PAUSED and self.paused_until is None:
            raise ValidationError(
                {"paused_until": _("Say until when you are paused (a date in the future).")}
            )

    def is_available(self, on=None) -> bool:
        """Active, or paused until a date that has passed."""
        if self.availability == Availability.ACTIVE:
            return True
        on = on or timezone.localdate()
        return self.paused_until is not None and self.paused_until <= on


class MentorSkill(models.Model):
    """One skill of a mentor's expertise, with a level on the common scale."""

    mentor = models.ForeignKey(
        MentorProfile, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey(
        "matching.Skill",
        verbose_name=_("skill"),
        on_delete=models.PROTECT,
        related_name="mentor_skills",
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=CommonLevel.choices)

    class Meta:
        verbose_name = _("mentor skill")
        verbose_name_plural = _("mentor skills")
        ordering = ["mentor", "skill"]
        constraints = [
            models.UniqueConstraint("mentor", "skill", name="volunteers_mentorskill_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({self.get_level_display()})"
