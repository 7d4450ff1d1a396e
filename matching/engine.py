"""From the database to the scorer's arrays and back: who is matched, with which index.

`load_population()` reads the SMEs looking for a mentor and the mentors open to proposals in a
handful of queries and builds the sparse matrices of matching.scoring.Population;
`load_weights()` and `company_quotas()` read the weights and the pledges' targets as the scorer
and the solver take them; `stored_explanation()` turns a pair's explanation back into ids.
`recommend()` and `pair_explanation()` are the reads of one SME (for coordinators and the
services). Nothing here scores: the maths is in scoring.py, pruning.py and solver.py, which never
touch the database.
"""

from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, F, Q, QuerySet
from scipy import sparse

from accounts.enums import EEA_EFTA_STATES, EU_MEMBER_STATES, NaceSection
from volunteers.enums import Language, PledgeState
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
    """The population and the objects behind each row and column."""

    population: scoring.Population
    needs: list[NeedsProfile]
    mentors: list[MentorProfile]
    skills: list[Skill]
    companies: list[int] = field(default_factory=list)  # organisation id per company index


def _bool_matrix(rows: list[list[int]], n_cols: int) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=bool)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))


def _value_matrix(rows: list[list[tuple[int, int]]], n_cols: int) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c, _v in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.fromiter((v for r in rows for _c, v in r), dtype=np.float32, count=int(indptr[-1]))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), n_cols))


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
    mentors: QuerySet[MentorProfile], needs: list[NeedsProfile]
) -> QuerySet[MentorProfile]:
    """Leave out in SQL the mentors a hard rule excludes from every one of these SMEs: no shared
    language, no capacity left, a company they all exclude. The scorer gives those pairs -inf,
    so the scores and ranks of the others do not change; a one-SME recommendation then loads
    a few hundred mentors instead of thousands."""
    languages = sorted({code for n in needs for code in _codes(n.languages)})
    if not languages:
        return mentors.none()
    shared = Q()
    for code in languages:  # codes are two letters: no code is part of another
        shared |= Q(languages__contains=code)
    excluded_by_all = set.intersection(*({c.pk for c in n.excluded_companies.all()} for n in needs))
    return (
        mentors.filter(shared)
        .filter(capacity__gt=F("busy") + F("waiting"))
        .exclude(company_id__in=excluded_by_all)
    )


