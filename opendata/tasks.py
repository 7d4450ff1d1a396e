"""Celery beat tasks of the open data (schedule: settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.conf import settings

from practices import services as practice_services

from . import services


@shared_task(
    name="opendata.refresh",
    soft_time_limit=settings.OPEN_DATA_TASK_SOFT_SECONDS,
    time_limit=settings.OPEN_DATA_TASK_SOFT_SECONDS + 60,
)
def task_refresh_datasets() -> bool:
    """Every few minutes: regenerate the datasets only if what they are made from changed."""
    return services.datasets_refresh()


@shared_task(
    name="opendata.regenerate",
    soft_time_limit=settings.OPEN_DATA_TASK_SOFT_SECONDS,
    time_limit=settings.OPEN_DATA_TASK_SOFT_SECONDS + 60,
)
def task_regenerate_datasets() -> bool:
    """Nightly: regenerate everything (figures that move without changing the fingerprint)."""
    return services.datasets_refresh(force=True)


@shared_task(name="opendata.ask_licence_renewals")
def task_ask_licence_renewals() -> int:
    """Ask the SMEs of practices published before the consent named the open licence to accept
    it (once each)."""
    return practice_services.licence_renewals_ask()
