"""A matching run's admin page tells the truth: queued, running (which phase, how far), done or
failed (with the error and the phase it failed in), its time per phase, the weights it used as
a table of named parts, and a link to its proposals. The task commits each phase as it starts,
so the page can show it while the work goes on; a real worker's run ends "Done" on the page.

Why a finished run "still said queued": the page is rendered as the coordinator lands on it,
before a worker has taken the task, and nothing on it ever changed (no update, while the
message promised "Its progress shows here"); a task that could not be queued (broker down) left
its run "queued" for ever. The page now follows the run itself (static script; a "Reload now"
link without script) and a run that cannot be queued is marked failed at once.
"""

import os
import re

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from kombu.exceptions import OperationalError

from matching import pruning, services, solver, tasks
from matching.enums import PART_LABELS, ProposalState, RunPhase, RunStatus
from matching.models import MatchRun, Proposal
from matching.services import runs
from matching.services.runs import NOT_QUEUED_PREFIX
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory
from tests.harness import (
    database_url,
    wait_until,
    worker_on_private_queue,
)
from tests.matching.factories import mentor_for, needs_for

RUNS = "/admin/matching/matchrun/"
SCRIPT = "js/admin-run-progress.js"


def page_of(client, run: MatchRun) -> str:
    response = client.get(f"{RUNS}{run.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def readonly(html: str, field: str) -> str:
    """The text of a read-only field on an admin change page."""
    match = re.search(
        rf'field-{field}\b.*?<div class="readonly">(.*?)</div>\s*</div>', html, re.DOTALL
    )
    assert match, f"no field {field}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def status_line(html: str) -> str:
    match = re.search(r'<p role="status" id="run-state-text">(.*?)</p>', html, re.DOTALL)
    assert match, "no status line"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


# --------------------------------------------------------------------------------------------
# What the page says in each state
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "status", "progress", "follows"),
    [
        ({}, "Queued", "Waiting for a worker to start it.", True),
        (
            {"status": RunStatus.RUNNING, "phase": RunPhase.SCORE, "progress": 30},
            "Running",
            "Step 2 of 4: Scoring the candidate pairs (30% done).",
            True,
        ),
        (
            {"status": RunStatus.RUNNING, "phase": RunPhase.WRITE, "progress": 80},
            "Running",
            "Step 4 of 4: Saving the draft proposals (80% done).",
            True,
        ),
        (
            {"status": RunStatus.DONE, "phase": RunPhase.WRITE, "progress": 100,
             "sme_count": 3, "matched_count": 2},
            "Done",
            "Finished: 2 of 3 SMEs matched.",
            False,
        ),
        (
            {"status": RunStatus.FAILED, "phase": RunPhase.SOLVE, "error": "ValueError: no"},
            "Failed",
            "Failed in step 3 of 4: Assigning mentors to SMEs.",
            False,
        ),
    ],
    ids=["queued", "running-scoring", "running-saving", "done", "failed"],
)  # fmt: skip
def test_run_page_says_the_state_and_follows_only_an_active_run(
    world, client_for, fields, status, progress, follows
):
    run = MatchRun.objects.create(started_by=world.coordinator, **fields)

    html = page_of(client_for("coordinator"), run)

    assert readonly(html, "status") == status
    assert status_line(html) == f"{status} — {progress}"
    assert (SCRIPT in html, 'data-active="true"' in html) == (follows, follows)
    assert 'http-equiv="refresh"' not in html  # axe: a timed refresh is a critical failure


@pytest.mark.django_db
def test_failed_run_page_shows_the_error(world, client_for):
    run = MatchRun.objects.create(
        started_by=world.coordinator,
        status=RunStatus.FAILED,
        phase=RunPhase.LOAD,
        error="OperationalError: <connection lost>",
    )

    html = page_of(client_for("coordinator"), run)

    assert readonly(html, "error") == escape("OperationalError: <connection lost>")
    assert status_line(html) == "Failed — Failed in step 1 of 4: Loading the SMEs and mentors."


