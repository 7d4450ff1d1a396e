from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EventKind(models.TextChoices):
    """Transactional emails always go; a person may turn off reminders and digests."""

    TRANSACTIONAL = "transactional", _("Transactional")
    REMINDER = "reminder", _("Reminder")
    DIGEST = "digest", _("Digest")


OPTIONAL_KINDS = (EventKind.REMINDER, EventKind.DIGEST)
