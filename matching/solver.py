"""The assignment of SMEs to mentors: a min-cost flow over the candidate pairs (pure arrays).

The network (OR-Tools `SimpleMinCostFlow`, integer costs)::

    source ──1──▶ SME i ──1, -gain(i,j)──▶ mentor j ──capacity[j]──▶ [company c ──quota[c]──▶] sink
      └──────────────────────── bypass, cost 0 (SMEs left unmatched) ───────────────────────────┘

Each SME receives at most one unit, each mentor passes at most its remaining capacity (and, with
quotas, each company at most its quota), so a flow is an assignment and its cost is minus the total
gain. Plain runs send all supply, the part not worth matching through the bypass. With
``maximise_matches`` there is no bypass and OR-Tools' ``solve_max_flow_with_min_cost`` finds the
maximum flow (most SMEs matched) of minimum cost among those (best total score): exactly
lexicographic, without a big constant that would inflate the cost range.

Costs and determinism. A pair's gain is ``round(score · SCALE) · BIG + tiebreak`` where
``tiebreak = n_mentors - 1 - mentor``, in [0, n_mentors), and ``BIG = n_mentors · (n + 1)`` for n
SMEs with a candidate. The tie-breaks of a whole assignment add up to less than BIG, so an
assignment better in rounded score (by one unit, 1/SCALE point) is always better in cost: the
optimum of the rounded scores is kept, and among equally good assignments the one using
lower-numbered mentors wins. The arcs are also added in a canonical order (sorted by SME, then
mentor), so the same candidates in any order give the same network and the same result. (Should
costs that large risk overflowing OR-Tools' int64 arithmetic, which scales costs by the number of
nodes, the tie-break is dropped and only the canonical order remains.)
"""

from __future__ import annotations

import numpy as np

from matching.pruning import Candidates

SCALE = 1000  # score points → integer gain units (0.001 point)


def _canonical(cands: Candidates, capacity: np.ndarray) -> tuple[np.ndarray, ...]:
    """Usable pairs (finite score, mentor with capacity), sorted by (sme, mentor), unique."""
    sme = np.asarray(cands.sme, dtype=np.int64)
    mentor = np.asarray(cands.mentor, dtype=np.int64)
    score = np.asarray(cands.score, dtype=np.float64)
    ok = np.isfinite(score) & (mentor >= 0) & (mentor < capacity.size) & (sme >= 0)
    ok[ok] &= capacity[mentor[ok]] > 0
    sme, mentor, score = sme[ok], mentor[ok], score[ok]
    increasing = (sme[1:] > sme[:-1]) | ((sme[1:] == sme[:-1]) & (mentor[1:] > mentor[:-1]))
    if increasing.all():  # already sorted and unique, as pruning.candidates gives them
        return sme, mentor, score
    # Sort by (sme, mentor, -score) and keep the best score of any duplicate pair.
    order = np.lexsort((-score, mentor, sme))
    sme, mentor, score = sme[order], mentor[order], score[order]
    first = np.ones(sme.size, bool)
    first[1:] = (sme[1:] != sme[:-1]) | (mentor[1:] != mentor[:-1])
    return sme[first], mentor[first], score[first]


