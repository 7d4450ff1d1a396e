from celery import shared_task

from . import overview


@shared_task(name="skillup.count_overview")
def task_count_programme_overview() -> list[str]:
    """Beat: the programme overview counted ahead, so that no coordinator waits for it."""
    return overview.count_programme_overview()
