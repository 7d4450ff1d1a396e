"""The matching score (pure arrays, no database): each part and each hard rule by hand, then the
block scorer, candidates and recommendations against plain pair-by-pair references."""

import math

import numpy as np
import pytest
import scipy.sparse as sp

from accounts.enums import EEA_EFTA_STATES, EU_MEMBER_STATES
from matching import synthetic
from matching.levels import CommonLevel
from matching.pruning import candidates
from matching.scoring import (
    AGREEMENT_NOT_ACCEPTED,
    ALGORITHM_VERSION,
    DECLINED_BEFORE,
    EXCLUDED_COMPANY,
    MAX_LEVEL,
    MENTOR_FULL,
    MODE_OK,
    NO_SHARED_LANGUAGE,
    PARTS,
    REGIONS,
    Mode,
    Population,
    Weights,
    explain,
    recommend,
    region_of,
    score_block,
)

# Tiny worlds: 4 skills, 3 languages, 4 countries (0 and 1 in region 0, 2 and 3 in region 1),
# 3 sectors, 3 companies.
COUNTRY_REGION = [0, 0, 1, 1]
ONLY_COVERAGE = Weights(coverage=100, region=0, sector=0, mode=0)
ONLY_REGION = Weights(coverage=0, region=100, sector=0, mode=0)
ONLY_SECTOR = Weights(coverage=0, region=0, sector=100, mode=0)
ONLY_MODE = Weights(coverage=0, region=0, sector=0, mode=100)


def sme(gaps=None, languages=(0,), country=0, sector=0, mode=Mode.EITHER, excluded=()):
    """gaps: {skill: (importance, target)}."""
    return {
        "gaps": gaps if gaps is not None else {0: (1, 3)},
        "languages": languages,
        "country": country,
        "sector": sector,
        "mode": mode,
        "excluded": excluded,
    }


def mentor(
    levels=None,
    languages=(0,),
    countries=(0,),
    sectors=(0,),
    mode=Mode.EITHER,
    company=0,
    capacity=2,
    agreement=True,
):
    """levels: {skill: level}."""
    return {
        "levels": levels if levels is not None else {0: 3},
        "languages": languages,
        "countries": countries,
        "sectors": sectors,
        "mode": mode,
        "company": company,
        "capacity": capacity,
        "agreement": agreement,
    }


def _csr(rows, shape, dtype=np.float64):
    """rows: one {column: value} per row."""
    r = [i for i, row in enumerate(rows) for _ in row]
    c = [col for row in rows for col in row]
    v = [val for row in rows for val in row.values()]
    return sp.csr_matrix((np.array(v, dtype=dtype), (r, c)), shape=shape)


def _sets(rows, width):
    return _csr([dict.fromkeys(row, True) for row in rows], (len(rows), width), bool)


def world(smes, mentors, declined=()):
    n, m = len(smes), len(mentors)
    return Population(
        n_skills=4,
        gap_importance=_csr([{s: imp for s, (imp, _) in x["gaps"].items()} for x in smes], (n, 4)),
        gap_target=_csr([{s: t for s, (_, t) in x["gaps"].items()} for x in smes], (n, 4)),
        sme_languages=_sets([x["languages"] for x in smes], 3),
        sme_country=np.array([x["country"] for x in smes]),
        sme_region=np.array([COUNTRY_REGION[x["country"]] for x in smes]),
        sme_sector=np.array([x["sector"] for x in smes]),
        sme_mode=np.array([x["mode"] for x in smes]),
        sme_excluded=_sets([x["excluded"] for x in smes], 3),
        mentor_level=_csr([x["levels"] for x in mentors], (m, 4)),
        mentor_languages=_sets([x["languages"] for x in mentors], 3),
        mentor_countries=_sets([x["countries"] for x in mentors], 4),
        mentor_regions=_sets([{COUNTRY_REGION[c] for c in x["countries"]} for x in mentors], 2),
        mentor_sectors=_sets([x["sectors"] for x in mentors], 3),
        mentor_mode=np.array([x["mode"] for x in mentors]),
        mentor_company=np.array([x["company"] for x in mentors]),
        mentor_capacity=np.array([x["capacity"] for x in mentors]),
        mentor_agreement_ok=np.array([x["agreement"] for x in mentors]),
        declined=_sets([[j for i2, j in declined if i2 == i] for i in range(n)], m),
    )


