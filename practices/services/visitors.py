"""What visitors do on a published practice: read it (counted) and write to its SME."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from skillup.errors import ApplicationError

from ..enums import PracticeState
from ..models import ContactMessage, Practice
from .emails import notify_sme
from .errors import MSG_NOT_ALLOWED


def practice_register_view(*, practice: Practice, visitor: str) -> bool:
    """Count one view per visitor per PRACTICE_VIEW_DEDUP_SECONDS. The increment is a single
    UPDATE … SET view_count = view_count + 1, so concurrent requests lose none."""
    digest = hashlib.sha256(f"{practice.pk}:{visitor}".encode()).hexdigest()[:32]
    if not cache.add(f"practice-view:{digest}", 1, settings.PRACTICE_VIEW_DEDUP_SECONDS):
        return False
    Practice.objects.filter(pk=practice.pk).update(view_count=F("view_count") + 1)
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
