import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import EventKind, NotificationStatus


class Notification(models.Model):
    """One email, written in the same transaction as the change that causes it (the outbox).

    A worker claims it with a conditional update, sends it and marks it sent; the sweeper
    re-queues what is due and unsent. `idempotency_key` (event x object x recipient) makes a
    second attempt to create the same email a no-op.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("event"), max_length=80, db_index=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.TRANSACTIONAL
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    to_email = models.EmailField(_("to"), max_length=320)
    language = models.CharField(_("language"), max_length=10)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    idempotency_key = models.CharField(_("idempotency key"), max_length=500, unique=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("body (text)"))
    body_html = models.TextField(_("body (HTML)"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    lease_until = models.DateTimeField(_("leased until"), null=True, blank=True)
    enqueued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # what the sweeper reads: due, unsent rows
            models.Index(
                fields=["next_attempt_at"],
                name="notif_pending_due_idx",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["lease_until"],
                name="notif_sending_lease_idx",
                condition=models.Q(status="sending"),
            ),
            models.Index(fields=["content_type", "object_id"], name="notif_about_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.to_email} ({self.get_status_display()})"

    @property
    def message_id(self) -> str:
        """Stable across attempts, so a receiver (and our tests) can spot a re-send."""
        return f"<notification-{self.uuid}@{settings.NOTIFICATIONS_MESSAGE_ID_DOMAIN}>"


class Preference(models.Model):
    """What optional emails an address receives. Transactional emails cannot be turned off."""

    email = models.EmailField(_("email address"), max_length=320, unique=True)
    reminders = models.BooleanField(_("reminders"), default=True)
    digests = models.BooleanField(_("digests"), default=True)
    programme_news = models.BooleanField(_("programme news"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("email preference")
        verbose_name_plural = _("email preferences")

    def __str__(self) -> str:
        return self.email

    def allows(self, kind: str) -> bool:
        if kind == EventKind.REMINDER:
            return self.reminders
        if kind == EventKind.DIGEST:
            return self.digests
        if kind == EventKind.NEWS:
            return self.programme_news
        return True
