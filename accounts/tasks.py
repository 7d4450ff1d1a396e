from celery import shared_task

from . import services


@shared_task(name="accounts.apply_retention")
def task_apply_retention() -> dict[str, int]:
    """Daily (CELERY_BEAT_SCHEDULE): purge what the retention periods say has gone."""
    return services.retention_apply()
