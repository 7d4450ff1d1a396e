"""The newcomer's demo of matchmaking (issue #15): fifteen SMEs with needs, a finished run with
proposals in every state, partnerships active with check-ins, completed ones with both sides'
feedback and the SME's skill-gap change, one ended early. Through the services, once, quickly,
and without sending a single email."""

import io
import time

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from matching.demo import NEEDS
from matching.enums import NeedsStatus, PartnershipState, ProposalState, RunStatus
from matching.models import (
    MatchRun,
    NeedsProfile,
    Partnership,
    Proposal,
    ProposalTransition,
    SelfAssessment,
)
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def test_seed_demo_is_quick_sends_no_email_and_a_second_run_changes_no_table(
    django_capture_on_commit_callbacks,
):
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _seed()
        before_callbacks = _row_counts()
    elapsed = time.perf_counter() - started
    # what runs after the commit (the outbox's wake-ups, the next-best mentor after a decline
    # or an expiry) finds nothing to do
    after_callbacks = _row_counts()

    _seed()

    assert callbacks  # the services did queue their after-commit work
    assert after_callbacks == before_callbacks
    assert _row_counts() == after_callbacks
    assert mail.outbox == []
    assert Notification.objects.count() == 0
    assert elapsed < 60  # measured by hand on SQLite: see the issue note


def test_seed_demo_needs_runs_and_proposals_in_every_state():
    _seed()

    needs = NeedsProfile.objects.filter(organisation__name__in=[row[0] for row in NEEDS])
    assert needs.count() == 15
    assert all(n.gaps.exists() and n.languages and n.challenge for n in needs)
    assert {n.status for n in needs} == {
        NeedsStatus.ACTIVE,
        NeedsStatus.CLOSED,
        NeedsStatus.PAUSED,
    }
    runs = list(MatchRun.objects.order_by("created_at"))
    assert [run.status for run in runs] == [RunStatus.DONE, RunStatus.DONE]
    assert runs[0].created_at < timezone.now() - timezone.timedelta(days=150)
    latest = runs[-1]
    assert latest.matched_count > 0 and latest.finished_at is not None
    assert set(latest.proposals.values_list("state", flat=True)) == set(ProposalState.values)
    # every state change is in the log, none in the future; waiting proposals have not expired
    now = timezone.now()
    for proposal in Proposal.objects.exclude(state=ProposalState.DRAFT):
        assert proposal.transitions.exists()
    assert not ProposalTransition.objects.filter(created_at__gt=now).exists()
    assert all(p.expires_at > now for p in Proposal.objects.filter(state=ProposalState.PROPOSED))


def test_seed_demo_partnerships_have_check_ins_feedback_and_outcomes():
    _seed()

    active = Partnership.objects.filter(state=PartnershipState.ACTIVE)
    assert sum(p.check_ins.count() >= 3 for p in active) >= 3
    assert all(p.check_ins.filter(date__gt=timezone.localdate()).count() == 0 for p in active)
    completed = Partnership.objects.filter(state=PartnershipState.COMPLETED)
    assert completed.count() >= 4
    both_sides = [p for p in completed if sorted(p.feedback.values_list("side", flat=True))
                  == ["mentor", "sme"]]  # fmt: skip
    assert len(both_sides) >= 3
    for partnership in completed:
        start = SelfAssessment.objects.get(partnership=partnership, moment="start")
        end = SelfAssessment.objects.get(partnership=partnership, moment="end")
        assert len(end.gaps) < len(start.gaps)  # a gap closed
        assert end.maturity != start.maturity
        assert partnership.ended_at > partnership.started_at
    ended_early = Partnership.objects.get(state=PartnershipState.ENDED_EARLY)
    assert ended_early.end_reason and ended_early.transitions.exists()
    # the demo log-ins see something: Camille's SME works with Sofia, Lena's waits for an answer
    assert active.filter(
        needs__organisation__name="Atelier Lumière SARL",
        mentor__user__email="mentor@demo.skillup.eu",
    ).exists()
    assert Proposal.objects.filter(
        state=ProposalState.PROPOSED,
        needs__organisation__name="Brandt & Söhne Logistik GmbH",
        mentor__user__email="mentor@demo.skillup.eu",
    ).exists()
