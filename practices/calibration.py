"""Reviewer calibration: an average that corrects for reviewers who score harshly or leniently.

Pure functions (numbers in, numbers out, no ORM), so the admin and the CSV export load the
reviews once and the arithmetic is tested without a database.

For each call:
1. each review's score becomes a z-score among the scores that reviewer gave
   ((score - reviewer's mean) / reviewer's standard deviation). A reviewer with one review, or
   who gave every submission the same score, tells us nothing about the ranking: their z is 0,
   i.e. their review counts as "average";
2. each z is mapped back onto the scale of all the call's scores (pooled mean + z * pooled
   standard deviation), so a calibrated score reads like a raw one (around 1 to 5);
3. a practice's calibrated score is the mean of its reviews' mapped scores.

Standard deviations are population ones (divide by n): a reviewer's scores are all their
scores, not a sample.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from math import fsum, sqrt
from typing import NamedTuple


class ScoredReview(NamedTuple):
    reviewer: Hashable
    practice: Hashable
    score: float


def _mean_and_spread(values: list[float]) -> tuple[float, float]:
    mean = fsum(values) / len(values)
    spread = sqrt(fsum((v - mean) ** 2 for v in values) / len(values))
    return mean, spread


def z_scores(reviews: Iterable[ScoredReview]) -> list[float]:
    """Each review's score as a z-score among its reviewer's scores (0 when the reviewer gave
    one score or the same score every time), in the order given."""
    reviews = list(reviews)
    by_reviewer: dict[Hashable, list[float]] = defaultdict(list)
    for review in reviews:
        by_reviewer[review.reviewer].append(float(review.score))
    stats = {reviewer: _mean_and_spread(scores) for reviewer, scores in by_reviewer.items()}
    result = []
    for review in reviews:
        mean, spread = stats[review.reviewer]
        # an exact zero spread only: equal floats give exactly 0.0
        result.append(0.0 if spread == 0 else (float(review.score) - mean) / spread)
    return result


def calibrated_scores(reviews: Iterable[tuple[Hashable, Hashable, float]]) -> dict:
    """{practice: calibrated score} for the reviews of ONE call, given as
    (reviewer, practice, score) triples. Practices without reviews are absent."""
    reviews = [ScoredReview(*review) for review in reviews]
    if not reviews:
        return {}
    pooled_mean, pooled_spread = _mean_and_spread([float(r.score) for r in reviews])
    mapped: dict[Hashable, list[float]] = defaultdict(list)
    for review, z in zip(reviews, z_scores(reviews), strict=True):
        mapped[review.practice].append(pooled_mean + z * pooled_spread)
    return {practice: fsum(values) / len(values) for practice, values in mapped.items()}


def calibrated_scores_by_call(
    reviews: Iterable[tuple[Hashable, Hashable, Hashable, float]],
) -> dict:
    """{practice: calibrated score} for reviews given as (call, reviewer, practice, score):
    each call is calibrated on its own (reviewers' habits are compared within a call)."""
    per_call: dict[Hashable, list[tuple]] = defaultdict(list)
    for call, reviewer, practice, score in reviews:
        per_call[call].append((reviewer, practice, score))
    result: dict = {}
    for call_reviews in per_call.values():
        result.update(calibrated_scores(call_reviews))
    return result
