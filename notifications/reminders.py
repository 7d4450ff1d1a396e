"""Reminders and digests: periodic producers that call notify() for whatever is due.

A producer yields the keyword arguments of notify(); the idempotency key (with its occurrence)
makes running it twice send once. Apps register their producers here with @reminder.
"""

from collections.abc import Callable, Iterable

from django.db import transaction

from .services import notify

PRODUCERS: dict[str, Callable[[], Iterable[dict]]] = {}


def reminder(name: str):
    def register(func: Callable[[], Iterable[dict]]):
        PRODUCERS[name] = func
        return func

    return register


def send_due_reminders() -> int:
    """Run every producer; returns how many new notifications were written."""
    written = 0
    for produce in PRODUCERS.values():
        for kwargs in produce():
            with transaction.atomic():
                written += notify(**kwargs) is not None
    return written
