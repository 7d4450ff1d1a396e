"""A Redis outage is logged once a minute, not once per cache call (issue #15, skillup/cache.py).

The cache points at a closed port (nothing listens: every call fails at once, as when Redis is
down). Pages keep working (tests/test_settings.py checks it); the log gets one WARNING line with
the error's short text and no traceback, then nothing until a minute has passed, and then a line
that says how many failures went unreported.
"""

import itertools
import logging
import socket
import threading
import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache, caches
from django.test import Client, override_settings

from tests.factories import PASSWORD

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_databases = itertools.count(1)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dead_redis_cache() -> dict:
    """A FailOpenRedisCache on a port nobody listens on; a LOCATION of its own per test (the
    outage log is one per Redis server and process)."""
    return {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/{next(_databases)}",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


def _outage_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name in ("skillup.cache", "django_redis.cache")]


@pytest.fixture
def outage(caplog):
    """A dead Redis behind the cache, the clock frozen at START, every log record captured."""
    caplog.set_level(logging.DEBUG)
    with (
        override_settings(CACHES=_dead_redis_cache()),
        time_machine.travel(START, tick=False) as clock,
    ):
        yield clock


@pytest.mark.django_db
def test_many_requests_during_an_outage_log_one_warning_without_traceback(outage, caplog, world):
    visitor = Client()
    pages = [visitor.get(url).status_code for url in ("/en/", "/en/practices/") * 10]
    login = Client().post(
        "/en/accounts/login/", {"login": world.sme_member.email, "password": PASSWORD}
    )

    lines = _outage_lines(caplog)
    assert pages == [200] * 20 and login.status_code == 302
    assert [(r.name, r.levelname, r.exc_info) for r in lines] == [
        ("skillup.cache", "WARNING", None)
    ]
    message = lines[0].getMessage()
    assert "Redis cache unreachable" in message
    assert "Connection refused" in message  # the error's own short text
    assert "Traceback" not in message and "\n" not in message


def test_a_minute_later_the_outage_is_logged_again_with_the_count_unreported(outage, caplog):
    cache.get("a")  # reported
    for key in "bcdef":
        cache.get(key)  # five more, counted only
    outage.shift(59)
    cache.set("g", 1)  # still within the minute
    quiet = len(_outage_lines(caplog))
    outage.shift(2)

    cache.get("h")

    lines = [r.getMessage() for r in _outage_lines(caplog)]
    assert quiet == 1
    assert len(lines) == 2
    first_report = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(START.timestamp()))
    assert lines[1].endswith(f"not logged since the last report at {first_report}: 6")


def test_after_a_report_the_count_starts_again(outage, caplog):
    cache.get("a")
    cache.get("b")
    outage.shift(61)
    cache.get("c")  # reports 1
    cache.get("d")
    cache.get("e")
    outage.shift(61)

    cache.get("f")  # reports 2

    lines = [r.getMessage() for r in _outage_lines(caplog)]
    assert len(lines) == 3
    assert [line.rsplit(": ", 1)[-1] for line in lines[1:]] == ["1", "2"]


def test_the_threads_of_one_process_share_one_report(outage, caplog):
    """Django builds a cache object per thread; a process of four threads still logs once."""

    def work():
        for key in range(5):
            caches["default"].get(f"key-{key}")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(_outage_lines(caplog)) == 1


def test_the_redis_password_never_reaches_the_log(caplog):
    caplog.set_level(logging.DEBUG)
    location = f"redis://:s3cret-pass@127.0.0.1:{_closed_port()}/{next(_databases)}"
    caches_setting = {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }

    with override_settings(CACHES=caches_setting):
        value = cache.get("k", "fallback")

    assert value == "fallback"
    assert len(_outage_lines(caplog)) == 1
    assert "s3cret-pass" not in caplog.text
