"""The notification outbox: write in the caller's transaction, send after commit, never twice.

notify()              writes the row (same transaction as the change), wakes a worker on commit
notification_send()   claims one row atomically, sends it through Django's email backend, marks it
outbox_sweep()        re-queues what is due and unsent (broker lost a message, worker killed)
"""

import logging
import random
import smtplib
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    models,
    transaction,
)
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from skillup.errors import ApplicationError

from .enums import OPTIONAL_KINDS, EventKind, NotificationStatus
from .models import Notification, Preference
from .registry import get_event, template_of

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


# --------------------------------------------------------------------------------------------
# Creating
# --------------------------------------------------------------------------------------------
def idempotency_key(*, event: str, about: models.Model | None, email: str, occurrence: str) -> str:
    target = "-"
    if about is not None:
        target = f"{about._meta.label_lower}:{about.pk}"
    key = f"{event}:{target}:{email.lower()}"
    return f"{key}:{occurrence}" if occurrence else key


def unsubscribe_token(*, email: str, kind: str) -> str:
    return signing.dumps({"e": email.lower(), "k": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(*, email: str, kind: str, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "notifications:unsubscribe", kwargs={"token": unsubscribe_token(email=email, kind=kind)}
        )
    return f"{settings.SITE_URL}{path}"


def notify(
    *,
    event: str,
    about: models.Model | None,
    recipient=None,
    email: str | None = None,
    language: str | None = None,
    context: dict | None = None,
    occurrence: str = "",
) -> Notification | None:
    """Write one email to `recipient` (a User) or to a bare `email` about `about`.

    Call it inside the transaction of the change that causes the email: if that transaction
    rolls back, no email exists; once it commits, a worker is woken (and the sweeper covers a
    failed wake-up). Returns None when the same event x object x recipient (x occurrence)
    already exists, when the person turned this kind of email off, or when `recipient`'s account
    is inactive (deleted, its address erased, or switched off by staff).
    """
    spec = get_event(event)
    if recipient is not None and not recipient.is_active:
        return None
    to_email = (email or recipient.email).strip().lower()
    key = idempotency_key(event=event, about=about, email=to_email, occurrence=occurrence)
    if Notification.objects.filter(idempotency_key=key).exists():
        return None
    if spec.kind in OPTIONAL_KINDS and not _preference_allows(to_email, spec.kind):
        return None
    language = language or getattr(recipient, "language", "") or settings.LANGUAGE_CODE
    context = {**(context or {}), "recipient": recipient, "about": about}
    subject, text, html, headers = _render(event, spec, to_email, language, context)
    return _save_and_wake(
        Notification(
            event=event,
            kind=spec.kind,
            recipient=recipient,
            to_email=to_email,
            language=language,
            content_type=ContentType.objects.get_for_model(about) if about is not None else None,
            object_id=str(about.pk) if about is not None else "",
            idempotency_key=key,
            subject=subject,
            body_text=text,
            body_html=html,
            headers=headers,
        )
    )


def notify_rendered(
    *, event: str, email: str, subject: str, body_text: str, body_html: str, key: str,
    recipient=None, language: str = "",
) -> Notification | None:  # fmt: skip
    """An email another library already rendered (allauth's verification and reset mails)."""
    get_event(event)
    return _save_and_wake(
        Notification(
            event=event,
            kind=EventKind.TRANSACTIONAL,
            recipient=recipient,
            to_email=email.strip().lower(),
            language=language or translation.get_language() or settings.LANGUAGE_CODE,
            idempotency_key=key,
            subject=subject[:300],
            body_text=body_text,
            body_html=body_html,
        )
    )


def _preference_allows(email: str, kind: str) -> bool:
    preference = Preference.objects.filter(email=email).first()
    return preference is None or preference.allows(kind)


def _render(event, spec, to_email, language, context) -> tuple[str, str, str, dict]:
    headers: dict[str, str] = {}
    with translation.override(language):
        context = {
            **context,
            "site_url": settings.SITE_URL,
            "site_name": settings.SITE_NAME,
            "LANGUAGE_CODE": language,
        }
        if spec.kind in OPTIONAL_KINDS:
            url = unsubscribe_url(email=to_email, kind=spec.kind, language=language)
            context["unsubscribe_url"] = url
            context["email_kind"] = spec.kind
            headers = {
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        subject = str(spec.subject) % {k: v for k, v in context.items() if isinstance(v, str)}
        name = template_of(event)
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
    return " ".join(subject.split())[:300], text, html, headers


def _save_and_wake(notification: Notification) -> Notification | None:
    notification.enqueued_at = timezone.now()
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return None  # a concurrent transaction wrote the same key first
    transaction.on_commit(partial(enqueue, notification.pk), robust=True)
    return notification


def enqueue(notification_id: int) -> None:
    """Wake a worker. Never raises: with the broker down, the row waits for the sweeper."""
    from .tasks import task_send_notification as send_task  # tasks import this module

    try:
        send_task.apply_async(kwargs={"notification_id": notification_id}, retry=False)
    except Exception:  # kombu OperationalError, OSError, timeouts: the sweeper covers it
        logger.warning(
            "notification %s not queued (broker unavailable); the sweeper will", notification_id
        )


# --------------------------------------------------------------------------------------------
# Sending
# --------------------------------------------------------------------------------------------
def _is_permanent(exc: Exception) -> bool:
    """5xx answers are final (bad address, rejected content); anything else may pass later."""
    code = None
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [c for c, _msg in exc.recipients.values()]
        code = min(codes) if codes else None
    elif isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
    return code is not None and 500 <= code < 600


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with full jitter, capped below the broker's visibility timeout."""
    ceiling = min(
        settings.NOTIFICATIONS_BACKOFF_MAX_SECONDS,
        settings.NOTIFICATIONS_BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0),
    )
    return random.uniform(ceiling / 2, ceiling)


def build_message(notification: Notification, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.to_email],
        headers={
            "Message-ID": notification.message_id,
            "X-SkillUp-Notification": str(notification.uuid),
            **notification.headers,
        },
        connection=connection,
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    return message


def notification_send(*, notification_id: int) -> str:
    """Claim, send and mark one notification. Returns what happened ("sent", "skipped", …).

    The claim is one conditional UPDATE: only a due pending row, or a sending row whose lease
    ran out (its worker died), can be claimed, so two workers never send the same row.
    The one duplicate nobody can rule out: the SMTP server accepted the message and the worker
    died before marking it; the re-send then carries the same Message-ID.
    """
    now = timezone.now()
    claimed = (
        Notification.objects.filter(pk=notification_id)
        .filter(
            Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now)
            | Q(status=NotificationStatus.SENDING, lease_until__lt=now)
        )
        .update(
            status=NotificationStatus.SENDING,
            lease_until=now + timedelta(seconds=settings.NOTIFICATIONS_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return "skipped"
    notification = Notification.objects.get(pk=notification_id)
    try:
        connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
        build_message(notification, connection).send()
    except Exception as exc:  # classify below; nothing may leave a row in "sending"
        return _mark_failed_attempt(notification, exc)
    _mark_sent(notification.pk)
    return "sent"


def _mark_sent(notification_id: int) -> None:
    """The SMTP server has the message: record it, riding out a database blip (a restart)
    within the lease, so a blip does not turn into a re-send once the lease runs out."""
    for pause in (0.5, 1, 2, 4, None):
        try:
            Notification.objects.filter(
                pk=notification_id, status=NotificationStatus.SENDING
            ).update(
                status=NotificationStatus.SENT,
                sent_at=timezone.now(),
                lease_until=None,
                last_error="",
            )
            return
        except (OperationalError, InterfaceError):
            if pause is None:
                raise
            close_old_connections()
            connection.close()
            time.sleep(pause)


def _mark_failed_attempt(notification: Notification, exc: Exception) -> str:
    error = f"{type(exc).__name__}: {exc}"[:2000]
    permanent = _is_permanent(exc)
    if permanent or notification.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
        logger.error("notification %s failed for good: %s", notification.pk, error)
        Notification.objects.filter(pk=notification.pk).update(
            status=NotificationStatus.FAILED, lease_until=None, last_error=error
        )
        return "failed"
    delay = backoff_seconds(notification.attempts)
    logger.warning("notification %s attempt %s failed, retry in %.0fs: %s",
                   notification.pk, notification.attempts, delay, error)  # fmt: skip
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.PENDING,
        lease_until=None,
        last_error=error,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        enqueued_at=None,
    )
    return "retry"


def outbox_sweep(*, batch: int | None = None) -> int:
    """Re-queue rows that are due and unsent; returns how many were queued.

    - a row left "sending" past its lease (its worker died) becomes pending again;
    - a pending, due row that was not queued recently (broker down, Redis restarted empty,
      a message lost) is queued again. A row queued twice is harmless: the claim decides.
    """
    now = timezone.now()
    Notification.objects.filter(status=NotificationStatus.SENDING, lease_until__lt=now).update(
        status=NotificationStatus.PENDING, lease_until=None, next_attempt_at=now, enqueued_at=None
    )
    stale = now - timedelta(seconds=settings.NOTIFICATIONS_REQUEUE_AFTER_SECONDS)
    ids = list(
        Notification.objects.filter(status=NotificationStatus.PENDING, next_attempt_at__lte=now)
        .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=stale))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[: batch or settings.NOTIFICATIONS_SWEEP_BATCH]
    )
    if ids:
        Notification.objects.filter(pk__in=ids).update(enqueued_at=now)
    for notification_id in ids:
        enqueue(notification_id)
    return len(ids)


# --------------------------------------------------------------------------------------------
# Staff and people
# --------------------------------------------------------------------------------------------
MSG_RESEND_ERASED = _("Its text was erased after the retention period: it cannot be sent again.")
MSG_RESEND_SENDING = _("It is being sent right now.")


@transaction.atomic
def notification_resend(*, notification: Notification) -> Notification:
    """A coordinator's "send again": the same email (same Message-ID) goes out once more, queued
    after commit. Refused (ApplicationError) for an email whose text retention erased (it would
    arrive empty) and for one a worker is sending (it would go out twice)."""
    notification = Notification.objects.select_for_update().get(pk=notification.pk)
    if not notification.body_text:
        raise ApplicationError(MSG_RESEND_ERASED)
    if notification.status == NotificationStatus.SENDING:
        raise ApplicationError(MSG_RESEND_SENDING)
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.PENDING,
        attempts=0,
        last_error="",
        next_attempt_at=timezone.now(),
        lease_until=None,
        enqueued_at=timezone.now(),
        sent_at=None,
    )
    transaction.on_commit(partial(enqueue, notification.pk), robust=True)
    notification.refresh_from_db()
    return notification


