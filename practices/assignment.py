"""The automatic assignment of reviewers to a call's practices: a min-cost flow (pure: ids in,
pairs out, no ORM; services/assignment.py loads the call and saves the pairs).

The network (OR-Tools `SimpleMinCostFlow`, integer costs)::

    source ──need(p)──▶ practice p ──1──▶ reviewer r ──1, cost load(r)+1──▶ sink
                                                    ──1, cost load(r)+2──▶ sink
                                                    ...

A practice sends at most what it still needs (`per_practice` minus the reviewers it already
has), to reviewers free of conflict with it who do not hold it yet (one unit each). A reviewer
passes its units to the sink through parallel arcs of capacity 1 whose costs are the load each
unit brings them to: their k-th new practice costs `load + k`, so a reviewer's cost grows like
the square of their final load. `solve_max_flow_with_min_cost` gives:

1. the most assignments possible: every practice gets min(need, reviewers free for it) (reviewers
   have no capacity limit, so the practices do not compete for them);
2. among those, the least sum of squared final loads, i.e. the most even loads. When some
   assignment of that size has loads differing by at most one, every least-squares one does
   (all vectors of a given sum with max - min ≤ 1 have the same squares, smaller than any
   other's), so the loads differ by at most one whenever that is possible.

Existing assignments and reviews are kept (they are the `holders`, counted in the loads and never
sent again): re-running only tops up. Arcs are added in a canonical order (practices, then
reviewers, sorted by id), so the same problem always gives the same pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AssignmentProblem:
    """practices: the ids to give reviewers; reviewers: the ids that may receive them;
    per_practice: reviewers each practice should have; holders: {practice: reviewer ids that
    already hold it (assigned or reviewed)}; loads: {reviewer: practices they already hold in
    the call} (defaults to what `holders` says); conflicts: (practice, reviewer) pairs never
    to make."""

    practices: Iterable[int]
    reviewers: Iterable[int]
    per_practice: int
    holders: Mapping[int, Iterable[int]] = field(default_factory=dict)
    loads: Mapping[int, int] | None = None
    conflicts: Iterable[tuple[int, int]] = ()


@dataclass(frozen=True)
class AssignmentResult:
    pairs: list[tuple[int, int]]  # new (practice, reviewer) assignments, sorted
    lacking: dict[int, int]  # practice → reviewers still missing after this assignment
    loads: dict[int, int]  # reviewer → final load (pool reviewers only)


def assign_reviewers(problem: AssignmentProblem) -> AssignmentResult:
    """The new assignments that top up `problem` (see the module's docstring)."""
    practices = sorted(set(problem.practices))
    reviewers = sorted(set(problem.reviewers))
    holders = {p: set(problem.holders.get(p, ())) for p in practices}
    if problem.loads is None:
        loads = dict.fromkeys(reviewers, 0)
        for held in problem.holders.values():
            for r in held:
                if r in loads:
                    loads[r] += 1
    else:
        loads = {r: int(problem.loads.get(r, 0)) for r in reviewers}
    conflicts = set(problem.conflicts)
    need = {p: max(0, problem.per_practice - len(holders[p])) for p in practices}
    free = {
        p: [r for r in reviewers if r not in holders[p] and (p, r) not in conflicts]
        for p in practices
    }

    pairs: list[tuple[int, int]] = []
    wanted = [p for p in practices if need[p] and free[p]]
    if wanted and reviewers:
        pairs = _solve(wanted, reviewers, need, free, loads)

    given = dict.fromkeys(practices, 0)
    final = dict(loads)
    for p, r in pairs:
        given[p] += 1
        final[r] += 1
    lacking = {p: need[p] - given[p] for p in practices if need[p] > given[p]}
    return AssignmentResult(pairs=sorted(pairs), lacking=lacking, loads=final)


def _solve(practices, reviewers, need, free, loads) -> list[tuple[int, int]]:
    # imported here: ortools weighs ~20 MB that web workers would carry for an admin action
    from ortools.graph.python import min_cost_flow

    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    practice_node = {p: 2 + i for i, p in enumerate(practices)}
    reviewer_node = {r: 2 + len(practices) + i for i, r in enumerate(reviewers)}
    # how many new practices each reviewer could take at most: one unit arc per possible one
    reachable = dict.fromkeys(reviewers, 0)
    arcs: list[tuple[int, int]] = []
    for p in practices:
        flow.add_arc_with_capacity_and_unit_cost(source, practice_node[p], need[p], 0)
        for r in free[p]:
            arc = flow.add_arc_with_capacity_and_unit_cost(practice_node[p], reviewer_node[r], 1, 0)
            arcs.append((arc, p, r))
            reachable[r] += 1
    for r in reviewers:
        for k in range(1, reachable[r] + 1):
            flow.add_arc_with_capacity_and_unit_cost(reviewer_node[r], sink, 1, loads[r] + k)
    total = sum(need[p] for p in practices)
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:  # pragma: no cover - the network is always feasible
        raise RuntimeError(f"reviewer assignment: min-cost flow status {status}")
    return [(p, r) for arc, p, r in arcs if flow.flow(arc) > 0]
