"""The newcomer's demo data includes pledges in two states and an approved mentor, once."""

import io

import pytest
from django.core.management import call_command

from volunteers.models import MentorProfile, MentorSkill, Pledge

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_pledges_and_a_mentor_once():
    call_command("seed_demo", "--force", stdout=io.StringIO())
    first = (Pledge.objects.count(), MentorProfile.objects.count(), MentorSkill.objects.count())

    call_command("seed_demo", "--force", stdout=io.StringIO())

    assert (
        (
            Pledge.objects.count(),
            MentorProfile.objects.count(),
            MentorSkill.objects.count(),
        )
        == first
        == (2, 1, 3)
    )
    assert sorted(Pledge.objects.values_list("state", flat=True)) == ["approved", "pending"]
    assert all(pledge.expertise.exists() for pledge in Pledge.objects.all())
    mentor = MentorProfile.objects.get()
    assert (mentor.user.email, mentor.state, mentor.agreement is not None) == (
        "mentor@demo.skillup.eu",
        "approved",
        True,
    )
