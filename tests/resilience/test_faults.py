"""Faults with real processes: every committed email reaches the SMTP server exactly once.

Run on their own: `make resilience` (pytest -m resilience -p no:xdist); needs DATABASE_URL
(PostgreSQL), redis-server and, for the PostgreSQL restart and crash, PostgreSQL's server
binaries (a private cluster is started; the one in DATABASE_URL is never restarted).

Each scenario makes a batch of notifications, one of them through the real invitation form
(Django's test client) and the rest through notify() inside transactions, runs real worker and
beat processes (tests/resilience/conftest.py), injects the fault and checks at the SMTP sink:
Counter equality, except that where a process or the database dies, one notification may
arrive twice with the same Message-ID (accepted by SMTP, not yet marked sent: the documented
window).
"""

import contextlib
import re
import shutil
import threading
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connection, connections
from django.test import Client

from accounts import services as account_services
from accounts.enums import MembershipRole
from notifications.enums import NotificationStatus
from notifications.models import Notification
from notifications.tasks import task_send_notification
from tests.factories import MembershipFactory
from tests.harness import PG_BIN, PostgresCluster, purge_queue, wait_until
from tests.resilience.conftest import (
    all_rows,
    assert_delivered_once,
    invite_through_web,
    notify_batch,
)

pytestmark = [
    pytest.mark.resilience,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="resilience tests need PostgreSQL (set DATABASE_URL)",
    ),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]

TASK_DONE = re.compile(r"Task notifications\.send\[[^\]]+\] succeeded in ([\d.]+)s: '(\w+)'")
DB_DOWN = (OperationalError, InterfaceError)


def _statuses(**filters) -> dict[str, int]:
    rows = Notification.objects.filter(**filters).values_list("status", flat=True)
    counts: dict[str, int] = {}
    for status in rows:
        counts[status] = counts.get(status, 0) + 1
    return counts


def _all_sent(expected: int):
    def check() -> bool:
        return _statuses() == {NotificationStatus.SENT: expected}

    check.__name__ = f"all {expected} notifications sent"
    return check


def _settle(smtp, seconds: float = 2.0) -> None:
    """Wait until nothing more arrives for `seconds` (a duplicate would come now)."""
    wait_until(lambda: time.monotonic() - smtp.last_at >= seconds, 30, interval=0.1,
               message="the SMTP server to go quiet")  # fmt: skip


def _batch(world, client, *, count: int, prefix: str) -> list[str]:
    """One invitation through the web form, then `count - 1` through notify() transactions."""
    web = f"{prefix}-web@example.eu"
    invite_through_web(client, world.sme, web)
    return [web, *notify_batch(user=world.sme_admin, organisation=world.sme,
                               count=count - 1, prefix=prefix)]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# SMTP faults
# ---------------------------------------------------------------------------------------------
def test_smtp_refused_for_a_while_is_retried_and_delivered_once_when_back(stack, world, client_for):
    stack.smtp.mode("refuse")

    _batch(world, client_for("sme_admin"), count=10, prefix="refused")

    wait_until(
        lambda: all(r.attempts >= 3 and r.status == NotificationStatus.PENDING for r in all_rows()),
        30,
        message="every notification tried three times while SMTP refuses",
    )
    assert stack.smtp.total() == 0
    assert all("Connection refused" in r.last_error for r in all_rows())
    stack.smtp.mode("ok")
    wait_until(_all_sent(10), 30)
    _settle(stack.smtp)
    assert_delivered_once(stack.smtp, all_rows())
    assert all(r.attempts >= 3 and r.last_error == "" for r in all_rows())


def test_smtp_hanging_without_greeting_times_out_and_the_worker_moves_on(stack, world, client_for):
    stack.smtp.mode("hang")
    log_start = len(stack.worker.log_text())

    _batch(world, client_for("sme_admin"), count=6, prefix="hang")

    wait_until(
        lambda: all(r.attempts >= 2 for r in all_rows()) and stack.smtp.hung_connections >= 12,
        40,
        message="every notification tried twice against the silent server",
    )
    assert stack.smtp.total() == 0
    assert all("timed out" in r.last_error for r in all_rows() if r.status == "pending")
    durations = [float(s) for s, result in TASK_DONE.findall(stack.worker.log_text())
                 if result == "retry"]  # fmt: skip
    assert len(durations) >= 6  # (attempts count from the claim: some may still be running)
    assert max(durations) < 2 + 1.5, durations  # EMAIL_TIMEOUT=2: no attempt hangs
    sweeps = re.findall(
        r"notifications\.sweep\[[^\]]+\] succeeded", stack.worker.log_text()[log_start:]
    )
    assert len(sweeps) >= 3  # the pool kept taking other work meanwhile
    stack.smtp.mode("ok")
    wait_until(_all_sent(6), 30)
    _settle(stack.smtp)
    assert_delivered_once(stack.smtp, all_rows())