def load_population(*, only_needs: list[int] | None = None, include_busy: bool = False) -> Loaded:
    """Read everything the scorer needs; mentors' capacity is what their active partnerships and
    open proposals leave.

    `only_needs` (a few SMEs: a recommendation, the next proposal): only the mentors who could
    take one of them, and only their levels in these SMEs' gaps (the rest scores nothing)."""
    skills = list(Skill.objects.selectable().order_by("pk"))
    skill_index = {s.pk: i for i, s in enumerate(skills)}
    needs = list(
        seeking_needs(only=only_needs, include_busy=include_busy).prefetch_related(
            "excluded_companies"
        )
    )
    needs_ids = [n.pk for n in needs]
    gaps_by_needs: dict[int, list[SkillGap]] = {n: [] for n in needs_ids}
    for gap in SkillGap.objects.filter(needs_id__in=needs_ids).only(
        "needs_id", "skill_id", "importance", "target_level"
    ):
        gaps_by_needs[gap.needs_id].append(gap)

    mentors_qs = mentors_open_to_proposals().annotate(
        busy=Count(
            "partnerships",
            filter=Q(partnerships__state=PartnershipState.ACTIVE),
            distinct=True,
        ),
        waiting=Count(
            "proposals", filter=Q(proposals__state=ProposalState.PROPOSED), distinct=True
        ),
    )
    if only_needs is not None:
        mentors_qs = _who_could_take(mentors_qs, needs)
    mentors = list(mentors_qs.order_by("pk"))
    mentor_index = {m.pk: j for j, m in enumerate(mentors)}
    levels = MentorSkill.objects.filter(mentor_id__in=list(mentor_index)).order_by()
    if only_needs is not None:
        gap_skills = {g.skill_id for n in needs for g in gaps_by_needs[n.pk]}
        levels = levels.filter(skill_id__in=gap_skills)
    levels_by_mentor: list[list[tuple[int, int]]] = [[] for _ in mentors]
    for mentor_id, skill_id, level in levels.values_list("mentor_id", "skill_id", "level"):
        if skill_id in skill_index:
            levels_by_mentor[mentor_index[mentor_id]].append((skill_index[skill_id], level))

    companies: list[int] = sorted(
        {m.company_id for m in mentors} | {c.pk for n in needs for c in n.excluded_companies.all()}
    )
    company_index = {c: k for k, c in enumerate(companies)}
    country_index = {c: k for k, c in enumerate(COUNTRIES)}
    regions = sorted({scoring.region_of(c) for c in COUNTRIES})
    region_index = {r: k for k, r in enumerate(regions)}
    language_index = {code: k for k, code in enumerate(LANGUAGES)}
    sector_index = {code: k for k, code in enumerate(SECTORS)}

    def gap_rows(attr: str):
        return [
            [
                (skill_index[g.skill_id], getattr(g, attr))
                for g in gaps_by_needs[n.pk]
                if g.skill_id in skill_index
            ]
            for n in needs
        ]

    declined_pairs = Proposal.objects.filter(
        needs_id__in=needs_ids,
        mentor_id__in=list(mentor_index),
        state__in=[ProposalState.DECLINED, ProposalState.EXPIRED],
    ).values_list("needs_id", "mentor_id")
    needs_position = {pk: i for i, pk in enumerate(needs_ids)}
    declined_rows: list[list[int]] = [[] for _ in needs]
    for needs_id, mentor_id in declined_pairs:
        declined_rows[needs_position[needs_id]].append(mentor_index[mentor_id])

    mentor_countries = [
        [country_index[c] for c in _codes(m.countries) if c in country_index] for m in mentors
    ]
    population = scoring.Population(
        n_skills=len(skills),
        gap_importance=_value_matrix(gap_rows("importance"), len(skills)),
        gap_target=_value_matrix(gap_rows("target_level"), len(skills)),
        sme_languages=_bool_matrix(
            [
                [language_index[c] for c in _codes(n.languages) if c in language_index]
                for n in needs
            ],
            len(LANGUAGES),
        ),
        sme_country=np.array(
            [country_index.get(str(n.organisation.country), 0) for n in needs], dtype=np.int32
        ),
        sme_region=np.array(
            [
                region_index[scoring.region_of(str(n.organisation.country) or COUNTRIES[0])]
                for n in needs
            ],
            dtype=np.int32,
        ),
        sme_sector=np.array(
            [sector_index.get(n.organisation.sector, 0) for n in needs], dtype=np.int32
        ),
        sme_mode=np.array([int(MODES[n.mode]) for n in needs], dtype=np.int32),
        sme_excluded=_bool_matrix(
            [[company_index[c.pk] for c in n.excluded_companies.all()] for n in needs],
            len(companies),
        ),
        mentor_level=_value_matrix(levels_by_mentor, len(skills)),
        mentor_languages=_bool_matrix(
            [
                [language_index[c] for c in _codes(m.languages) if c in language_index]
                for m in mentors
            ],
            len(LANGUAGES),
        ),
        mentor_countries=_bool_matrix(mentor_countries, len(COUNTRIES)),
        mentor_regions=_bool_matrix(
            [
                sorted({region_index[scoring.region_of(COUNTRIES[c])] for c in row})
                for row in mentor_countries
            ],
            len(regions),
        ),
        mentor_sectors=_bool_matrix(
            [[sector_index[c] for c in _codes(m.sectors) if c in sector_index] for m in mentors],
            len(SECTORS),
        ),
        mentor_mode=np.array([int(MODES[m.mode]) for m in mentors], dtype=np.int32),
        mentor_company=np.array([company_index[m.company_id] for m in mentors], dtype=np.int32),
        mentor_capacity=np.array(
            [max(0, m.capacity - m.busy - m.waiting) for m in mentors], dtype=np.int32
        ),
        mentor_agreement_ok=np.ones(len(mentors), dtype=bool),  # the selector requires it
        declined=_bool_matrix(declined_rows, len(mentors)),
    )
    return Loaded(
        population=population, needs=needs, mentors=mentors, skills=skills, companies=companies
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
        {**gap, "skill": loaded.skills[gap["skill"]].pk} for gap in explanation.get("gaps", [])
    ]
    return stored


def recommend(needs: NeedsProfile, *, k: int = 10) -> list[tuple[MentorProfile, float, dict]]:
    """The top k mentors for one SME with their explanation (for coordinators)."""
    weights, _row = load_weights()
    loaded = load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs:
        return []
    ranked = scoring.recommend(loaded.population, weights, 0, k=k)
    return [
        (loaded.mentors[j], score, scoring.explain(loaded.population, weights, 0, j))
        for j, score in ranked
    ]


def pair_explanation(mentor: MentorProfile, needs: NeedsProfile) -> dict | None:
    """The stored explanation of the pair if it is eligible now, else None."""
    weights, _row = load_weights()
    loaded = load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs:
        return None
    j = next((j for j, m in enumerate(loaded.mentors) if m.pk == mentor.pk), None)
    if j is None:
        return None
    explanation = scoring.explain(loaded.population, weights, 0, j)
    if explanation["excluded"]:
        return None
    return stored_explanation(explanation, loaded)
