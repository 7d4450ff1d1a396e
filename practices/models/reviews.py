"""Review: requests for detail to the SME, and each reviewer's scores."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import Recommendation
from ..validators import validate_attachment
from .practices import Practice, _attachment_path


class DetailRequest(models.Model):
    """Reviewers ask a shortlisted SME for more detail; the SME answers, even after the deadline."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="detail_requests",
    )
    message = models.TextField(_("what reviewers would like to know"), max_length=5000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True, max_length=10_000)
    answer_attachment = models.FileField(
        _("attachment"),
        upload_to=_attachment_path,
        blank=True,
        max_length=200,
        validators=[validate_attachment],
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for detail")
        verbose_name_plural = _("requests for detail")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.practice} ({self.requested_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


RUBRIC = ("innovation", "impact", "transferability", "clarity")


class Review(models.Model):
    """One reviewer's scores for one submission (1 to 5 on each rubric criterion)."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="practice_reviews",
    )
    innovation = models.PositiveSmallIntegerField(_("innovation"), validators=SCORE_VALIDATORS)
    impact = models.PositiveSmallIntegerField(
        _("impact on staff skills"), validators=SCORE_VALIDATORS
    )
    transferability = models.PositiveSmallIntegerField(
        _("transferability to other SMEs"), validators=SCORE_VALIDATORS
    )
    clarity = models.PositiveSmallIntegerField(_("clarity"), validators=SCORE_VALIDATORS)
    score = models.DecimalField(
        _("average score"), max_digits=3, decimal_places=2, editable=False, default=0
    )
    comment = models.TextField(_("comment"), blank=True, max_length=5000)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["practice", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "reviewer"], name="practices_review_one_per_reviewer"
            ),
        ] + [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                name=f"practices_review_{name}_1_to_5",
            )
            for name in RUBRIC
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.practice}"

    def save(self, *args, **kwargs):
        total = sum(getattr(self, name) for name in RUBRIC)
        self.score = (Decimal(total) / len(RUBRIC)).quantize(Decimal("0.01"))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "score"}
        super().save(*args, **kwargs)


class ReviewAssignment(models.Model):
    """A practice a coordinator gave a reviewer to review (by hand or by the automatic
    assignment of a call). The reviewer's queue is their assignments not yet reviewed."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    automatic = models.BooleanField(_("assigned automatically"), default=False)
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "reviewer"], name="practices_assignment_one_per_reviewer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.practice}"


class ReviewConflict(models.Model):
    """A conflict of interest a reviewer declared: with an organisation (every practice of it)
    or with one practice. Conflicts that follow from facts (the reviewer's own organisation, an
    SME whose members share the reviewer's email domain) are worked out, not stored."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_conflicts",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_conflicts",
    )
    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_conflicts",
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, practice__isnull=True)
                    | models.Q(organisation__isnull=True, practice__isnull=False)
                ),
                name="practices_conflict_organisation_or_practice",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="practices_conflict_one_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "practice"],
                condition=models.Q(practice__isnull=False),
                name="practices_conflict_one_per_practice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} ✕ {self.organisation or self.practice}"
