"""Reviewer calibration (pure arithmetic, no database): hand-computed examples."""

from decimal import Decimal
from math import sqrt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practices.calibration import (
    ScoreSums,
    calibrate,
    calibrated_scores,
    calibrated_scores_by_call,
    score_sums,
    z_score,
)


def test_calibrated_scores_harsh_and_lenient_reviewers_agree_on_the_order():
    # A is harsh (2, 1), B lenient (5, 4): both prefer p1 by one point.
    # Each reviewer: mean ± 0.5, so z = +1 for p1 and -1 for p2.
    # Pooled: scores 2, 1, 5, 4 → mean 3, variance (1 + 4 + 4 + 1) / 4 = 2.5.
    reviews = [("A", "p1", 2), ("A", "p2", 1), ("B", "p1", 5), ("B", "p2", 4)]

    result = calibrated_scores(reviews)

    assert result == pytest.approx({"p1": 3 + sqrt(2.5), "p2": 3 - sqrt(2.5)})


def test_calibrated_scores_a_harsh_reviewers_best_equals_a_lenient_reviewers_best():
    # A (harsh) gives 3 and 1: mean 2, spread 1. B (lenient) gives 5 and 3: mean 4, spread 1.
    # Raw, A's favourite p1 (3) ties with B's least favourite p4 (3); calibrated, p1 ties with
    # B's favourite p3. Pooled: 3, 1, 5, 3 → mean 3, variance (0 + 4 + 4 + 0) / 4 = 2.
    reviews = [("A", "p1", 3), ("A", "p2", 1), ("B", "p3", 5), ("B", "p4", 3)]

    result = calibrated_scores(reviews)

    high, low = 3 + sqrt(2), 3 - sqrt(2)
    assert result == pytest.approx({"p1": high, "p2": low, "p3": high, "p4": low})


def test_calibrated_scores_reviewer_with_one_review_counts_as_average():
    # C gave one review: z = 0, so p5 lands on the pooled mean.
    # Pooled: 3, 1, 5 → mean 3, variance (0 + 4 + 4) / 3 = 8/3. A: mean 2, spread 1.
    reviews = [("A", "p1", 3), ("A", "p2", 1), ("C", "p5", 5)]

    result = calibrated_scores(reviews)

    assert result == pytest.approx({"p1": 3 + sqrt(8 / 3), "p2": 3 - sqrt(8 / 3), "p5": 3})


def test_calibrated_scores_reviewer_with_zero_spread_counts_as_average():
    # D gives 4 to both: z = 0 for both. Pooled: 3, 1, 4, 4 → mean 3, variance 6/4 = 1.5.
    reviews = [("A", "p1", 3), ("A", "p2", 1), ("D", "p1", 4), ("D", "p2", 4)]

    result = calibrated_scores(reviews)

    # p1: mean of (3 + sqrt(1.5)) and 3; p2: mean of (3 - sqrt(1.5)) and 3
    assert result == pytest.approx({"p1": 3 + sqrt(1.5) / 2, "p2": 3 - sqrt(1.5) / 2})


def test_calibrated_scores_all_scores_equal_gives_that_score():
    reviews = [("A", "p1", 4), ("B", "p1", 4), ("B", "p2", 4)]

    result = calibrated_scores(reviews)

    assert result == {"p1": 4.0, "p2": 4.0}


def test_calibrated_scores_accepts_decimals_as_stored():
    reviews = [("A", "p1", Decimal("3.75")), ("A", "p2", Decimal("1.25"))]

    result = calibrated_scores(reviews)

    # one reviewer: the pooled scale is theirs, so calibration gives back the raw scores
    assert result == pytest.approx({"p1": 3.75, "p2": 1.25})


def test_calibrated_scores_no_reviews_gives_nothing():
    assert calibrated_scores([]) == {}


def test_z_score_against_the_reviewers_sums():
    sums = score_sums([3, 1])  # mean 2, spread 1

    assert [z_score(3, sums), z_score(1, sums), z_score(2.5, sums)] == [1.0, -1.0, 0.5]


def test_score_sums_of_identical_scores_have_no_spread_despite_rounding():
    # 3.3 is not exact in binary: sum-of-squares arithmetic leaves a variance of about 4e-15
    sums = score_sums([3.3, 3.3, 3.3])

    assert (sums.count, sums.spread, z_score(3.3, sums)) == (3, 0.0, 0.0)


def test_calibrate_the_page_with_the_whole_calls_sums_equals_calibrating_everything():
    # the admin calibrates only the practices on its page, with every reviewer's sums
    everything = [
        ("A", "p1", 3),
        ("A", "p2", 1),
        ("A", "p3", 2),
        ("B", "p1", 5),
        ("B", "p3", 4),
        ("C", "p2", 4.5),
    ]
    sums = {
        "A": ScoreSums(3, 6, 14),
        "B": ScoreSums(2, 9, 41),
        "C": ScoreSums(1, 4.5, 20.25),
    }
    page = [review for review in everything if review[1] == "p1"]

    result = calibrate(sums, page)

    assert result == pytest.approx({"p1": calibrated_scores(everything)["p1"]})


def test_calibrated_scores_by_call_calibrates_each_call_on_its_own():
    # Call 1 alone is the first example; call 2 has a single lenient reviewer whose scores
    # must not shift call 1's pooled scale.
    call_1 = [(1, "A", "p1", 2), (1, "A", "p2", 1), (1, "B", "p1", 5), (1, "B", "p2", 4)]
    call_2 = [(2, "B", "q1", 5), (2, "B", "q2", 5)]
    sums = {
        (1, "A"): score_sums([2, 1]),
        (1, "B"): score_sums([5, 4]),
        (2, "B"): score_sums([5, 5]),
    }

    result = calibrated_scores_by_call(sums, call_1 + call_2)

    assert result == pytest.approx({"p1": 3 + sqrt(2.5), "p2": 3 - sqrt(2.5), "q1": 5.0, "q2": 5.0})


scores = st.integers(min_value=4, max_value=20).map(lambda quarters: quarters / 4)  # 1.00 to 5.00


@given(
    st.lists(st.tuples(st.sampled_from("ABC"), st.sampled_from("pqrs"), scores), min_size=1),
    st.sampled_from("ABC"),
    st.sampled_from([-0.75, -0.25, 0.5, 1.0]),
)
def test_calibrated_scores_order_ignores_how_harsh_one_reviewer_is(reviews, harsh, shift):
    # one review per (reviewer, practice), as in the database
    reviews = list({(r, p): (r, p, s) for r, p, s in reviews}.values())
    shifted = [(r, p, s + shift if r == harsh else s) for r, p, s in reviews]

    before, after = calibrated_scores(reviews), calibrated_scores(shifted)

    def order(result):
        return {
            (a, b): (result[a] > result[b] + 1e-9) - (result[a] < result[b] - 1e-9)
            for a in result
            for b in result
        }

    assert order(before) == order(after)
