"""Events selected SMEs are invited to, and their answers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from skillup.languages import Language

from ..enums import Rsvp
from .calls import Call
from .practices import Practice


class Event(models.Model):
    """An event selected SMEs are invited to."""

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the event is held in."),
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Listed on the public events page, with its calendar file."),
    )
    slug = models.SlugField(
        _("page address"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_("The end of the event page's address; made from the title when empty."),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="practices_event_ends_after_start",
                violation_error_message=_("The event must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("practices:event_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if not self.place and not self.online_url:
            raise ValidationError(_("Give a place, an online link, or both."))
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})

    def is_over(self, now=None) -> bool:
        """Past once it has ended (once it has started when no end is given)."""
        return (self.ends_at or self.starts_at) <= (now or timezone.now())

    def _free_slug(self) -> str:
        """The English title and the day ("skillup-meet-up-2027-01-20"), numbered when taken."""
        title = getattr(self, "title_en", None) or self.title
        day = timezone.localtime(self.starts_at).date().isoformat() if self.starts_at else ""
        base = "-".join(part for part in (slugify(title)[:190].strip("-"), day) if part)
        base = base or "event"
        slug, number = base, 2
        while Event.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug


class EventInvitation(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="invitations"
    )
    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="event_invitations",
    )
    rsvp = models.CharField(_("answer"), max_length=10, choices=Rsvp.choices, default=Rsvp.PENDING)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event invitation")
        verbose_name_plural = _("event invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "practice"], name="practices_event_invitation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.practice}"
