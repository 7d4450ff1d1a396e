"""Where a pledge stands in its period: upcoming, active, ended or completed.

The one rule, written twice side by side so that they cannot drift apart unnoticed (the tests
compare them over every state and date): `pledge_phase()` for one pledge in Python (its pages,
the admin), `phase_filter()` for a queryset (the Pledge Viewer's status filter, the admin's).

- completed (a coordinator closed it): COMPLETED, whatever its dates;
- approved, before its start date: UPCOMING ("Starts on 15 December 2026");
- approved, from its start date to its end date, both included: ACTIVE;
- approved, after its end date (a coordinator has not completed it yet): ENDED;
- any other state (draft, pending, rejected, withdrawn): no phase, its state is what counts.

Dates are the local dates of settings.TIME_ZONE (timezone.localdate()).
"""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from .enums import PledgePhase, PledgeState


def pledge_phase(
    *, state: str, starts_on: date, ends_on: date, today: date | None = None
) -> PledgePhase | None:
    if state == PledgeState.COMPLETED:
        return PledgePhase.COMPLETED
    if state != PledgeState.APPROVED:
        return None
    today = today or timezone.localdate()
    if today < starts_on:
        return PledgePhase.UPCOMING
    if today > ends_on:
        return PledgePhase.ENDED
    return PledgePhase.ACTIVE


def phase_filter(phase: str, *, today: date | None = None) -> Q:
    """The pledges in `phase` (a PledgePhase value) on `today`, as a filter."""
    today = today or timezone.localdate()
    approved = Q(state=PledgeState.APPROVED)
    return {
        PledgePhase.UPCOMING: approved & Q(starts_on__gt=today),
        PledgePhase.ACTIVE: approved & Q(starts_on__lte=today, ends_on__gte=today),
        PledgePhase.ENDED: approved & Q(ends_on__lt=today),
        PledgePhase.COMPLETED: Q(state=PledgeState.COMPLETED),
    }[PledgePhase(phase)]
