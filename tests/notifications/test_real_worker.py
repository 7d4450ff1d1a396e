"""An email caused through the web reaches a real SMTP server, sent by a real worker process.

The web side (Django's test client, this process) writes the invitation and its Notification
row and publishes the send task to the real Redis (CELERY_BROKER_URL); a separate
`celery worker` process (prefork, 2 children) reading the pytest database delivers it to an
aiosmtpd server listening in this process. Needs PostgreSQL (DATABASE_URL) and Redis, as in CI;
skipped with the reason otherwise. The faults (SMTP down, kill -9, Redis and PostgreSQL
restarts) live in tests/resilience/.
"""

import os
import time

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import Invitation
from notifications.enums import NotificationStatus
from notifications.models import Notification
from tests.harness import (
    SmtpSink,
    wait_until,
    worker_on_private_queue,
)

BROKER = settings.TEST_CELERY_BROKER_URL
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not BROKER, reason="no Redis configured (CELERY_BROKER_URL unset)"),
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="a worker process cannot share the SQLite test database: set DATABASE_URL to "
        "PostgreSQL",
    ),
]


@pytest.fixture
def smtp_sink():
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def real_worker(transactional_db, smtp_sink, tmp_path):
    """A worker process on its own queue of the real broker; this process publishes to it.

    The queue is private to this test, so another worker on the same Redis (another test, a
    developer's `make worker`) cannot take the task.
    """
    with worker_on_private_queue(
        broker_url=BROKER,
        queue=f"skillup-test-{os.getpid()}-{smtp_sink.port}",
        log_path=tmp_path / "worker.log",
        smtp_port=smtp_sink.port,
        EMAIL_TIMEOUT=5,
        NOTIFICATIONS_MESSAGE_ID_DOMAIN=settings.NOTIFICATIONS_MESSAGE_ID_DOMAIN,
    ) as worker:
        yield worker


def test_invitation_posted_through_the_web_is_delivered_once_by_a_worker_process(
    world, client_for, real_worker, smtp_sink
):
    invitee = "new.colleague@example.eu"

    response = client_for("sme_admin").post(
        reverse("invitation_create", kwargs={"pk": world.sme.pk}),
        {"email": invitee, "role": "member"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = Invitation.objects.get(email=invitee)
    notification = Notification.objects.get(event="invitation", to_email=invitee)
    try:
        wait_until(
            lambda: Notification.objects.filter(pk=notification.pk, status="sent").exists(),
            30,
            message="the worker to send the invitation",
        )
    except AssertionError as exc:
        raise AssertionError(
            f"{exc}\n--- worker log ---\n{real_worker.log_text()[-6000:]}"
        ) from None
    time.sleep(1)  # a second copy, if there were one, would arrive by now
    notification.refresh_from_db()
    (message,) = smtp_sink.messages()
    assert message.rcpt_tos == (invitee,)
    assert message.notification == str(notification.uuid)
    assert message.message_id == notification.message_id
    assert message.subject == notification.subject
    assert f"{settings.SITE_URL}{invitation.get_absolute_url()}" in message.text
    assert smtp_sink.delivered() == {str(notification.uuid): 1}
    assert (notification.status, notification.attempts) == (NotificationStatus.SENT, 1)
    assert "Task notifications.send[" in real_worker.log_text()  # it went through Redis