def scores_of(pop, weights):
    return score_block(pop, weights, slice(None))


# --- coverage -----------------------------------------------------------------------------


def test_coverage_full_proportional_and_weighted_by_importance():
    # Gaps: skill 0 (importance 3, target 4), skill 1 (importance 1, target 2).
    pop = world(
        [sme(gaps={0: (3, 4), 1: (1, 2)})],
        [
            mentor(levels={0: 5, 1: 2}),  # above and at the targets: (3·1 + 1·1) / 4 = 1
            mentor(levels={0: 2}),  # half of skill 0, none of skill 1: (3·0.5 + 0) / 4 = 0.375
            mentor(levels={0: 4, 1: 1}),  # (3·1 + 1·0.5) / 4 = 0.875
            mentor(levels={2: 5, 3: 5}),  # other skills only: 0
        ],
    )

    scores = scores_of(pop, ONLY_COVERAGE)

    assert scores == pytest.approx(np.array([[100.0, 37.5, 87.5, 0.0]]), abs=1e-4)


@pytest.mark.parametrize(
    ("level", "target", "covered"),
    [(0, 3, 0.0), (1, 3, 1 / 3), (2, 3, 2 / 3), (3, 3, 1.0), (5, 3, 1.0), (1, 1, 1.0), (4, 5, 0.8)],
    ids=lambda v: str(v),
)
def test_coverage_is_level_over_target_capped_at_one(level, target, covered):
    levels = {0: level} if level else {}
    pop = world([sme(gaps={0: (2, target)})], [mentor(levels=levels)])

    scores = scores_of(pop, ONLY_COVERAGE)
    explanation = explain(pop, ONLY_COVERAGE, 0, 0)

    assert scores[0][0] == pytest.approx(100 * covered, abs=1e-4)
    assert explanation["gaps"] == [
        {
            "skill": 0,
            "importance": 2,
            "target": target,
            "level": level,
            "covered": round(covered, 4),
        }
    ]


def test_coverage_of_an_sme_without_gaps_is_zero():
    pop = world([sme(gaps={})], [mentor(levels={0: 5})])

    assert scores_of(pop, Weights()) == pytest.approx(
        np.array([[40.0]])
    )  # region 15 + sector 15 + mode 10


# --- region, sector, mode ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("countries", "points"),
    [((0,), 100.0), ((1,), 50.0), ((1, 0), 100.0), ((2,), 0.0), ((2, 3), 0.0), ((1, 2), 50.0)],
    ids=["own-country", "same-region", "both", "other-region", "other-region-two", "mixed"],
)
def test_region_exact_same_region_or_other(countries, points):
    pop = world([sme(country=0)], [mentor(countries=countries)])

    assert scores_of(pop, ONLY_REGION) == pytest.approx(np.array([[points]]))


@pytest.mark.parametrize(
    ("sectors", "points"), [((1,), 100.0), ((0, 1, 2), 100.0), ((0, 2), 0.0)], ids=str
)
def test_sector_known_or_not(sectors, points):
    pop = world([sme(sector=1)], [mentor(sectors=sectors)])

    assert scores_of(pop, ONLY_SECTOR) == pytest.approx(np.array([[points]]))


@pytest.mark.parametrize("sme_mode", list(Mode), ids=lambda m: f"sme-{m.name}")
@pytest.mark.parametrize("mentor_mode", list(Mode), ids=lambda m: f"mentor-{m.name}")
def test_mode_compatible_if_either_side_either_or_equal(sme_mode, mentor_mode):
    expected = 100.0 if Mode.EITHER in (sme_mode, mentor_mode) or sme_mode == mentor_mode else 0.0
    pop = world([sme(mode=sme_mode)], [mentor(mode=mentor_mode)])

    assert scores_of(pop, ONLY_MODE) == pytest.approx(np.array([[expected]]))
    assert MODE_OK[sme_mode, mentor_mode] == bool(expected)


