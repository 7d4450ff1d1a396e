"""G-03: a person downloads their own data, and only theirs, after proving who they are."""

import json

import pytest
from django.urls import reverse

from accounts.enums import ConsentKind
from accounts.services import consent_give
from matching.enums import PartnershipState
from notifications.models import Notification
from tests.factories import PASSWORD, MentorSkillFactory, PracticeFactory
from tests.matching.factories import (
    CANARY,
    CheckInFactory,
    FeedbackFactory,
    PartnershipFactory,
    mentoring_scene,
)

pytestmark = pytest.mark.django_db

EXPORT = "/en/account/data/"


def _reauthenticated(client, user):
    """A session whose person has just confirmed their password (allauth's re-authentication)."""
    client.force_login(user)
    response = client.post(
        f"{reverse('account_reauthenticate')}?next={EXPORT}", {"password": PASSWORD}
    )
    assert (response.status_code, response["Location"]) == (302, EXPORT)
    return client


def _export(client, user) -> dict:
    response = _reauthenticated(client, user).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="skillup-my-data-')
    return json.loads(response.content)


def test_export_needs_a_login(client):
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_asks_for_the_password_again_first(client, world):
    client.force_login(world.sme_admin)  # logged in, but no fresh password confirmation

    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_export_holds_the_account_memberships_consents_practices_and_emails(client, world):
    practice = PracticeFactory(organisation=world.sme, created_by=world.sme_admin, title="Mine")
    PracticeFactory(organisation=world.sme, created_by=world.sme_member, title="Colleague's")
    consent_give(user=world.sme_admin, kind=ConsentKind.PUBLICATION, about=practice)
    Notification.objects.create(
        event="practice_submitted",
        recipient=world.sme_admin,
        to_email=world.sme_admin.email,
        language="en",
        idempotency_key="k1",
        subject="Your practice was received",
        body_text="SECRET-BODY-LINK",
    )

    data = _export(client, world.sme_admin)

    assert data["account"]["email"] == world.sme_admin.email
    assert data["account"]["full_name"] == world.sme_admin.full_name
    assert data["memberships"] == [
        {
            "organisation": world.sme.name,
            "kind": "sme",
            "country": "FR",
            "role": "admin",
            "joined_at": data["memberships"][0]["joined_at"],
        }
    ]
    assert [(c["kind"], c["about"]) for c in data["consents"]] == [
        ("publication", f"practice:{practice.pk}")
    ]
    assert [p["title"] for p in data["practices_written"]] == ["Mine"]
    assert [n["subject"] for n in data["emails_sent_to_you"]] == ["Your practice was received"]
    assert "SECRET-BODY-LINK" not in json.dumps(data)


def test_export_has_no_one_elses_name_or_address(client, world):
    PracticeFactory(organisation=world.sme, created_by=world.sme_member)

    raw = json.dumps(_export(client, world.sme_admin))

    for other in (world.sme_member, world.other_sme_admin, world.coordinator):
        assert other.email not in raw
        assert other.full_name not in raw


def test_mentor_export_has_profile_skills_check_ins_feedback_but_no_sme_challenge(client, world):
    scene = mentoring_scene(world)
    mentor = scene.mentor
    partnership = PartnershipFactory(needs=scene.needs, mentor=mentor, proposal=scene.proposal)
    CheckInFactory(partnership=partnership, author=mentor.user, note="We mapped the orders.")
    ended = PartnershipFactory(needs=scene.needs, mentor=mentor, state=PartnershipState.COMPLETED)
    FeedbackFactory(partnership=ended, side="mentor", author=mentor.user, text="A keen team.")
    assert scene.needs.challenge == CANARY  # the confidential text exists

    data = _export(client, mentor.user)

    assert data["mentor_profile"]["bio"] == mentor.bio
    assert data["mentor_profile"]["company"] == world.company.name
    assert [s["level"] for s in data["mentor_profile"]["skills"]] == [4]
    assert [c["note"] for c in data["check_ins_written"]] == ["We mapped the orders."]
    assert [f["text"] for f in data["feedback_given"]] == ["A keen team."]
    raw = json.dumps(data)
    assert CANARY not in raw
    assert world.sme_admin.email not in raw


def test_export_lists_a_mentor_skill_added_later(client, world):
    scene = mentoring_scene(world)
    MentorSkillFactory(mentor=scene.mentor, level=2, skill=_another_skill(scene.mentor))

    data = _export(client, scene.mentor.user)

    assert sorted(s["level"] for s in data["mentor_profile"]["skills"]) == [2, 4]


def _another_skill(mentor):
    from matching.models import Skill

    taken = mentor.skills.values_list("skill_id", flat=True)
    return Skill.objects.selectable().exclude(pk__in=taken).order_by("pk").first()
