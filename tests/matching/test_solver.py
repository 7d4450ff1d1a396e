"""The assignment solver (pure arrays, no database): constraints, optimality against an exact dense
assignment (property-based), matching as many SMEs as possible, company quotas, determinism."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linear_sum_assignment

from matching import synthetic
from matching.pruning import Candidates, candidates
from matching.scoring import Weights, score_block
from matching.solver import assign, exact_optimum, greedy, total_score

FEW_EXAMPLES = settings(max_examples=60, deadline=None)


def all_pairs(scores: np.ndarray) -> Candidates:
    """Every eligible pair of a dense score matrix as candidates, sorted by (sme, mentor)."""
    sme, mentor = np.nonzero(np.isfinite(scores))
    return Candidates(
        sme=sme.astype(np.int32),
        mentor=mentor.astype(np.int32),
        score=scores[sme, mentor].astype(np.float32),
    )


def dense_total(scores: np.ndarray, assignment: np.ndarray) -> float:
    matched = np.flatnonzero(assignment >= 0)
    return float(scores[matched, assignment[matched]].astype(np.float64).sum())


def check_feasible(scores: np.ndarray, capacity: np.ndarray, assignment: np.ndarray) -> None:
    """Each SME at most once (by construction), no capacity exceeded, no excluded pair."""
    assert assignment.dtype == np.int32
    assert assignment.shape == (scores.shape[0],)
    matched = np.flatnonzero(assignment >= 0)
    assert np.isfinite(scores[matched, assignment[matched]]).all()
    load = np.bincount(assignment[matched], minlength=capacity.size)
    assert (load <= capacity).all()


@st.composite
def instances(draw):
    """Up to 12 SMEs x 8 mentors, capacities 0-3, scores on 0-100 with some excluded (-inf)."""
    n = draw(st.integers(1, 12))
    m = draw(st.integers(1, 8))
    # Scores on a coarse grid too, so that ties are common.
    values = st.one_of(st.floats(0, 100, width=32), st.sampled_from([0.0, 25.0, 50.0, 75.0, 100.0]))
    scores = draw(arrays(np.float32, (n, m), elements=values))
    excluded = draw(arrays(np.bool_, (n, m), elements=st.booleans()))
    scores[excluded & draw(st.booleans())] = -np.inf
    capacity = draw(arrays(np.int64, m, elements=st.integers(0, 3)))
    return scores, capacity


@FEW_EXAMPLES
@given(instances())
def test_assign_equals_the_exact_optimum(instance):
    scores, capacity = instance
    n = scores.shape[0]

    assignment = assign(all_pairs(scores), capacity, n_smes=n)

    check_feasible(scores, capacity, assignment)
    # Gains are rounded to 0.001 point: at most 0.0005 lost per matched SME.
    assert dense_total(scores, assignment) == pytest.approx(
        exact_optimum(scores, capacity), abs=1e-3 * n + 1e-6
    )


def max_matches(scores: np.ndarray, capacity: np.ndarray) -> int:
    slots = np.repeat(np.arange(scores.shape[1]), capacity)
    allowed = np.isfinite(scores[:, slots]).astype(float)
    rows, cols = linear_sum_assignment(allowed, maximize=True)
    return int(allowed[rows, cols].sum())


@FEW_EXAMPLES
@given(instances())
def test_maximise_matches_matches_most_smes_then_best_score(instance):
    scores, capacity = instance
    n = scores.shape[0]
    cands = all_pairs(scores)

    plain = assign(cands, capacity, n_smes=n)
    most = assign(cands, capacity, n_smes=n, maximise_matches=True)

    check_feasible(scores, capacity, most)
    assert (most >= 0).sum() == max_matches(scores, capacity) >= (plain >= 0).sum()
    # Best score among the assignments of that size: each pair worth a big bonus (exactly).
    bonus = 1e6
    wide = scores.astype(np.float64)
    best = exact_optimum(np.where(np.isfinite(wide), wide + bonus, -np.inf), capacity)
    assert dense_total(scores, most) == pytest.approx(
        best - bonus * (most >= 0).sum(), abs=1e-3 * n + 1e-3
    )


@FEW_EXAMPLES
@given(instances(), st.data())
def test_company_quota_is_respected(instance, data):
    scores, capacity = instance
    n, m = scores.shape
    company = data.draw(arrays(np.int64, m, elements=st.integers(-1, 2)))
    quota = data.draw(arrays(np.int64, 3, elements=st.integers(0, 3)))

    assignment = assign(
        all_pairs(scores), capacity, n_smes=n, mentor_company=company, company_quota=quota
    )

    check_feasible(scores, capacity, assignment)
    matched = assignment[assignment >= 0]
    per_company = np.bincount(company[matched][company[matched] >= 0], minlength=3)
    assert (per_company <= quota).all()
    assert dense_total(scores, assignment) <= exact_optimum(scores, capacity) + 1e-3 * n


@FEW_EXAMPLES
@given(instances(), st.randoms(use_true_random=False))
def test_same_result_whatever_the_candidate_order(instance, random):
    scores, capacity = instance
    cands = all_pairs(scores)
    order = np.arange(len(cands))
    random.shuffle(order)
    shuffled = Candidates(cands.sme[order], cands.mentor[order], cands.score[order])

    first = assign(cands, capacity, n_smes=scores.shape[0])
    again = assign(shuffled, capacity, n_smes=scores.shape[0])

    np.testing.assert_array_equal(first, again)


def test_assign_beats_greedy_where_greedy_blocks_a_mentor():
    # SME 0 takes mentor 0 greedily (10), leaving SME 1 (who can only have mentor 0) unmatched.
    scores = np.array([[10.0, 9.0], [9.0, -np.inf]], dtype=np.float32)
    capacity = np.array([1, 1])
    cands = all_pairs(scores)

    best = assign(cands, capacity, n_smes=2)
    baseline = greedy(cands, capacity, 2)

    assert best.tolist() == [1, 0]
    assert baseline.tolist() == [0, -1]
    assert exact_optimum(scores, capacity) == pytest.approx(18.0)
    assert total_score(cands, best) == pytest.approx(18.0)
    assert total_score(cands, baseline) == pytest.approx(10.0)


def test_ties_go_to_the_lower_mentor_index():
    scores = np.full((2, 4), 50.0, dtype=np.float32)
    cands = all_pairs(scores)
    backwards = Candidates(cands.sme[::-1], cands.mentor[::-1], cands.score[::-1])

    assignment = assign(backwards, np.ones(4, int), n_smes=2)

    assert sorted(assignment.tolist()) == [0, 1]


def test_excluded_pairs_and_full_mentors_are_never_used():
    # SME 0's best pair is excluded (-inf) and its next (90) is with a full mentor; mentor 2's one
    # slot goes to SME 1 (20 rather than 10).
    cands = Candidates(
        sme=np.array([0, 0, 0, 1], np.int32),
        mentor=np.array([0, 1, 2, 2], np.int32),
        score=np.array([-np.inf, 90.0, 10.0, 20.0], np.float32),
    )
    capacity = np.array([3, 0, 1])

    assignment = assign(cands, capacity, n_smes=3)
    baseline = greedy(cands, capacity, 3)

    assert assignment.tolist() == [-1, 2, -1]
    assert baseline.tolist() == [-1, 2, -1]


def test_plain_run_leaves_an_sme_unmatched_when_that_scores_more():
    # One mentor slot: SME 0 (80) rather than SME 1 (30).
    scores = np.array([[80.0], [30.0]], dtype=np.float32)

    assignment = assign(all_pairs(scores), np.array([1]), n_smes=2)

    assert assignment.tolist() == [0, -1]


def test_maximise_matches_trades_score_for_one_more_match():
    # Plain: SME 0 → mentor 0 (100) is best alone. Most matches: SME 0 → 1 (10), SME 1 → 0 (10).
    scores = np.array([[100.0, 10.0], [10.0, -np.inf]], dtype=np.float32)
    capacity = np.array([1, 1])

    plain = assign(all_pairs(scores), capacity, n_smes=2)
    most = assign(all_pairs(scores), capacity, n_smes=2, maximise_matches=True)

    assert plain.tolist() == [0, -1]
    assert most.tolist() == [1, 0]


def test_company_quota_moves_an_sme_to_another_company():
    # Mentors 0 and 1 belong to company 0 (quota 1), mentor 2 to company 1.
    scores = np.array([[90.0, 10.0, 50.0], [10.0, 80.0, 40.0]], dtype=np.float32)
    capacity = np.array([1, 1, 1])
    company = np.array([0, 0, 1])

    free = assign(all_pairs(scores), capacity, n_smes=2, mentor_company=company)
    limited = assign(
        all_pairs(scores),
        capacity,
        n_smes=2,
        mentor_company=company,
        company_quota=np.array([1, 5]),
    )

    assert free.tolist() == [0, 1]
    assert limited.tolist() == [0, 2]


def test_company_quota_without_companies_is_an_error():
    with pytest.raises(ValueError):
        assign(all_pairs(np.ones((1, 1))), np.array([1]), n_smes=1, company_quota=np.array([1]))


def test_no_candidates_means_no_matches():
    empty = Candidates(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))

    assert assign(empty, np.array([2]), n_smes=3).tolist() == [-1, -1, -1]
    assert greedy(empty, np.array([2]), 3).tolist() == [-1, -1, -1]


def test_on_a_synthetic_population_candidates_reach_the_optimum_and_beat_greedy():
    pop = synthetic.population(150, 50, seed=2)
    weights = Weights()
    scores = score_block(pop, weights, slice(None))
    cands = candidates(pop, weights, per_sme=10, per_mentor=10)

    assignment = assign(cands, pop.mentor_capacity, n_smes=pop.n_smes)
    baseline = greedy(cands, pop.mentor_capacity, pop.n_smes)

    check_feasible(scores, pop.mentor_capacity, assignment)
    optimum = exact_optimum(scores, pop.mentor_capacity)
    assert total_score(cands, assignment) >= 0.999 * optimum
    assert total_score(cands, assignment) >= total_score(cands, baseline)
