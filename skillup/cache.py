"""The Redis cache backend, failing open when Redis is unreachable and saying so once a minute."""

import logging
import sys
import threading
import time

from django_redis.cache import RedisCache

logger = logging.getLogger(__name__)

# At most one log line per this many seconds per Redis server and process.
OUTAGE_REPORT_SECONDS = 60
# The error's text is cut here: a log line, not a dump.
ERROR_TEXT_MAX = 200


class OutageLog:
    """What a failed cache call writes to the log: one WARNING line a minute, no traceback.

    django-redis (IGNORE_EXCEPTIONS) calls `logger.exception("Exception ignored")` inside the
    `except` of every call that failed, so an outage used to write a full traceback for each
    cache call of each request (dozens a page). This object stands in for that logger: the first
    failure is reported at once with the error's short text; later ones are only counted until a
    minute has passed, and the next report says how many went unreported since the last.

    One per Redis server and process (see `outage_log_for`): Django builds a cache object per
    thread, and a gunicorn process with four threads must still log once a minute.
    """

    def __init__(self, *, interval: float = OUTAGE_REPORT_SECONDS) -> None:
        self.interval = interval
        self._lock = threading.Lock()
        self._last_report: float | None = None  # time.time() of the last line written
        self._unreported = 0

    def exception(self, msg: str, *args, **kwargs) -> None:
        """django-redis's call, made while the ConnectionInterrupted is being handled."""
        self.failed(sys.exc_info()[1])

    def failed(self, error: BaseException | None) -> None:
        now = time.time()
        with self._lock:
            last = self._last_report
            # a clock set back counts as time passed rather than silencing the log
            if last is not None and 0 <= now - last < self.interval:
                self._unreported += 1
                return
            unreported, self._unreported = self._unreported, 0
            self._last_report = now
        logger.warning(
            "Redis cache unreachable, pages are served without it (fail-open): %s%s",
            _short_text(error),
            _since(unreported, last),
        )


def _short_text(error: BaseException | None) -> str:
    """`Redis ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused.`"""
    if error is None:
        return "unknown error"
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= ERROR_TEXT_MAX else text[: ERROR_TEXT_MAX - 1] + "…"


def _since(unreported: int, last: float | None) -> str:
    if last is None:
        return ""
    at = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(last))  # as the log's own asctime
    return f"; failed calls not logged since the last report at {at}: {unreported}"


_outage_logs: dict[str, OutageLog] = {}
_outage_logs_lock = threading.Lock()


def outage_log_for(server: str) -> OutageLog:
    """The process's one OutageLog for this Redis server (its LOCATION, never logged: it may
    hold a password)."""
    with _outage_logs_lock:
        return _outage_logs.setdefault(server, OutageLog())


class FailOpenRedisCache(RedisCache):
    """django-redis with IGNORE_EXCEPTIONS answers `None` from `add()` when Redis is down, which
    callers read as "the key exists". allauth's rate limiter takes its lock with `add()`, so a
    Redis outage would refuse every log-in with 429. Decision: rate limits and cache locks fail
    open during an outage, so people can still log in.

    Every ignored failure goes to the process's OutageLog (a WARNING line a minute on the
    `skillup.cache` logger) whatever DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS says: an outage is
    always told, never once per call."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._log_ignored_exceptions = True
        self.logger = outage_log_for(str(server))

    def add(self, *args, **kwargs) -> bool:
        added = super().add(*args, **kwargs)
        return True if added is None else added
