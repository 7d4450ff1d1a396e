"""Global matching runs: queue one for a coordinator, then (in a Celery task) load, score, prune,
solve and write the pairs as draft proposals for the coordinators to review.

The maths lives in scoring.py, pruning.py and solver.py (pure); engine.py turns the database into
their arrays; the drafts of earlier runs are removed through proposals.proposals_transition (the
proposal workflow's writer for many rows).
"""

import time

import numpy as np
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError

from .. import engine, pruning, scoring, solver
from ..enums import ProposalState, RunStatus
from ..models import MatchRun, Proposal
from .errors import MSG_NOT_ALLOWED
from .proposals import proposals_transition

CANDIDATES_PER_SME = 20
CANDIDATES_PER_MENTOR = 20


@transaction.atomic
def run_create(*, user: User, maximise_matches: bool = False, respect_quotas: bool = False):
    """Queue a global run (a Celery task does the work once this transaction commits)."""
    # tasks imports this module: imported here, not at the top
    from ..tasks import task_run_matching

    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    run = MatchRun.objects.create(
        started_by=user, maximise_matches=maximise_matches, respect_quotas=respect_quotas
    )
    transaction.on_commit(lambda: task_run_matching.delay(run_id=run.pk), robust=True)
    return run


def _progress(run: MatchRun, value: int) -> None:
    MatchRun.objects.filter(pk=run.pk).update(progress=value)


def run_execute(run_id: int) -> MatchRun:
    """Do a queued run: load, score the candidates, solve the assignment, write the pairs as
    draft proposals (replacing the drafts of earlier runs). Idempotent for a finished run."""
    run = MatchRun.objects.get(pk=run_id)
    if run.status in (RunStatus.DONE, RunStatus.FAILED):
        return run
    started = time.perf_counter()
    MatchRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=5)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    try:
        weights, _row = engine.load_weights()
        loaded = engine.load_population()
        lap("load")
        _progress(run, 30)
        population = loaded.population
        cands = pruning.candidates(
            population, weights, per_sme=CANDIDATES_PER_SME, per_mentor=CANDIDATES_PER_MENTOR
        )
        lap("score")
        _progress(run, 60)
        quota = engine.company_quotas(loaded) if run.respect_quotas else None
        assigned = solver.assign(
            cands,
            population.mentor_capacity,
            n_smes=len(loaded.needs),
            maximise_matches=run.maximise_matches,
            mentor_company=population.mentor_company if quota is not None else None,
            company_quota=quota,
        )
        lap("solve")
        _progress(run, 80)
        scores = []
        with transaction.atomic():
            # the system removes the earlier drafts, on behalf of the coordinator who started
            # this run
            proposals_transition(
                proposals=Proposal.objects.filter(state=ProposalState.DRAFT),
                target=ProposalState.REMOVED,
                actor=None,
            )
            drafts = []
            for i, j in enumerate(assigned.tolist()):
                if j < 0:
                    continue
                explanation = scoring.explain(population, weights, i, j)
                scores.append(explanation["score"])
                drafts.append(
                    Proposal(
                        run=run,
                        needs=loaded.needs[i],
                        mentor=loaded.mentors[j],
                        score=explanation["score"],
                        explanation=engine.stored_explanation(explanation, loaded),
                        algorithm_version=scoring.ALGORITHM_VERSION,
                    )
                )
            Proposal.objects.bulk_create(drafts, batch_size=1000)
            run.status = RunStatus.DONE
            run.progress = 100
            run.algorithm_version = scoring.ALGORITHM_VERSION
            run.weights = engine.weights_dict(weights)
            run.sme_count = len(loaded.needs)
            run.mentor_count = len(loaded.mentors)
            run.matched_count = len(drafts)
            run.mean_score = round(float(np.mean(scores)), 2) if scores else None
            run.min_score = round(float(np.min(scores)), 2) if scores else None
            lap("write")
            run.timings = timings
            run.duration_s = round(time.perf_counter() - started, 3)
            run.finished_at = timezone.now()
            run.save()
    except Exception as exc:  # the run records its failure for the coordinator
        MatchRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
            duration_s=round(time.perf_counter() - started, 3),
        )
        raise
    return run
