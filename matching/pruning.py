"""The candidate pairs of a run: each SME's best mentors and each mentor's best SMEs, pruned
from every scored pair without keeping the whole score matrix (pure arrays, no ORM).

`candidates()` scores a block of SMEs at a time with scoring.score_block and keeps, per row and
per column, only the pairs that can still be among the best; solver.assign then chooses among
them. Ranks use scoring's rank key (scores rounded to 1/RANK_SCALE point), as
scoring.recommend does, so that ties go to the lower index everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scoring import RANK_SCALE, Population, Weights, rank_key, score_block


@dataclass
class Candidates:
    """Eligible pairs, sorted by (sme, mentor), unique."""

    sme: np.ndarray  # int32
    mentor: np.ndarray  # int32
    score: np.ndarray  # float32

    def __len__(self) -> int:
        return int(self.sme.size)


# Score buckets for top-k selection: bucket 0 holds excluded pairs, bucket b ≥ 1 the scores in
# [(b - 1) / Q, b / Q). Counting a block's scores per bucket (np.bincount) gives, for every row, the
# bucket of its k-th best score; only the pairs at or above it are then looked at exactly. (numpy's
# argpartition is slow on rows with many equal scores, which scores on a discrete scale have.)
_Q = 4
_N_BUCKETS = 100 * _Q + 2


def _buckets(scores: np.ndarray) -> np.ndarray:
    """Bucket of each score, from its rank key (so equal keys share a bucket, monotonically)."""
    q = rank_key(scores)
    q *= np.float32(_Q / RANK_SCALE)
    q += np.float32(1.0)
    np.clip(q, 0, _N_BUCKETS - 1, out=q)  # -inf → 0
    return q.astype(np.int16)  # truncation is floor for q ≥ 0


def _bucket_counts(buckets: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """How many scores of each row fall in each bucket (added to `out` if given).

    Counted 128 rows at a time, so that the counters being incremented stay in the CPU cache.
    """
    n = buckets.shape[0]
    if out is None:
        out = np.zeros((n, _N_BUCKETS), np.int32)
    chunk = 128
    offsets = (np.arange(chunk, dtype=np.int64) * _N_BUCKETS)[:, None]
    for start in range(0, n, chunk):
        rows = min(chunk, n - start)
        keys = buckets[start : start + rows] + offsets[:rows]
        out[start : start + rows] += np.bincount(keys.ravel(), minlength=rows * _N_BUCKETS).reshape(
            rows, _N_BUCKETS
        )
    return out


def _thresholds(counts: np.ndarray, k: int) -> np.ndarray:
    """Per row of bucket counts, the bucket of the k-th best eligible score (1 if fewer than k).

    Every score among a row's k best lies in a bucket at or above it.
    """
    at_least = np.cumsum(
        counts[:, :0:-1], axis=1, dtype=np.int32
    )  # scores in buckets ≥ NB-1, NB-2, …, 1
    enough = at_least >= k
    threshold = _N_BUCKETS - 1 - np.argmax(enough, axis=1)
    threshold[~enough[:, -1]] = 1
    return threshold


def _best_per_group(group: np.ndarray, other: np.ndarray, score: np.ndarray, k: int) -> np.ndarray:
    """Indices of each group's k best entries: highest score first, ties to the lower `other`."""
    order = np.lexsort((other, -score, group))
    sorted_group = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
    rank = np.arange(order.size) - np.repeat(starts, np.diff(np.r_[starts, order.size]))
    return order[rank < k]