@pytest.mark.django_db
def test_unfinished_run_page_has_no_error_field_and_no_drafts_link(world, client_for):
    run = MatchRun.objects.create(started_by=world.coordinator)

    html = page_of(client_for("coordinator"), run)

    assert "field-error" not in html
    assert "field-sme_count" not in html  # no figures (zeros) before they exist
    assert readonly(html, "drafts") == "-"
    assert readonly(html, "weights_table") == "Recorded when the run starts its work."


@pytest.mark.django_db
def test_finished_run_page_has_timings_weights_and_a_link_to_its_drafts(world, client_for):
    mentor_for(world.company)
    mentor_for(CompanyFactory())
    needs_for(world.sme)
    needs_for(world.other_sme)
    run = services.run_execute(MatchRun.objects.create(started_by=world.coordinator).pk)
    client = client_for("coordinator")

    html = page_of(client, run)
    link = re.search(r'field-drafts.*?<a href="([^"]+)">([^<]+)</a>', html, re.DOTALL)
    drafts_page = client.get(link.group(1).replace("&amp;", "&"))

    assert readonly(html, "status") == "Done"
    assert link.group(2) == "2 proposals from this run (2 still drafts)"
    assert link.group(1) == f"/admin/matching/proposal/?run__id__exact={run.pk}"
    assert {p.pk for p in drafts_page.context["cl"].result_list} == {
        p.pk for p in Proposal.objects.filter(run=run)
    }
    timings = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="numeric">', html)
    assert timings[:4] == [phase.label for phase in RunPhase]
    weights = readonly(html, "weights_table")
    for name, label in PART_LABELS.items():
        points = f"{run.weights[name]:.1f}".removesuffix(".0")
        assert f"{label} {points}" in weights
    assert "{" not in weights  # no raw JSON


@pytest.mark.django_db
def test_run_page_is_read_only_even_for_a_superuser(world, client):
    run = MatchRun.objects.create(started_by=world.coordinator, status=RunStatus.DONE)
    admin_client = client
    admin_client.force_login(UserFactory(is_staff=True, is_superuser=True))

    html = admin_client.get(f"{RUNS}{run.pk}/change/").content.decode()
    posted = admin_client.post(f"{RUNS}{run.pk}/change/", {"maximise_matches": "on"})

    assert 'name="_save"' not in html
    assert posted.status_code == 403
    run.refresh_from_db()
    assert run.maximise_matches is False


# --------------------------------------------------------------------------------------------
# The task writes its phase as it goes; failures are recorded
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason="needs PostgreSQL"
)
def test_each_phase_is_committed_while_the_run_works(world, monkeypatch):
    """Another connection (the admin's) sees the phase while the run is inside it."""
    mentor_for(world.company)
    needs_for(world.sme)
    run = MatchRun.objects.create(started_by=world.coordinator)
    seen = []

    def look() -> None:
        with psycopg.connect(database_url()) as other:
            seen.append(
                other.execute(
                    "SELECT status, phase, progress FROM matching_matchrun WHERE id = %s",
                    [run.pk],
                ).fetchone()
            )

    def watched(function):
        def wrapper(*args, **kwargs):
            look()
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(pruning, "candidates", watched(pruning.candidates))
    monkeypatch.setattr(solver, "assign", watched(solver.assign))
    monkeypatch.setattr(runs, "_insert_drafts", watched(runs._insert_drafts))

    services.run_execute(run.pk)

    run.refresh_from_db()
    assert seen == [("running", "score", 30), ("running", "solve", 60), ("running", "write", 80)]
    assert (run.status, run.progress) == (RunStatus.DONE, 100)
    assert list(run.timings) == ["load", "score", "solve", "write"]
    assert run.started_at <= run.finished_at


