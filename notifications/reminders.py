"""Reminders and digests: periodic producers that call notify() for whatever is due.

A producer yields the keyword arguments of notify(); the idempotency key (with its occurrence)
makes running it twice send once. Apps register their producers here with @reminder.
"""

from collections.abc import Callable, Iterable
from functools import partial

from django.db import transaction

from .services import enqueue_many, notify

PRODUCERS: dict[str, Callable[[], Iterable[dict]]] = {}


def reminder(name: str):
    def register(func: Callable[[], Iterable[dict]]):
        PRODUCERS[name] = func
        return func

    return register


def send_due_reminders() -> int:
    """Run every producer; returns how many new notifications were written. Each is written
    in its own transaction (one failing loses no other); the workers are woken once at the
    end, one batch task per NOTIFICATIONS_SEND_BATCH emails (a run that dies before leaves its
    rows to the sweeper)."""
    written = []
    for produce in PRODUCERS.values():
        for kwargs in produce():
            with transaction.atomic():
                notification = notify(**kwargs, wake=False)
            if notification is not None:
                written.append(notification.pk)
    transaction.on_commit(partial(enqueue_many, written), robust=True)
    return len(written)
