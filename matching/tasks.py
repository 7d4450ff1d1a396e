"""Celery tasks of matchmaking: thin wrappers around the services."""

from celery import shared_task

from . import services
from .models import MatchRun


@shared_task(name="matching.run", acks_late=True)
def task_run_matching(*, run_id: int) -> int:
    """A global run; returns how many SMEs got a draft proposal."""
    if not MatchRun.objects.filter(pk=run_id).exists():
        return 0
    return services.run_execute(run_id).matched_count


@shared_task(name="matching.propose_next")
def task_propose_next(*, needs_id: int) -> int | None:
    proposal = services.propose_next(needs_id=needs_id)
    return proposal.pk if proposal else None


@shared_task(name="matching.expire_proposals")
def task_expire_proposals() -> int:
    return services.proposals_expire()