def test_all_parts_with_the_default_weights():
    # coverage 0.875 → 52.5; region: same region → 0.5 · 15 = 7.5; sector 15; mode remote vs
    # on site → 0. Total 75.
    pop = world(
        [sme(gaps={0: (3, 4), 1: (1, 2)}, country=0, sector=2, mode=Mode.REMOTE)],
        [mentor(levels={0: 4, 1: 1}, countries=(1,), sectors=(2,), mode=Mode.ON_SITE)],
    )

    scores = scores_of(pop, Weights())
    explanation = explain(pop, Weights(), 0, 0)

    assert scores == pytest.approx(np.array([[75.0]]))
    assert explanation == {
        "score": 75.0,
        "version": ALGORITHM_VERSION,
        "parts": {"coverage": 52.5, "region": 7.5, "sector": 15.0, "mode": 0.0},
        "excluded": [],
        "gaps": [
            {"skill": 0, "importance": 3, "target": 4, "level": 4, "covered": 1.0},
            {"skill": 1, "importance": 1, "target": 2, "level": 1, "covered": 0.5},
        ],
    }


# --- hard rules ----------------------------------------------------------------------------

HARD_RULES = {
    NO_SHARED_LANGUAGE: ({"languages": (0, 1)}, {"languages": (2,)}, ()),
    MENTOR_FULL: ({}, {"capacity": 0}, ()),
    AGREEMENT_NOT_ACCEPTED: ({}, {"agreement": False}, ()),
    EXCLUDED_COMPANY: ({"excluded": (1,)}, {"company": 1}, ()),
    DECLINED_BEFORE: ({}, {}, ((0, 0),)),
}


@pytest.mark.parametrize("reason", HARD_RULES, ids=str)
def test_each_hard_rule_excludes_the_pair(reason):
    sme_kwargs, mentor_kwargs, declined = HARD_RULES[reason]
    # Mentor 0 breaks the rule but would be the better match; mentor 1 is an eligible fallback.
    pop = world(
        [sme(gaps={0: (3, 4)}, **sme_kwargs)],
        [mentor(levels={0: 5}, **mentor_kwargs), mentor(levels={0: 2}, languages=(0, 1, 2))],
        declined=declined,
    )

    scores = score_block(pop, Weights(), slice(None))
    explanation = explain(pop, Weights(), 0, 0)
    cands = candidates(pop, Weights())

    assert scores[0, 0] == -np.inf
    assert math.isfinite(scores[0, 1])
    assert explanation["excluded"] == [reason]
    assert explanation["score"] == 100.0  # the parts are still explained
    assert list(zip(cands.sme.tolist(), cands.mentor.tolist(), strict=True)) == [(0, 1)]
    assert [j for j, _ in recommend(pop, Weights(), 0)] == [1]


def test_shared_language_keeps_the_pair():
    pop = world([sme(languages=(0, 2))], [mentor(languages=(1, 2))])

    assert explain(pop, Weights(), 0, 0)["excluded"] == []
    assert math.isfinite(score_block(pop, Weights(), slice(None))[0, 0])


def test_a_mentor_without_a_company_is_never_excluded_by_company():
    pop = world([sme(excluded=(0, 1, 2))], [mentor(company=-1)])

    assert math.isfinite(score_block(pop, Weights(), slice(None))[0, 0])
    assert explain(pop, Weights(), 0, 0)["excluded"] == []


def test_several_rules_are_all_listed():
    pop = world(
        [sme(languages=(1,), excluded=(2,))],
        [mentor(languages=(0,), company=2, capacity=0, agreement=False)],
        declined=((0, 0),),
    )

    assert explain(pop, Weights(), 0, 0)["excluded"] == [
        NO_SHARED_LANGUAGE,
        MENTOR_FULL,
        AGREEMENT_NOT_ACCEPTED,
        EXCLUDED_COMPANY,
        DECLINED_BEFORE,
    ]


