"""The matching score of SME-mentor pairs: pure arrays in, arrays out (no ORM, no database).

A pair's score is a number of points out of 100, the weighted sum of four named parts, each on
[0, 1]:

- ``coverage``: how well the mentor's expertise covers the SME's skill gaps, weighted by importance,
  with the mentor's level measured against the target level::

      coverage(i, j) = Σ_s imp[i,s] · min(1, level[j,s] / target[i,s]) / Σ_s imp[i,s]

  A mentor at or above the target covers a gap fully, below it in proportion, without the skill
  not at all.
- ``region``: 1 if the mentor serves the SME's country, 0.5 if a country of the same EU
  macro-region, else 0.
- ``sector``: 1 if the mentor knows the SME's sector (NACE section), else 0.
- ``mode``: 1 if the preferred modes are compatible (either side "either", or equal), else 0.

Hard rules exclude a pair whatever its points (score ``-inf``, never a candidate): no shared
language, no remaining mentor capacity, a mentor who has not accepted the current confidentiality
agreement, a mentor of a company the SME excludes (its own included), a pair declined or expired
before.

How it is computed (never a Python loop over pairs). Levels and targets are integers 1..5, so with
``t`` the target, ``imp[i,s] / t · min(level[j,s], t)`` is the gap's contribution, and
``min(level, t)`` takes only 5 · n_skills distinct mentor-side vectors. The whole score of a block
of SMEs is then ONE sparse x dense product ``A[rows] @ B``:

- ``B`` (dense, float32, one column per mentor) stacks
  * 5 · n_skills "coverage basis" rows ``min(level[:, s], t)`` for t = 1..5,
  * one row per distinct SME context (country, region, sector, mode): that context's weighted
    region + sector + mode points for every mentor, with ``-inf`` for mentors who are full or
    have not accepted the agreement,
  * one row per distinct SME language set: 0 for mentors sharing a language, ``-inf`` otherwise;
- ``A`` (sparse, one row per SME) has one entry per gap, in column (s, t), worth
  ``w_coverage · imp / (t · Σ imp)``, plus a 1 in the SME's context row and a 1 in its language row.

This is exact, and the same as the textbook form ``Σ_k A_k @ B_kᵀ`` with ``min(l, t) = Σ_{k≤5}
[l ≥ k][t ≥ k]``, folded over k (one entry per gap instead of up to five). The two pair-specific
rules (excluded companies, declined pairs) are sparse and are set to ``-inf`` afterwards. Scores are
computed a block of SMEs at a time so that memory stays bounded (10,000 x 5,000 float64 would be
400 MB).

The mentor-side matrices are built once per `Population` and kept on it (a Population is treated as
immutable once scored; replacing one of its arrays invalidates the cache).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field, fields
from enum import IntEnum

import numpy as np
import scipy.sparse as sp

ALGORITHM_VERSION = "1.0"
PARTS = ("coverage", "region", "sector", "mode")

# The top of the common level scale (matching.levels.CommonLevel); 0 means "not held".
MAX_LEVEL = 5

# Exclusion reasons in `explain`, stable codes a service can translate.
NO_SHARED_LANGUAGE = "no_shared_language"
MENTOR_FULL = "mentor_full"
AGREEMENT_NOT_ACCEPTED = "agreement_not_accepted"
EXCLUDED_COMPANY = "excluded_company"
DECLINED_BEFORE = "declined_before"

# EU macro-regions after the UN geoscheme, for the 27 EU and 3 EEA EFTA states. The geoscheme puts
# Cyprus in Western Asia; as an EU member state it is counted with Southern Europe here.
REGIONS = ("Northern Europe", "Western Europe", "Southern Europe", "Eastern Europe")
_COUNTRY_REGION = {
    **dict.fromkeys(("DK", "EE", "FI", "IE", "LV", "LT", "SE", "IS", "NO"), "Northern Europe"),
    **dict.fromkeys(("AT", "BE", "FR", "DE", "LU", "NL", "LI"), "Western Europe"),
    **dict.fromkeys(("HR", "CY", "GR", "EL", "IT", "MT", "PT", "SI", "ES"), "Southern Europe"),
    **dict.fromkeys(("BG", "CZ", "HU", "PL", "RO", "SK"), "Eastern Europe"),
}

# Candidates and recommendations rank by scores rounded to 1/RANK_SCALE point (the solver's
# resolution too), so that equal scores computed along different float paths are equal, and ties
# go to the lower index as documented.
RANK_SCALE = 1000

# Rows of the block to score below which `score_block` computes the context parts directly
# instead of building the table of every SME context (a one-SME recommendation stays cheap).
_SMALL_BLOCK = 32


def region_of(country_code: str) -> str:
    """The EU macro-region of an EU/EEA country code (ISO 3166 alpha-2; "EL" is Greece too).

    Raises ValueError for a code outside the 27 EU and IS, LI, NO.
    """
    try:
        return _COUNTRY_REGION[country_code.upper()]
    except (KeyError, AttributeError):
        raise ValueError(f"{country_code!r} is not an EU or EEA EFTA country code.") from None


def region_index(country_code: str) -> int:
    """The index of `region_of(country_code)` in REGIONS (for building `sme_region` arrays)."""
    return REGIONS.index(region_of(country_code))


@dataclass(frozen=True)
class Weights:
    """Points out of 100 for each part; `normalised()` scales them to sum to exactly 100."""

    coverage: float = 60.0
    region: float = 15.0
    sector: float = 15.0
    mode: float = 10.0

    def __post_init__(self) -> None:
        values = [getattr(self, name) for name in PARTS]
        for name, value in zip(PARTS, values, strict=True):
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise ValueError(f"Weight {name!r} must be a finite number ≥ 0, not {value!r}.")
        if sum(values) <= 0:
            raise ValueError("At least one weight must be positive.")

    def normalised(self) -> Weights:
        total = sum(getattr(self, name) for name in PARTS)
        return Weights(*(100.0 * getattr(self, name) / total for name in PARTS))

    def as_tuple(self) -> tuple[float, float, float, float]:
        return tuple(float(getattr(self, name)) for name in PARTS)  # type: ignore[return-value]


class Mode(IntEnum):
    REMOTE = 0
    ON_SITE = 1
    EITHER = 2


# MODE_OK[sme_mode, mentor_mode]: either side EITHER, or equal.
MODE_OK = np.array([[1, 0, 1], [0, 1, 1], [1, 1, 1]], dtype=bool)


@dataclass
class Population:
    """Everything the scorer needs, as arrays over index spaces.

    Index spaces: SMEs 0..n_smes-1, mentors 0..n_mentors-1, skills, languages, countries, regions
    (REGIONS order, but any consistent numbering works), sectors, companies. A mentor company of -1
    means "none" (never excluded, no quota).
    """

    n_skills: int
    # SMEs
    gap_importance: sp.csr_matrix  # n_smes x n_skills, importance 1..3 (0 = no gap)
    gap_target: sp.csr_matrix  # n_smes x n_skills, target level 1..5, same sparsity
    sme_languages: sp.csr_matrix  # n_smes x n_languages, bool
    sme_country: np.ndarray  # n_smes, country index
    sme_region: np.ndarray  # n_smes, region index of the country
    sme_sector: np.ndarray  # n_smes, sector index
    sme_mode: np.ndarray  # n_smes, Mode
    sme_excluded: sp.csr_matrix  # n_smes x n_companies, bool
    # mentors
    mentor_level: sp.csr_matrix  # n_mentors x n_skills, level 1..5 (0 = not held)
    mentor_languages: sp.csr_matrix  # n_mentors x n_languages, bool
    mentor_countries: sp.csr_matrix  # n_mentors x n_countries, bool
    mentor_regions: sp.csr_matrix  # n_mentors x n_regions, bool
    mentor_sectors: sp.csr_matrix  # n_mentors x n_sectors, bool
    mentor_mode: np.ndarray  # n_mentors, Mode
    mentor_company: np.ndarray  # n_mentors, company index or -1
    mentor_capacity: np.ndarray  # n_mentors, REMAINING capacity (0 = full)
    mentor_agreement_ok: np.ndarray  # n_mentors, bool
    declined: sp.csr_matrix | None = None  # n_smes x n_mentors, bool: declined/expired before
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def n_smes(self) -> int:
        return self.gap_importance.shape[0]

    @property
    def n_mentors(self) -> int:
        return self.mentor_level.shape[0]

    def validate(self) -> None:
        """Raise ValueError if the shapes or the level scales do not fit together."""
        n, m, k = self.n_smes, self.n_mentors, self.n_skills
        expect = {
            "gap_importance": (n, k),
            "gap_target": (n, k),
            "mentor_level": (m, k),
            "sme_languages": (n, None),
            "mentor_languages": (m, self.sme_languages.shape[1]),
            "sme_excluded": (n, None),
            "mentor_countries": (m, None),
            "mentor_regions": (m, None),
            "mentor_sectors": (m, None),
        }
        if self.declined is not None:
            expect["declined"] = (n, m)
        for name, (rows, cols) in expect.items():
            shape = getattr(self, name).shape
            if shape[0] != rows or (cols is not None and shape[1] != cols):
                raise ValueError(f"{name} has shape {shape}, expected ({rows}, {cols}).")
        for name, size in [
            ("sme_country", n),
            ("sme_region", n),
            ("sme_sector", n),
            ("sme_mode", n),
            ("mentor_mode", m),
            ("mentor_company", m),
            ("mentor_capacity", m),
            ("mentor_agreement_ok", m),
        ]:
            if np.shape(getattr(self, name)) != (size,):
                raise ValueError(f"{name} must have length {size}.")
        for name in ("gap_target", "mentor_level"):
            data = getattr(self, name).data
            if data.size and (data.min() < 0 or data.max() > MAX_LEVEL):
                raise ValueError(f"{name} must be levels 0..{MAX_LEVEL}.")


# --------------------------------------------------------------------------------------------
# Prepared matrices (cached on the Population)


@dataclass
class _MentorSide:
    """Weight-independent matrices, mostly per mentor."""

    levels: np.ndarray  # n_skills x n_mentors float32: level (0 = not held)
    country: np.ndarray  # n_countries x n_mentors bool: mentor serves the country
    region: np.ndarray  # n_regions x n_mentors bool
    sector: np.ndarray  # n_sectors x n_mentors bool
    mode: np.ndarray  # 3 x n_mentors bool: MODE_OK[sme mode, mentor mode]
    available: np.ndarray  # n_mentors bool: capacity left and agreement accepted
    language: sp.csr_matrix  # n_languages x n_mentors float32 (0/1)
    company_mentors: sp.csr_matrix  # n_companies x n_mentors bool one-hot of mentor_company
    gap_cols: np.ndarray  # per gap entry of gap_importance (CSR order): column s * 5 + t - 1
    gap_share: np.ndarray  # per gap entry: imp / (t · Σ imp of its SME)
    gap_indptr: np.ndarray
    context_key: np.ndarray  # n_smes: index of the SME's (country, region, sector, mode)
    contexts: np.ndarray  # n_contexts x 4 (country, region, sector, mode)
    language_key: np.ndarray  # n_smes: index of the SME's language set
    language_sets: np.ndarray  # n_language_sets x n_languages float32 (0/1)


@dataclass
class _Weighted:
    """Weight-dependent matrices: A (sparse, per SME) and B (dense, per mentor), see module doc."""

    weights: Weights
    a: sp.csr_matrix  # n_smes x n_cols
    b: np.ndarray  # n_cols x n_mentors float32


def _fingerprint(pop: Population) -> tuple[int, ...]:
    return tuple(id(getattr(pop, f.name)) for f in fields(pop) if f.name != "_cache")


def _cached(pop: Population, key, build):
    fingerprint = _fingerprint(pop)
    if pop._cache.get("fingerprint") != fingerprint:
        pop._cache.clear()
        pop._cache["fingerprint"] = fingerprint
    if key not in pop._cache:
        pop._cache[key] = build()
    return pop._cache[key]


def _dense_t(matrix: sp.spmatrix, rows: int | None = None) -> np.ndarray:
    """Transpose of a (bool) sparse matrix as a dense bool array."""
    dense = sp.csr_matrix(matrix).T.toarray() != 0
    if rows is not None and dense.shape[0] < rows:
        dense = np.vstack([dense, np.zeros((rows - dense.shape[0], dense.shape[1]), bool)])
    return dense


def _gap_entries(pop: Population) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(indptr, skill, importance, target) of every gap, in CSR order of gap_importance."""
    importance = sp.csr_matrix(pop.gap_importance, dtype=np.float64, copy=True)
    importance.eliminate_zeros()
    importance.sort_indices()
    target = sp.csr_matrix(pop.gap_target, dtype=np.float64, copy=True)
    target.eliminate_zeros()
    target.sort_indices()
    if np.array_equal(importance.indptr, target.indptr) and np.array_equal(
        importance.indices, target.indices
    ):
        targets = target.data
    else:  # different sparsity: read each gap's target where its importance is
        rows = np.repeat(np.arange(pop.n_smes), np.diff(importance.indptr))
        targets = np.asarray(target[rows, importance.indices]).ravel()
    if importance.nnz and (importance.data.min() < 0):
        raise ValueError("Gap importance must be ≥ 0.")
    if targets.size and (
        targets.min() < 1 or targets.max() > MAX_LEVEL or np.any(targets != np.round(targets))
    ):
        raise ValueError(f"Every gap needs an integer target level 1..{MAX_LEVEL}.")
    return importance.indptr, importance.indices, importance.data, targets.astype(np.int64)