def test_smtp_rejecting_one_address_marks_that_one_failed_and_delivers_the_others(
    stack, world, client_for
):
    bounced = "bounce-web@example.eu"
    stack.smtp.mode("reject_rcpt", address=bounced)

    _batch(world, client_for("sme_admin"), count=6, prefix="bounce")

    wait_until(
        lambda: _statuses() == {NotificationStatus.SENT: 5, NotificationStatus.FAILED: 1}, 30
    )
    time.sleep(3)  # time for a (wrong) retry: backoff is 1 s, the sweep runs every second
    failed = Notification.objects.get(status=NotificationStatus.FAILED)
    assert (failed.to_email, failed.attempts) == (bounced, 1)
    assert "550" in failed.last_error
    assert _statuses() == {NotificationStatus.SENT: 5, NotificationStatus.FAILED: 1}
    assert_delivered_once(stack.smtp, Notification.objects.filter(status=NotificationStatus.SENT))


# ---------------------------------------------------------------------------------------------
# The worker killed
# ---------------------------------------------------------------------------------------------
def test_worker_killed_with_sigkill_mid_batch_and_restarted_delivers_each_once(
    stack, world, client_for
):
    stack.smtp.mode("delay_data", seconds=0.5)  # messages stored, then answered 0.5 s later
    _batch(world, client_for("sme_admin"), count=30, prefix="killed")
    wait_until(
        lambda: (
            _statuses().get(NotificationStatus.SENT, 0) >= 6
            and _statuses().get(NotificationStatus.SENDING, 0) >= 1
        ),
        30,
        interval=0.02,
        message="a batch half sent, a send in flight",
    )

    stack.worker.kill()  # SIGKILL to the main process and its pool children

    in_flight = list(Notification.objects.filter(status=NotificationStatus.SENDING))
    unsent = Notification.objects.exclude(status=NotificationStatus.SENT).count()
    assert in_flight and unsent > len(in_flight)
    time.sleep(1)
    stack.smtp.mode("ok")
    stack.worker.start()
    wait_until(_all_sent(30), 60)
    _settle(stack.smtp)
    twice = assert_delivered_once(stack.smtp, all_rows(), crash_window=True)
    assert set(twice) <= {str(r.uuid) for r in in_flight}
    for row in in_flight:
        row.refresh_from_db()
        assert row.attempts >= 2
    print(f"killed with {len(in_flight)} in flight, {unsent} unsent; received twice: {len(twice)}")


# ---------------------------------------------------------------------------------------------
# Redis stopped
# ---------------------------------------------------------------------------------------------
def test_redis_stopped_while_a_person_invites_then_restarted_empty_delivers_once(
    stack, world, client_for
):
    client = client_for("sme_admin")
    before = notify_batch(user=world.sme_admin, organisation=world.sme, count=3, prefix="before")
    wait_until(_all_sent(3), 30)
    stack.redis.stop()

    started = time.monotonic()
    response = invite_through_web(client, world.sme, "redis-down-web@example.eu")
    web_seconds = time.monotonic() - started
    page = client.get(response.url)
    started = time.monotonic()
    during = notify_batch(user=world.sme_admin, organisation=world.sme, count=2,
                          prefix="redis-down", per_transaction=2)  # fmt: skip
    batch_seconds = time.monotonic() - started

    assert page.status_code == 200
    assert "An invitation is on its way to redis-down-web@example.eu" in page.content.decode()
    assert web_seconds < 15, f"the invitation page took {web_seconds:.1f}s with Redis down"
    waiting = Notification.objects.exclude(to_email__in=before)
    assert {r.status for r in waiting} == {NotificationStatus.PENDING}
    assert {r.to_email for r in waiting} == {"redis-down-web@example.eu", *during}
    time.sleep(2)
    assert stack.smtp.total() == 3
    stack.redis.start()  # empty: --save '' --appendonly no
    wait_until(_all_sent(6), 60)
    _settle(stack.smtp)
    assert_delivered_once(stack.smtp, all_rows())
    print(f"with Redis down: invitation page {web_seconds:.1f}s, "
          f"one transaction with 2 notify() {batch_seconds:.1f}s")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# A task delivered twice