# --- weights -------------------------------------------------------------------------------


def test_weights_normalised_sum_to_one_hundred():
    weights = Weights(coverage=3, region=1, sector=1, mode=1).normalised()

    assert [getattr(weights, p) for p in PARTS] == pytest.approx([50, 50 / 3, 50 / 3, 50 / 3])
    assert sum(getattr(weights, p) for p in PARTS) == pytest.approx(100)
    assert Weights().normalised() == Weights()


def test_scores_depend_only_on_the_weights_proportions():
    pop = synthetic.population(30, 20, seed=3)

    doubled = score_block(pop, Weights(120, 30, 30, 20), slice(None))
    default = score_block(pop, Weights(), slice(None))

    np.testing.assert_allclose(doubled, default, atol=1e-3)


@pytest.mark.parametrize(
    "kwargs",
    [{"coverage": -1}, {"coverage": 0, "region": 0, "sector": 0, "mode": 0}, {"mode": math.nan}],
    ids=["negative", "all-zero", "nan"],
)
def test_weights_invalid_raise(kwargs):
    with pytest.raises(ValueError):
        Weights(**kwargs)


# --- explanation, block scores, candidates, recommendations on random populations ---------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_explain_parts_add_up_to_the_score(seed):
    pop = synthetic.population(25, 15, seed=seed)

    for i in range(pop.n_smes):
        for j in range(pop.n_mentors):
            explanation = explain(pop, Weights(), i, j)

            assert sum(explanation["parts"].values()) == pytest.approx(
                explanation["score"], abs=0.02
            )
            assert set(explanation["parts"]) == set(PARTS)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_score_block_equals_explain_for_every_pair(seed):
    pop = synthetic.population(60, 40, seed=seed, declined_rate=0.5, excluding_rate=0.5)
    weights = Weights(coverage=50, region=20, sector=20, mode=10)

    scores = score_block(pop, weights, slice(None))

    excluded = np.zeros(scores.shape, bool)
    expected = np.zeros(scores.shape)
    for i in range(pop.n_smes):
        for j in range(pop.n_mentors):
            explanation = explain(pop, weights, i, j)
            excluded[i, j] = bool(explanation["excluded"])
            expected[i, j] = explanation["score"]
    assert 0 < excluded.sum() < excluded.size
    assert np.array_equal(np.isneginf(scores), excluded)
    np.testing.assert_allclose(scores[~excluded], expected[~excluded], atol=0.006)
    assert scores[~excluded].min() >= 0
    assert scores[~excluded].max() <= 100.0001


def test_score_block_same_for_a_few_rows_and_for_all():
    # A few rows are scored without the table of every SME context: the same numbers.
    rows = np.array([7, 3, 7, 0])
    few = score_block(synthetic.population(50, 30, seed=5), Weights(), rows)

    everything = score_block(synthetic.population(50, 30, seed=5), Weights(), slice(None))

    np.testing.assert_allclose(few, everything[rows], atol=1e-4)
    assert np.array_equal(np.isneginf(few), np.isneginf(everything[rows]))
    assert few.dtype == np.float32


def _ranked(row):
    """Eligible columns of a row of scores, best first (to 0.001 point), ties to lower index."""
    eligible = np.flatnonzero(np.isfinite(row))
    rounded = np.rint(row[eligible].astype(np.float32) * np.float32(1000))
    return eligible[np.lexsort((eligible, -rounded))]


def _brute_top(scores, k, axis):
    """Pairs of each row's (axis=1) or column's (axis=0) k best eligible, ties to lower index."""
    pairs = set()
    matrix = scores if axis == 1 else scores.T
    for a, row in enumerate(matrix):
        best = _ranked(row)[:k]
        pairs |= {(a, int(b)) if axis == 1 else (int(b), a) for b in best}
    return pairs