def _mentor_side(pop: Population) -> _MentorSide:
    m = pop.n_mentors
    levels = np.clip(sp.csr_matrix(pop.mentor_level).T.toarray(), 0, MAX_LEVEL).astype(np.float32)

    indptr, skills, importance, targets = _gap_entries(pop)
    owner = np.repeat(np.arange(pop.n_smes), np.diff(indptr))
    totals = np.bincount(owner, weights=importance, minlength=pop.n_smes)
    share = importance / (targets * totals[owner]) if importance.size else importance

    sme_context = np.column_stack(
        [pop.sme_country, pop.sme_region, pop.sme_sector, pop.sme_mode]
    ).astype(np.int64)
    contexts, context_key = np.unique(sme_context, axis=0, return_inverse=True)
    sme_languages = sp.csr_matrix(pop.sme_languages).toarray() != 0
    language_sets, language_key = np.unique(sme_languages, axis=0, return_inverse=True)

    companies = np.asarray(pop.mentor_company)
    n_companies = max(pop.sme_excluded.shape[1], int(companies.max(initial=-1)) + 1)
    with_company = np.flatnonzero(companies >= 0)
    company_mentors = sp.csr_matrix(
        (np.ones(with_company.size, bool), (companies[with_company], with_company)),
        shape=(n_companies, m),
    )
    mentor_mode = np.asarray(pop.mentor_mode, dtype=np.int64)
    return _MentorSide(
        levels=levels,
        country=_dense_t(pop.mentor_countries, int(np.max(pop.sme_country, initial=-1)) + 1),
        region=_dense_t(pop.mentor_regions, int(np.max(pop.sme_region, initial=-1)) + 1),
        sector=_dense_t(pop.mentor_sectors, int(np.max(pop.sme_sector, initial=-1)) + 1),
        mode=MODE_OK[:, mentor_mode],
        available=(np.asarray(pop.mentor_capacity) > 0) & np.asarray(pop.mentor_agreement_ok, bool),
        language=sp.csr_matrix(sp.csr_matrix(pop.mentor_languages).T, dtype=np.float32),
        company_mentors=company_mentors,
        gap_cols=skills * MAX_LEVEL + targets - 1,
        gap_share=share,
        gap_indptr=indptr,
        context_key=context_key.ravel(),
        contexts=contexts,
        language_key=language_key.ravel(),
        language_sets=language_sets.astype(np.float32),
    )


