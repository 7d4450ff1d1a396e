"""Fault-injection harness: each test gets its own Redis, SMTP sink, worker and beat processes.

`stack` (function scope, on the pytest PostgreSQL database named by DATABASE_URL):
    stack.smtp    SmtpSink (switch with stack.smtp.mode("refuse"|"hang"|...))
    stack.redis   a private redis-server (stop()/start(): comes back empty)
    stack.worker  `celery worker -P prefork -c 2` (kill() = SIGKILL to its process group)
    stack.beat    `celery beat` running the outbox sweep every second
This process publishes to stack.redis while the stack lives (eager mode is restored after).
Every process is stopped by PID at teardown, failed test or not; on failure their logs are
printed.

Short timings for the worker, all read from the environment by skillup/settings/base.py:
lease 10 s, backoff 1..4 s, re-queue after 3 s, sweep every 1 s, visibility timeout 20 s,
EMAIL_TIMEOUT 2 s, task time limits 8 s (soft) / 9 s (hard), below the 10 s lease.
"""

import contextlib
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accounts import services as account_services
from notifications.models import Notification
from tests.harness import (
    CeleryProcess,
    RedisServer,
    SmtpSink,
    celery_env,
    celery_publishing_to,
    database_url,
)

WORKER_TIMINGS = {
    "NOTIFICATIONS_LEASE_SECONDS": 10,
    "NOTIFICATIONS_BACKOFF_BASE_SECONDS": 1,
    "NOTIFICATIONS_BACKOFF_MAX_SECONDS": 4,
    "NOTIFICATIONS_REQUEUE_AFTER_SECONDS": 3,
    "NOTIFICATIONS_SWEEP_SECONDS": 1,
    "NOTIFICATIONS_MAX_ATTEMPTS": 20,
    "CELERY_VISIBILITY_TIMEOUT": 20,
    "EMAIL_TIMEOUT": 2,
    "CELERY_TASK_SOFT_TIME_LIMIT": 8,
    "CELERY_TASK_TIME_LIMIT": 9,
}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@dataclass(repr=False)
class Stack:
    workdir: Path
    smtp: SmtpSink
    redis: RedisServer
    worker: CeleryProcess
    beat: CeleryProcess
    app: object  # the Celery app, publishing to `redis`
    database_url: str
    env: dict = field(default_factory=dict)

    def logs(self) -> str:
        parts = []
        for name, process in (("worker", self.worker), ("beat", self.beat)):
            parts.append(
                f"----- {name} log ({process.log_path}) -----\n{process.log_text()[-8000:]}"
            )
        return "\n".join(parts)


@pytest.fixture
def make_stack(request):
    """make_stack(database_url=..., worker=True, beat=True) -> Stack; all torn down after."""
    with contextlib.ExitStack() as exits:
        stacks = []

        def make(*, db_url: str | None = None, worker: bool = True, beat: bool = True) -> Stack:
            workdir = Path(tempfile.mkdtemp(prefix="skillup-resilience-"))
            exits.callback(shutil.rmtree, workdir, ignore_errors=True)
            smtp = SmtpSink().start()
            exits.callback(smtp.stop)
            redis = RedisServer(workdir / "redis")
            exits.callback(redis.process.kill)
            redis.start()
            url = db_url or database_url()
            env = celery_env(
                database_url=url,
                broker_url=redis.url,
                smtp_port=smtp.port,
                NOTIFICATIONS_MESSAGE_ID_DOMAIN=settings.NOTIFICATIONS_MESSAGE_ID_DOMAIN,
                **WORKER_TIMINGS,
            )
            app = exits.enter_context(celery_publishing_to(redis.url))
            worker_process = CeleryProcess.worker(env=env, log_path=workdir / "worker.log")
            exits.callback(worker_process.kill)
            beat_process = CeleryProcess.beat(
                env=env, log_path=workdir / "beat.log", workdir=workdir
            )
            exits.callback(beat_process.kill)
            stack = Stack(workdir, smtp, redis, worker_process, beat_process, app, url, env)
            stacks.append(stack)
            if worker:
                worker_process.start()
            if beat:
                beat_process.start()
            return stack

        try:
            yield make
        finally:
            if any(getattr(getattr(request.node, f"rep_{w}", None), "failed", False)
                   for w in ("setup", "call")):  # fmt: skip
                for stack in stacks:
                    print(stack.logs())


@pytest.fixture
def stack(transactional_db, make_stack) -> Stack:
    """The whole stack on the pytest database (worker and beat running)."""
    return make_stack()


# ---------------------------------------------------------------------------------------------
# Making notifications: through the web, and through notify() inside transactions
# ---------------------------------------------------------------------------------------------
def invite_through_web(client, organisation, email: str):
    """An SME admin invites a colleague with the real form; returns the response."""
    response = client.post(
        reverse("invitation_create", kwargs={"pk": organisation.pk}),
        {"email": email, "role": "member"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def notify_batch(*, user, organisation, count: int, prefix: str, per_transaction: int = 4):
    """`count` invitations (each writes its email with notify()), a few per transaction."""
    emails = [f"{prefix}-{i}@example.eu" for i in range(count)]
    for start in range(0, count, per_transaction):
        with transaction.atomic():
            for address in emails[start : start + per_transaction]:
                account_services.invitation_create(
                    user=user, organisation=organisation, email=address
                )
    return emails


# ---------------------------------------------------------------------------------------------
# The check: every committed notification delivered exactly once
# ---------------------------------------------------------------------------------------------
def assert_delivered_once(smtp: SmtpSink, rows, *, crash_window: bool = False) -> list[str]:
    """Counter equality at the SMTP server: each row's uuid received once, nothing else.

    With `crash_window`, a row may arrive twice, both copies carrying its own Message-ID:
    the documented duplicate (the server accepted, the worker or database died before the
    row was marked sent). Returns the uuids received twice.
    """
    rows = list(rows)
    received = smtp.delivered()
    expected = Counter({str(row.uuid): 1 for row in rows})
    by_uuid = {str(row.uuid): row for row in rows}
    unknown = {key: n for key, n in received.items() if key not in by_uuid}
    assert not unknown, f"messages for no committed notification: {unknown}"
    missing = [key for key in expected if received[key] == 0]
    assert not missing, f"never delivered: {[by_uuid[k].to_email for k in missing]}"
    message_ids = smtp.message_ids()
    for key, row in by_uuid.items():
        assert set(message_ids[key]) == {row.message_id}, (row.to_email, message_ids[key])
    twice = [key for key, n in received.items() if n > 1]
    if crash_window:
        too_many = {key: n for key, n in received.items() if n > 2}
        assert not too_many, f"more than two copies: {too_many}"
    else:
        assert received == expected, f"duplicates: {[by_uuid[k].to_email for k in twice]}"
    return twice


def all_rows():
    return list(Notification.objects.order_by("pk"))
