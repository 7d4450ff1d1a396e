"""How fast one worker drains the notification outbox, and whether anything is lost or doubled.

    DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://… .venv/bin/python \
        benchmarks/notifications.py

Uses the PostgreSQL and Redis those two variables name (the database is migrated first; rows
from an earlier run are removed). Starts its own SMTP sink (aiosmtpd, in this process) and ONE
`celery worker` process (prefork, concurrency 2) on a queue of its own, writes 10,000 rendered
notifications in bulk transactions, queues them, and measures the time from the first enqueue
to the last message arriving at the sink. The baseline, measured in the same run: a plain
Django SMTP EmailBackend loop sending 1,000 messages straight to the same sink (one connection
per message, as the worker does). The last line is

    notifications: n=10000 drain_s=<s> per_s=<rate> lost=<n> duplicated=<n>

lost = committed notifications the sink never received; duplicated = receptions beyond the
first per notification. Options: --n N (default 10000), --baseline N (default 1000),
--timeout S (give up when nothing arrives for S seconds, default 60).
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY_PREFIX = "benchmark:notifications:"


def _fail(message: str) -> None:
    print(f"benchmarks/notifications.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    return parser.parse_args()


def _setup_django():
    database = os.environ.get("DATABASE_URL", "")
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not database or not broker:
        _fail(
            "set DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis), e.g.\n"
            "  DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5432/skillup \\\n"
            "  CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \\\n"
            "  .venv/bin/python benchmarks/notifications.py"
        )
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        _fail(f"DATABASE_URL must name PostgreSQL (a worker process shares it), not {database!r}")
    if not broker.startswith(("redis://", "rediss://")):
        _fail(f"CELERY_BROKER_URL must name Redis, not {broker!r}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "skillup.settings.local"
    os.environ["DJANGO_DEBUG"] = "false"  # DEBUG would keep every query in memory
    import django

    django.setup()
    return database, broker


def _rows(n: int, run: str):
    """Rendered rows, about the size of a real invitation (text and HTML)."""
    from notifications.enums import EventKind
    from notifications.models import Notification

    text = ("Lorem ipsum dolor sit amet, a benchmark notification body. " * 12).strip()
    html = f'<!doctype html><html><body><p>{text}</p><p><a href="https://x.eu/">Open</a></p></body></html>'
    return [
        Notification(
            event="account",
            kind=EventKind.TRANSACTIONAL,
            to_email=f"bench{i}@example.eu",
            language="en",
            idempotency_key=f"{KEY_PREFIX}{run}:{i}",
            subject=f"[SkillUp] Benchmark message {i}",
            body_text=text,
            body_html=html,
        )
        for i in range(n)
    ]


def _baseline(sink, count: int) -> float:
    """Messages per second of a plain Django EmailBackend loop to the same sink."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    started = time.perf_counter()
    for i in range(count):
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=sink.port,
            timeout=10,
        )  # fmt: skip
        EmailMultiAlternatives(
            subject=f"baseline {i}", body="baseline message " * 40,
            from_email="SkillUp <no-reply@skillup.example.eu>", to=[f"base{i}@example.eu"],
            headers={"X-SkillUp-Notification": f"baseline-{i}"}, connection=connection,
        ).send()  # fmt: skip
    elapsed = time.perf_counter() - started
    received = sink.total()
    if received != count:
        _fail(f"baseline: the sink received {received} of {count} messages")
    return elapsed