@pytest.mark.django_db
def test_a_failing_run_records_the_error_and_its_phase(world, monkeypatch):
    needs_for(world.sme)
    mentor_for(world.company)
    run = MatchRun.objects.create(started_by=world.coordinator)

    def broken(*args, **kwargs):
        raise ValueError("the solver gave up")

    monkeypatch.setattr(solver, "assign", broken)
    with pytest.raises(ValueError):
        services.run_execute(run.pk)

    run.refresh_from_db()
    assert (run.status, run.phase, run.error) == (
        RunStatus.FAILED,
        RunPhase.SOLVE,
        "ValueError: the solver gave up",
    )
    assert list(run.timings) == ["load", "score"]
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_a_run_that_cannot_be_queued_is_failed_not_left_queued(
    world, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(**kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.task_run_matching, "delay", broker_down)
    client = client_for("coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{RUNS}add/", {})

    run = MatchRun.objects.get()
    assert response.status_code == 302
    assert run.status == RunStatus.FAILED
    assert run.error.startswith(NOT_QUEUED_PREFIX + "OperationalError")
    assert status_line(page_of(client, run)) == (
        "Failed — Failed before it started: the task could not be queued. Start a new run."
    )


# --------------------------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_run_list_shows_the_phase_of_a_running_run(world, client_for):
    MatchRun.objects.create(
        started_by=world.coordinator, status=RunStatus.RUNNING, phase=RunPhase.LOAD, progress=5
    )

    html = client_for("coordinator").get(RUNS).content.decode()

    assert "Step 1 of 4: Loading the SMEs and mentors (5% done)." in html


@pytest.mark.django_db
def test_run_list_query_count_does_not_grow(world, client_for):
    client = client_for("coordinator")
    needs_for(OrganisationFactory())

    def count_for(n: int) -> int:
        MatchRun.objects.all().delete()
        for i in range(n):
            run = MatchRun.objects.create(
                started_by=world.coordinator, status=RunStatus.DONE, sme_count=2, matched_count=1
            )
            Proposal.objects.create(
                run=run, needs=needs_for(OrganisationFactory()), mentor=mentor_for(world.company),
                score=50 + i, explanation={}, algorithm_version="1.0", state=ProposalState.DRAFT,
            )  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            assert client.get(RUNS).status_code == 200
        return len(queries)

    assert count_for(1) == count_for(25)


# --------------------------------------------------------------------------------------------
# A real worker
# --------------------------------------------------------------------------------------------
BROKER = settings.TEST_CELERY_BROKER_URL
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture
def real_worker(transactional_db, tmp_path):
    """A worker process on a private queue of the real broker; this process publishes to it."""
    with worker_on_private_queue(
        broker_url=BROKER,
        queue=f"skillup-test-runs-{os.getpid()}-{tmp_path.name}",
        log_path=tmp_path / "worker.log",
    ) as worker:
        yield worker


@pytest.mark.services
@pytest.mark.skipif(not BROKER, reason="no Redis configured (CELERY_BROKER_URL unset)")
@pytest.mark.skipif(not ON_POSTGRES, reason="a worker process needs PostgreSQL (DATABASE_URL)")
def test_run_started_in_the_admin_ends_done_on_its_page_with_a_real_worker(
    world, client_for, real_worker
):
    mentor_for(world.company)
    needs_for(world.sme)
    client = client_for("coordinator")

    started = client.post(f"{RUNS}add/", {})
    run = MatchRun.objects.get()
    first = page_of(client, run)  # as the coordinator lands on it: the worker may not have it yet

    def page_says_done() -> str | None:
        html = page_of(client, run)
        return html if readonly(html, "status") == "Done" else None

    try:
        html = wait_until(page_says_done, 30, interval=0.3, message="the run's page to say Done")
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{real_worker.log_text()[-4000:]}") from None
    assert started.status_code == 302
    assert SCRIPT in first or readonly(first, "status") == "Done"  # it follows the run itself
    assert status_line(html) == "Done — Finished: 1 of 1 SME matched."
    assert SCRIPT not in html
    assert "1 proposal from this run (1 still a draft)" in readonly(html, "drafts")
    assert "Task matching.run[" in real_worker.log_text()  # it went through Redis
