"""What visitors do on a published practice: read it (counted) and write to its SME."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from skillup.errors import ApplicationError

from ..enums import PracticeState
from ..models import ContactMessage, Practice, PracticeViewDay
from .emails import notify_sme
from .errors import MSG_NOT_ALLOWED

# One statement adds a view to the practice's row of the day, creating the row on the day's
# first view: PostgreSQL (and SQLite) resolve two first views at once on the unique constraint.
_ADD_VIEW_OF_THE_DAY = (
    "INSERT INTO {table} (practice_id, day, views) VALUES (%s, %s, 1) "
    "ON CONFLICT (practice_id, day) DO UPDATE SET views = {table}.views + 1"
)
# PostgreSQL: the running total and the day's row in ONE statement (a data-modifying CTE), so
# a view costs one round trip and the two counts cannot disagree
_ADD_VIEW_AND_TOTAL = (
    "WITH total AS (UPDATE {practices} SET view_count = view_count + 1 WHERE id = %s) "  # noqa: S608 - names from the models' Meta
    + _ADD_VIEW_OF_THE_DAY
)


def practice_register_view(*, practice: Practice, visitor: str) -> bool:
    """Count one view per visitor per PRACTICE_VIEW_DEDUP_SECONDS.

    1. The visitor is deduplicated in the cache (nothing is written for a repeat view).
    2. In one statement on PostgreSQL (one transaction elsewhere): the practice's running
       total (UPDATE … SET view_count = view_count + 1) and its row of the day in
       PracticeViewDay (an INSERT … ON CONFLICT DO UPDATE, views = views + 1), so concurrent
       requests lose none and the two counts agree.
    Returns whether the view was counted."""
    digest = hashlib.sha256(f"{practice.pk}:{visitor}".encode()).hexdigest()[:32]
    if not cache.add(f"practice-view:{digest}", 1, settings.PRACTICE_VIEW_DEDUP_SECONDS):
        return False
    table = connection.ops.quote_name(PracticeViewDay._meta.db_table)
    day = timezone.localdate()
    if connection.vendor == "postgresql":
        practices = connection.ops.quote_name(Practice._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                _ADD_VIEW_AND_TOTAL.format(practices=practices, table=table),
                [practice.pk, practice.pk, day],
            )
        return True
    with transaction.atomic():  # SQLite (the embedded default): two statements
        Practice.objects.filter(pk=practice.pk).update(view_count=F("view_count") + 1)
        with connection.cursor() as cursor:
            cursor.execute(_ADD_VIEW_OF_THE_DAY.format(table=table), [practice.pk, day])
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
