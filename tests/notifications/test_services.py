import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from accounts import services as account_services
from notifications import services
from notifications.enums import NotificationStatus
from notifications.models import Notification
from privacy import services as privacy_services
from skillup.errors import ApplicationError
from tests.factories import InvitationFactory, UserFactory
from tests.harness import at_once

pytestmark = pytest.mark.django_db


def _notify(invitation=None, **overrides):
    invitation = invitation or InvitationFactory(email="invitee@example.eu")
    kwargs = account_services.invitation_notification_kwargs(invitation, event="invitation")
    return services.notify(**{**kwargs, **overrides})


def test_notify_writes_rendered_row_in_the_given_language():
    invitation = InvitationFactory(email="Invitee@Example.EU", language="fr")

    notification = _notify(invitation)

    assert notification.status == NotificationStatus.PENDING
    assert notification.to_email == "invitee@example.eu"
    assert notification.language == "fr"
    assert notification.subject == f"{invitation.organisation.name} vous invite sur SkillUp"
    assert f"/fr/invitations/{invitation.token}/" in notification.body_text
    assert notification.idempotency_key == (
        f"invitation:accounts.invitation:{invitation.pk}:invitee@example.eu:"
        f"{invitation.expires_at.isoformat()}"
    )


def test_notify_same_event_object_and_recipient_twice_writes_one_row():
    invitation = InvitationFactory()

    first = _notify(invitation)
    second = _notify(invitation)

    assert first is not None
    assert second is None
    assert Notification.objects.count() == 1


def test_notify_writes_nothing_to_a_deleted_account():
    person = privacy_services.account_delete(user=UserFactory())

    notification = services.notify(event="mentor_approved", about=None, recipient=person)

    assert notification is None
    assert Notification.objects.count() == 0


def test_notify_in_rolled_back_transaction_leaves_no_row_and_no_callback(
    django_capture_on_commit_callbacks,
):
    invitation = InvitationFactory()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _notify(invitation)
        raise RuntimeError("the business change failed")

    assert Notification.objects.count() == 0
    assert callbacks == []
    assert mail.outbox == []


def test_notify_after_commit_sends_once_with_stable_message_id(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify()

    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert notification.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == notification.message_id
    assert mail.outbox[0].extra_headers["X-SkillUp-Notification"] == str(notification.uuid)


def test_send_twice_sends_once():
    notification = _notify()

    results = [services.notification_send(notification_id=notification.pk) for _ in range(2)]

    assert results == ["sent", "skipped"]
    assert len(mail.outbox) == 1


def test_send_of_row_leased_by_a_living_worker_is_skipped():
    notification = _notify()
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.SENDING, lease_until=timezone.now() + timedelta(seconds=60)
    )

    result = services.notification_send(notification_id=notification.pk)

    assert result == "skipped"
    assert mail.outbox == []


def test_send_of_row_whose_lease_expired_is_reclaimed():
    notification = _notify()
    Notification.objects.filter(pk=notification.pk).update(
        status=NotificationStatus.SENDING,
        attempts=1,
        lease_until=timezone.now() - timedelta(seconds=1),
    )

    result = services.notification_send(notification_id=notification.pk)

    notification.refresh_from_db()
    assert (result, notification.status, notification.attempts) == ("sent", "sent", 2)
    assert len(mail.outbox) == 1


class _FailingBackend:
    error: Exception

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise type(self).error


def _backend_raising(error: Exception) -> str:
    _FailingBackend.error = error
    return f"{__name__}._FailingBackend"


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("gone"),
        ConnectionRefusedError(111, "refused"),
        TimeoutError("timed out"),
        smtplib.SMTPRecipientsRefused({"x@example.eu": (451, b"try later")}),
        smtplib.SMTPResponseException(421, b"busy"),
    ],
    ids=["disconnected", "refused", "timeout", "451", "421"],
)
def test_send_temporary_failure_is_retried_later(error):
    notification = _notify()

    with override_settings(EMAIL_BACKEND=_backend_raising(error)):
        result = services.notification_send(notification_id=notification.pk)

    notification.refresh_from_db()
    assert (result, notification.status, notification.attempts) == ("retry", "pending", 1)
    assert notification.next_attempt_at > timezone.now()
    assert notification.enqueued_at is None
    assert type(error).__name__ in notification.last_error


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPRecipientsRefused({"x@example.eu": (550, b"no such user")}),
        smtplib.SMTPDataError(554, b"rejected"),
    ],
    ids=["550", "554"],
)
def test_send_permanent_failure_is_marked_failed_at_once(error):
    notification = _notify()

    with override_settings(EMAIL_BACKEND=_backend_raising(error)):
        result = services.notification_send(notification_id=notification.pk)

    notification.refresh_from_db()
    assert (result, notification.status, notification.attempts) == ("failed", "failed", 1)
    assert "55" in notification.last_error


def test_send_gives_up_after_max_attempts():
    notification = _notify()
    Notification.objects.filter(pk=notification.pk).update(attempts=9)

    with override_settings(
        NOTIFICATIONS_MAX_ATTEMPTS=10,
        EMAIL_BACKEND=_backend_raising(smtplib.SMTPServerDisconnected("gone")),
    ):
        result = services.notification_send(notification_id=notification.pk)

    notification.refresh_from_db()
    assert (result, notification.status, notification.attempts) == ("failed", "failed", 10)


