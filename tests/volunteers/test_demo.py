"""The newcomer's demo (issue #15): at least eight approved pledges (one starting later, shown
as upcoming), one awaiting approval and one completed; twenty approved mentors with skills,
languages and countries, one awaiting approval; invitations to mentor still open. Once."""

import io

import pytest
from django.core.management import call_command

from volunteers.enums import PledgePhase
from volunteers.models import (
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
    PledgeTransition,
)

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    models = (Pledge, PledgeTransition, MentorProfile, MentorSkill, MentorInvitation)
    return tuple(model.objects.count() for model in models)


def test_seed_demo_creates_pledges_mentors_and_invitations_once():
    call_command("seed_demo", "--force", stdout=io.StringIO())
    first = _counts()

    call_command("seed_demo", "--force", stdout=io.StringIO())

    assert _counts() == first
    pledges = list(Pledge.objects.all())
    assert sum(p.state == "approved" for p in pledges) >= 8
    assert sorted(p.state for p in pledges if p.state != "approved") == ["completed", "pending"]
    phases = [p.phase for p in pledges if p.state == "approved"]
    assert phases.count(PledgePhase.UPCOMING) == 1
    assert phases.count(PledgePhase.ACTIVE) == len(phases) - 1
    assert all(p.expertise.exists() and p.transitions.exists() for p in pledges)
    assert len({p.company_id for p in pledges}) == len(pledges)  # one pledge per company


def test_seed_demo_mentors_are_approved_with_skills_languages_and_countries():
    call_command("seed_demo", "--force", stdout=io.StringIO())

    approved = MentorProfile.objects.filter(state="approved").select_related("company")
    assert approved.count() == 20
    assert all(
        m.skills.exists() and m.languages and m.countries and m.agreement_id for m in approved
    )
    assert all(m.company.kind == "large_company" for m in approved)
    assert MentorProfile.objects.get(user__email="mentor@demo.skillup.eu").state == "approved"
    assert MentorProfile.objects.filter(state="pending").count() == 1
    open_invitations = [i for i in MentorInvitation.objects.all() if i.is_open]
    assert len(open_invitations) >= 2
