"""The candidate pairs of a run: each SME's best mentors and each mentor's best SMEs, pruned
from every scored pair without keeping the whole score matrix (pure arrays, no ORM).

`candidates()` scores a block of SMEs at a time with scoring.score_eligible (only the pairs that
could match: no shared language, a full mentor or an agreement not accepted are never scored) and
keeps, per row and per column, only the pairs that can still be among the best; solver.assign
then chooses among them. Ranks use scoring's rank key (scores rounded to 1/RANK_SCALE point), as
scoring.recommend does, so that ties go to the lower index everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scoring import RANK_SCALE, Population, Weights, rank_key, score_eligible


@dataclass
class Candidates:
    """Eligible pairs, sorted by (sme, mentor), unique."""

    sme: np.ndarray  # int32
    mentor: np.ndarray  # int32
    score: np.ndarray  # float32

    def __len__(self) -> int:
        return int(self.sme.size)


# Score buckets for the mentors' top-k: bucket 0 holds excluded pairs, bucket b ≥ 1 the scores in
# [(b - 1) / Q, b / Q). Counting the kept pairs per mentor and bucket gives the bucket of each
# mentor's k-th best SME so far; pairs below it are never looked at again.
_Q = 4
_N_BUCKETS = 100 * _Q + 2


def _buckets(scores: np.ndarray) -> np.ndarray:
    """Bucket of each score, from its rank key (so equal keys share a bucket, monotonically)."""
    q = rank_key(scores)
    q *= np.float32(_Q / RANK_SCALE)
    q += np.float32(1.0)
    np.clip(q, 0, _N_BUCKETS - 1, out=q)  # -inf → 0
    return q.astype(np.int16)  # truncation is floor for q ≥ 0


def _thresholds(counts: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row of bucket counts, the bucket of the k-th best eligible score (1 if fewer than k),
    and whether the row has k scores counted.

    Every score among a row's k best lies in a bucket at or above it.
    """
    at_least = np.cumsum(
        counts[:, :0:-1], axis=1, dtype=np.int32
    )  # scores in buckets ≥ NB-1, NB-2, …, 1
    enough = at_least >= k
    threshold = _N_BUCKETS - 1 - np.argmax(enough, axis=1)
    threshold[~enough[:, -1]] = 1
    return threshold, enough[:, -1]


def _best_per_group(group: np.ndarray, other: np.ndarray, score: np.ndarray, k: int) -> np.ndarray:
    """Indices of each group's k best entries: highest score first, ties to the lower `other`.

    `score` is a rank key (whole numbers ≥ 0). When group, key and other fit in 63 bits
    together, one sort of a combined integer key (much faster than a three-key lexsort).
    """
    order = _combined_order(group, other, score)
    if order is None:
        order = np.lexsort((other, -score, group))
    sorted_group = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
    rank = np.arange(order.size) - np.repeat(starts, np.diff(np.r_[starts, order.size]))
    return order[rank < k]


def _combined_order(group: np.ndarray, other: np.ndarray, key: np.ndarray) -> np.ndarray | None:
    """(the sort order by group, key descending, other) through one int64 key, or None."""
    if group.size == 0:
        return None
    top_key = float(key.max())
    if key.min() < 0 or not np.isfinite(top_key):
        return None
    g_low, o_low = int(group.min()), int(other.min())
    bits_g = int(group.max() - g_low).bit_length()
    bits_o = int(other.max() - o_low).bit_length()
    bits_k = int(top_key).bit_length()
    if bits_g + bits_k + bits_o > 62:
        return None
    combined = (group.astype(np.int64) - g_low) << (bits_k + bits_o)
    combined |= (int(top_key) - key.astype(np.int64)) << bits_o
    combined |= other.astype(np.int64) - o_low
    return np.argsort(combined)  # the keys are distinct: no stability needed


# A rank key K (scores rounded to 1/RANK_SCALE point, in float32) comes from scores within about
# (0.5 + float32 rounding) / RANK_SCALE of K / RANK_SCALE: comparing raw scores with a threshold
# lowered by _MARGIN never drops a pair whose rank key reaches the threshold's.
_MARGIN = np.float32(2.0 / RANK_SCALE)
# A row's threshold is the k-th best of a sample of about this many of its columns per wanted
# pair (a lower bound of its k-th best overall): about this many pairs per wanted one are kept.
_SAMPLE_PER_PAIR = 100


def _bucket_floor() -> np.ndarray:
    """floor[b]: a score below which no pair falls in bucket b or above (b = 0 … _N_BUCKETS)."""
    keys = np.arange(0, 100 * RANK_SCALE + 2, dtype=np.float32)
    buckets = _buckets(keys / np.float32(RANK_SCALE))
    first_key = np.searchsorted(buckets, np.arange(_N_BUCKETS + 1))  # keys are ascending
    floor = (first_key.astype(np.float64) - 0.5) / RANK_SCALE - float(_MARGIN)
    floor[0] = -np.inf
    floor[first_key >= keys.size] = np.inf  # a bucket no score reaches
    return floor.astype(np.float32)


