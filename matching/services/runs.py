"""Global matching runs: queue one for a coordinator, then (in a Celery task) load, score, prune,
solve and write the pairs as draft proposals for the coordinators to review.

The maths lives in scoring.py, pruning.py and solver.py (pure); engine.py turns the database into
their arrays; the drafts of earlier runs are removed through proposals.proposals_transition (the
proposal workflow's writer for many rows).
"""

import time

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError

from .. import engine, pruning, scoring, solver
from ..enums import ProposalState, RunPhase, RunStatus
from ..models import MatchRun, Proposal
from .errors import MSG_NOT_ALLOWED
from .proposals import proposals_transition

CANDIDATES_PER_SME = 20
CANDIDATES_PER_MENTOR = 20


@transaction.atomic
def run_create(*, user: User, maximise_matches: bool = False, respect_quotas: bool = False):
    """Queue a global run: the row (queued), then, once this transaction commits, the Celery
    task that does the work. If the task cannot be queued (broker down), the run is marked
    failed at once rather than left "queued" for ever."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    run = MatchRun.objects.create(
        started_by=user, maximise_matches=maximise_matches, respect_quotas=respect_quotas
    )
    transaction.on_commit(lambda: _queue(run.pk), robust=True)
    return run


def _queue(run_id: int) -> None:
    # tasks imports this module: imported here, not at the top
    from ..tasks import task_run_matching

    try:
        task_run_matching.delay(run_id=run_id)
    except Exception as exc:  # the broker refused or is down: nobody will ever pick it up
        MatchRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.FAILED,
            error=f"{NOT_QUEUED_PREFIX}{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise


# A failed run's error starts with this when the task never reached a worker.
NOT_QUEUED_PREFIX = "not queued: "

# Where each phase starts, in per cent of the whole run (the shares measured by
# benchmarks/matching_db.py, rounded): loading, scoring, assigning, saving.
PHASE_START = {RunPhase.LOAD: 5, RunPhase.SCORE: 30, RunPhase.SOLVE: 60, RunPhase.WRITE: 80}


def _enter_phase(run: MatchRun, phase: RunPhase) -> None:
    """Record the phase now starting, committed at once (its own short transaction: one UPDATE
    of one row), so the admin shows it while the work goes on. Call outside any transaction."""
    with transaction.atomic():
        MatchRun.objects.filter(pk=run.pk).update(phase=phase, progress=PHASE_START[phase])


def run_execute(run_id: int) -> MatchRun:
    """Do a queued run, outside any transaction (each phase's start is committed as it begins,
    for the admin to show):

    1. mark it running (started_at), then for each phase record it (phase, progress);
    2. load the population, score the candidate pairs, solve the assignment;
    3. in one transaction: remove the drafts of earlier runs, write the pairs as draft
       proposals, and save the run as done with its figures and time per phase;
    4. on any error, save the run as failed with the error and the phase it failed in (then
       re-raise, for the task's log).

    Idempotent for a finished run (a redelivered task does nothing)."""
    run = MatchRun.objects.get(pk=run_id)
    if run.status in (RunStatus.DONE, RunStatus.FAILED):
        return run
    started = time.perf_counter()
    run.started_at = timezone.now()
    MatchRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=run.started_at)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    try:
        _enter_phase(run, RunPhase.LOAD)
        weights, _row = engine.load_weights()
        loaded = engine.load_population()
        lap(RunPhase.LOAD)
        _enter_phase(run, RunPhase.SCORE)
        population = loaded.population
        cands = pruning.candidates(
            population, weights, per_sme=CANDIDATES_PER_SME, per_mentor=CANDIDATES_PER_MENTOR
        )
        lap(RunPhase.SCORE)
        _enter_phase(run, RunPhase.SOLVE)
        quota = engine.company_quotas(loaded) if run.respect_quotas else None
        assigned = solver.assign(
            cands,
            population.mentor_capacity,
            n_smes=len(loaded.needs_ids),
            maximise_matches=run.maximise_matches,
            mentor_company=population.mentor_company if quota is not None else None,
            company_quota=quota,
        )
        lap(RunPhase.SOLVE)
        _enter_phase(run, RunPhase.WRITE)
        pairs = [(i, j) for i, j in enumerate(assigned.tolist()) if j >= 0]
        explanations = scoring.explain_pairs(population, weights, pairs)  # before the lock
        scores = [explanation["score"] for explanation in explanations]
        drafts = [  # (needs id, mentor id, score, explanation)
            (
                loaded.needs_ids[i],
                loaded.mentor_ids[j],
                explanation["score"],
                engine.stored_explanation(explanation, loaded),
            )
            for (i, j), explanation in zip(pairs, explanations, strict=True)
        ]
        with transaction.atomic():
            # the system removes the earlier drafts, on behalf of the coordinator who started
            # this run
            proposals_transition(
                proposals=Proposal.objects.filter(state=ProposalState.DRAFT),
                target=ProposalState.REMOVED,
                actor=None,
            )
            _insert_drafts(run, drafts)
            run.status = RunStatus.DONE
            run.phase = RunPhase.WRITE
            run.progress = 100
            run.algorithm_version = scoring.ALGORITHM_VERSION
            run.weights = engine.weights_dict(weights)
            run.sme_count = len(loaded.needs_ids)
            run.mentor_count = len(loaded.mentor_ids)
            run.matched_count = len(drafts)
            run.mean_score = round(float(np.mean(scores)), 2) if scores else None
            run.min_score = round(float(np.min(scores)), 2) if scores else None
            lap(RunPhase.WRITE)
            run.timings = timings
            run.duration_s = round(time.perf_counter() - started, 3)
            run.finished_at = timezone.now()
            run.save(update_fields=RESULT_FIELDS)
    except Exception as exc:  # the run records its failure for the coordinator
        MatchRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            timings=timings,
            finished_at=timezone.now(),
            duration_s=round(time.perf_counter() - started, 3),
        )
        raise
    return run


def _insert_drafts(run: MatchRun, drafts: list[tuple[int, int, float, dict]]) -> None:
    """Write the run's pairs as draft proposals, in bulk.

    On PostgreSQL one COPY: bulk_create's UNNEST of 10,000 explanations as a text array escapes
    every quote of every JSON text in Python (most of a run's write phase). Every other column
    takes the value a new Proposal would have (its defaults, the run, the algorithm version),
    so the rows are those bulk_create would write. Elsewhere (SQLite), bulk_create.
    """
    template = Proposal(
        run=run, needs_id=0, mentor_id=0, score=0.0, algorithm_version=scoring.ALGORITHM_VERSION
    )
    if connection.vendor != "postgresql":
        Proposal.objects.bulk_create(
            [
                Proposal(
                    run=run,
                    needs_id=needs_id,
                    mentor_id=mentor_id,
                    score=score,
                    explanation=explanation,
                    algorithm_version=scoring.ALGORITHM_VERSION,
                    created_at=template.created_at,
                )
                for needs_id, mentor_id, score, explanation in drafts
            ],
            batch_size=1000,
        )
        return
    fields = [f for f in Proposal._meta.concrete_fields if not f.primary_key]
    varying = {"needs_id": 0, "mentor_id": 1, "score": 2, "explanation": 3}
    constant = {
        f.attname: f.get_db_prep_save(getattr(template, f.attname), connection)
        for f in fields
        if f.attname not in varying
    }
    explanation_field = Proposal._meta.get_field("explanation")
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(Proposal._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for draft in drafts:
            row = dict(constant)
            row["needs_id"], row["mentor_id"], row["score"] = draft[0], draft[1], draft[2]
            row["explanation"] = explanation_field.get_db_prep_save(draft[3], connection)
            copy.write_row([row[f.attname] for f in fields])


# What a finished run saves (the phase and progress were committed as it went).
RESULT_FIELDS = [
    "status",
    "phase",
    "progress",
    "algorithm_version",
    "weights",
    "sme_count",
    "mentor_count",
    "matched_count",
    "mean_score",
    "min_score",
    "timings",
    "duration_s",
    "finished_at",
]