@pytest.mark.parametrize(
    ("per_sme", "per_mentor", "block"),
    [(3, 4, 16), (5, 5, 1024), (2, 0, 7), (0, 3, 50), (40, 1, 32)],
    ids=["small-blocks", "one-block", "smes-only", "mentors-only", "more-than-mentors"],
)
def test_candidates_are_each_sides_best_eligible_pairs(per_sme, per_mentor, block):
    pop = synthetic.population(120, 35, seed=11)
    scores = score_block(pop, Weights(), slice(None))

    cands = candidates(pop, Weights(), per_sme=per_sme, per_mentor=per_mentor, block=block)

    pairs = list(zip(cands.sme.tolist(), cands.mentor.tolist(), strict=True))
    assert pairs == sorted(set(pairs))
    assert set(pairs) == _brute_top(scores, per_sme, 1) | _brute_top(scores, per_mentor, 0)
    assert np.isfinite(cands.score).all()
    np.testing.assert_array_equal(cands.score, scores[cands.sme, cands.mentor])
    assert (cands.sme.dtype, cands.mentor.dtype, cands.score.dtype) == (
        np.int32,
        np.int32,
        np.float32,
    )


def test_candidates_include_each_smes_best_mentor_and_do_not_depend_on_the_block():
    pop = synthetic.population(200, 60, seed=4)
    scores = score_block(pop, Weights(), slice(None))

    small = candidates(pop, Weights(), per_sme=1, per_mentor=1, block=13)
    large = candidates(pop, Weights(), per_sme=1, per_mentor=1, block=4096)

    pairs = set(zip(small.sme.tolist(), small.mentor.tolist(), strict=True))
    for i, row in enumerate(scores):
        if np.isfinite(row).any():
            assert (i, int(np.argmax(row))) in pairs
    np.testing.assert_array_equal(small.sme, large.sme)
    np.testing.assert_array_equal(small.mentor, large.mentor)


@pytest.mark.parametrize("seed", [0, 1])
def test_recommend_matches_a_brute_force_ranking(seed):
    pop = synthetic.population(40, 60, seed=seed)
    scores = score_block(synthetic.population(40, 60, seed=seed), Weights(), slice(None))

    for i in range(pop.n_smes):
        row = scores[i]
        expected = _ranked(row)[:10]

        got = recommend(pop, Weights(), i, k=10)

        assert [j for j, _ in got] == expected.tolist()
        assert [s for _, s in got] == pytest.approx(row[expected].tolist())


def test_recommend_breaks_ties_by_lower_mentor_index():
    pop = world([sme()], [mentor(levels={0: 1})] + [mentor(levels={0: 3}) for _ in range(4)])

    assert [j for j, _ in recommend(pop, Weights(), 0, k=3)] == [1, 2, 3]


# --- regions, scale, validation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "region"),
    [("SE", "Northern Europe"), ("no", "Northern Europe"), ("DE", "Western Europe"),
     ("LI", "Western Europe"), ("IT", "Southern Europe"), ("EL", "Southern Europe"),
     ("CY", "Southern Europe"), ("PL", "Eastern Europe")],
    ids=lambda v: str(v),
)  # fmt: skip
def test_region_of_known_codes(code, region):
    assert region_of(code) == region


def test_region_of_covers_every_eu_and_eea_country():
    regions = {code: region_of(code) for code in EU_MEMBER_STATES + EEA_EFTA_STATES}

    assert set(regions.values()) == set(REGIONS)
    assert len(regions) == 30


@pytest.mark.parametrize("code", ["CH", "GB", "", "XX"])
def test_region_of_unknown_code_raises(code):
    with pytest.raises(ValueError):
        region_of(code)


def test_max_level_is_the_top_of_the_common_scale():
    assert max(CommonLevel.values) == MAX_LEVEL


def test_population_with_mismatched_shapes_is_rejected():
    pop = world([sme()], [mentor()])
    pop.mentor_capacity = np.array([1, 2])

    with pytest.raises(ValueError, match="mentor_capacity"):
        candidates(pop, Weights())


def test_synthetic_population_is_seeded():
    first = synthetic.population(50, 20, seed=9)
    again = synthetic.population(50, 20, seed=9)

    np.testing.assert_array_equal(
        score_block(first, Weights(), slice(None)), score_block(again, Weights(), slice(None))
    )
