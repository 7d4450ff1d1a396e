from celery import shared_task

from . import services


# The name predates this app (the task lived in accounts): the beat schedule and messages
# already queued use it, so it stays.
@shared_task(name="accounts.apply_retention")
def task_apply_retention() -> dict[str, int]:
    """Daily (CELERY_BEAT_SCHEDULE): purge what the retention periods say has gone."""
    return services.retention_apply()
