"""How fast one worker drains the notification outbox, and whether anything is lost or doubled.

    DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://… .venv/bin/python \
        benchmarks/notifications.py

Uses the PostgreSQL and Redis those two variables name (the database is migrated first; rows
from an earlier run are removed). Starts its own SMTP sink (aiosmtpd, in this process) and ONE
`celery worker` process (prefork, concurrency 2) on a queue of its own, writes 10,000 rendered
notifications in bulk transactions, queues them the way bulk work is queued (enqueue_many: one
`notifications.send_batch` task per NOTIFICATIONS_SEND_BATCH rows, each sent over one SMTP
connection, as the outbox sweep does; `--per-message` queues one `notifications.send` task per
row instead, the path of a single notify()), and measures the time from the first enqueue to
the last message arriving at the sink.

The baselines, measured in the same run against the same sink: plain Django SMTP EmailBackend
loops sending `--baseline` messages of the same size, (a) over ONE connection reused for every
message (the way the worker now sends), the baseline the ratio and the target use, and (b) one
connection per message (the worker's old way; the issue's 0.32 was measured against it),
printed for comparison. The last line is

    notifications: n=10000 drain_s=<s> per_s=<rate> lost=<n> duplicated=<n>

lost = committed notifications the sink never received; duplicated = receptions beyond the
first per notification. Targets (issue #18): drain ≤ 30 s and ≥ 0.8 x baseline (a), 0 lost,
0 doubled. Options: --n N (default 10000), --baseline N (default 1000), --timeout S (give up
when nothing arrives for S seconds, default 60), --per-message.
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
TARGET_DRAIN_S = 30.0
TARGET_RATIO = 0.8
BODY_TEXT = ("Lorem ipsum dolor sit amet, a benchmark notification body. " * 12).strip()
BODY_HTML = (
    f'<!doctype html><html><body><p>{BODY_TEXT}</p><p><a href="https://x.eu/">Open</a></p>'
    "</body></html>"
)


def _fail(message: str) -> None:
    print(f"benchmarks/notifications.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument(
        "--per-message", action="store_true", help="one notifications.send task per row"
    )
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

    return [
        Notification(
            event="account",
            kind=EventKind.TRANSACTIONAL,
            to_email=f"bench{i}@example.eu",
            language="en",
            idempotency_key=f"{KEY_PREFIX}{run}:{i}",
            subject=f"[SkillUp] Benchmark message {i}",
            body_text=BODY_TEXT,
            body_html=BODY_HTML,
        )
        for i in range(n)
    ]


def _baseline(sink, count: int, *, reuse: bool) -> float:
    """Seconds a plain Django EmailBackend loop takes to send `count` messages to the sink,
    the same size and shape as the outbox's (text and HTML): over one connection (`reuse`) or
    one connection per message."""
    from django.core.mail import EmailMultiAlternatives, get_connection

    def backend():
        return get_connection(
            "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=sink.port,
            timeout=10,
        )  # fmt: skip

    sink.clear()
    started = time.perf_counter()
    shared = backend() if reuse else None
    if shared is not None:
        shared.open()
    for i in range(count):
        message = EmailMultiAlternatives(
            subject=f"baseline {i}", body=BODY_TEXT,
            from_email="SkillUp <no-reply@skillup.example.eu>", to=[f"base{i}@example.eu"],
            headers={"X-SkillUp-Notification": f"baseline-{i}"}, connection=shared or backend(),
        )  # fmt: skip
        message.attach_alternative(BODY_HTML, "text/html")
        message.send()
    if shared is not None:
        shared.close()
    elapsed = time.perf_counter() - started
    received = sink.total()
    if received != count:
        _fail(f"baseline: the sink received {received} of {count} messages")
    sink.clear()
    return elapsed


def main() -> None:
    args = _parse()
    database, broker = _setup_django()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from notifications.enums import NotificationStatus
    from notifications.models import Notification
    from notifications.services import enqueue, enqueue_many
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
        elapsed = _baseline(sink, args.baseline, reuse=True)
        baseline_rate = args.baseline / elapsed
        print(f"baseline: Django SMTP backend loop over one connection, {args.baseline} messages "
              f"in {elapsed:.2f}s = {baseline_rate:.1f}/s")  # fmt: skip
        elapsed = _baseline(sink, args.baseline, reuse=False)
        per_connection_rate = args.baseline / elapsed
        print(f"baseline (old): Django SMTP backend loop, one connection per message, "
              f"{args.baseline} messages in {elapsed:.2f}s "
              f"= {per_connection_rate:.1f}/s")  # fmt: skip

        env = celery_env(database_url=database, broker_url=broker, smtp_port=sink.port,
                         EMAIL_TIMEOUT=10, CONN_MAX_AGE=60)  # fmt: skip
        worker = CeleryProcess.worker(env=env, log_path=workdir / "worker.log", queues=queue,
                                      name=f"bench-{os.getpid()}")  # fmt: skip
        try:
            started = time.perf_counter()
            worker.start()
            print(f"worker ready in {time.perf_counter() - started:.1f}s "
                  f"(prefork, concurrency 2, queue {queue}; log {worker.log_path})")  # fmt: skip
            how = (
                "one notifications.send task per row"
                if args.per_message
                else f"notifications.send_batch tasks of {settings.NOTIFICATIONS_SEND_BATCH} rows"
            )

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
                if args.per_message:
                    for notification_id in chunk:
                        enqueue(notification_id)
                else:
                    enqueue_many(chunk)
            print(f"queued {len(ids)} notifications ({how}) in {time.monotonic() - t0:.2f}s")

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
    ratio = rate / baseline_rate
    print(f"outbox worker: {rate:.1f}/s = {ratio:.2f} x the plain backend loop over one "
          f"connection ({baseline_rate:.1f}/s, same sink, same run); "
          f"{rate / per_connection_rate:.2f} x the loop with one connection per message "
          f"({per_connection_rate:.1f}/s)")  # fmt: skip
    verdicts = [
        f"drain ≤ {TARGET_DRAIN_S:.0f} s: " + ("pass" if drain_s <= TARGET_DRAIN_S else "FAIL"),
        f"≥ {TARGET_RATIO} x the plain loop: " + ("pass" if ratio >= TARGET_RATIO else "FAIL"),
        "0 lost: " + ("pass" if not lost else "FAIL"),
        "0 doubled: " + ("pass" if not duplicated else "FAIL"),
    ]
    print(f"ratio={ratio:.2f}; targets: " + "; ".join(verdicts))
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