# ---------------------------------------------------------------------------------------------
def test_send_task_delivered_twice_sends_once(transactional_db, make_stack, world, client_for):
    stack = make_stack(worker=False, beat=False)
    _batch(world, client_for("sme_admin"), count=8, prefix="twice")
    purge_queue(stack.app)
    rows = all_rows()
    for row in rows:  # each id twice in a row: the two pool processes take both at once
        for _ in range(2):
            task_send_notification.apply_async(kwargs={"notification_id": row.pk})

    stack.worker.start()

    wait_until(_all_sent(8), 30)
    _settle(stack.smtp)
    assert_delivered_once(stack.smtp, rows)
    results = [result for _s, result in TASK_DONE.findall(stack.worker.log_text())]
    assert sorted(results) == ["sent"] * 8 + ["skipped"] * 8
    assert all(r.attempts == 1 for r in all_rows())


# ---------------------------------------------------------------------------------------------
# PostgreSQL restarted and crashed (a private cluster with synchronous_commit=on)
# ---------------------------------------------------------------------------------------------
PRIVATE_DB = "skillup_resilience"


@pytest.fixture(scope="module")
def private_pg():
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (set PG_BIN)")
    with PostgresCluster() as cluster:
        url = cluster.create_database(PRIVATE_DB)
        yield cluster, url


@pytest.fixture
def on_private_pg(transactional_db, private_pg):
    """This process's `default` database is the private cluster's while the test runs."""
    cluster, url = private_pg
    connections.close_all()
    saved = dict(connection.settings_dict)
    connection.settings_dict.update(
        HOST="127.0.0.1", PORT=str(cluster.port), NAME=PRIVATE_DB, USER="skillup",
        PASSWORD="skillup",
    )  # fmt: skip
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()
    try:
        call_command("migrate", verbosity=0, interactive=False)
        Notification.objects.all().delete()
        yield cluster, url
    finally:
        with contextlib.suppress(Exception):
            connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        ContentType.objects.clear_cache()
        Site.objects.clear_cache()


def _postmaster_start_time():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_postmaster_start_time()")
        return cursor.fetchone()[0]


def _invite_while(action, *, user, organisation, prefix: str) -> tuple[list[str], int]:
    """Invite people one transaction at a time while `action` runs in a thread.

    Returns the addresses whose transaction committed (invitation_create returned) and how
    many attempts failed with a database error.
    """
    acked: list[str] = []
    failed = 0
    errors: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            time.sleep(1.0)
            action()
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    stop_at = None
    try:
        for i in range(10_000):
            address = f"{prefix}-{i}@example.eu"
            try:
                account_services.invitation_create(
                    user=user, organisation=organisation, email=address
                )
            except DB_DOWN:
                failed += 1
                with contextlib.suppress(Exception):
                    connection.close()
                time.sleep(0.05)
            else:
                acked.append(address)
            if done.is_set() and stop_at is None:
                stop_at = time.monotonic() + 2  # a few more after the restart
            if stop_at is not None and time.monotonic() >= stop_at:
                break
    finally:
        thread.join()
    assert not errors, errors
    return acked, failed


@pytest.mark.parametrize("how", ["restart_fast", "crash_immediate"])
def test_postgresql_restarted_or_crashed_mid_batch_delivers_every_committed_email_once(
    on_private_pg, make_stack, how
):
    cluster, url = on_private_pg
    stack = make_stack(db_url=url)
    stack.smtp.mode("delay_data", seconds=0.05)  # keep sends in flight across the outage
    admin = MembershipFactory(role=MembershipRole.ADMIN)
    user, organisation = admin.user, admin.organisation
    client = Client()
    client.force_login(user)
    invite_through_web(client, organisation, f"{how}-web-before@example.eu")
    action = cluster.restart if how == "restart_fast" else cluster.crash
    booted = _postmaster_start_time()

    acked, failed = _invite_while(action, user=user, organisation=organisation, prefix=how)

    client = Client()
    client.force_login(user)
    invite_through_web(client, organisation, f"{how}-web-after@example.eu")
    rows = wait_until(lambda: all_rows(), 10, ignore=DB_DOWN)
    wait_until(_all_sent(len(rows)), 60, ignore=DB_DOWN)
    _settle(stack.smtp)
    rows = all_rows()
    committed = {r.to_email for r in rows}
    web = {f"{how}-web-before@example.eu", f"{how}-web-after@example.eu"}
    assert set(acked) | web <= committed, "a commit the client saw is missing after restart"
    assert _postmaster_start_time() > booted, "PostgreSQL was not restarted"
    twice = assert_delivered_once(stack.smtp, rows, crash_window=True)
    assert all(r.attempts >= 2 for r in rows if str(r.uuid) in twice)
    print(f"{how}: committed={len(rows)} acked={len(acked)} failed_tx={failed} twice={len(twice)}")