def assign(
    cands: Candidates,
    capacity: np.ndarray,
    *,
    n_smes: int,
    maximise_matches: bool = False,
    mentor_company: np.ndarray | None = None,
    company_quota: np.ndarray | None = None,
) -> np.ndarray:
    """The assignment of maximum total score: an int32 array, each SME's mentor index or -1.

    Each SME gets at most one mentor, mentor j at most capacity[j] SMEs, and with `company_quota`
    the mentors of company c together at most company_quota[c] (mentors of company -1 are not
    counted). With `maximise_matches`, first as many SMEs as possible, then the best total score.
    """
    capacity = np.asarray(capacity, dtype=np.int64)
    n_mentors = capacity.size
    result = np.full(n_smes, -1, dtype=np.int32)
    if company_quota is not None and mentor_company is None:
        raise ValueError("company_quota needs mentor_company.")
    sme, mentor, score = _canonical(cands, capacity)
    if sme.size and sme.max() >= n_smes:
        raise ValueError("A candidate names an SME beyond n_smes.")
    if sme.size == 0:
        return result

    # only SMEs and mentors with a candidate become nodes (sme is sorted: no sort needed)
    smes = sme[np.r_[True, sme[1:] != sme[:-1]]]
    mentors = np.flatnonzero(np.bincount(mentor, minlength=n_mentors))
    quota = None if company_quota is None else np.asarray(company_quota, dtype=np.int64)
    companies = np.zeros(0, np.int64)
    if quota is not None:
        company = np.asarray(mentor_company, dtype=np.int64)[mentors]
        companies = np.unique(company[company >= 0])
        if companies.size and companies.max() >= quota.size:
            raise ValueError("company_quota is shorter than the company indices.")
    source = 0
    sme_node = 1 + np.arange(smes.size)
    mentor_node = 1 + smes.size + np.arange(mentors.size)
    company_node = 1 + smes.size + mentors.size + np.arange(companies.size)
    sink = 1 + smes.size + mentors.size + companies.size

    gain = np.rint(score * SCALE).astype(np.int64)
    big = n_mentors * (smes.size + 1)
    tiebreak = n_mentors - 1 - mentor
    n_nodes = sink + 1
    if (int(np.abs(gain).max()) + 1) * big > 2**62 // (n_nodes + 1):
        big, tiebreak = 1, 0
    pair_cost = -(gain * big + tiebreak)
    # Mentor → sink, or → its company when quotas apply.
    to = np.full(mentors.size, sink, dtype=np.int64)
    if quota is not None:
        company = np.asarray(mentor_company, dtype=np.int64)[mentors]
        has = company >= 0
        to[has] = company_node[np.searchsorted(companies, company[has])]
    tails = [
        np.full(smes.size, source),
        sme_node[np.searchsorted(smes, sme)],
        mentor_node,
        company_node,
    ]
    heads = [
        sme_node,
        mentor_node[np.searchsorted(mentors, mentor)],
        to,
        np.full(companies.size, sink),
    ]
    caps = [
        np.ones(smes.size, np.int64),
        np.ones(sme.size, np.int64),
        capacity[mentors],
        quota[companies] if quota is not None else np.zeros(0, np.int64),
    ]
    costs = [
        np.zeros(smes.size, np.int64),
        pair_cost,
        np.zeros(mentors.size + companies.size, np.int64),
    ]
    if not maximise_matches:
        tails.append(np.array([source]))
        heads.append(np.array([sink]))
        caps.append(np.array([smes.size]))
        costs.append(np.zeros(1, np.int64))

    # imported here: ortools and scipy.optimize weigh ~50 MB, which every web worker and the
    # open-data export would carry for nothing (only a matching run solves)
    from ortools.graph.python import min_cost_flow

    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int32),
        np.concatenate(heads).astype(np.int32),
        np.concatenate(caps).astype(np.int64),
        np.concatenate(costs).astype(np.int64),
    )
    flow.set_node_supply(source, int(smes.size))
    flow.set_node_supply(sink, -int(smes.size))
    status = flow.solve_max_flow_with_min_cost() if maximise_matches else flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"Min-cost flow did not find an optimum (status {status}).")
    first_pair_arc = smes.size
    used = flow.flows(np.arange(first_pair_arc, first_pair_arc + sme.size, dtype=np.int32)) > 0
    result[sme[used]] = mentor[used]
    return result


def total_score(cands: Candidates, assignment: np.ndarray) -> float:
    """The summed score of an assignment's pairs, looked up among the candidates."""
    matched = np.flatnonzero(assignment >= 0)
    keys = np.asarray(cands.sme, np.int64) * (1 << 32) + np.asarray(cands.mentor, np.int64)
    order = np.argsort(keys)
    wanted = matched.astype(np.int64) * (1 << 32) + assignment[matched]
    at = order[np.searchsorted(keys, wanted, sorter=order)]
    return float(np.asarray(cands.score, np.float64)[at].sum())


def exact_optimum(pop_scores_dense: np.ndarray, capacity: np.ndarray) -> float:
    """The best possible total score, for quality checks: a dense assignment over capacity slots.

    Mentor j's column is repeated capacity[j] times; one zero-gain dummy column per SME lets an SME
    stay unmatched; -inf (forbidden) pairs get a negative gain, so a dummy is always better.
    scipy's linear_sum_assignment then maximises. O(n³): only for small instances.
    """
    scores = np.asarray(pop_scores_dense, dtype=np.float64)
    n_smes = scores.shape[0]
    if n_smes == 0:
        return 0.0
    slots = np.repeat(np.arange(scores.shape[1]), np.maximum(np.asarray(capacity, np.int64), 0))
    gain = np.zeros((n_smes, slots.size + n_smes))
    gain[:, : slots.size] = scores[:, slots]
    forbidden = ~np.isfinite(gain)
    gain[forbidden] = -1.0
    from scipy.optimize import linear_sum_assignment  # (imported when used: see assign)

    rows, cols = linear_sum_assignment(gain, maximize=True)
    chosen = gain[rows, cols]
    return float(chosen[(cols < slots.size) & ~forbidden[rows, cols]].sum())


def greedy(cands: Candidates, capacity: np.ndarray, n_smes: int) -> np.ndarray:
    """The baseline: pairs by descending score (ties: lower SME, mentor), taken if both free."""
    left = np.array(capacity, dtype=np.int64)
    sme = np.asarray(cands.sme, np.int64)
    mentor = np.asarray(cands.mentor, np.int64)
    score = np.asarray(cands.score, np.float64)
    ok = np.isfinite(score)
    sme, mentor, score = sme[ok], mentor[ok], score[ok]
    result = np.full(n_smes, -1, dtype=np.int32)
    for k in np.lexsort((mentor, sme, -score)):
        i, j = sme[k], mentor[k]
        if result[i] < 0 and left[j] > 0:
            result[i] = j
            left[j] -= 1
    return result
