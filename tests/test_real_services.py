"""The real services CI starts: Redis as broker and cache, a Celery worker process.

Each test needs CELERY_BROKER_URL (or REDIS_URL); without it (a laptop with nothing running)
they are skipped with that reason. CI always sets it, so there they always run.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

BROKER = settings.TEST_CELERY_BROKER_URL
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not BROKER, reason="no Redis configured (CELERY_BROKER_URL unset)"),
]


def _redis_cache(db: int = 14) -> dict:
    base = BROKER.rsplit("/", 1)[0]
    return {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": f"{base}/{db}",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }


def test_redis_cache_round_trip():
    from django.core.cache import cache

    with override_settings(CACHES=_redis_cache()):
        cache.set("skillup-test-key", {"ü": 1}, 30)
        value = cache.get("skillup-test-key")
        cache.delete("skillup-test-key")

    assert value == {"ü": 1}


@pytest.mark.django_db
def test_login_rate_limit_holds_across_clients_on_real_redis():
    victim = UserFactory(email=f"victim-{os.getpid()}@example.eu")
    with override_settings(CACHES=_redis_cache()):
        from django.core.cache import cache

        cache.clear()
        for i in range(5):
            Client(REMOTE_ADDR=f"203.0.113.{i}").post(
                reverse("account_login"), {"login": victim.email, "password": "wrong password!"}
            )
        blocked = Client(REMOTE_ADDR="203.0.113.50").post(
            reverse("account_login"), {"login": victim.email, "password": PASSWORD}
        )
        cache.clear()

    assert blocked.status_code == 200
    assert "Too many failed login attempts" in blocked.content.decode()


def test_celery_worker_process_connects_through_redis_and_answers(tmp_path):
    from skillup.celery import app

    env = {
        **os.environ,
        "CELERY_BROKER_URL": BROKER,
        "DJANGO_SETTINGS_MODULE": "skillup.settings.test",
    }
    log = (tmp_path / "worker.log").open("wb")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "skillup", "worker", "--pool=solo",
         "--without-mingle", "--without-gossip", "-n", f"ping-{os.getpid()}@%h", "-l", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        app.conf.broker_url = BROKER
        replies = []
        deadline = time.monotonic() + 30
        while not replies and time.monotonic() < deadline:
            with app.connection_for_write(BROKER) as conn:
                replies = app.control.ping(
                    destination=[f"ping-{os.getpid()}@{os.uname().nodename}"],
                    timeout=1.0,
                    connection=conn,
                )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=20)
        log.close()

    assert replies == [{f"ping-{os.getpid()}@{os.uname().nodename}": {"ok": "pong"}}]
