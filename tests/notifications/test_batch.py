"""The outbox's batch path: many rows sent over one SMTP connection, each marked on its own.

Against a real SMTP server (aiosmtpd, tests.harness.SmtpSink) and the pytest database; the last
test runs a real worker process reading a real Redis (skipped without PostgreSQL and Redis,
like test_real_worker.py). The fault tests in tests/resilience/ cover the same promise with
processes killed and services restarted.
"""

import os
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from notifications import services
from notifications.enums import NotificationStatus
from notifications.models import Notification
from tests.factories import InvitationFactory
from tests.harness import (
    SmtpSink,
    wait_until,
    worker_on_private_queue,
)

BROKER = settings.TEST_CELERY_BROKER_URL
ON_POSTGRES = connection.vendor == "postgresql"


def _rows(count: int) -> list[Notification]:
    """`count` pending invitation emails (written with notify(); nothing queued: no commit)."""
    from accounts import services as account_services

    rows = []
    for i in range(count):
        invitation = InvitationFactory(email=f"batch-{i}@example.eu")
        kwargs = account_services.invitation_notification_kwargs(invitation, event="invitation")
        rows.append(services.notify(**kwargs))
    return rows


@pytest.fixture
def sink():
    with SmtpSink() as smtp:
        yield smtp


@pytest.fixture
def smtp_backend(sink):
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_USE_TLS=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_TIMEOUT=5,
    ):
        yield sink


def _settled(sink, seconds: float = 0.3) -> None:
    time.sleep(seconds)  # a late copy would be stored by now


def _status(row) -> tuple[str, int]:
    row.refresh_from_db()
    return row.status, row.attempts


@pytest.mark.django_db
def test_a_batch_goes_over_one_connection_and_marks_each_row_sent(smtp_backend):
    rows = _rows(6)

    outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    _settled(smtp_backend)
    assert outcome == {"sent": 6, "retry": 0, "failed": 0, "skipped": 0, "given_back": 0}
    assert smtp_backend.connections == 1  # six messages, one SMTP session
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in rows}
    assert all(_status(r) == (NotificationStatus.SENT, 1) for r in rows)
    assert {m.message_id for m in smtp_backend.messages()} == {r.message_id for r in rows}


@pytest.mark.django_db
def test_a_message_refused_for_now_mid_batch_is_retried_alone_and_the_others_sent_once(
    smtp_backend,
):
    rows = _rows(5)
    refused = rows[2]
    smtp_backend.mode("reject_rcpt", address=refused.to_email, code=451)

    outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    _settled(smtp_backend)
    assert outcome == {"sent": 4, "retry": 1, "failed": 0, "skipped": 0, "given_back": 0}
    assert smtp_backend.connections == 1  # the refusal did not cost the others a connection
    others = [r for r in rows if r.pk != refused.pk]
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in others}
    assert all(_status(r) == (NotificationStatus.SENT, 1) for r in others)
    refused.refresh_from_db()
    assert (refused.status, refused.attempts) == (NotificationStatus.PENDING, 1)
    assert refused.next_attempt_at > timezone.now()
    assert "451" in refused.last_error

    # The server takes it again; the retry (the sweep queues the whole set) sends it alone.
    smtp_backend.mode("ok")
    Notification.objects.filter(pk=refused.pk).update(next_attempt_at=timezone.now())
    again = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    _settled(smtp_backend)
    assert again == {"sent": 1, "retry": 0, "failed": 0, "skipped": 4, "given_back": 0}
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in rows}
    assert _status(refused) == (NotificationStatus.SENT, 2)


@pytest.mark.django_db
def test_a_recipient_rejected_for_good_mid_batch_fails_alone(smtp_backend):
    rows = _rows(4)
    bounced = rows[1]
    smtp_backend.mode("reject_rcpt", address=bounced.to_email)  # 550

    outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    _settled(smtp_backend)
    assert outcome == {"sent": 3, "retry": 0, "failed": 1, "skipped": 0, "given_back": 0}
    assert _status(bounced) == (NotificationStatus.FAILED, 1)
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in rows if r.pk != bounced.pk}


@pytest.mark.django_db
def test_a_batch_skips_rows_sent_or_leased_by_another_worker(smtp_backend):
    rows = _rows(4)
    services.notification_send(notification_id=rows[0].pk)
    Notification.objects.filter(pk=rows[1].pk).update(
        status=NotificationStatus.SENDING, lease_until=timezone.now() + timedelta(seconds=60)
    )
    smtp_backend.clear()

    outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows] * 2)

    _settled(smtp_backend)
    assert outcome == {"sent": 2, "retry": 0, "failed": 0, "skipped": 2, "given_back": 0}
    assert smtp_backend.delivered() == {str(rows[2].uuid): 1, str(rows[3].uuid): 1}
    assert _status(rows[1]) == (NotificationStatus.SENDING, 0)