_FLOOR = _bucket_floor()


def _kth_best(scores: np.ndarray, k: int, axis: int) -> np.ndarray:
    """The k-th best score along an axis (-inf where there are fewer than k)."""
    size = scores.shape[axis]
    if k > size:
        return np.full(scores.shape[1 - axis], -np.inf, np.float32)
    return np.partition(scores, size - k, axis=axis).take(size - k, axis=axis)


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
    depends on nothing but the inputs (not on `block`, nor on the order blocks come in).

    Pairs that can never match (no shared language, a full mentor, an agreement not accepted)
    are never scored: scoring.score_eligible gives blocks of SMEs with only the mentors who
    could take them. In a block, nothing is rounded or counted pair by pair; two raw score
    thresholds, lowered by _MARGIN so that ties are kept, pick the pairs ranked exactly:

    - SMEs: the k-th best score of a sample of the row's columns (every few columns) is at most
      its k-th best overall, so the row's best are at or above it;
    - mentors: bucket counts of the pairs kept so far give, per mentor, the bucket of its
      k-th best SME so far (counted pairs are real pairs, so at least k pairs are at or above
      it: nothing below can be in its top). That bucket only rises, so a pair below it is never
      looked at again. A mentor without k counted pairs takes the k-th best of its column in
      the block (the same bound). The kept pairs are ranked exactly at the end.
    """
    pop.validate()
    n, m = pop.n_smes, pop.n_mentors
    per_sme, per_mentor = max(per_sme, 0), max(per_mentor, 0)
    empty = Candidates(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))
    if n == 0 or m == 0 or (per_sme == 0 and per_mentor == 0):
        return empty
    mentor_counts = np.zeros((m, _N_BUCKETS), np.int32) if per_mentor else None
    mentor_floor = np.full(m, np.inf if not per_mentor else -np.inf, np.float32)
    bounded = np.zeros(m, bool)  # k pairs counted: mentor_floor comes from the counts
    sme_parts, mentor_parts, score_parts = [], [], []
    pool_sme, pool_mentor, pool_score, pool_bucket = [], [], [], []
    blocks, dirty = 0, np.zeros(m, bool)  # mentors counted since their floor was last set
    for rows, cols, scores in score_eligible(pop, weights, max(block, 1)):
        n_rows, n_cols = scores.shape
        if per_sme:
            step = max(1, n_cols // (per_sme * _SAMPLE_PER_PAIR))
            sample = scores if step == 1 else scores[:, ::step]
            row_floor = _kth_best(sample, per_sme, axis=1) - _MARGIN
        else:
            row_floor = np.full(n_rows, np.inf, np.float32)
        col_floor = mentor_floor[cols]
        if per_mentor and not bounded[cols].all():
            new = np.flatnonzero(~bounded[cols])
            col_floor[new] = _kth_best(scores[:, new], per_mentor, axis=0) - _MARGIN
        keep = scores >= row_floor[:, None]
        keep |= scores >= col_floor[None, :]
        at = np.flatnonzero(keep)
        del keep
        picked = scores.ravel()[at]
        finite = np.isfinite(picked)
        at, picked = at[finite], picked[finite]
        local_row, local_col = np.divmod(at, n_cols)
        sme = rows[local_row]
        mentor = cols[local_col]
        mine = picked >= row_floor[local_row]
        if per_sme and mine.any():
            best = _best_per_group(sme[mine], mentor[mine], rank_key(picked[mine]), per_sme)
            sme_parts.append(sme[mine][best])
            mentor_parts.append(mentor[mine][best])
            score_parts.append(picked[mine][best])
        if per_mentor:
            theirs = picked >= col_floor[local_col]
            bucket = _buckets(picked[theirs])
            pool_sme.append(sme[theirs])
            pool_mentor.append(mentor[theirs])
            pool_score.append(picked[theirs])
            pool_bucket.append(bucket)
            np.add.at(mentor_counts, (mentor[theirs], bucket), 1)
            blocks += 1
            dirty[mentor[theirs]] = True
            if blocks % 4 and bounded[mentor[theirs]].all():
                continue  # floors a few blocks old are lower, still right: fewer recounts
            touched = np.flatnonzero(dirty)
            dirty[:] = False
            threshold, enough = _thresholds(mentor_counts[touched], per_mentor)
            bounded[touched[enough]] = True
            mentor_floor[touched[enough]] = np.maximum(
                mentor_floor[touched[enough]], _FLOOR[threshold[enough]]
            )
    if per_mentor and pool_mentor:
        pool_mentor_all = np.concatenate(pool_mentor)
        threshold, _enough = _thresholds(mentor_counts, per_mentor)
        keep = np.concatenate(pool_bucket) >= threshold[pool_mentor_all]
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
