"""Calls for good practices, their window, and the extensions granted to one SME."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from ..enums import WindowStatus

DEFAULT_QUESTION_ONLINE_LEARNING = _("How is online learning integrated into your staff training?")


DEFAULT_QUESTION_METHODOLOGY = _("What methodology do you follow?")


DEFAULT_QUESTION_TOOLS = _("Which training tools do you use (for example Elements of AI)?")


DEFAULT_QUESTION_KEEP_LEARNING = _("How do you encourage your employees to keep learning?")


@deconstructible(path="practices.models.TranslatedDefault")
class TranslatedDefault:
    """A default that is a message in one given language, whatever language is active when the
    row is made: the default of one language's column of a translated field (question_fr gets
    the French question; see practices/translation.py)."""

    def __init__(self, message: str, language: str) -> None:
        self.message = message
        self.language = language

    def __call__(self) -> str:
        with override(self.language):
            return gettext(self.message)


@dataclass(frozen=True)
class CallWindow:
    """When an SME may write to a call (see Call.window_for): from `opens_at` until `deadline`
    (its extension included), and where the moment it was worked out falls."""

    opens_at: datetime
    deadline: datetime
    status: WindowStatus
    is_extended: bool = False  # the deadline is an extension granted to this SME

    @property
    def is_open(self) -> bool:
        return self.status == WindowStatus.OPEN


class Call(models.Model):
    """A call for good practices, open between two moments. Managed in the admin."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    introduction = models.TextField(_("introduction"))
    eligibility = models.TextField(_("eligibility"), blank=True)
    how_to_take_part = models.TextField(_("how to take part"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    reviewers_per_practice = models.PositiveSmallIntegerField(
        _("reviewers per practice"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("How many reviewers the automatic assignment gives each practice."),
    )
    question_online_learning = models.TextField(
        _("question on online learning"), default=DEFAULT_QUESTION_ONLINE_LEARNING
    )
    question_methodology = models.TextField(
        _("question on methodology"), default=DEFAULT_QUESTION_METHODOLOGY
    )
    question_tools = models.TextField(_("question on tools"), default=DEFAULT_QUESTION_TOOLS)
    question_keep_learning = models.TextField(
        _("question on continued learning"), default=DEFAULT_QUESTION_KEEP_LEARNING
    )
    description_max_length = models.PositiveIntegerField(
        _("short description: maximum characters"),
        default=1500,
        validators=[MinValueValidator(200), MaxValueValidator(10_000)],
    )
    is_listed = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Shown on the home page and at its address while it is open or upcoming."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="practices_call_closes_after_opening",
                violation_error_message=_("The call must close after it opens."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:call_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})

    @property
    def has_opened(self) -> bool:
        return self.window_for().status != WindowStatus.UPCOMING

    @property
    def is_open(self) -> bool:
        """Open to every SME now (an SME's own extension aside: see window_for)."""
        return self.window_for().is_open

    def window_for(
        self,
        organisation=None,
        now: datetime | None = None,
        *,
        extensions: Mapping[tuple[int, int], datetime] | None = None,
    ) -> "CallWindow":
        """May this SME write to this call now, and until when? The one place that says so
        (services check it again before every write; pages, permissions and the dashboard read it).

        The deadline is the SME's extension if it has one, else the call's own; without an
        organisation, the call's own window (what the public pages show). `extensions` maps
        (call id, organisation id) to the extensions' deadlines already read, to save the query
        (the dashboard's many practices).
        """
        now = now or timezone.now()
        deadline = self.closes_at
        if organisation is not None:
            if extensions is None:
                extended = (
                    self.extensions.filter(organisation=organisation)
                    .values_list("closes_at", flat=True)
                    .first()
                )
            else:
                extended = extensions.get((self.pk, organisation.pk))
            deadline = extended or self.closes_at
        if now < self.opens_at:
            status = WindowStatus.UPCOMING
        elif now < deadline:
            status = WindowStatus.OPEN
        else:
            status = WindowStatus.CLOSED
        return CallWindow(
            opens_at=self.opens_at,
            deadline=deadline,
            status=status,
            is_extended=deadline != self.closes_at,
        )


class DeadlineExtension(models.Model):
    """A later deadline for one SME, granted by a coordinator."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="extensions"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="deadline_extensions",
    )
    closes_at = models.DateTimeField(_("new deadline"))
    reason = models.TextField(_("reason"), max_length=2000)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.PROTECT,
        related_name="deadline_extensions_granted",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"], name="practices_extension_one_per_sme"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.call}"
