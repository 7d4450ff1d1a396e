"""Writing to a group: save a draft, confirm it once; a worker then writes one email per person
through the notification outbox, in batches."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from notifications.services import enqueue_many, notify
from skillup.errors import ApplicationError

from . import selectors
from .enums import Segment
from .models import GroupMessage, GroupMessageRecipient
from .permissions import can_send_group_message

logger = logging.getLogger(__name__)

EVENT = "group_message"
DELIVERY_BATCH = 500  # people written to per task (one transaction each)
DELIVERY_STALE_SECONDS = 300  # a message still being written this long after it was confirmed

MSG_NOT_ALLOWED = _("Only coordinators write to groups.")
MSG_ALREADY_SENT = _("This message was sent already: a message is sent only once.")
MSG_CHANGED_SINCE_PREVIEW = _(
    "The message changed since you previewed it: check the preview again, then send."
)
MSG_NOBODY = _("Nobody is in this group now: there is no one to send the message to.")

# Why a person receives the message: the last line of the email, in their language.
REASONS = {
    Segment.SELECTED: _(
        "You receive this message because your SME's practice was selected in the call “%(call)s”."
    ),
    Segment.SUBMITTED: _(
        "You receive this message because your SME submitted a practice to the call “%(call)s”."
    ),
    Segment.PLEDGING: _(
        "You receive this message because your company's Digital Volunteers pledge is approved."
    ),
    Segment.MENTORS: _("You receive this message because you are an approved SkillUp mentor."),
    Segment.NEEDS: _(
        "You receive this message because your SME is looking for a mentor on SkillUp."
    ),
}


def message_reason(message: GroupMessage, language: str) -> str:
    """The "why you receive this" line in `language` (the call's title in that language)."""
    with translation.override(language):
        call = message.call.title if message.call_id else ""
        return str(REASONS[message.segment]) % {"call": call}


def email_context(message: GroupMessage, language: str) -> dict:
    """What templates/emails/group_message.* are rendered with, for one language."""
    return {
        "subject": message.subject_in(language).strip(),
        "body": message.body_in(language).strip(),
        "reason": message_reason(message, language),
        "message": message,
    }


@transaction.atomic
def group_message_save(*, message: GroupMessage, actor) -> GroupMessage:
    """Save a draft (new or changed) after validating it. A sent message is never changed."""
    if not can_send_group_message(actor):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if message.pk is not None:
        stored = GroupMessage.objects.select_for_update().get(pk=message.pk)
        if stored.is_sent:
            raise ApplicationError(MSG_ALREADY_SENT)
    else:
        message.created_by = actor
    message.full_clean()
    message.save()
    return message


@transaction.atomic
def group_message_send(*, message: GroupMessage, actor, version: str) -> GroupMessage:
    """Confirm a previewed message: it is sent to everyone in its group, once.

    1. refuses (ApplicationError) anyone who may not write to groups;
    2. locks the message's row: a second confirmation (a double click, another tab) waits for
       the first, then finds the message sent and is refused;
    3. refuses a message that changed since the preview the coordinator confirmed (`version`),
       or that is not valid any more, or whose group is empty now;
    4. marks the message sent (sent_at, sent_by): read-only, and never confirmed again;
    5. after commit, a worker writes the emails (group_message_deliver), in batches.
    The request does not wait for one email per person: a group of thousands is confirmed in
    the same time as a group of three.
    """
    if not can_send_group_message(actor):
        raise ApplicationError(MSG_NOT_ALLOWED)
    message = (
        GroupMessage.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=message.pk)
    )
    if message.is_sent:
        raise ApplicationError(MSG_ALREADY_SENT)
    if version != message.version:
        raise ApplicationError(MSG_CHANGED_SINCE_PREVIEW)
    message.full_clean()
    if not selectors.segment_recipients(segment=message.segment, call=message.call).exists():
        raise ApplicationError(MSG_NOBODY)
    message.sent_at = timezone.now()
    message.sent_by = actor
    message.save(update_fields=["sent_at", "sent_by", "updated_at"])
    transaction.on_commit(partial(enqueue_delivery, message.pk), robust=True)
    return message


def enqueue_delivery(message_id: int) -> None:
    """Wake a worker to write the next batch. Never raises: with the broker down, the message
    waits for group_messages_sweep."""
    from .tasks import task_deliver_group_message  # tasks import this module

    try:
        task_deliver_group_message.apply_async(kwargs={"message_id": message_id}, retry=False)
    except Exception:  # kombu OperationalError, OSError, timeouts: the sweep covers it
        logger.warning("group message %s not queued (broker unavailable)", message_id)


@transaction.atomic
def group_message_deliver(*, message_id: int, batch: int | None = None) -> int:
    """Write the emails of a confirmed message for the next `batch` people of its group who
    have none yet; returns how many people it wrote to (or recorded as turned off).

    Each person gets one email through the outbox (notify; its idempotency key is
    message x person), in the language `language_for` picks for them, and one recipient row;
    a person who turned programme news off gets a row marked so, and no email. The row lock and
    "people without a row yet" make a batch safe to run twice (a task delivered again, the
    sweep): nobody is written to twice. A full batch queues the next one after commit; a short
    one marks the message delivered.
    """
    batch = batch or DELIVERY_BATCH
    message = (
        GroupMessage.objects.select_for_update(of=("self",))
        .select_related("call")
        .filter(pk=message_id)
        .first()
    )
    if message is None or not message.is_sending:
        return 0
    people = list(
        selectors.segment_recipients(segment=message.segment, call=message.call).exclude(
            group_messages_received__message=message
        )[:batch]
    )
    turned_off = set(
        selectors.turned_news_off(User.objects.filter(pk__in=[p.pk for p in people])).values_list(
            "pk", flat=True
        )
    )
    contexts: dict[str, dict] = {}
    rows = []
    for person in people:
        language = message.language_for(person.language)
        notification = None
        if person.pk not in turned_off:
            if language not in contexts:
                contexts[language] = email_context(message, language)
            notification = notify(
                event=EVENT,
                about=message,
                recipient=person,
                language=language,
                context=contexts[language],
                occurrence=f"user-{person.pk}",
                wake=False,  # the batch's emails wake the workers together, below
            )
        rows.append(
            GroupMessageRecipient(
                message=message,
                user=person,
                language=language,
                notification=notification,
                turned_off=notification is None,
            )
        )
    GroupMessageRecipient.objects.bulk_create(rows)
    written = [row.notification.pk for row in rows if row.notification is not None]
    transaction.on_commit(partial(enqueue_many, written), robust=True)
    if len(people) < batch:
        message.delivered_at = timezone.now()
        message.save(update_fields=["delivered_at", "updated_at"])
    else:
        transaction.on_commit(partial(enqueue_delivery, message.pk), robust=True)
    return len(rows)


def group_messages_sweep() -> int:
    """Queue again the messages still being written long after their confirmation (the broker
    lost the task, or was down at the confirmation); returns how many. A batch queued twice is
    harmless (see group_message_deliver)."""
    stale = timezone.now() - timedelta(seconds=DELIVERY_STALE_SECONDS)
    ids = list(
        GroupMessage.objects.filter(sent_at__lt=stale, delivered_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for message_id in ids:
        enqueue_delivery(message_id)
    return len(ids)