@pytest.mark.django_db
def test_smtp_refusing_connections_counts_one_failed_attempt_per_row_and_sends_none(
    smtp_backend,
):
    rows = _rows(3)
    smtp_backend.mode("refuse")

    outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    assert outcome == {"sent": 0, "retry": 3, "failed": 0, "skipped": 0, "given_back": 0}
    for row in rows:
        row.refresh_from_db()
        assert (row.status, row.attempts, row.lease_until) == ("pending", 1, None)
        assert "Connection refused" in row.last_error
    assert smtp_backend.total() == 0


@pytest.mark.django_db
def test_a_batch_past_its_time_budget_gives_the_untried_rows_back(smtp_backend):
    rows = _rows(3)
    smtp_backend.mode("delay_data", seconds=0.6)

    with override_settings(NOTIFICATIONS_LEASE_SECONDS=1, CELERY_TASK_SOFT_TIME_LIMIT=None):
        outcome = services.notification_send_batch(notification_ids=[r.pk for r in rows])

    _settled(smtp_backend)
    assert outcome == {"sent": 1, "retry": 0, "failed": 0, "skipped": 0, "given_back": 2}
    assert _status(rows[0]) == (NotificationStatus.SENT, 1)
    for row in rows[1:]:
        row.refresh_from_db()
        assert (row.status, row.attempts, row.enqueued_at) == ("pending", 0, None)
        assert row.next_attempt_at <= timezone.now()  # due: the next sweep queues them
    assert smtp_backend.delivered() == {str(rows[0].uuid): 1}


@pytest.mark.django_db
def test_sweep_queues_due_rows_in_batches(smtp_backend):
    rows = _rows(7)
    Notification.objects.update(enqueued_at=None)  # the wake-ups were lost: the sweep finds them

    with override_settings(NOTIFICATIONS_SEND_BATCH=3):
        queued = services.outbox_sweep()  # eager Celery: the batch tasks run here

    _settled(smtp_backend)
    assert queued == 7
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in rows}
    assert smtp_backend.connections == 3  # batches of 3, 3 and 1
    assert all(_status(r) == (NotificationStatus.SENT, 1) for r in rows)


# ---------------------------------------------------------------------------------------------
# A real worker process and a real Redis
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def batch_worker(transactional_db, smtp_backend, tmp_path):
    """A worker on a private queue of the real broker (see test_real_worker.py)."""
    with worker_on_private_queue(
        broker_url=BROKER,
        queue=f"skillup-batch-{os.getpid()}-{smtp_backend.port}",
        log_path=tmp_path / "worker.log",
        smtp_port=smtp_backend.port,
        EMAIL_TIMEOUT=5,
        NOTIFICATIONS_MESSAGE_ID_DOMAIN=settings.NOTIFICATIONS_MESSAGE_ID_DOMAIN,
        NOTIFICATIONS_SEND_BATCH=10,
    ) as worker:
        yield worker


@pytest.mark.services
@pytest.mark.skipif(not BROKER, reason="no Redis configured (CELERY_BROKER_URL unset)")
@pytest.mark.skipif(not ON_POSTGRES, reason="a worker process needs PostgreSQL (DATABASE_URL)")
def test_a_real_worker_sends_queued_batches_over_few_connections_each_once(
    batch_worker, smtp_backend
):
    # written in bulk and not queued yet, as a producer of many emails does before enqueue_many
    rows = Notification.objects.bulk_create(
        Notification(
            event="invitation",
            to_email=f"bulk-{i}@example.eu",
            language="en",
            idempotency_key=f"test-batch:{i}",
            subject=f"Message {i}",
            body_text=f"Hello {i}",
        )
        for i in range(30)
    )
    ids = [r.pk for r in rows]

    with override_settings(NOTIFICATIONS_SEND_BATCH=10):
        services.enqueue_many(ids)

    wait_until(
        lambda: Notification.objects.filter(pk__in=ids, status="sent").count() == 30,
        60,
        message="the worker to send 30 notifications",
    )
    _settled(smtp_backend, 1.0)
    assert smtp_backend.delivered() == {str(r.uuid): 1 for r in rows}
    assert smtp_backend.connections == 3, batch_worker.log_text()[-3000:]  # 3 tasks of 10
    assert batch_worker.log_text().count("Task notifications.send_batch[") >= 3
    assert set(Notification.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {1}
