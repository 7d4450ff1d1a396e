"""Settings from the environment, production's deploy checks, and the services they name."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from skillup.checks import check_skillup_security

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'debug': s.DEBUG, "
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, "
    "'email': s.EMAIL_BACKEND, 'email_host': getattr(s, 'EMAIL_HOST', ''), "
    "'cache': s.CACHES['default']['BACKEND'], 'sessions': s.SESSION_ENGINE, "
    "'conn_max_age': s.DATABASES['default']['CONN_MAX_AGE'], "
    "'health': s.DATABASES['default']['CONN_HEALTH_CHECKS'], 'email_timeout': s.EMAIL_TIMEOUT}))"
)
SERVICE_VARS = ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_URL", "EMAIL_HOST")
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "skillup.settings.production",
    "SECRET_KEY": "k7#Qz9!vR2pL@x8Wm4$Tn6^Yb3&Jc5*Hd1(Gf0)Se-Ua+Ko=Pi_Lu~Oy",
    "ALLOWED_HOSTS": "portal.example.eu",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


def _run(args: list[str], env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARS}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _settings_seen_with(env: dict[str, str]) -> dict:
    result = _run(["-c", PROBE], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_local_settings_with_nothing_set_use_the_embedded_default():
    seen = _settings_seen_with({"DJANGO_SETTINGS_MODULE": "skillup.settings.local"})

    assert seen == {
        "engine": "django.db.backends.sqlite3",
        "debug": True,
        "eager": True,
        "broker": "memory://",
        "email": "django.core.mail.backends.console.EmailBackend",
        "email_host": "localhost",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "sessions": "django.contrib.sessions.backends.db",
        "conn_max_age": 60,
        "health": True,
        "email_timeout": 10,
    }


def test_local_settings_with_services_set_use_postgresql_redis_and_smtp():
    seen = _settings_seen_with(
        {
            "DJANGO_SETTINGS_MODULE": "skillup.settings.local",
            "DATABASE_URL": "postgres://u:p@db.internal:5432/skillup",
            "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
            "REDIS_URL": "redis://redis.internal:6379/1",
            "EMAIL_URL": "smtp://mail.internal:1025",
        }
    )

    assert (seen["engine"], seen["eager"], seen["broker"]) == (
        "django.db.backends.postgresql",
        False,
        "redis://redis.internal:6379/0",
    )
    assert (seen["email"], seen["email_host"]) == (
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.internal",
    )
    assert seen["cache"] == "skillup.cache.FailOpenRedisCache"
    assert seen["sessions"] == "django.contrib.sessions.backends.db"


def test_production_settings_pass_check_deploy_with_no_warning():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}

    result = _run(["manage.py", "check"], env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_wsgi_defaults_to_production_settings():
    result = _run(["-c", "import skillup.wsgi"], {})

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr  # production demands it; local would have started


def test_wsgi_serves_with_production_settings_when_configured():
    result = _run(
        ["-c", "import skillup.wsgi; from django.conf import settings; print(settings.DEBUG)"],
        {k: v for k, v in PROD_ENV.items() if k != "DJANGO_SETTINGS_MODULE"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_seed_demo_refuses_to_run_with_debug_off():
    result = _run(["manage.py", "seed_demo"], PROD_ENV)

    assert result.returncode != 0
    assert "DEBUG only" in result.stderr


PRODUCTION_LIKE = {
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "CELERY_TASK_ALWAYS_EAGER": False,
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.Argon2PasswordHasher"],
}
BROKEN = {
    "skillup.W001": {"CONTENT_SECURITY_POLICY": {"DIRECTIVES": {"default-src": ["'self'"]}}},
    "skillup.W002": {
        "CONTENT_SECURITY_POLICY": {
            "DIRECTIVES": {
                **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
                "script-src": ["'self'", "'unsafe-inline'"],
            }
        }
    },
    "skillup.W003": {"SESSION_COOKIE_NAME": "sessionid"},
    "skillup.W004": {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]},
    "skillup.W005": {"EMAIL_TIMEOUT": None},
    "skillup.W007": {"CELERY_TASK_ACKS_LATE": False},
    "skillup.W008": {"CELERY_WORKER_PREFETCH_MULTIPLIER": 4},
    "skillup.W009": {"SESSION_ENGINE": "django.contrib.sessions.backends.cached_db"},
    "skillup.W010": {"CELERY_TASK_ALWAYS_EAGER": True},
    "skillup.W011": {"NOTIFICATIONS_BACKOFF_MAX_SECONDS": 3600},
    "skillup.W012": {"NOTIFICATIONS_LEASE_SECONDS": 60},
    "skillup.W013": {
        "MIDDLEWARE": [m for m in settings.MIDDLEWARE if not m.startswith("accounts.mfa.")]
    },
}


def test_custom_deploy_checks_pass_on_production_like_settings():
    with override_settings(**PRODUCTION_LIKE):
        assert check_skillup_security() == []


@pytest.mark.parametrize(("check_id", "broken"), BROKEN.items(), ids=BROKEN.keys())
def test_custom_deploy_check_fails_when_its_setting_is_broken(check_id, broken):
    with override_settings(**{**PRODUCTION_LIKE, **broken}):
        ids = [w.id for w in check_skillup_security()]

    assert ids == [check_id] if check_id != "skillup.W001" else set(ids) == {"skillup.W001"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_redis_cache_down_fails_open_instead_of_raising():
    from django.core.cache import cache

    with override_settings(CACHES=_dead_redis_cache()):
        cache.set("k", "v")
        value = cache.get("k", "fallback")

    assert value == "fallback"


def _dead_redis_cache() -> dict:
    return {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_free_port()}/1",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


@pytest.mark.django_db
def test_redis_down_keeps_people_logged_in_and_log_in_working(world, client_for):
    from django.test import Client

    from tests.factories import PASSWORD

    logged_in = client_for("sme_admin")
    with override_settings(CACHES=_dead_redis_cache()):
        pages = [logged_in.get(url).status_code for url in ("/en/", "/en/dashboard/")]
        login = Client().post(
            "/en/accounts/login/", {"login": world.sme_member.email, "password": PASSWORD}
        )

    assert pages == [200, 200]
    assert (login.status_code, login["Location"]) == (302, "/en/dashboard/")


def test_celery_is_configured_for_at_least_once_json_delivery():
    from skillup.celery import app

    conf = app.conf
    assert (conf.task_acks_late, conf.task_reject_on_worker_lost) == (True, True)
    assert conf.worker_prefetch_multiplier == 1
    assert (conf.accept_content, conf.task_serializer) == (["json"], "json")
    assert conf.task_publish_retry is False
    assert (
        conf.broker_transport_options["visibility_timeout"]
        > settings.NOTIFICATIONS_BACKOFF_MAX_SECONDS
    )
    assert conf.task_time_limit < settings.NOTIFICATIONS_LEASE_SECONDS
    assert settings.EMAIL_TIMEOUT == 10