def candidates(
    pop: Population,
    weights: Weights,
    *,
    per_sme: int = 20,
    per_mentor: int = 20,
    block: int = 1024,
) -> Candidates:
    """Each SME's best `per_sme` mentors and each mentor's best `per_mentor` SMEs (the union).

    Eligible pairs only; ties (equal to 1/RANK_SCALE point) go to the lower index, so the result
    depends on nothing but the inputs (not on `block`). Scores a block of SMEs at a time.

    SMEs: in a block, a histogram of score buckets per SME gives the bucket of its `per_sme`-th
    best mentor; only the pairs at or above it are ranked exactly.
    Mentors: a histogram per mentor over the SMEs seen so far gives the bucket of its
    `per_mentor`-th best SME so far. That bucket only rises from block to block, so a pair below
    it can never be in the final top and is never looked at again; only the counts at or above it
    are needed, and these come from the pairs kept. (Only the first block is counted in full.)
    The kept pairs are ranked exactly at the end.
    """
    pop.validate()
    n, m = pop.n_smes, pop.n_mentors
    per_sme, per_mentor = max(per_sme, 0), max(per_mentor, 0)
    empty = Candidates(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))
    if n == 0 or m == 0 or (per_sme == 0 and per_mentor == 0):
        return empty
    mentor_counts = np.zeros((m, _N_BUCKETS), np.int32)
    mentor_threshold = None
    never = np.full(max(m, block), _N_BUCKETS, np.int64)  # above every bucket: nothing kept
    sme_parts, mentor_parts, score_parts = [], [], []
    pool_sme, pool_mentor, pool_score, pool_bucket = [], [], [], []
    for start in range(0, n, block):
        stop = min(start + block, n)
        scores = score_block(pop, weights, slice(start, stop))
        buckets = _buckets(scores)
        sme_threshold = never[: stop - start]
        if per_sme:
            sme_threshold = _thresholds(_bucket_counts(buckets), per_sme)
        first = per_mentor and mentor_threshold is None
        if first:
            _bucket_counts(np.ascontiguousarray(buckets.T), out=mentor_counts)
            mentor_threshold = _thresholds(mentor_counts, per_mentor)
        keep_threshold = mentor_threshold if per_mentor else never[:m]
        rows, cols = np.nonzero(
            (buckets >= sme_threshold[:, None]) | (buckets >= keep_threshold[None, :])
        )
        picked = scores[rows, cols]
        picked_key = rank_key(picked)
        picked_buckets = buckets[rows, cols]
        mine = picked_buckets >= sme_threshold[rows]
        if per_sme and mine.any():
            best = _best_per_group(rows[mine], cols[mine], picked_key[mine], per_sme)
            sme_parts.append(rows[mine][best] + start)
            mentor_parts.append(cols[mine][best])
            score_parts.append(picked[mine][best])
        if per_mentor:
            theirs = picked_buckets >= keep_threshold[cols]
            pool_sme.append(rows[theirs] + start)
            pool_mentor.append(cols[theirs])
            pool_score.append(picked[theirs])
            pool_bucket.append(picked_buckets[theirs])
            if not first:  # exact counts at and above the threshold, then the new threshold
                keys = cols[theirs] * _N_BUCKETS + picked_buckets[theirs]
                mentor_counts += (
                    np.bincount(keys, minlength=m * _N_BUCKETS)
                    .reshape(m, _N_BUCKETS)
                    .astype(np.int32, copy=False)
                )
                mentor_threshold = _thresholds(mentor_counts, per_mentor)
    if per_mentor:
        pool_mentor_all = np.concatenate(pool_mentor)
        keep = np.concatenate(pool_bucket) >= mentor_threshold[pool_mentor_all]
        sme = np.concatenate(pool_sme)[keep]
        mentor = pool_mentor_all[keep]
        score = np.concatenate(pool_score)[keep]
        best = _best_per_group(mentor, sme, rank_key(score), per_mentor)
        sme_parts.append(sme[best])
        mentor_parts.append(mentor[best])
        score_parts.append(score[best])
    if not sme_parts:
        return empty
    sme = np.concatenate(sme_parts).astype(np.int64)
    mentor = np.concatenate(mentor_parts).astype(np.int64)
    score = np.concatenate(score_parts)
    _, first_seen = np.unique(sme * m + mentor, return_index=True)  # sorted by (sme, mentor)
    return Candidates(
        sme=sme[first_seen].astype(np.int32),
        mentor=mentor[first_seen].astype(np.int32),
        score=score[first_seen].astype(np.float32),
    )
