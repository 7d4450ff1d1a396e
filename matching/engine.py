"""From the database to the scorer's arrays and back: who is matched, with which index.

`load_population()` reads the SMEs looking for a mentor and the mentors open to proposals in a
handful of queries and builds the sparse matrices of matching.scoring.Population;
`load_weights()` and `company_quotas()` read the weights and the pledges' targets as the scorer
and the solver take them; `stored_explanation()` turns a pair's explanation back into ids.
`recommend()` and `pair_explanation()` are the reads of one SME (for coordinators and the
services). Nothing here scores: the maths is in scoring.py, pruning.py and solver.py, which never
touch the database.
"""

import itertools
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.db.models import CharField, Count, ExpressionWrapper, F, Q, QuerySet
from scipy import sparse

from accounts.enums import EEA_EFTA_STATES, EU_MEMBER_STATES, NaceSection
from volunteers.enums import Language, MentorState, PledgeState
from volunteers.models import MentorProfile, MentorSkill, Pledge
from volunteers.selectors import mentors_open_to_proposals

from . import scoring
from .enums import MentoringMode, NeedsStatus, PartnershipState, ProposalState
from .models import NeedsProfile, Partnership, Proposal, ScoringSettings, Skill, SkillGap

COUNTRIES = list(EU_MEMBER_STATES + EEA_EFTA_STATES)
LANGUAGES = list(Language.values)
SECTORS = list(NaceSection.values)
MODES = {
    MentoringMode.REMOTE: scoring.Mode.REMOTE,
    MentoringMode.ON_SITE: scoring.Mode.ON_SITE,
    MentoringMode.EITHER: scoring.Mode.EITHER,
}


@dataclass
class Loaded:
    """The population and the ids behind each row and column (plain integers: a run of 10,000
    SMEs does not build 15,000 model instances). `needs` and `mentors`, the model instances in
    the same order, are read on first use (a recommendation shows its mentors)."""

    population: scoring.Population
    needs_ids: list[int]
    mentor_ids: list[int]
    skill_ids: list[int]
    companies: list[int] = field(default_factory=list)  # organisation id per company index

    @cached_property
    def needs(self) -> list[NeedsProfile]:
        by_pk = NeedsProfile.objects.select_related("organisation").in_bulk(self.needs_ids)
        return [by_pk[pk] for pk in self.needs_ids]

    @cached_property
    def mentors(self) -> list[MentorProfile]:
        by_pk = MentorProfile.objects.select_related("user", "company").in_bulk(self.mentor_ids)
        return [by_pk[pk] for pk in self.mentor_ids]


def _csr(indptr: list[int] | np.ndarray, indices, data, n_cols: int) -> sparse.csr_matrix:
    indptr = np.asarray(indptr, dtype=np.int64)
    indices = np.asarray(indices, dtype=np.int32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, n_cols))


def _sets_matrix(indptr: list[int], indices: list[int], n_cols: int) -> sparse.csr_matrix:
    return _csr(indptr, indices, np.ones(len(indices), dtype=bool), n_cols)


def _bool_matrix(rows: list[list[int]], n_cols: int) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=bool)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))


