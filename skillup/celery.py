"""The Celery app. Settings come from Django settings under the CELERY_ namespace."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillup.settings.local")

app = Celery("skillup")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="skillup.ping")
def task_ping() -> str:
    """Answer 'pong': lets health checks and tests see a worker consume from the broker."""
    return "pong"
