"""Pruned candidate generation (pure arrays, no database): on random populations, the pairs that
pruning.candidates keeps without scoring every pair, and the assignment solved from them, are
those of the full generation (every pair scored, each side's best taken by brute force)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import synthetic
from matching.pruning import Candidates, candidates
from matching.scoring import Weights, score_block
from matching.solver import assign

RANK_SCALE = 1000  # scoring.RANK_SCALE, written out: the reference does not borrow the code's


def full_candidates(scores: np.ndarray, per_sme: int, per_mentor: int) -> Candidates:
    """Every pair scored: each row's and each column's best eligible pairs (ties to 0.001 point
    go to the lower index), the union sorted by (sme, mentor)."""
    key = np.rint(scores.astype(np.float32) * np.float32(RANK_SCALE))
    pairs = set()
    for axis, k in ((1, per_sme), (0, per_mentor)):
        matrix, keys = (scores, key) if axis == 1 else (scores.T, key.T)
        for a, (row, row_key) in enumerate(zip(matrix, keys, strict=True)):
            eligible = np.flatnonzero(np.isfinite(row))
            best = eligible[np.lexsort((eligible, -row_key[eligible]))][:k]
            pairs |= {(a, int(b)) if axis == 1 else (int(b), a) for b in best}
    ordered = np.array(sorted(pairs), dtype=np.int32).reshape(-1, 2)
    sme, mentor = ordered[:, 0], ordered[:, 1]
    return Candidates(sme=sme, mentor=mentor, score=scores[sme, mentor].astype(np.float32))


@st.composite
def instances(draw):
    """A synthetic population of up to 160 SMEs x 70 mentors; few skills and languages make
    many equal scores (ties) and many pairs that can never match; random weights."""
    n = draw(st.integers(1, 160))
    m = draw(st.integers(1, 70))
    pop = synthetic.population(
        n,
        m,
        seed=draw(st.integers(0, 2**16)),
        n_skills=draw(st.integers(1, 30)),
        n_languages=draw(st.integers(1, 12)),
        n_sectors=draw(st.integers(1, 21)),
        agreement_rate=draw(st.sampled_from([0.5, 0.95, 1.0])),
        excluding_rate=draw(st.sampled_from([0.0, 0.2, 0.6])),
        declined_rate=draw(st.sampled_from([0.0, 0.05, 0.5])),
    )
    points = draw(st.lists(st.sampled_from([0.0, 1.0, 10.0, 15.0, 60.0]), min_size=4, max_size=4))
    return pop, Weights(*points) if sum(points) > 0 else Weights()


def full_scores(pop, weights: Weights) -> np.ndarray:
    """Every pair's score, as a run computes them: more than 32 rows at once (score_block's
    table of every SME context, not its path for a few SMEs, which may round differently)."""
    rows = np.resize(np.arange(pop.n_smes), max(pop.n_smes, 64))
    return score_block(pop, weights, rows)[: pop.n_smes]


@settings(max_examples=80, deadline=None)
@given(
    instances(),
    st.integers(0, 25),
    st.integers(0, 25),
    st.integers(1, 200),
    st.booleans(),
)
def test_pruned_candidates_give_the_assignment_of_the_full_generation(
    instance, per_sme, per_mentor, block, maximise
):
    pop, weights = instance
    full = full_candidates(full_scores(pop, weights), per_sme, per_mentor)

    pruned = candidates(pop, weights, per_sme=per_sme, per_mentor=per_mentor, block=block)

    np.testing.assert_array_equal(pruned.sme, full.sme)
    np.testing.assert_array_equal(pruned.mentor, full.mentor)
    np.testing.assert_array_equal(pruned.score, full.score)
    solve = {"n_smes": pop.n_smes, "maximise_matches": maximise}
    np.testing.assert_array_equal(
        assign(pruned, pop.mentor_capacity, **solve), assign(full, pop.mentor_capacity, **solve)
    )
