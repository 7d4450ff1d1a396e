"""A seeded synthetic population for the matching benchmark and tests (pure NumPy, no database).

Shaped like the portal's data: 88+ skills of uneven popularity, SMEs with 3-8 gaps (importance 1-3,
target 1-5), mentors with 4-12 skills (levels 1-5, leaning high: they come from large companies),
capacities 1-5, 12 languages (SMEs speak 1-2, mentors 1-3, a few languages common), the 30 EU/EEA
countries in 4 macro-regions (mentors serve 1-4 countries, mostly around a home country), 21 NACE
sections, companies with many mentors, about one SME in five excluding 1-3 companies, about 95% of
mentors bound by the current agreement, and a few pairs declined before.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from matching.scoring import REGIONS, Population, region_of

COUNTRIES = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
)  # fmt: skip
COUNTRY_REGION = np.array([REGIONS.index(region_of(code)) for code in COUNTRIES])


def _zipf(n: int, exponent: float) -> np.ndarray:
    p = 1.0 / np.arange(1, n + 1) ** exponent
    return p / p.sum()


def _choose_sets(
    rng: np.random.Generator, n_rows: int, sizes: np.ndarray, p: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each row i, sizes[i] distinct items drawn with probabilities p (Gumbel top-k).

    Returns (row, item) arrays.
    """
    keys = np.log(p)[None, :] + rng.gumbel(size=(n_rows, p.size))
    order = np.argsort(-keys, axis=1)
    take = np.arange(p.size)[None, :] < np.minimum(sizes, p.size)[:, None]
    rows = np.nonzero(take)[0]
    return rows, order[take]


def _bool_csr(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    matrix = sp.csr_matrix((np.ones(rows.size, bool), (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    return matrix


def population(
    n_smes: int,
    n_mentors: int,
    *,
    seed: int = 0,
    n_skills: int = 88,
    n_languages: int = 12,
    n_sectors: int = 21,
    n_companies: int | None = None,
    agreement_rate: float = 0.95,
    excluding_rate: float = 0.2,
    declined_rate: float = 0.05,
) -> Population:
    """A synthetic population; the same arguments always give the same arrays."""
    rng = np.random.default_rng(seed)
    n_countries = len(COUNTRIES)
    if n_companies is None:
        n_companies = max(1, n_mentors // 25)
    skill_p = rng.permutation(_zipf(n_skills, 0.8))  # some skills much in demand
    language_p = _zipf(n_languages, 1.3)  # language 0 common, the tail rare
    country_p = rng.dirichlet(np.full(n_countries, 2.0))
    sector_p = rng.dirichlet(np.full(n_sectors, 1.5))

    # SMEs
    gaps = rng.integers(3, 9, n_smes)
    rows, skills = _choose_sets(rng, n_smes, gaps, skill_p)
    importance = rng.integers(1, 4, rows.size)
    targets = rng.choice(np.arange(1, 6), rows.size, p=[0.1, 0.25, 0.3, 0.25, 0.1])
    gap_importance = sp.csr_matrix((importance, (rows, skills)), shape=(n_smes, n_skills))
    gap_target = sp.csr_matrix((targets, (rows, skills)), shape=(n_smes, n_skills))
    rows, langs = _choose_sets(rng, n_smes, rng.integers(1, 3, n_smes), language_p)
    sme_languages = _bool_csr(rows, langs, (n_smes, n_languages))
    sme_country = rng.choice(n_countries, n_smes, p=country_p)
    sme_region = COUNTRY_REGION[sme_country]
    sme_sector = rng.choice(n_sectors, n_smes, p=sector_p)
    sme_mode = rng.choice(3, n_smes, p=[0.3, 0.2, 0.5])
    excluding = np.flatnonzero(rng.random(n_smes) < excluding_rate)
    company_p = _zipf(n_companies, 1.0)
    rows, companies = _choose_sets(
        rng, excluding.size, rng.integers(1, 4, excluding.size), company_p
    )
    sme_excluded = _bool_csr(excluding[rows], companies, (n_smes, n_companies))

    # mentors
    rows, skills = _choose_sets(rng, n_mentors, rng.integers(4, 13, n_mentors), skill_p)
    levels = rng.choice(np.arange(1, 6), rows.size, p=[0.05, 0.15, 0.3, 0.3, 0.2])
    mentor_level = sp.csr_matrix((levels, (rows, skills)), shape=(n_mentors, n_skills))
    rows, langs = _choose_sets(rng, n_mentors, rng.integers(1, 4, n_mentors), language_p)
    mentor_languages = _bool_csr(rows, langs, (n_mentors, n_languages))
    home = rng.choice(n_countries, n_mentors, p=country_p)
    # Countries served: the home country, then others, mostly in the home region.
    near = (COUNTRY_REGION[None, :] == COUNTRY_REGION[home][:, None]) * 8.0 + 1.0
    keys = np.log(near) + rng.gumbel(size=near.shape)
    keys[np.arange(n_mentors), home] = np.inf
    order = np.argsort(-keys, axis=1)
    take = np.arange(n_countries)[None, :] < rng.integers(1, 5, n_mentors)[:, None]
    rows = np.nonzero(take)[0]
    countries = order[take]
    mentor_countries = _bool_csr(rows, countries, (n_mentors, n_countries))
    mentor_regions = _bool_csr(rows, COUNTRY_REGION[countries], (n_mentors, len(REGIONS)))
    rows, sectors = _choose_sets(rng, n_mentors, rng.integers(1, 5, n_mentors), sector_p)
    mentor_sectors = _bool_csr(rows, sectors, (n_mentors, n_sectors))
    mentor_mode = rng.choice(3, n_mentors, p=[0.35, 0.15, 0.5])
    mentor_company = rng.choice(n_companies, n_mentors, p=company_p)
    mentor_capacity = rng.integers(1, 6, n_mentors)
    mentor_agreement_ok = rng.random(n_mentors) < agreement_rate

    n_declined = int(n_smes * declined_rate) if n_mentors else 0
    declined = _bool_csr(
        rng.integers(0, n_smes, n_declined),
        rng.integers(0, max(n_mentors, 1), n_declined),
        (n_smes, n_mentors),
    )
    return Population(
        n_skills=n_skills,
        gap_importance=gap_importance,
        gap_target=gap_target,
        sme_languages=sme_languages,
        sme_country=sme_country,
        sme_region=sme_region,
        sme_sector=sme_sector,
        sme_mode=sme_mode,
        sme_excluded=sme_excluded,
        mentor_level=mentor_level,
        mentor_languages=mentor_languages,
        mentor_countries=mentor_countries,
        mentor_regions=mentor_regions,
        mentor_sectors=mentor_sectors,
        mentor_mode=mentor_mode,
        mentor_company=mentor_company,
        mentor_capacity=mentor_capacity,
        mentor_agreement_ok=mentor_agreement_ok,
        declined=declined,
    )
