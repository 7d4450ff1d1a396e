from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services
from .reminders import send_due_reminders


@shared_task(
    name="notifications.send",
    autoretry_for=(OperationalError, InterfaceError),  # database blips; SMTP errors live in the row
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=None,
)
def task_send_notification(*, notification_id: int) -> str:
    return services.notification_send(notification_id=notification_id)


# A database blip mid-batch retries the task: rows it had claimed wait for their lease (the
# sweeper), the others are claimed by the retry.
@shared_task(
    name="notifications.send_batch",
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=None,
)
def task_send_notifications(*, notification_ids: list[int]) -> dict[str, int]:
    return services.notification_send_batch(notification_ids=notification_ids)


@shared_task(name="notifications.sweep")
def task_sweep_outbox() -> int:
    return services.outbox_sweep()


@shared_task(name="notifications.send_reminders")
def task_send_reminders() -> int:
    return send_due_reminders()
