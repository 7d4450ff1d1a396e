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


@shared_task(name="notifications.sweep")
def task_sweep_outbox() -> int:
    return services.outbox_sweep()


@shared_task(name="notifications.send_reminders")
def task_send_reminders() -> int:
    return send_due_reminders()