def _context_rows(side: _MentorSide, w: Weights, contexts: np.ndarray) -> np.ndarray:
    """Weighted region + sector + mode points (-inf: mentor unavailable), one row per context."""
    country, region, sector, mode = contexts.T
    rows = np.where(side.country[country], np.float32(1.0), side.region[region] * np.float32(0.5))
    rows *= np.float32(w.region)
    rows += side.sector[sector] * np.float32(w.sector)
    rows += side.mode[mode] * np.float32(w.mode)
    rows[:, ~side.available] = -np.inf
    return rows.astype(np.float32, copy=False)


def _language_rows(side: _MentorSide, language_sets: np.ndarray) -> np.ndarray:
    """0 where a mentor shares a language with the set, -inf otherwise; one row per set."""
    shared = (side.language.T @ language_sets.T).T > 0
    return np.where(shared, np.float32(0.0), np.float32(-np.inf))


def _a_matrix(pop: Population, side: _MentorSide, w: Weights) -> sp.csr_matrix:
    """A of the module doc (normalised weights `w`): per SME, its gaps' shares in the coverage
    basis columns, then 1 in its context's column, then 1 in its language set's column."""
    n_basis = pop.n_skills * MAX_LEVEL
    n_contexts = side.contexts.shape[0]
    gaps_per_sme = np.diff(side.gap_indptr)
    counts = gaps_per_sme + 2
    indptr = np.concatenate([[0], np.cumsum(counts)])
    cols = np.empty(indptr[-1], np.int64)
    data = np.empty(indptr[-1], np.float32)
    # Each row: its gaps (in order), then its context column, then its language column.
    gap_pos = np.arange(side.gap_cols.size) + np.repeat(
        indptr[:-1] - side.gap_indptr[:-1], gaps_per_sme
    )
    cols[gap_pos] = side.gap_cols
    data[gap_pos] = side.gap_share * w.coverage
    cols[indptr[1:] - 2] = n_basis + side.context_key
    cols[indptr[1:] - 1] = n_basis + n_contexts + side.language_key
    data[indptr[1:] - 2] = 1.0
    data[indptr[1:] - 1] = 1.0
    n_cols = n_basis + n_contexts + side.language_sets.shape[0]
    return sp.csr_matrix((data, cols, indptr), shape=(pop.n_smes, n_cols))


def _weighted(pop: Population, weights: Weights) -> _Weighted:
    """A and B of the module doc for these weights (B has every SME context and language set)."""
    side = _cached(pop, "mentor", lambda: _mentor_side(pop))
    w = weights.normalised()
    m = pop.n_mentors
    n_basis = pop.n_skills * MAX_LEVEL
    n_contexts = side.contexts.shape[0]
    b = np.empty((n_basis + n_contexts + side.language_sets.shape[0], m), np.float32)
    # Coverage basis: row s * 5 + t - 1 is min(level[:, s], t).
    steps = np.arange(1, MAX_LEVEL + 1, dtype=np.float32)
    np.minimum(
        side.levels[:, None, :], steps[None, :, None], out=b[:n_basis].reshape(-1, MAX_LEVEL, m)
    )
    for start in range(0, n_contexts, 256):  # in chunks: bounded temporaries
        stop = min(start + 256, n_contexts)
        b[n_basis + start : n_basis + stop] = _context_rows(side, w, side.contexts[start:stop])
    b[n_basis + n_contexts :] = _language_rows(side, side.language_sets)

    a = _a_matrix(pop, side, w)
    return _Weighted(weights=w, a=a, b=b)


def _rows_index(pop: Population, sme_rows: slice | np.ndarray) -> np.ndarray:
    if isinstance(sme_rows, slice):
        return np.arange(pop.n_smes)[sme_rows]
    rows = np.asarray(sme_rows, dtype=np.int64).ravel()
    if rows.size and (rows.min() < 0 or rows.max() >= pop.n_smes):
        raise IndexError("SME row out of range.")
    return rows


def _pair_exclusions(pop: Population, side: _MentorSide, rows: np.ndarray) -> sp.coo_matrix:
    """The block's pairs excluded by a company the SME excludes or an earlier decline."""
    excluded = sp.csr_matrix(pop.sme_excluded)[rows]
    n_companies = side.company_mentors.shape[0]
    if excluded.shape[1] < n_companies:
        excluded.resize((excluded.shape[0], n_companies))
    pairs = excluded.astype(bool) @ side.company_mentors
    if pop.declined is not None:
        pairs = pairs + sp.csr_matrix(pop.declined)[rows].astype(bool)
    return sp.coo_matrix(pairs)


def score_block(pop: Population, weights: Weights, sme_rows: slice | np.ndarray) -> np.ndarray:
    """Scores of the given SMEs against every mentor: float32, len(rows) x n_mentors, -inf excluded.

    One sparse x dense product per block (see the module doc), then the sparse pair exclusions.
    """
    rows = _rows_index(pop, sme_rows)
    side = _cached(pop, "mentor", lambda: _mentor_side(pop))
    key = ("weights", weights.as_tuple())
    if rows.size > _SMALL_BLOCK or key in pop._cache:
        fused = _cached(pop, key, lambda: _weighted(pop, weights))
        scores = np.asarray(fused.a[rows] @ fused.b, dtype=np.float32)
    else:
        scores = _score_small(pop, side, weights.normalised(), rows)
    excluded = _pair_exclusions(pop, side, rows)
    scores[excluded.row, excluded.col] = -np.inf
    return scores


