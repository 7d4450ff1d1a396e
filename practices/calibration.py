"""Reviewer calibration: an average that corrects for reviewers who score harshly or leniently.

Pure functions (numbers in, numbers out, no ORM), so the arithmetic is tested without a
database.

For each call:
1. each review's score becomes a z-score among the scores that reviewer gave in the call
   ((score - reviewer's mean) / reviewer's standard deviation). A reviewer with one review, or
   who gave every submission the same score, tells us nothing about the ranking: their z is 0,
   i.e. their review counts as "average";
2. each z is mapped back onto the scale of all the call's scores (pooled mean + z * pooled
   standard deviation), so a calibrated score reads like a raw one (around 1 to 5);
3. a practice's calibrated score is the mean of its reviews' mapped scores.

Standard deviations are population ones (divide by n): a reviewer's scores are all their
scores, not a sample.

A reviewer's mean and spread only need three numbers (how many scores, their sum, the sum of
their squares), which the database adds up: the admin fetches those per reviewer and the
reviews of the practices on its page, never every review of a call (a large call has hundreds
of thousands).
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from math import fsum, sqrt
from typing import NamedTuple

# Scores are rubric averages in steps of 0.25: a real variance is at least 0.0625 / n. Below
# this, a variance computed from sums is rounding noise (every score was the same).
NOISE_VARIANCE = 1e-9


class ScoredReview(NamedTuple):
    reviewer: Hashable
    practice: Hashable
    score: float


class ScoreSums(NamedTuple):
    """What a reviewer's scores add up to (enough for their mean and spread)."""

    count: int
    total: float
    total_of_squares: float

    @property
    def mean(self) -> float:
        return float(self.total) / self.count

    @property
    def spread(self) -> float:
        """Population standard deviation (0 for one score or identical scores)."""
        variance = float(self.total_of_squares) / self.count - self.mean**2
        return sqrt(variance) if variance > NOISE_VARIANCE else 0.0


def score_sums(scores: Iterable[float]) -> ScoreSums:
    scores = [float(score) for score in scores]
    return ScoreSums(len(scores), fsum(scores), fsum(s * s for s in scores))


def pooled(sums: Iterable[ScoreSums]) -> ScoreSums:
    """The sums of several reviewers together (the whole call)."""
    sums = list(sums)
    return ScoreSums(
        sum(s.count for s in sums),
        fsum(float(s.total) for s in sums),
        fsum(float(s.total_of_squares) for s in sums),
    )


def z_score(score: float, sums: ScoreSums) -> float:
    """`score` among its reviewer's scores; 0 when they tell nothing (no spread)."""
    spread = sums.spread
    return 0.0 if spread == 0 else (float(score) - sums.mean) / spread


def calibrate(
    sums_by_reviewer: dict[Hashable, ScoreSums], reviews: Iterable[tuple[Hashable, Hashable, float]]
) -> dict:
    """{practice: calibrated score} for `reviews` (reviewer, practice, score) of ONE call,
    given the score sums of every reviewer of that call (all their reviews in the call, not
    only those in `reviews`)."""
    reviews = [ScoredReview(*review) for review in reviews]
    if not reviews:
        return {}
    call = pooled(sums_by_reviewer.values())
    mapped: dict[Hashable, list[float]] = defaultdict(list)
    for review in reviews:
        z = z_score(review.score, sums_by_reviewer[review.reviewer])
        mapped[review.practice].append(call.mean + z * call.spread)
    return {practice: fsum(values) / len(values) for practice, values in mapped.items()}


def calibrated_scores(reviews: Iterable[tuple[Hashable, Hashable, float]]) -> dict:
    """{practice: calibrated score} for ALL the reviews of one call, given as
    (reviewer, practice, score) triples. Practices without reviews are absent."""
    reviews = [ScoredReview(*review) for review in reviews]
    scores: dict[Hashable, list[float]] = defaultdict(list)
    for review in reviews:
        scores[review.reviewer].append(review.score)
    return calibrate({r: score_sums(s) for r, s in scores.items()}, reviews)


def calibrated_scores_by_call(
    sums: dict[tuple[Hashable, Hashable], ScoreSums],
    reviews: Iterable[tuple[Hashable, Hashable, Hashable, float]],
) -> dict:
    """{practice: calibrated score} for `reviews` given as (call, reviewer, practice, score),
    with `sums` keyed by (call, reviewer): each call is calibrated on its own (reviewers'
    habits are compared within a call)."""
    sums_per_call: dict[Hashable, dict] = defaultdict(dict)
    for (call, reviewer), reviewer_sums in sums.items():
        sums_per_call[call][reviewer] = reviewer_sums
    reviews_per_call: dict[Hashable, list[tuple]] = defaultdict(list)
    for call, reviewer, practice, score in reviews:
        reviews_per_call[call].append((reviewer, practice, score))
    result: dict = {}
    for call, call_reviews in reviews_per_call.items():
        result.update(calibrate(sums_per_call[call], call_reviews))
    return result
