from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    name="outreach.deliver",
    autoretry_for=(OperationalError, InterfaceError),  # database blips
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=None,
)
def task_deliver_group_message(*, message_id: int) -> int:
    return services.group_message_deliver(message_id=message_id)


@shared_task(name="outreach.sweep")
def task_sweep_group_messages() -> int:
    return services.group_messages_sweep()