def score_eligible(pop: Population, weights: Weights, block: int = 1024):
    """The scores of every pair that could match, a block at a time, skipping the others.

    Yields (rows, columns, scores): SME indices, mentor indices (both ascending) and their scores
    (float32, len(rows) x len(columns)), the same numbers as ``score_block(pop, weights,
    rows)[:, columns]``. SMEs come grouped by language set, and each group is scored only
    against the mentors who could take it: capacity left, agreement accepted and a shared
    language. Every pair left out scores -inf in `score_block` (about half of them in the
    synthetic populations), so it is never a candidate; pairs excluded by company or an
    earlier decline are -inf within the blocks, as in `score_block`. Each SME appears in
    exactly one block.
    """
    side = _cached(pop, "mentor", lambda: _mentor_side(pop))
    w = weights.normalised()
    a_all = _cached(pop, ("a", weights.as_tuple()), lambda: _a_matrix(pop, side, w))
    n_basis = pop.n_skills * MAX_LEVEL
    n_contexts = side.contexts.shape[0]
    steps = np.arange(1, MAX_LEVEL + 1, dtype=np.float32)
    # shared[g, j]: mentor j speaks a language of set g (the -inf rows of B, as booleans)
    shared = (side.language.T @ side.language_sets.T).T > 0
    order = np.argsort(side.language_key, kind="stable")
    bounds = np.searchsorted(side.language_key[order], np.arange(shared.shape[0] + 1))
    position = np.full(pop.n_mentors, -1, np.int64)  # a mentor's column within its group
    for group in range(shared.shape[0]):
        smes = order[bounds[group] : bounds[group + 1]]
        mentors = np.flatnonzero(shared[group] & side.available)
        if smes.size == 0 or mentors.size == 0:
            continue
        # B of this group, built for its mentors only (not copied out of the whole B: a
        # gather costs more than computing): the coverage basis, the contexts its SMEs have,
        # and its language row, 0 for all of them. The same elementwise float32 operations
        # as _weighted, and the rows of A keep their order: the same products, the same sums.
        contexts = np.unique(side.context_key[smes])
        a = a_all[smes]
        cols = a.indices.astype(np.int64)
        in_context = (cols >= n_basis) & (cols < n_basis + n_contexts)
        cols[in_context] = n_basis + np.searchsorted(contexts, cols[in_context] - n_basis)
        cols[cols >= n_basis + n_contexts] = n_basis + contexts.size
        a = sp.csr_matrix((a.data, cols, a.indptr), shape=(smes.size, n_basis + contexts.size + 1))
        b = np.empty((n_basis + contexts.size + 1, mentors.size), np.float32)
        np.minimum(
            side.levels[:, None, mentors],
            steps[None, :, None],
            out=b[:n_basis].reshape(-1, MAX_LEVEL, mentors.size),
        )
        theirs = dataclasses.replace(
            side,
            country=side.country[:, mentors],
            region=side.region[:, mentors],
            sector=side.sector[:, mentors],
            mode=side.mode[:, mentors],
            available=side.available[mentors],
        )
        for start in range(0, contexts.size, 256):  # in chunks: bounded temporaries
            chunk = contexts[start : start + 256]
            b[n_basis + start : n_basis + start + chunk.size] = _context_rows(
                theirs, w, side.contexts[chunk]
            )
        b[-1] = 0.0
        position[mentors] = np.arange(mentors.size)
        for start in range(0, smes.size, block):
            rows = smes[start : start + block]
            scores = np.asarray(a[start : start + block] @ b, dtype=np.float32)
            excluded = _pair_exclusions(pop, side, rows)
            at = position[excluded.col]
            inside = at >= 0
            scores[excluded.row[inside], at[inside]] = -np.inf
            yield rows, mentors, scores
        position[mentors] = -1
        del a, b


