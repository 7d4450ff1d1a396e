"""Tests: a fast hasher, locmem mail and cache, eager Celery unless a test starts a real worker.

DATABASE_URL still decides the engine (PostgreSQL in CI, SQLite otherwise).
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SITE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The broker a real-worker test uses (CI: the Redis .ci/run started); nothing else reads it.
TEST_CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=env("REDIS_URL", default=""))
# Serve static files straight from the finders (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Every test person's address is at example.eu (tests/factories.py): not a shared employer.
REVIEW_CONFLICT_SHARED_DOMAINS = ["example.eu", "demo.skillup.eu"]
# Uploads made by tests land in a throwaway directory, never in the developer's media/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "skillup-test-media"
# The open datasets of this test run: a directory of its own (test processes run side by side).
OPEN_DATA_ROOT = Path(tempfile.mkdtemp(prefix="skillup-test-open-data-"))
