"""Retention: what the programme stops keeping, and when (the RETENTION_* settings)."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from ..models import ContactMessage, Practice
from ..selectors import practices_due_for_purge


def practices_purge_expired(*, now: datetime | None = None) -> int:
    """Delete the drafts and declined submissions whose retention period is over (see
    selectors.practices_with_purge_date), with everything hanging from them (revisions, reviews,
    requests for detail, messages, answers) and, once committed, their files: the attachment, the
    answers' attachments, the files answering the call's questions and any earlier attachment a
    revision names. Returns how many practices went."""
    due = list(
        practices_due_for_purge(now=now)
        .only("pk", "attachment")
        .prefetch_related("revisions", "detail_requests", "answers")
    )
    if not due:
        return 0
    files = set()
    for practice in due:
        files.add(practice.attachment.name)
        files.update(r.answer_attachment.name for r in practice.detail_requests.all())
        files.update(str(r.data.get("attachment") or "") for r in practice.revisions.all())
        # the files answering a call's file questions (issue #19)
        files.update(a.value_file.name for a in practice.answers.all())
    files.discard("")
    with transaction.atomic():
        Practice.objects.filter(pk__in=[p.pk for p in due]).delete()
        transaction.on_commit(lambda: _delete_files(files))
    return len(due)


def _delete_files(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


def contact_messages_purge(*, now: datetime | None = None) -> int:
    """Delete visitors' messages older than RETENTION_CONTACT_MESSAGE_DAYS (already emailed)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_CONTACT_MESSAGE_DAYS)
    deleted, _by_model = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted
