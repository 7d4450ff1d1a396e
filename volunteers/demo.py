"""Demo data for Digital Volunteers: an approved public pledge with an approved mentor, and a
second company's pledge awaiting approval (for the coordinator to try). Idempotent."""

from datetime import date

from django.utils import timezone

from matching.models import Skill

from .enums import MentorState, PledgeState
from .models import ConfidentialityAgreement, MentorProfile, MentorSkill, Pledge

PLEDGES = [
    # company, slug, state, description, pillar, scope, countries, languages, targets, skills
    (
        "Europa Digital Solutions SE", "europa-digital-solutions-se-2026", PledgeState.APPROVED,
        "Our cloud and data engineers help SMEs plan their digital transformation and train "
        "their staff: one mentor per SME, half a day a month, for a year.",
        "labour_force", "european", ["BE", "FR", "NL", "DE"], ["en", "fr", "nl"],
        (20, 8, 400), [("advanced", "CLOUD"), ("advanced", "DATA"), ("ecf", "A.5"),
                       ("digcomp", "1.3")],
    ),
    (
        "Nordvik Telecom ASA", "nordvik-telecom-asa-2026", PledgeState.PENDING,
        "Cybersecurity experts from our security operations centre mentor SMEs in the Nordic "
        "countries on securing their networks and training their staff.",
        "ict_professionals", "multi_country", ["NO", "SE", "FI", "DK"], ["en", "no", "sv"],
        (10, 4, 150), [("advanced", "CYBER"), ("ecf", "E.8"), ("digcomp", "4.1")],
    ),
]  # fmt: skip

MENTOR_EMAIL = "mentor@demo.skillup.eu"
MENTOR_SKILLS = [("advanced", "CLOUD", 4), ("advanced", "DATA", 3), ("ecf", "A.5", 4)]


def _skills(pairs) -> list[Skill]:
    wanted = {(framework, code) for framework, code, *_rest in pairs}
    return [
        skill for skill in Skill.objects.selectable() if (skill.framework.key, skill.code) in wanted
    ]


def seed_volunteers(*, organisations: dict, users: dict) -> None:
    now = timezone.now()
    for (
        company,
        slug,
        state,
        description,
        pillar,
        scope,
        countries,
        languages,
        targets,
        skills,
    ) in PLEDGES:
        smes, mentors, hours = targets
        pledge, created = Pledge.objects.get_or_create(
            slug=slug,
            defaults={
                "company": organisations[company],
                "state": state,
                "description": description,
                "pillar": pillar,
                "scope": scope,
                "countries": countries,
                "languages": languages,
                "target_smes": smes,
                "target_mentors": mentors,
                "target_hours": hours,
                "starts_on": date(2026, 3, 1),
                "ends_on": date(2027, 2, 28),
                "commit_assist": True,
                "commit_mentor": True,
                "commit_confidentiality": True,
                "commitments_accepted_at": now,
                "submitted_at": now,
                "approved_at": now if state == PledgeState.APPROVED else None,
            },
        )
        if created:
            pledge.expertise.set(_skills(skills))

    user = users[MENTOR_EMAIL]
    mentor, created = MentorProfile.objects.get_or_create(
        user=user,
        defaults={
            "company": organisations["Europa Digital Solutions SE"],
            "bio": "Cloud architect; I have helped a dozen small firms move to the cloud and "
            "train their staff in data literacy.",
            "languages": ["en", "it", "fr"],
            "countries": ["BE", "IT", "FR"],
            "sectors": ["C", "G", "J"],
            "capacity": 3,
            "agreement": ConfidentialityAgreement.objects.current(),
            "agreement_accepted_at": now,
            "state": MentorState.APPROVED,
            "decided_at": now,
        },
    )
    if created:
        levels = {(framework, code): level for framework, code, level in MENTOR_SKILLS}
        MentorSkill.objects.bulk_create(
            MentorSkill(mentor=mentor, skill=skill, level=levels[(skill.framework.key, skill.code)])
            for skill in _skills(MENTOR_SKILLS)
        )
