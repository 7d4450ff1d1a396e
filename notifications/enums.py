from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class EventKind(models.TextChoices):
    """Transactional emails always go; a person may turn off reminders, digests and programme
    news (what coordinators write to a group: outreach)."""

    TRANSACTIONAL = "transactional", _("Transactional")
    REMINDER = "reminder", _("Reminder")
    DIGEST = "digest", _("Digest")
    NEWS = "news", _("Programme news")


OPTIONAL_KINDS = (EventKind.REMINDER, EventKind.DIGEST, EventKind.NEWS)
