from celery import shared_task

from . import viewcounts


@shared_task(name="practices.flush_views")
def task_flush_views() -> int:
    """Beat: the views counted in Redis added to the database (practices.viewcounts)."""
    return viewcounts.flush()
