"""Real processes for tests that need them: an SMTP sink, Celery workers, Redis, PostgreSQL.

Everything listens on a free 127.0.0.1 port, runs in its own process group (or thread), logs
to a file the caller chooses, and is stopped by PID. Used by the real-worker integration test
(tests/notifications/test_real_worker.py), the fault-injection tests (tests/resilience/) and
benchmarks/notifications.py.

- `SmtpSink`: aiosmtpd's threaded Controller in this process, with a switchable `mode()`:
  "ok", "refuse" (not listening: connection refused), "hang" (accepts TCP, never greets),
  "reject_rcpt" (550 for one address), "delay_data" / "delay_ehlo" (store, then answer late).
  `delivered()` counts the X-SkillUp-Notification header of every message received.
- `CeleryProcess.worker()` / `.beat()`: `python -m celery -A skillup …` in its own session;
  `kill()` sends SIGKILL to the whole group, `restart()` starts it again.
- `RedisServer`: a private `redis-server --save '' --appendonly no` (restarts come back empty).
- `PostgresCluster`: a private cluster (initdb as the `postgres` user when run as root) with
  `synchronous_commit=on`, for restart and crash tests.
- `wait_until(predicate, timeout)`, `free_port()`, `celery_publishing_to(broker_url)`.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import email
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import policy
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
NOTIFICATION_HEADER = "X-SkillUp-Notification"
_HEADER_RE = re.compile(rb"^X-SkillUp-Notification:\s*(\S+)\s*$", re.MULTILINE | re.IGNORECASE)
_MESSAGE_ID_RE = re.compile(rb"^Message-ID:\s*(\S+)\s*$", re.MULTILINE | re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------
def free_port() -> int:
    """A port nothing listens on right now (the kernel's choice)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(
    predicate: Callable[[], object],
    timeout: float,
    *,
    interval: float = 0.2,
    message: str = "",
    ignore: tuple[type[BaseException], ...] = (),
):
    """Poll `predicate` until it returns something truthy (returned) or `timeout` seconds pass.

    Exceptions listed in `ignore` count as "not yet" (e.g. the database being restarted).
    """
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        try:
            value = predicate()
        except ignore as exc:
            value, last_error = None, exc
        if value:
            return value
        if time.monotonic() >= deadline:
            what = message or getattr(predicate, "__name__", repr(predicate))
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}{detail}")
        time.sleep(interval)


