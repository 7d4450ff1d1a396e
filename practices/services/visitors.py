"""What visitors do on a published practice: read it (counted) and write to its SME."""

import hashlib

from crawleruseragents import is_crawler
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from skillup.errors import ApplicationError

from .. import viewcounts
from ..enums import PracticeState
from ..models import ContactMessage, Practice
from .emails import notify_sme
from .errors import MSG_NOT_ALLOWED


def practice_register_view(*, slug: str, visitor: str, user_agent: str = "") -> bool:
    """Count one view of the published practice `slug` per visitor per
    PRACTICE_VIEW_DEDUP_SECONDS; known crawlers' views are not counted.

    1. The visitor is deduplicated in the cache (nothing is written for a repeat view).
    2. The view is added in Redis and written to the database within a minute (the running
       total and the day's row: practices.viewcounts), or at once without Redis.
    Returns whether the view was counted."""
    if user_agent and is_crawler(user_agent):
        return False
    digest = hashlib.sha256(f"{slug}:{visitor}".encode()).hexdigest()[:32]
    if not cache.add(f"practice-view:{digest}", 1, settings.PRACTICE_VIEW_DEDUP_SECONDS):
        return False
    viewcounts.add_view(slug, timezone.localdate())
    return True


@transaction.atomic
def contact_message_send(*, practice: Practice, name: str, email: str, message: str):
    """A visitor writes to the SME behind a published practice; its author and the SME's
    administrators get it by email (the visitor's address is in the message; theirs is never
    shown)."""
    if practice.state != PracticeState.PUBLISHED:
        raise ApplicationError(MSG_NOT_ALLOWED)
    contact = ContactMessage(practice=practice, name=name, email=email, message=message)
    contact.full_clean()
    contact.save()
    notify_sme(
        practice,
        event="practice_contact",
        about=contact,
        extra={"sender_name": contact.name, "sender_email": contact.email, "message": message},
    )
    return contact