def preference_from_token(token: str) -> tuple[str, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in OPTIONAL_KINDS or not data.get("e"):
        return None
    return data["e"], data["k"]


@transaction.atomic
def preference_set(
    *, email: str, reminders: bool, digests: bool, programme_news: bool = True
) -> Preference:
    """Save which optional emails an address receives."""
    preference, _created = Preference.objects.select_for_update().get_or_create(email=email.lower())
    preference.reminders, preference.digests = reminders, digests
    preference.programme_news = programme_news
    preference.save()
    return preference


@transaction.atomic
def preference_unsubscribe(*, email: str, kind: str) -> Preference:
    """Turn off one optional kind of email (reminders, digests or programme news) for an
    address."""
    preference, _created = Preference.objects.select_for_update().get_or_create(email=email)
    if kind == EventKind.REMINDER:
        preference.reminders = False
    elif kind == EventKind.DIGEST:
        preference.digests = False
    elif kind == EventKind.NEWS:
        preference.programme_news = False
    preference.save()
    return preference


def notification_bodies_purge(*, now=None) -> int:
    """Retention: blank the bodies of emails sent (or given up on) more than
    RETENTION_NOTIFICATION_BODY_DAYS ago; they hold reset links and people's messages. The row
    (event, address, subject, dates) stays as the record that the email left. Returns how many
    rows were blanked; a second run blanks none."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_NOTIFICATION_BODY_DAYS)
    return (
        Notification.objects.filter(
            status__in=[NotificationStatus.SENT, NotificationStatus.FAILED], created_at__lt=cutoff
        )
        .exclude(body_text="", body_html="")
        .update(body_text="", body_html="")
    )