def test_backoff_grows_and_stays_under_the_cap():
    with override_settings(
        NOTIFICATIONS_BACKOFF_BASE_SECONDS=10, NOTIFICATIONS_BACKOFF_MAX_SECONDS=300
    ):
        delays = [services.backoff_seconds(n) for n in (1, 2, 3, 10)]

    assert 5 <= delays[0] <= 10
    assert 10 <= delays[1] <= 20
    assert 20 <= delays[2] <= 40
    assert 150 <= delays[3] <= 300


def test_sweep_requeues_stale_pending_and_expired_leases_but_not_fresh_ones():
    now = timezone.now()
    fresh = _notify(InvitationFactory())
    stale = _notify(InvitationFactory())
    leased_dead = _notify(InvitationFactory())
    leased_alive = _notify(InvitationFactory())
    later = _notify(InvitationFactory())
    Notification.objects.filter(pk=stale.pk).update(enqueued_at=now - timedelta(minutes=10))
    Notification.objects.filter(pk=leased_dead.pk).update(
        status="sending", lease_until=now - timedelta(seconds=1)
    )
    Notification.objects.filter(pk=leased_alive.pk).update(
        status="sending", lease_until=now + timedelta(seconds=60)
    )
    Notification.objects.filter(pk=later.pk).update(
        enqueued_at=None, next_attempt_at=now + timedelta(minutes=5)
    )

    queued = services.outbox_sweep()

    assert queued == 2
    statuses = dict(Notification.objects.values_list("pk", "status"))
    assert statuses == {
        fresh.pk: "pending",
        stale.pk: "sent",
        leased_dead.pk: "sent",
        leased_alive.pk: "sending",
        later.pk: "pending",
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted([stale.to_email, leased_dead.to_email])


@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite has no concurrent writers; runs on PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_send_from_two_threads_at_once_sends_once():
    notification = _notify(InvitationFactory())  # outside a transaction: sent at once (eager)
    Notification.objects.filter(pk=notification.pk).update(status="pending", sent_at=None)
    mail.outbox.clear()

    def send():
        return services.notification_send(notification_id=notification.pk)

    results = at_once(send, send)

    assert sorted(results) == ["sent", "skipped"]
    assert len(mail.outbox) == 1


def test_resend_sends_the_same_email_again_with_the_same_message_id():
    notification = _notify()
    services.notification_send(notification_id=notification.pk)

    services.notification_resend(notification=notification)
    services.notification_send(notification_id=notification.pk)

    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [notification.message_id] * 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": NotificationStatus.SENT, "body_text": "", "body_html": ""},
         services.MSG_RESEND_ERASED),
        ({"status": NotificationStatus.SENDING}, services.MSG_RESEND_SENDING),
    ],
    ids=["text-erased-by-retention", "being-sent"],
)  # fmt: skip
def test_resend_is_refused_and_queues_nothing(change, message, django_capture_on_commit_callbacks):
    notification = _notify()
    Notification.objects.filter(pk=notification.pk).update(**change)

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ApplicationError) as refused,
    ):
        services.notification_resend(notification=notification)

    assert refused.value.message == message
    assert callbacks == []
    notification.refresh_from_db()
    assert notification.status == change["status"]


def test_reminder_respects_preference_but_transactional_mail_does_not():
    invitation = InvitationFactory(email="quiet@example.eu")
    services.preference_unsubscribe(email="quiet@example.eu", kind="reminder")
    kwargs = account_services.invitation_notification_kwargs(
        invitation, event="invitation_reminder"
    )

    reminder = services.notify(**kwargs)
    transactional = _notify(invitation)

    assert reminder is None
    assert transactional is not None


def test_reminders_run_twice_write_one_reminder_per_due_invitation():
    from notifications.reminders import send_due_reminders

    with time_machine.travel("2026-11-01 09:00 +0000", tick=False) as traveller:
        due = InvitationFactory(expires_at=timezone.now() + timedelta(days=2))
        not_yet = InvitationFactory(expires_at=timezone.now() + timedelta(days=10))
        InvitationFactory(expires_at=timezone.now() + timedelta(days=1), accepted_at=timezone.now())

        first_run = send_due_reminders()
        second_run = send_due_reminders()
        traveller.shift(timedelta(days=8))
        third_run = send_due_reminders()

    assert (first_run, second_run, third_run) == (1, 0, 1)
    assert sorted(
        Notification.objects.filter(event="invitation_reminder").values_list("object_id", flat=True)
    ) == sorted([str(due.pk), str(not_yet.pk)])


def test_signup_email_goes_through_the_outbox(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/accounts/signup/",
            {
                "email": "new@example.eu",
                "full_name": "New Person",
                "password1": "a perfectly long passphrase",
                "password2": "a perfectly long passphrase",
                "accept_terms": "on",
            },
        )

    notification = Notification.objects.get()
    assert (notification.event, notification.to_email, notification.status) == (
        "account",
        "new@example.eu",
        "sent",
    )
    assert "/en/accounts/confirm-email/" in notification.body_text
    assert notification.body_text.startswith("Hello from SkillUp!")
    assert mail.outbox[0].extra_headers["Message-ID"] == notification.message_id