def _pairs_matrix(rows: np.ndarray, cols: np.ndarray, values, n_rows: int, n_cols: int):
    """A CSR matrix from (row, col, value) triples in any order (rows sorted, columns too)."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    order = np.lexsort((cols, rows))
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    return _csr(indptr, cols[order], np.asarray(values)[order], n_cols)


def _codes(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    return [str(v) for v in value]


def seeking_needs(*, only: list[int] | None = None, include_busy: bool = False):
    """SMEs looking for a mentor: active needs with gaps, no active partnership and no proposal
    waiting for answers (`include_busy`: those too, for a coordinator's recommendations)."""
    queryset = (
        NeedsProfile.objects.filter(status=NeedsStatus.ACTIVE)
        .annotate(
            gap_count=Count("gaps", distinct=True),
            busy=Count(
                "partnerships",
                filter=Q(partnerships__state=PartnershipState.ACTIVE),
                distinct=True,
            ),
            waiting=Count(
                "proposals",
                filter=Q(proposals__state=ProposalState.PROPOSED),
                distinct=True,
            ),
        )
        .filter(gap_count__gt=0)
        .select_related("organisation")
        .order_by("pk")
    )
    if not include_busy:
        queryset = queryset.filter(busy=0, waiting=0)
    if only is not None:
        queryset = queryset.filter(pk__in=only)
    return queryset


def _who_could_take(
    mentors: QuerySet[MentorProfile], languages: list[str], excluded: list[list[int]]
) -> QuerySet[MentorProfile]:
    """Leave out in SQL the mentors a hard rule excludes from every one of these SMEs (their
    languages and excluded companies given): no shared language, no capacity left, a company
    they all exclude. The scorer gives those pairs -inf, so the scores and ranks of the others
    do not change; a one-SME recommendation then loads a few hundred mentors instead of
    thousands."""
    codes = sorted({code for value in languages for code in _codes(value)})
    if not codes:
        return mentors.none()
    shared = Q()
    for code in codes:  # codes are two letters: no code is part of another
        shared |= Q(languages__contains=code)
    excluded_by_all = set.intersection(*(set(row) for row in excluded))
    return (
        mentors.filter(shared)
        .filter(capacity__gt=F("busy") + F("waiting"))
        .exclude(company_id__in=excluded_by_all)
    )


def _raw(path: str) -> ExpressionWrapper:
    """A column as the database stores it (comma-separated codes for the multiple-choice
    fields): no per-row conversion to lists and Country objects."""
    return ExpressionWrapper(F(path), output_field=CharField())


def _of(only_needs: list[int] | None, relation: str, ids: list[int], **superset) -> Q:
    """The rows of these SMEs or mentors: by id for a few SMEs' load; for a whole run, the
    plain condition `superset` (rows outside are dropped while reading), not an IN list of
    10,000 ids that Django prepares one by one and PostgreSQL parses."""
    if only_needs is not None:
        return Q(**{f"{relation}_id__in": ids})
    return Q(**superset)


def _index_sets(values: list[str], index: dict[str, int]) -> tuple[list[int], list[int]]:
    """(indptr, indices) of each row's codes (comma-separated) that `index` knows, in order."""
    indptr, indices = [0], []
    for value in values:
        indices.extend(index[c] for c in _codes(value) if c in index)
        indptr.append(len(indices))
    return indptr, indices


def load_population(*, only_needs: list[int] | None = None, include_busy: bool = False) -> Loaded:
    """Read everything the scorer needs; mentors' capacity is what their active partnerships and
    open proposals leave.

    Plain rows (values_list), no model instances: a run of 10,000 SMEs x 5,000 mentors reads
    them in a few queries and builds the arrays column by column.

    `only_needs` (a few SMEs: a recommendation, the next proposal): only the mentors who could
    take one of them, and only their levels in these SMEs' gaps (the rest scores nothing)."""
    skill_ids = list(Skill.objects.selectable().order_by("pk").values_list("pk", flat=True))
    skill_index = {pk: i for i, pk in enumerate(skill_ids)}
    needs_rows = list(
        seeking_needs(only=only_needs, include_busy=include_busy)
        .select_related(None)
        .values_list(
            "pk", _raw("languages"), "mode", _raw("organisation__country"), "organisation__sector"
        )
    )
    needs_ids = [row[0] for row in needs_rows]
    needs_position = {pk: i for i, pk in enumerate(needs_ids)}
    n_needs = len(needs_ids)
    excluded_pairs = NeedsProfile.excluded_companies.through.objects.filter(
        _of(only_needs, "needsprofile", needs_ids, needsprofile__status=NeedsStatus.ACTIVE)
    ).values_list("needsprofile_id", "organisation_id")
    excluded_by_needs: list[list[int]] = [[] for _ in needs_ids]
    for needs_id, company_id in excluded_pairs:
        if needs_id in needs_position:
            excluded_by_needs[needs_position[needs_id]].append(company_id)

    mentors_qs = (
        mentors_open_to_proposals()
        .select_related(None)
        .annotate(
            busy=Count(
                "partnerships",
                filter=Q(partnerships__state=PartnershipState.ACTIVE),
                distinct=True,
            ),
            waiting=Count(
                "proposals", filter=Q(proposals__state=ProposalState.PROPOSED), distinct=True
            ),
        )
    )
    if only_needs is not None:
        mentors_qs = _who_could_take(mentors_qs, [row[1] for row in needs_rows], excluded_by_needs)
    mentor_rows = list(
        mentors_qs.order_by("pk").values_list(
            "pk",
            "company_id",
            _raw("languages"),
            _raw("countries"),
            _raw("sectors"),
            "mode",
            "capacity",
            "busy",
            "waiting",
        )
    )
    mentor_ids = [row[0] for row in mentor_rows]
    mentor_index = {pk: j for j, pk in enumerate(mentor_ids)}
    n_mentors = len(mentor_ids)

    gaps = SkillGap.objects.filter(
        _of(only_needs, "needs", needs_ids, needs__status=NeedsStatus.ACTIVE)
    ).values_list("needs_id", "skill_id", "importance", "target_level")
    gap_rows, gap_cols, gap_importance, gap_target = [], [], [], []
    gap_skills = set()
    for needs_id, skill_id, importance, target in gaps.order_by():
        if skill_id in skill_index and needs_id in needs_position:
            gap_rows.append(needs_position[needs_id])
            gap_cols.append(skill_index[skill_id])
            gap_importance.append(importance)
            gap_target.append(target)
            gap_skills.add(skill_id)
    levels = MentorSkill.objects.filter(
        _of(only_needs, "mentor", mentor_ids, mentor__state=MentorState.APPROVED)
    ).order_by()
    if only_needs is not None:
        levels = levels.filter(skill_id__in=gap_skills)
    level_rows, level_cols, level_values = [], [], []
    for mentor_id, skill_id, level in levels.values_list("mentor_id", "skill_id", "level"):
        if skill_id in skill_index and mentor_id in mentor_index:
            level_rows.append(mentor_index[mentor_id])
            level_cols.append(skill_index[skill_id])
            level_values.append(level)

    companies: list[int] = sorted(
        {row[1] for row in mentor_rows} | {c for row in excluded_by_needs for c in row}
    )
    company_index = {c: k for k, c in enumerate(companies)}
    country_index = {c: k for k, c in enumerate(COUNTRIES)}
    regions = sorted({scoring.region_of(c) for c in COUNTRIES})
    region_index = {r: k for k, r in enumerate(regions)}
    country_region = [region_index[scoring.region_of(c)] for c in COUNTRIES]
    language_index = {code: k for k, code in enumerate(LANGUAGES)}
    sector_index = {code: k for k, code in enumerate(SECTORS)}
    mode_index = {str(mode): int(value) for mode, value in MODES.items()}

    declined_pairs = Proposal.objects.filter(
        _of(only_needs, "needs", needs_ids),
        state__in=[ProposalState.DECLINED, ProposalState.EXPIRED],
    ).values_list("needs_id", "mentor_id")
    declined_rows, declined_cols = [], []
    for needs_id, mentor_id in declined_pairs:
        if needs_id not in needs_position or mentor_id not in mentor_index:
            continue
        declined_rows.append(needs_position[needs_id])
        declined_cols.append(mentor_index[mentor_id])

    _pk, needs_languages, needs_modes, needs_countries, needs_sectors = (
        zip(*needs_rows, strict=True) if needs_rows else ([],) * 5
    )
    (
        _pk,
        mentor_companies,
        mentor_languages,
        mentor_country_codes,
        mentor_sectors,
        mentor_modes,
        capacity,
        busy,
        waiting,
    ) = zip(*mentor_rows, strict=True) if mentor_rows else ([],) * 9
    country_ptr, country_cols = _index_sets(mentor_country_codes, country_index)
    # each mentor's regions: those of its countries, sorted and unique
    region_ptr, region_cols = [0], []
    for start, stop in itertools.pairwise(country_ptr):
        region_cols.extend(sorted({country_region[c] for c in country_cols[start:stop]}))
        region_ptr.append(len(region_cols))
    sme_country_codes = [str(code or "") for code in needs_countries]
    population = scoring.Population(
        n_skills=len(skill_ids),
        gap_importance=_pairs_matrix(
            gap_rows, gap_cols, np.array(gap_importance, np.float32), n_needs, len(skill_ids)
        ),
        gap_target=_pairs_matrix(
            gap_rows, gap_cols, np.array(gap_target, np.float32), n_needs, len(skill_ids)
        ),
        sme_languages=_sets_matrix(*_index_sets(needs_languages, language_index), len(LANGUAGES)),
        sme_country=np.array(
            [country_index.get(code, 0) for code in sme_country_codes], dtype=np.int32
        ),
        sme_region=np.array(
            [region_index[scoring.region_of(code or COUNTRIES[0])] for code in sme_country_codes],
            dtype=np.int32,
        ),
        sme_sector=np.array([sector_index.get(code, 0) for code in needs_sectors], dtype=np.int32),
        sme_mode=np.array([mode_index[mode] for mode in needs_modes], dtype=np.int32),
        sme_excluded=_bool_matrix(
            [[company_index[c] for c in row] for row in excluded_by_needs], len(companies)
        ),
        mentor_level=_pairs_matrix(
            level_rows, level_cols, np.array(level_values, np.float32), n_mentors, len(skill_ids)
        ),
        mentor_languages=_sets_matrix(
            *_index_sets(mentor_languages, language_index), len(LANGUAGES)
        ),
        mentor_countries=_sets_matrix(country_ptr, country_cols, len(COUNTRIES)),
        mentor_regions=_sets_matrix(region_ptr, region_cols, len(regions)),
        mentor_sectors=_sets_matrix(*_index_sets(mentor_sectors, sector_index), len(SECTORS)),
        mentor_mode=np.array([mode_index[mode] for mode in mentor_modes], dtype=np.int32),
        mentor_company=np.array([company_index[c] for c in mentor_companies], dtype=np.int32),
        mentor_capacity=np.maximum(
            0,
            np.array(capacity, dtype=np.int32)
            - np.array(busy, dtype=np.int32)
            - np.array(waiting, dtype=np.int32),
        ).astype(np.int32),
        mentor_agreement_ok=np.ones(n_mentors, dtype=bool),  # the selector requires it
        declined=_pairs_matrix(
            declined_rows, declined_cols, np.ones(len(declined_rows), bool), n_needs, n_mentors
        ),
    )
    return Loaded(
        population=population,
        needs_ids=needs_ids,
        mentor_ids=mentor_ids,
        skill_ids=skill_ids,
        companies=companies,
    )


# --------------------------------------------------------------------------------------------
# Weights, quotas, explanations
# --------------------------------------------------------------------------------------------
def load_weights() -> tuple[scoring.Weights, ScoringSettings]:
    """The coordinators' weights, normalised to 100 points, and the settings row they came from."""
    row = ScoringSettings.load()
    weights = scoring.Weights(
        coverage=row.coverage, region=row.region, sector=row.sector, mode=row.mode
    ).normalised()
    return weights, row


def weights_dict(weights: scoring.Weights) -> dict:
    """The weights as a run records them."""
    return {name: round(getattr(weights, name), 4) for name in scoring.PARTS}


def company_quotas(loaded: Loaded) -> np.ndarray:
    """SMEs each company may still take under its pledge's target (no target: no limit)."""
    quota = np.full(len(loaded.companies), np.iinfo(np.int32).max // 4, dtype=np.int64)
    targets = dict(
        Pledge.objects.filter(company_id__in=loaded.companies, state=PledgeState.APPROVED)
        .exclude(target_smes=0)
        .values_list("company_id", "target_smes")
    )
    supported = dict(
        Partnership.objects.filter(mentor__company_id__in=list(targets))
        .exclude(state=PartnershipState.ENDED_EARLY)
        .values("mentor__company_id")
        .annotate(n=Count("needs", distinct=True))
        .values_list("mentor__company_id", "n")
    )
    for k, company_id in enumerate(loaded.companies):
        if company_id in targets:
            quota[k] = max(0, targets[company_id] - supported.get(company_id, 0))
    return quota


def stored_explanation(explanation: dict, loaded: Loaded) -> dict:
    """The explanation with skill ids instead of indices (stable across runs)."""
    stored = dict(explanation)
    stored["gaps"] = [
        {**gap, "skill": loaded.skill_ids[gap["skill"]]} for gap in explanation.get("gaps", [])
    ]
    return stored


def recommend(needs: NeedsProfile, *, k: int = 10) -> list[tuple[MentorProfile, float, dict]]:
    """The top k mentors for one SME with their explanation (for coordinators)."""
    weights, _row = load_weights()
    loaded = load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs_ids:
        return []
    ranked = scoring.recommend(loaded.population, weights, 0, k=k)
    mentors = MentorProfile.objects.select_related("user", "company").in_bulk(
        [loaded.mentor_ids[j] for j, _score in ranked]
    )
    return [
        (
            mentors[loaded.mentor_ids[j]],
            score,
            scoring.explain(loaded.population, weights, 0, j),
        )
        for j, score in ranked
    ]


def pair_explanation(mentor: MentorProfile, needs: NeedsProfile) -> dict | None:
    """The stored explanation of the pair if it is eligible now, else None."""
    weights, _row = load_weights()
    loaded = load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs_ids or mentor.pk not in loaded.mentor_ids:
        return None
    j = loaded.mentor_ids.index(mentor.pk)
    explanation = scoring.explain(loaded.population, weights, 0, j)
    if explanation["excluded"]:
        return None
    return stored_explanation(explanation, loaded)
