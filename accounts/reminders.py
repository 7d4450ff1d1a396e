"""Reminder producers of accounts (registered with notifications' @reminder)."""

from collections.abc import Iterator
from datetime import timedelta

from django.utils import timezone

from notifications.reminders import reminder

from .models import Invitation
from .services import invitation_notification_kwargs

REMIND_BEFORE_EXPIRY = timedelta(days=3)


@reminder("invitation_reminder")
def invitation_reminders() -> Iterator[dict]:
    """An open invitation that expires within three days gets one reminder."""
    now = timezone.now()
    due = (
        Invitation.objects.open(now)
        .filter(expires_at__lte=now + REMIND_BEFORE_EXPIRY)
        .select_related("organisation", "invited_by")
    )
    for invitation in due:
        yield invitation_notification_kwargs(invitation, event="invitation_reminder")