def main() -> None:
    args = _parse()
    database, broker = _setup_django()

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from notifications.enums import NotificationStatus
    from notifications.models import Notification
    from notifications.services import enqueue
    from tests.harness import (
        CeleryProcess,
        SmtpSink,
        celery_env,
        celery_publishing_to,
        delete_queue,
    )

    print(f"database: {database.split('@')[-1]}  broker: {broker.split('@')[-1]}")
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.1f}s")
    old, _ = Notification.objects.filter(idempotency_key__startswith=KEY_PREFIX).delete()
    if old:
        print(f"removed {old} rows of an earlier run")

    workdir = Path(tempfile.mkdtemp(prefix="skillup-bench-"))
    queue = f"benchmark-{os.getpid()}"
    with (
        SmtpSink(keep_messages=False) as sink,
        celery_publishing_to(broker, default_queue=queue) as app,
    ):
        elapsed = _baseline(sink, args.baseline)
        baseline_rate = args.baseline / elapsed
        print(f"baseline: Django SMTP backend loop, {args.baseline} messages in {elapsed:.2f}s "
              f"= {baseline_rate:.1f}/s")  # fmt: skip
        sink.clear()

        env = celery_env(database_url=database, broker_url=broker, smtp_port=sink.port,
                         EMAIL_TIMEOUT=10, CONN_MAX_AGE=60)  # fmt: skip
        worker = CeleryProcess.worker(env=env, log_path=workdir / "worker.log", queues=queue,
                                      name=f"bench-{os.getpid()}")  # fmt: skip
        try:
            started = time.perf_counter()
            worker.start()
            print(f"worker ready in {time.perf_counter() - started:.1f}s "
                  f"(prefork, concurrency 2, queue {queue}; log {worker.log_path})")  # fmt: skip

            run = timezone.now().strftime("%Y%m%d%H%M%S")
            started = time.perf_counter()
            with transaction.atomic():
                rows = Notification.objects.bulk_create(
                    _rows(args.n, run), batch_size=1000
                )  # enqueued_at stays empty: queued below, after the commit
            ids = [row.pk for row in rows]
            print(f"wrote {len(ids)} notifications in {time.perf_counter() - started:.2f}s")

            t0 = time.monotonic()
            now = timezone.now()
            for start in range(0, len(ids), 1000):
                chunk = ids[start : start + 1000]
                Notification.objects.filter(pk__in=chunk).update(enqueued_at=now)
                for notification_id in chunk:
                    enqueue(notification_id)
            print(f"queued {len(ids)} tasks in {time.monotonic() - t0:.2f}s")

            last_total, last_change = -1, time.monotonic()
            last_print = time.monotonic()
            while True:
                total = sink.total()
                if total != last_total:
                    last_total, last_change = total, time.monotonic()
                if total >= args.n and not worker_busy(ids):
                    break
                if time.monotonic() - last_change > args.timeout:
                    print(f"nothing arrived for {args.timeout:.0f}s: stopping")
                    break
                time.sleep(0.5)
                if time.monotonic() - last_print >= 10:
                    last_print = time.monotonic()
                    print(f"  t={last_print - t0:6.1f}s received={sink.total()}")
            time.sleep(1)  # a late duplicate would arrive now
            drain_s = max(sink.last_at - t0, 1e-9)
        finally:
            worker.stop()
            delete_queue(app, queue)

        received = sink.delivered()
        uuids = {
            str(u) for u in Notification.objects.filter(pk__in=ids).values_list("uuid", flat=True)
        }
        lost = sum(1 for u in uuids if received[u] == 0)
        duplicated = sum(count - 1 for u, count in received.items() if u in uuids and count > 1)
        stray = sum(count for u, count in received.items() if u not in uuids)
        sent = Notification.objects.filter(pk__in=ids, status=NotificationStatus.SENT).count()
    Notification.objects.filter(idempotency_key__startswith=KEY_PREFIX).delete()

    rate = args.n / drain_s
    print(f"rows marked sent: {sent}/{args.n}; messages for unknown notifications: {stray}")
    if lost or duplicated or stray:
        print(f"worker log kept: {workdir / 'worker.log'}")
    print(f"outbox worker: {rate:.1f}/s = {rate / baseline_rate:.2f} x the plain backend loop "
          f"({baseline_rate:.1f}/s, same sink, same run)")  # fmt: skip
    print(f"notifications: n={args.n} drain_s={drain_s:.2f} per_s={rate:.2f} "
          f"lost={lost} duplicated={duplicated}")  # fmt: skip
    if lost or duplicated or stray:
        raise SystemExit(1)
    shutil.rmtree(workdir, ignore_errors=True)


def worker_busy(ids) -> bool:
    """True while some of the rows are still being sent (a duplicate could still come)."""
    from notifications.enums import NotificationStatus
    from notifications.models import Notification

    return Notification.objects.filter(pk__in=ids, status=NotificationStatus.SENDING).exists()


if __name__ == "__main__":
    main()