def _score_small(pop: Population, side: _MentorSide, w: Weights, rows: np.ndarray) -> np.ndarray:
    """The same scores for a few SMEs, without building the table of every SME context."""
    scores = np.zeros((rows.size, pop.n_mentors), np.float32)
    for out, i in enumerate(rows):
        start, stop = side.gap_indptr[i], side.gap_indptr[i + 1]
        cols = side.gap_cols[start:stop]
        shares = (side.gap_share[start:stop] * w.coverage).astype(np.float32)
        basis = np.minimum(side.levels[cols // MAX_LEVEL], (cols % MAX_LEVEL + 1)[:, None])
        scores[out] = shares @ basis.astype(np.float32, copy=False)
    scores += _context_rows(side, w, side.contexts[side.context_key[rows]])
    scores += _language_rows(side, side.language_sets[side.language_key[rows]])
    return scores


# --------------------------------------------------------------------------------------------
# Ranking and recommendations (the candidate pairs of a whole run are pruned in pruning.py)


def rank_key(scores: np.ndarray) -> np.ndarray:
    """Scores rounded to 1/RANK_SCALE point, for ranking: float noise never decides a tie."""
    return np.rint(np.multiply(scores, np.float32(RANK_SCALE), dtype=np.float32))


def recommend(pop: Population, weights: Weights, sme: int, k: int = 10) -> list[tuple[int, float]]:
    """The k best eligible mentors for one SME, best first, ties to the lower mentor index.

    Scores equal to 1/RANK_SCALE point are ties. Scores one SME only (< 1 ms at 10,000 x 5,000).
    """
    scores = score_block(pop, weights, np.array([sme]))[0]
    key = rank_key(scores)
    eligible = np.flatnonzero(np.isfinite(scores))
    if k <= 0 or eligible.size == 0:
        return []
    if eligible.size > k:
        # Everything at least as good as the k-th best (ties included), then an exact sort.
        kth = np.partition(key[eligible], eligible.size - k)[eligible.size - k]
        eligible = eligible[key[eligible] >= kth]
    order = np.lexsort((eligible, -key[eligible]))[:k]
    return [(int(j), float(scores[j])) for j in eligible[order]]


# --------------------------------------------------------------------------------------------
# Explanation (pair by pair, written plainly: it is also the tests' reference for score_block)


class _Rows:
    """A sparse matrix's rows as Python lists, converted once: `_row` for thousands of pairs
    (a run explains every pair it writes) without NumPy scalars. The same numbers: tolist()
    gives what int() and float() of each element give."""

    def __init__(self, matrix: sp.spmatrix) -> None:
        matrix = sp.csr_matrix(matrix)
        self.indptr = matrix.indptr.tolist()
        self.indices = matrix.indices.tolist()
        self.data = matrix.data.tolist()

    def row(self, i: int) -> dict[int, float]:
        start, stop = self.indptr[i], self.indptr[i + 1]
        return {
            int(c): float(v)
            for c, v in zip(self.indices[start:stop], self.data[start:stop], strict=True)
            if v
        }

    def row_set(self, i: int) -> set[int]:
        return set(self.row(i))


_EXPLAINED = (
    "gap_importance",
    "gap_target",
    "mentor_level",
    "mentor_countries",
    "mentor_regions",
    "mentor_sectors",
    "sme_languages",
    "mentor_languages",
    "sme_excluded",
    "declined",
)


def _explain_rows(pop: Population) -> dict[str, _Rows]:
    """The matrices `explain` reads, as _Rows (built once per Population)."""
    return _cached(
        pop,
        "explain_rows",
        lambda: {
            name: _Rows(getattr(pop, name)) for name in _EXPLAINED if getattr(pop, name) is not None
        },
    )


def explain(pop: Population, weights: Weights, sme: int, mentor: int) -> dict:
    """Why a pair scores what it does: points per part, the hard rules it breaks, gap by gap.

    ``score`` is the sum of the parts' points (rounded to 2 decimals), also for an excluded pair
    (``excluded`` then lists the reasons, and `score_block` gives it -inf).
    """
    return _explain(pop, weights.normalised(), _explain_rows(pop), sme, mentor)


def explain_pairs(pop: Population, weights: Weights, pairs: list[tuple[int, int]]) -> list[dict]:
    """`explain` of each (sme, mentor) pair, the same dicts (the weights and rows read once)."""
    w, rows = weights.normalised(), _explain_rows(pop)
    return [_explain(pop, w, rows, sme, mentor) for sme, mentor in pairs]


def _explain(pop: Population, w: Weights, rows: dict[str, _Rows], sme: int, mentor: int) -> dict:
    importance = rows["gap_importance"].row(sme)
    target = rows["gap_target"].row(sme)
    levels = rows["mentor_level"].row(mentor)
    gaps = []
    weighted = total = 0.0
    for s, imp in sorted(importance.items()):
        t = int(target.get(s, 0))
        if t <= 0:
            raise ValueError(f"The gap of SME {sme} in skill {s} has no target level.")
        level = int(levels.get(s, 0))
        covered = min(1.0, level / t)
        weighted += imp * covered
        total += imp
        gaps.append(
            {
                "skill": s,
                "importance": int(imp),
                "target": t,
                "level": level,
                "covered": round(covered, 4),
            }
        )
    coverage = weighted / total if total else 0.0
    countries = rows["mentor_countries"].row_set(mentor)
    regions = rows["mentor_regions"].row_set(mentor)
    if int(pop.sme_country[sme]) in countries:
        region = 1.0
    elif int(pop.sme_region[sme]) in regions:
        region = 0.5
    else:
        region = 0.0
    sector = 1.0 if int(pop.sme_sector[sme]) in rows["mentor_sectors"].row_set(mentor) else 0.0
    mode = 1.0 if MODE_OK[int(pop.sme_mode[sme]), int(pop.mentor_mode[mentor])] else 0.0
    points = {
        "coverage": w.coverage * coverage,
        "region": w.region * region,
        "sector": w.sector * sector,
        "mode": w.mode * mode,
    }

    excluded = []
    if not rows["sme_languages"].row_set(sme) & rows["mentor_languages"].row_set(mentor):
        excluded.append(NO_SHARED_LANGUAGE)
    if pop.mentor_capacity[mentor] <= 0:
        excluded.append(MENTOR_FULL)
    if not pop.mentor_agreement_ok[mentor]:
        excluded.append(AGREEMENT_NOT_ACCEPTED)
    company = int(pop.mentor_company[mentor])
    if company >= 0 and company in rows["sme_excluded"].row_set(sme):
        excluded.append(EXCLUDED_COMPANY)
    if pop.declined is not None and mentor in rows["declined"].row_set(sme):
        excluded.append(DECLINED_BEFORE)
    return {
        "score": round(sum(points.values()), 2),
        "version": ALGORITHM_VERSION,
        "parts": {name: round(points[name], 2) for name in PARTS},
        "excluded": excluded,
        "gaps": gaps,
    }