def tcp_answers(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def is_root() -> bool:
    return os.geteuid() == 0


# ---------------------------------------------------------------------------------------------
# SMTP sink
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Received:
    """One message as the SMTP server got it."""

    notification: str  # the X-SkillUp-Notification header ("" when absent)
    message_id: str
    mail_from: str
    rcpt_tos: tuple[str, ...]
    subject: str
    text: str  # the text/plain body
    at: float  # time.monotonic() when the DATA was complete


class _SinkHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if self.sink.delay_ehlo:
            await asyncio.sleep(self.sink.delay_ehlo)
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.sink.rejected:
            if self.sink.reject_code != 550:  # e.g. 451: try again later
                return f"{self.sink.reject_code} 4.2.0 <{address}>: Mailbox busy, try later"
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.sink._store(envelope)
        if self.sink.delay_data:  # stored already: a crash now is "accepted, not yet answered"
            await asyncio.sleep(self.sink.delay_data)
        return "250 2.0.0 Message accepted for delivery"


class SmtpSink:
    """An SMTP server on 127.0.0.1:`port`, served by aiosmtpd's threaded Controller.

    A front thread owns the public listening socket, so switching modes never races asyncio:
    "refuse" closes it (clients get connection refused), "hang" accepts and keeps the socket
    without a word, every other mode hands the connection to the Controller's event loop.
    `keep_messages=False` only counts headers (fast: for the benchmark).
    """

    MODES = ("ok", "refuse", "hang", "reject_rcpt", "delay_data", "delay_ehlo")

    def __init__(self, port: int | None = None, *, keep_messages: bool = True) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP

        self.port = port or free_port()
        self.keep_messages = keep_messages
        self.current_mode = "ok"
        self.rejected: set[str] = set()
        self.delay_data = 0.0
        self.delay_ehlo = 0.0
        self.hung_connections = 0  # connections accepted (and ignored) in "hang" mode
        self.connections = 0  # SMTP sessions served (connection reuse shows here)
        self.reject_code = 550  # the answer to a rejected recipient ("reject_rcpt")
        self.last_at = 0.0  # when the last message arrived (time.monotonic())
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._message_ids: dict[str, list[str]] = defaultdict(list)
        self._messages: list[Received] = []
        self._sessions: weakref.WeakSet = weakref.WeakSet()
        handler = _SinkHandler(self)
        sessions = self._sessions

        class _Controller(Controller):
            def factory(self):
                smtp = SMTP(handler, hostname="sink.test", **self.SMTP_kwargs)
                sessions.add(smtp)
                return smtp

        # the Controller listens on a private port of its own; clients come through the front
        self.controller = _Controller(handler, hostname="127.0.0.1", port=free_port())
        self._listening = "smtp"  # what the front does: "smtp", "hang" or "none" (refuse)
        self._front: threading.Thread | None = None
        self._front_stop = threading.Event()
        self._wanted = 0  # generation of the last mode() call
        self._applied = -1  # generation the front thread has put in place
        self._hung: list[socket.socket] = []

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> SmtpSink:
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
        self.controller.start()
        self._front_stop.clear()
        self._front = threading.Thread(target=self._serve_front, name="smtp-sink-front")
        self._front.daemon = True
        self._front.start()
        self._wait_applied()
        return self

    def _wait_applied(self) -> None:
        wanted = self._wanted
        wait_until(lambda: self._applied >= wanted or not self._front.is_alive(), 10,
                   interval=0.005, message=f"SMTP sink listening state on {self.port}")  # fmt: skip
        if self._applied < wanted:
            raise RuntimeError(f"SMTP sink front thread on {self.port} died")

    def stop(self) -> None:
        if self._front is None:
            return
        self._front_stop.set()
        self._front.join(10)
        self._front = None
        asyncio.run_coroutine_threadsafe(self._close_sessions(), self.controller.loop).result(10)
        self.controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    # -- modes --------------------------------------------------------------------------------
    def mode(self, name: str, *, address: str = "", seconds: float = 0.0, code: int = 550) -> None:
        """Switch behaviour; returns once the listening socket is in the new state.

        "ok" also clears rejections and delays; "reject_rcpt" (answering `code`: 550, or a
        temporary 451), "delay_data" and "delay_ehlo" add to what is set (they serve SMTP),
        "refuse" and "hang" change only the listener.
        """
        if name not in self.MODES:
            raise ValueError(f"unknown SMTP sink mode {name!r}")
        if name == "ok":
            self.rejected, self.delay_data, self.delay_ehlo = set(), 0.0, 0.0
            self.reject_code = 550
        elif name == "reject_rcpt":
            self.rejected = {address.lower()}
            self.reject_code = code
        elif name == "delay_data":
            self.delay_data = seconds
        elif name == "delay_ehlo":
            self.delay_ehlo = seconds
        with self._lock:
            self._listening = {"refuse": "none", "hang": "hang"}.get(name, "smtp")
            self._wanted += 1
        if self._front is not None:
            self._wait_applied()
        self.current_mode = name

    def _serve_front(self) -> None:
        import selectors

        listener: socket.socket | None = None
        with selectors.DefaultSelector() as selector:
            try:
                while not self._front_stop.is_set():
                    with self._lock:
                        generation, want = self._wanted, self._listening
                    if want == "none" and listener is not None:
                        selector.unregister(listener)
                        listener.close()
                        listener = None
                    if want != "hang":
                        self._release_hung()
                    if want != "none" and listener is None:
                        listener = socket.socket()
                        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                        listener.bind(("127.0.0.1", self.port))
                        listener.listen(128)
                        listener.setblocking(False)
                        selector.register(listener, selectors.EVENT_READ)
                    self._applied = generation
                    if listener is None:
                        time.sleep(0.02)
                        continue
                    if not selector.select(timeout=0.02):
                        continue
                    try:
                        conn, _addr = listener.accept()
                    except BlockingIOError:
                        continue
                    if self._listening == "hang":
                        self._hung.append(conn)
                        self.hung_connections += 1
                    elif self._listening == "smtp":
                        self._hand_over(conn)
                    else:
                        conn.close()
            finally:
                if listener is not None:
                    selector.unregister(listener)
                    listener.close()
                self._release_hung()

    def _hand_over(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # EHLO is several writes
        with self._lock:
            self.connections += 1
        loop = self.controller.loop
        coro = loop.connect_accepted_socket(self.controller._factory_invoker, sock=conn)
        future = asyncio.run_coroutine_threadsafe(coro, loop)

        def close_on_failure(done) -> None:
            if done.cancelled() or done.exception() is not None:
                conn.close()

        future.add_done_callback(close_on_failure)

    def _release_hung(self) -> None:
        for conn in self._hung:
            conn.close()
        self._hung.clear()

    async def _close_sessions(self) -> None:
        for smtp in list(self._sessions):
            transport = getattr(smtp, "transport", None)
            if transport is not None and not transport.is_closing():
                transport.close()
        await asyncio.sleep(0.05)

    # -- what arrived -------------------------------------------------------------------------
    def _store(self, envelope) -> None:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n", b"\n")
        found = _HEADER_RE.search(head)
        key = found.group(1).decode() if found else ""
        mid = _MESSAGE_ID_RE.search(head)
        message_id = mid.group(1).decode() if mid else ""
        received = None
        if self.keep_messages:
            parsed = email.message_from_bytes(raw, policy=policy.default)
            body = parsed.get_body(preferencelist=("plain",))
            received = Received(
                notification=key,
                message_id=message_id,
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                subject=str(parsed.get("Subject", "")),
                text=body.get_content() if body is not None else "",
                at=time.monotonic(),
            )
        with self._lock:
            self._counts[key] += 1
            self._message_ids[key].append(message_id)
            if received is not None:
                self._messages.append(received)
            self.last_at = time.monotonic()

    def delivered(self) -> Counter[str]:
        """How many times each notification (X-SkillUp-Notification value) arrived."""
        with self._lock:
            return Counter(self._counts)

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def message_ids(self, notification: str | None = None):
        """The Message-IDs received for one notification, or {notification: [ids]} for all."""
        with self._lock:
            if notification is not None:
                return list(self._message_ids.get(notification, []))
            return {key: list(ids) for key, ids in self._message_ids.items()}

    def messages(self) -> list[Received]:
        with self._lock:
            return list(self._messages)

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()
            self._message_ids.clear()
            self._messages.clear()
            self.connections = 0


# ---------------------------------------------------------------------------------------------
# Processes in their own group
# ---------------------------------------------------------------------------------------------
def _kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes whose process group is `pgid`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


_LIVE: set = set()  # started and not yet killed: killed at interpreter exit as a last resort


@atexit.register
def _kill_leftovers() -> None:
    for thing in list(_LIVE):
        with contextlib.suppress(Exception):
            thing.kill() if isinstance(thing, ManagedProcess) else thing.destroy()


class ManagedProcess:
    """A command in its own session (process group), output appended to `log_path`.

    Should the test process die without its teardown (Ctrl-C), an atexit hook still sends
    SIGKILL to every group that was started and not killed.
    """

    def __init__(self, argv: list[str], *, env: dict[str, str], log_path: Path, cwd: Path = ROOT):
        self.argv = argv
        self.env = env
        self.log_path = Path(log_path)
        self.cwd = cwd
        self.proc: subprocess.Popen | None = None
        self._log_start = 0
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def spawn(self) -> None:
        assert not self.alive(), f"{self.argv[0]} already running"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self._log_start = log.tell()
            self.proc = subprocess.Popen(
                self.argv, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.starts += 1
        _LIVE.add(self)

    def log_text(self, *, since_start: bool = False) -> str:
        try:
            data = self.log_path.read_bytes()
        except FileNotFoundError:
            return ""
        if since_start:
            data = data[self._log_start :]
        return data.decode(errors="replace")

    def wait_for_log(self, needle: str, timeout: float) -> None:
        def ready() -> bool:
            if not self.alive():
                raise RuntimeError(
                    f"{' '.join(self.argv[:6])} exited with {self.proc.returncode}:\n"
                    f"{self.log_text(since_start=True)[-3000:]}"
                )
            return needle in self.log_text(since_start=True)

        wait_until(ready, timeout, interval=0.1, message=f"{needle!r} in {self.log_path}")

    def kill(self) -> None:
        """SIGKILL to the whole process group (main process and children), then reap."""
        if self.proc is None:
            return
        pgid = self.proc.pid
        _kill_group(pgid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        _LIVE.discard(self)
        wait_until(lambda: not _group_members(pgid), 10, interval=0.05,
                   message=f"process group {pgid} gone")  # fmt: skip

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM to the group; SIGKILL if it is still there after `timeout` seconds."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            _kill_group(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=timeout)
        self.kill()

    def children(self) -> list[int]:
        """PIDs of the main process's live children (a prefork worker's pool)."""
        if not self.alive():
            return []
        try:
            text = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in text.split()]


class CeleryProcess(ManagedProcess):
    """`python -m celery -A skillup worker|beat …` with a given environment."""

    def __init__(self, args: list[str], *, env: dict[str, str], log_path: Path, ready: str):
        super().__init__(
            [sys.executable, "-m", "celery", "-A", "skillup", *args], env=env, log_path=log_path
        )
        self.ready = ready

    @classmethod
    def worker(
        cls, *, env: dict[str, str], log_path: Path, name: str = "", concurrency: int = 2,
        queues: str = "", extra: tuple[str, ...] = (),
    ) -> CeleryProcess:  # fmt: skip
        name = name or f"harness-{os.getpid()}-{free_port()}"
        args = ["worker", "-P", "prefork", "-c", str(concurrency), "--without-mingle",
                "--without-gossip", "-l", "info", "-n", f"{name}@%h"]  # fmt: skip
        if queues:
            args += ["-Q", queues]
        return cls([*args, *extra], env=env, log_path=log_path, ready=" ready.")

    @classmethod
    def beat(cls, *, env: dict[str, str], log_path: Path, workdir: Path) -> CeleryProcess:
        args = ["beat", "-l", "info", "-s", str(Path(workdir) / "celerybeat-schedule"),
                "--max-interval", "1"]  # fmt: skip
        return cls(args, env=env, log_path=log_path, ready="beat: Starting")

    def start(self, timeout: float = 60) -> CeleryProcess:
        self.spawn()
        try:
            self.wait_for_log(self.ready, timeout)
        except BaseException:
            self.kill()
            raise
        return self

    def restart(self, timeout: float = 60) -> CeleryProcess:
        self.stop()
        return self.start(timeout)


def celery_env(
    *, database_url: str, broker_url: str, smtp_port: int | None = None, **overrides: object
) -> dict[str, str]:
    """Environment for a worker/beat process: local settings with DEBUG off, given services.

    The caller's service variables (DATABASE_URL, EMAIL_URL, CELERY_*, …) are dropped first so
    nothing leaks from CI's environment; `overrides` (e.g. NOTIFICATIONS_LEASE_SECONDS=10) win.
    """
    dropped = ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "EMAIL_HOST", "EMAIL_PORT")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in dropped and not k.startswith(("CELERY_", "PYTEST_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="skillup.settings.local",
        DJANGO_DEBUG="false",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        PYTHONUNBUFFERED="1",
        PYTHONWARNINGS="ignore",
        LOG_LEVEL="INFO",
    )
    if smtp_port is not None:
        env["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
    env.update({k: str(v) for k, v in overrides.items()})
    return env


def database_url(settings_dict: dict | None = None, *, name: str | None = None) -> str:
    """postgres:// URL of a Django database settings dict (default: the current `default`)."""
    if settings_dict is None:
        from django.conf import settings

        settings_dict = settings.DATABASES["default"]
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{quote(name or settings_dict['NAME'], safe='')}"


# ---------------------------------------------------------------------------------------------
# The test process publishing to a real broker
# ---------------------------------------------------------------------------------------------
def _reset_broker_pools(app) -> None:
    import kombu.pools

    if app._pool is not None:
        with contextlib.suppress(Exception):
            app._pool.force_close_all()
        app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None
    kombu.pools.reset()


@contextlib.contextmanager
def celery_publishing_to(broker_url: str, *, default_queue: str = "") -> Iterator[object]:
    """Make this (test) process publish tasks to `broker_url` instead of running them eagerly.

    Restores eager mode, the broker URL and the default queue afterwards, closing every
    pooled broker connection on the way in and out. (Celery reads the CELERY_BROKER_URL
    environment variable before its configuration, so that is switched too.)
    """
    from skillup.celery import app

    keys = ("task_always_eager", "broker_url", "task_default_queue")
    saved = {key: app.conf[key] for key in keys}
    saved_env = os.environ.get("CELERY_BROKER_URL")
    _reset_broker_pools(app)
    app.conf.task_always_eager = False
    app.conf.broker_url = broker_url
    os.environ["CELERY_BROKER_URL"] = broker_url
    if default_queue:
        app.conf.task_default_queue = default_queue
    try:
        assert app.conf.broker_url == broker_url, app.conf.broker_url
        yield app
    finally:
        _reset_broker_pools(app)
        if saved_env is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved_env
        for key, value in saved.items():
            app.conf[key] = value


def delete_queue(app, queue: str) -> None:
    """Remove a queue and its bindings from the app's broker (a private queue, after use)."""
    with app.connection_for_write() as conn:
        bound = app.amqp.queues[queue](conn.default_channel)
        bound.declare()  # the channel forgets bindings it did not declare itself
        bound.delete()


@contextlib.contextmanager
def worker_on_private_queue(
    *, broker_url: str, queue: str, log_path: Path, smtp_port: int | None = None, **settings
) -> Iterator[CeleryProcess]:
    """A real worker process on `queue` of the real broker, this (test) process publishing to
    it, on the test database; stopped and its queue deleted at the end.

    The queue is private to one test, so another worker on the same Redis (another test, a
    developer's `make worker`) cannot take its tasks. `settings` go to the worker's environment
    (e.g. NOTIFICATIONS_SEND_BATCH=10); its database connections are not kept (CONN_MAX_AGE=0)
    so that the test database can be flushed after it.
    """
    env = celery_env(
        database_url=database_url(),
        broker_url=broker_url,
        smtp_port=smtp_port,
        **{"CONN_MAX_AGE": 0, **settings},
    )
    worker = CeleryProcess.worker(env=env, log_path=log_path, queues=queue)
    with celery_publishing_to(broker_url, default_queue=queue) as app:
        worker.start()
        try:
            yield worker
        finally:
            worker.stop()
            delete_queue(app, queue)


def purge_queue(app, queue: str = "celery") -> int:
    """Drop every message waiting in `queue` on the app's broker."""
    with app.connection_for_write() as conn:
        return conn.default_channel.queue_purge(queue) or 0


# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------
class RedisServer:
    """A private redis-server (no persistence: a restart comes back empty)."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        argv = [shutil.which("redis-server") or "redis-server", "--port", str(self.port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", str(self.workdir), "--maxmemory-policy", "noeviction"]  # fmt: skip
        self.process = ManagedProcess(
            argv, env=dict(os.environ), log_path=self.workdir / "redis.log"
        )

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def start(self, timeout: float = 20) -> RedisServer:
        self.process.spawn()
        wait_until(self.ping, timeout, interval=0.05, message=f"redis on {self.port}")
        return self

    def stop(self) -> None:
        self.process.stop(timeout=10)
        wait_until(lambda: not tcp_answers(self.port), 10, message=f"redis {self.port} closed")

    def restart(self) -> RedisServer:
        self.stop()
        return self.start()


# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
class PostgresCluster:
    """A private PostgreSQL cluster in a directory under /tmp, owned by `postgres` when root.

    Started with synchronous_commit=on: a commit the client saw survives a crash
    (`stop("immediate")`). fsync stays off: only an OS crash would need it.
    """

    def __init__(self, port: int | None = None, *, base: str = "/tmp") -> None:
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="skillup-pg-", dir=base))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        if is_root():
            shutil.chown(self.dir, user="postgres", group="postgres")
        self.superuser = "postgres" if is_root() else os.environ.get("USER", "postgres")

    def _as_postgres(self, *argv: str, check: bool = True, timeout: float = 120):
        prefix = ["runuser", "-u", "postgres", "--"] if is_root() else []
        return subprocess.run(
            [*prefix, *argv], cwd=self.dir, capture_output=True, text=True, check=check,
            timeout=timeout,
        )  # fmt: skip

    @property
    def options(self) -> str:
        return (
            f"-c listen_addresses=127.0.0.1 -k {self.dir} -p {self.port} "
            "-c synchronous_commit=on -c fsync=off -c max_connections=200"
        )

    def init(self) -> PostgresCluster:
        self._as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "--auth=trust",
                          "-U", self.superuser, "-E", "UTF8")  # fmt: skip
        return self

    def _pg_ctl(self, *args: str, check: bool = True):
        return self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l",
                                 str(self.log), "-w", "-t", "60", *args, check=check)  # fmt: skip

    def start(self) -> PostgresCluster:
        _LIVE.add(self)
        self._pg_ctl("-o", self.options, "start")
        return self

    def stop(self, mode: str = "fast", *, check: bool = True) -> None:
        self._pg_ctl("-m", mode, "stop", check=check)

    def restart(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "-o", self.options, "restart")

    def crash(self) -> None:
        """Kill the postmaster without a checkpoint (`-m immediate`), then start it again."""
        self.stop("immediate")
        self.start()

    def running(self) -> bool:
        return self._pg_ctl("status", check=False).returncode == 0

    def execute(self, *statements: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser,
                             dbname=dbname, autocommit=True) as conn:  # fmt: skip
            for statement in statements:
                conn.execute(statement)

    def create_database(self, name: str, *, owner: str = "skillup", password: str = "skillup"):
        """A login role (CREATEDB) and a database it owns; returns the database's URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser,
                             dbname="postgres", autocommit=True) as conn:  # fmt: skip
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [owner]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
                    sql.Identifier(owner), sql.Literal(password)))  # fmt: skip
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(owner)))  # fmt: skip
        return f"postgres://{owner}:{password}@127.0.0.1:{self.port}/{name}"

    def destroy(self) -> None:
        if self.data.exists():
            self.stop("immediate", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
        _LIVE.discard(self)

    def __enter__(self) -> PostgresCluster:
        try:
            return self.init().start()
        except BaseException:
            self.destroy()
            raise

    def __exit__(self, *exc) -> None:
        self.destroy()


# ---------------------------------------------------------------------------------------------
# Races: the same call from several threads at the same moment (a double click, two workers)
# ---------------------------------------------------------------------------------------------
def at_once(*calls: Callable[[], object]) -> list[object]:
    """Run each call in its own thread, released together by a barrier, each with its own
    database connection (closed after); returns what each returned or the exception it raised,
    in the calls' order. Needs a transactional test (django_db(transaction=True)) on PostgreSQL."""
    from django.db import connection

    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as exc:  # handed back to the test, which says what it expects
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
