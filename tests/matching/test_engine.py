"""matching.engine: a one-SME load leaves out in SQL the mentors no hard rule lets take it, and
scores and ranks exactly as the whole population does."""

import pytest

from matching import engine, scoring
from matching.enums import ProposalState
from matching.models import Proposal, Skill
from tests.factories import CompanyFactory, MentorProfileFactory, MentorSkillFactory
from tests.matching.factories import NeedsProfileFactory, PartnershipFactory, SkillGapFactory
from volunteers.models import ConfidentialityAgreement

pytestmark = pytest.mark.django_db


def _mentor(company, *, languages, capacity=1, levels=((0, 4),), **fields):
    mentor = MentorProfileFactory(
        company=company,
        state="approved",
        agreement=ConfidentialityAgreement.objects.current(),
        languages=list(languages),
        capacity=capacity,
        **fields,
    )
    skills = list(Skill.objects.selectable().order_by("pk"))
    for offset, level in levels:
        MentorSkillFactory(mentor=mentor, skill=skills[offset], level=level)
    return mentor


@pytest.fixture
def population(world):
    """Three SMEs and mentors each hard rule keeps out of some of them."""
    skills = list(Skill.objects.selectable().order_by("pk"))
    rival = CompanyFactory(name="Rival SE")
    other = CompanyFactory(name="Other SE")
    french = NeedsProfileFactory(organisation=world.sme, languages=["fr"])
    french.excluded_companies.set([rival])
    both = NeedsProfileFactory(organisation=world.other_sme, languages=["de", "en"], mode="remote")
    for needs, gaps in ((french, [(0, 3, 4), (2, 1, 2)]), (both, [(1, 2, 3), (0, 1, 5)])):
        for offset, importance, target in gaps:
            SkillGapFactory(
                needs=needs, skill=skills[offset], importance=importance, target_level=target
            )
    mentors = [
        _mentor(world.company, languages=["fr", "en"], levels=[(0, 5), (2, 1), (5, 3)]),
        _mentor(world.company, languages=["en"], levels=[(0, 3), (1, 4)], mode="on_site"),
        _mentor(rival, languages=["fr"], levels=[(0, 5)]),  # excluded by the French SME
        _mentor(other, languages=["de"], levels=[(1, 5), (0, 2)], capacity=2),
        _mentor(other, languages=["it"], levels=[(0, 5)]),  # speaks with nobody
        _mentor(other, languages=["fr", "de"], levels=[(0, 4), (1, 1)]),  # full: see below
        _mentor(other, languages=["fr"], levels=[(2, 2)], countries=["FR"], sectors=["J"]),
    ]
    PartnershipFactory(mentor=mentors[5], needs=NeedsProfileFactory(status="closed"))
    # a pair declined before, and a proposal waiting (it uses one of the mentor's two places)
    Proposal.objects.create(
        needs=french, mentor=mentors[6], score=1, state=ProposalState.DECLINED,
        algorithm_version="1.0",
    )  # fmt: skip
    Proposal.objects.create(
        needs=NeedsProfileFactory(status="closed"), mentor=mentors[3], score=1,
        state=ProposalState.PROPOSED, algorithm_version="1.0",
    )  # fmt: skip
    return [french, both]


def _ranked_in_whole_population(needs) -> list[tuple[int, float]]:
    weights, _row = engine.load_weights()
    whole = engine.load_population(include_busy=True)
    row = [n.pk for n in whole.needs].index(needs.pk)
    ranked = scoring.recommend(whole.population, weights, row, k=100)
    return [(whole.mentors[j].pk, score) for j, score in ranked]


def test_one_sme_load_ranks_as_the_whole_population(population):
    for needs in population:
        expected = _ranked_in_whole_population(needs)

        ranked = engine.recommend(needs, k=100)

        assert [(mentor.pk, score) for mentor, score, _explanation in ranked] == expected
        assert expected  # somebody can take each SME


def test_one_sme_load_explains_as_the_whole_population(population):
    weights, _row = engine.load_weights()
    whole = engine.load_population(include_busy=True)
    for needs in population:
        row = [n.pk for n in whole.needs].index(needs.pk)
        by_mentor = {m.pk: j for j, m in enumerate(whole.mentors)}

        ranked = engine.recommend(needs, k=100)

        for mentor, _score, explanation in ranked:
            assert explanation == scoring.explain(
                whole.population, weights, row, by_mentor[mentor.pk]
            )


def test_one_sme_load_leaves_out_mentors_who_cannot_take_it(population):
    french, both = population

    loaded = engine.load_population(only_needs=[french.pk], include_busy=True)

    names = {m.company.name for m in loaded.mentors}
    assert "Rival SE" not in names
    assert all("fr" in m.languages for m in loaded.mentors)
    assert len(loaded.mentors) == 2  # the French speakers but the rival's and the full one
    assert len(engine.load_population(only_needs=[both.pk]).mentors) == 3
