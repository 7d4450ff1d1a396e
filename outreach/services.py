"""Writing to a group: save a draft, then send it once, through the notification outbox."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from skillup.errors import ApplicationError

from . import selectors
from .enums import Segment
from .models import GroupMessage, GroupMessageRecipient
from .permissions import can_send_group_message

EVENT = "group_message"

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
    """Send a previewed message to everyone in its group, once.

    1. refuses (ApplicationError) anyone who may not write to groups;
    2. locks the message's row: a second confirmation (a double click, another tab) waits for
       the first, then finds the message sent and is refused;
    3. refuses a message that changed since the preview the coordinator confirmed (`version`),
       or that is not valid any more;
    4. finds the group's people now (outreach.selectors.segment_recipients); refuses an empty
       group;
    5. writes one email per person through the outbox (notify; its idempotency key is
       message x person), in the language `language_for` picks for them, and one recipient row
       each; a person who turned programme news off gets a row marked so, and no email;
    6. marks the message sent (sent_at, sent_by).
    Nothing is written if a step fails; the emails leave after commit.
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
    people = selectors.segment_recipients(segment=message.segment, call=message.call)
    turned_off = set(selectors.turned_news_off(people).values_list("pk", flat=True))
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
    if not rows:
        raise ApplicationError(MSG_NOBODY)
    GroupMessageRecipient.objects.bulk_create(rows)
    message.sent_at = timezone.now()
    message.sent_by = actor
    message.save(update_fields=["sent_at", "sent_by", "updated_at"])
    return message
