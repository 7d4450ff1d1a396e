"""Matchmaking factories: needs, gaps, proposals (with an explanation like the scorer's),
partnerships and check-ins. Nothing surprising inside: states and dates are what the test says."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.enums import MembershipRole
from matching import services
from matching.enums import MentoringMode, NeedsStatus, PartnershipState, ProposalState
from matching.models import Skill
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    MentorSkillFactory,
    OrganisationFactory,
    PledgeFactory,
)
from volunteers.models import ConfidentialityAgreement


def _skill(offset: int = 0):
    return Skill.objects.selectable().order_by("pk")[offset]


class NeedsProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.NeedsProfile"

    organisation = factory.SubFactory(OrganisationFactory)
    challenge = "We want to move our order book from paper to a shared online system."
    languages = ["en", "fr"]
    mode = MentoringMode.EITHER
    region = ""
    maturity = factory.LazyFunction(lambda: {"strategy": 1, "data": 2})
    status = NeedsStatus.ACTIVE


class SkillGapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.SkillGap"

    needs = factory.SubFactory(NeedsProfileFactory)
    skill = factory.LazyFunction(lambda: _skill(0))
    importance = 3
    target_level = 3


def explanation_for(skill_id: int | None = None, *, score: float = 72.5) -> dict:
    """An explanation shaped like scoring.explain's (points per part add up to the score)."""
    gaps = []
    if skill_id is not None:
        gaps = [{"skill": skill_id, "importance": 3, "target": 3, "level": 3, "covered": 1.0}]
    return {
        "score": score,
        "version": "1.0",
        "parts": {"coverage": score - 25.0, "region": 15.0, "sector": 0.0, "mode": 10.0},
        "excluded": [],
        "gaps": gaps,
    }


class ProposalFactory(factory.django.DjangoModelFactory):
    """A released proposal (state PROPOSED) by default."""

    class Meta:
        model = "matching.Proposal"

    needs = factory.SubFactory(NeedsProfileFactory)
    mentor = factory.SubFactory(MentorProfileFactory, state="approved")
    score = 72.5
    explanation = factory.LazyFunction(lambda: explanation_for(_skill(0).pk))
    algorithm_version = "1.0"
    state = ProposalState.PROPOSED
    released_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))


class PartnershipFactory(factory.django.DjangoModelFactory):
    """An active partnership from an accepted proposal of the same SME and mentor."""

    class Meta:
        model = "matching.Partnership"

    needs = factory.SubFactory(NeedsProfileFactory)
    mentor = factory.SubFactory(MentorProfileFactory, state="approved")
    proposal = factory.SubFactory(
        ProposalFactory,
        needs=factory.SelfAttribute("..needs"),
        mentor=factory.SelfAttribute("..mentor"),
        state=ProposalState.ACCEPTED,
        sme_answer="accepted",
        mentor_answer="accepted",
        closed_at=factory.LazyFunction(timezone.now),
    )
    state = PartnershipState.ACTIVE
    goals = "Put the order book online."


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.CheckIn"

    partnership = factory.SubFactory(PartnershipFactory)
    date = factory.LazyFunction(timezone.localdate)
    note = "We mapped the ordering process."
    hours = Decimal("1.5")
    side = "mentor"


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.SelfAssessment"

    partnership = factory.SubFactory(PartnershipFactory)
    needs = factory.SelfAttribute("partnership.needs")
    moment = "start"
    maturity = factory.LazyFunction(lambda: {"strategy": 1})
    gaps = factory.LazyFunction(list)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.Feedback"

    partnership = factory.SubFactory(PartnershipFactory, state=PartnershipState.COMPLETED)
    side = "sme"
    rating = 4
    text = "Helpful."


# --------------------------------------------------------------------------------------------
# A scene for the views' tests: the world's SME with needs, a proposal to a mentor of the
# world's company, another mentor elsewhere, and the company's approved pledge
# --------------------------------------------------------------------------------------------
CANARY = "CANARY-7f3a-CONFIDENTIAL-CHALLENGE"


@dataclass
class Scene:
    needs: object
    mentor: object
    other_mentor: object
    proposal: object
    pledge: object


def mentoring_scene(world, *, challenge: str = CANARY) -> Scene:
    agreement = ConfidentialityAgreement.objects.current()
    needs = NeedsProfileFactory(organisation=world.sme, challenge=challenge)
    SkillGapFactory(needs=needs, skill=_skill(0), importance=3, target_level=3)
    SkillGapFactory(needs=needs, skill=_skill(1), importance=1, target_level=2)
    member = MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER).user
    mentor = MentorProfileFactory(
        user=member, company=world.company, state="approved", agreement=agreement
    )
    MentorSkillFactory(mentor=mentor, skill=_skill(0), level=4)
    elsewhere = CompanyFactory(name="Elsewhere Cloud AG", country="DE")
    other_member = MembershipFactory(organisation=elsewhere, role=MembershipRole.MEMBER).user
    other_mentor = MentorProfileFactory(
        user=other_member, company=elsewhere, state="approved", agreement=agreement
    )
    pledge = PledgeFactory(company=world.company, state="approved", slug="big-digital-se-2026")
    proposal = ProposalFactory(needs=needs, mentor=mentor)
    return Scene(needs, mentor, other_mentor, proposal, pledge)


def people_of(world, scene: Scene) -> dict:
    """role → user for the roles of the matchmaking tests (no entry: anonymous)."""
    return {
        "outsider": world.outsider,
        "sme_admin": world.sme_admin,
        "sme_member": world.sme_member,
        "other_sme_admin": world.other_sme_admin,
        "mentor": scene.mentor.user,
        "other_mentor": scene.other_mentor.user,
        "company_admin": world.company_admin,
        "coordinator": world.coordinator,
    }


ROLES = [
    "anonymous",
    "outsider",
    "sme_admin",
    "sme_member",
    "other_sme_admin",
    "mentor",
    "other_mentor",
    "company_admin",
    "coordinator",
]


# --------------------------------------------------------------------------------------------
# Needs and mentors through the services, by skill code (advanced digital areas)
# --------------------------------------------------------------------------------------------
def skill_coded(code: str) -> Skill:
    """A competence of the advanced digital areas framework by its code ("AI", "CYB", ...)."""
    return Skill.objects.selectable().get(framework__key="advanced", code=code)


def needs_for(organisation, *, gaps=(("AI", 3, 3),), languages=("en",), **fields):
    """The SME's active needs saved by one of its admins (a member made if it has none)."""
    admin = organisation.memberships.filter(role=MembershipRole.ADMIN).first()
    user = admin.user if admin else MembershipFactory(organisation=organisation).user
    return services.needs_save(
        user=user,
        organisation=organisation,
        fields={"languages": list(languages), "status": "active", "challenge": "Secret plan.",
                **fields},
        gaps=[(skill_coded(code), importance, target) for code, importance, target in gaps],
    )  # fmt: skip


def mentor_for(company, *, skills=(("AI", 4),), languages=("en",), capacity=1, **fields):
    """An approved mentor of `company`, bound by the agreement in force, with these levels."""
    mentor = MentorProfileFactory(
        company=company,
        state="approved",
        agreement=ConfidentialityAgreement.objects.current(),
        languages=list(languages),
        capacity=capacity,
        **fields,
    )
    for code, level in skills:
        MentorSkillFactory(mentor=mentor, skill=skill_coded(code), level=level)
    return mentor
