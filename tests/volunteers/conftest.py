"""Digital Volunteers fixtures: an approved mentor of the world's company, pledges."""

import pytest

from accounts.enums import MembershipRole
from tests.factories import (
    MembershipFactory,
    MentorProfileFactory,
    MentorSkillFactory,
    PledgeFactory,
)
from volunteers.models import ConfidentialityAgreement


@pytest.fixture
def agreement(db):
    return ConfidentialityAgreement.objects.current()


@pytest.fixture
def mentor(world, agreement):
    """An approved mentor of world.company who accepted the current agreement, with a skill."""
    membership = MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER)
    profile = MentorProfileFactory(
        user=membership.user, company=world.company, state="approved", agreement=agreement
    )
    MentorSkillFactory(mentor=profile)
    return profile


@pytest.fixture
def other_company_admin(db):
    from tests.factories import CompanyFactory

    company = CompanyFactory(name="Other Cloud AG", country="DE")
    return MembershipFactory(organisation=company, role=MembershipRole.ADMIN).user


@pytest.fixture
def approved_pledge(world):
    return PledgeFactory(company=world.company, state="approved", slug="big-digital-se-2026")
