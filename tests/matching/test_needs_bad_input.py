"""Hostile and careless input on the matchmaking forms (needs, proposal answer, goals, check-in,
end, feedback): a clear message on the right field, no 500, nothing saved (or half-saved); text
stored as typed and rendered escaped; a second submission changes nothing."""

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching import services
from matching.enums import PartnershipState
from matching.forms import (
    MSG_ACTIVE_NEEDS_GAPS,
    MSG_ACTIVE_NEEDS_LANGUAGE,
    MSG_IMPORTANCE_NEEDED,
    MSG_TARGET_NEEDED,
)
from matching.models import CHALLENGE_MAX, CheckIn, Feedback, NeedsProfile, Partnership, Skill
from tests.factories import CompanyFactory, MentorProfileFactory
from tests.matching.factories import CANARY, mentoring_scene

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
UNICODE = "Zusammenarbeit über Grenzen – ĄČĘ ΕΛΛΑΔΑ 日本 🚀"


def skills(n: int = 3) -> list[Skill]:
    return list(Skill.objects.selectable().order_by("pk")[:n])


def needs_data(**changes) -> dict:
    first = skills(1)[0]
    data = {
        "status": "active",
        "challenge": "Our invoices are typed by hand.",
        "languages": ["fr"],
        "mode": "either",
        "region": "",
        f"gap_{first.pk}": "2",
        f"target_{first.pk}": "3",
        "maturity_strategy": "1",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def field_errors(response, name: str) -> str:
    body = response.content.decode()
    pattern = rf'id="error_\d+_id_{name}"><strong>(.*?)</strong>'
    return " ".join(html.unescape(m) for m in re.findall(pattern, body, flags=re.S))


def page_messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


# --------------------------------------------------------------------------------------------
# Needs form
# --------------------------------------------------------------------------------------------
def _first(kind: str) -> str:
    return f"{kind}_{skills(1)[0].pk}"


NEEDS_CASES = {
    "no-status": ({"status": None}, "status", "This field is required."),
    "unknown-status": ({"status": "won"}, "status", "Select a valid choice."),
    "no-mode": ({"mode": None}, "mode", "This field is required."),
    "unknown-mode": ({"mode": "teleport"}, "mode", "Select a valid choice."),
    "unknown-language": ({"languages": ["xx"]}, "languages", "Select a valid choice."),
    "challenge-too-long": (
        {"challenge": "x" * (CHALLENGE_MAX + 1)},
        "challenge",
        f"at most {CHALLENGE_MAX} characters",
    ),
    "region-too-long": ({"region": "r" * 101}, "region", "at most 100 characters"),
    "importance-too-high": ({"gap": "4"}, "gap", "Select a valid choice."),
    "importance-zero": ({"gap": "0"}, "gap", "Select a valid choice."),
    "importance-not-a-number": ({"gap": "abc"}, "gap", "Select a valid choice."),
    "target-too-high": ({"target": "6"}, "target", "Select a valid choice."),
    "target-zero": ({"target": "0"}, "target", "Select a valid choice."),
    "target-negative": ({"target": "-1"}, "target", "Select a valid choice."),
    "importance-without-target": ({"target": ""}, "target", str(MSG_TARGET_NEEDED)),
    "target-without-importance": ({"gap": ""}, "gap", str(MSG_IMPORTANCE_NEEDED)),
    "maturity-too-high": ({"maturity_strategy": "6"}, "maturity_strategy", "valid choice"),
    "maturity-not-a-number": ({"maturity_data": "lots"}, "maturity_data", "valid choice"),
    "unknown-company": (
        {"excluded_companies": ["999999"]},
        "excluded_companies",
        "Select a valid choice.",
    ),
    "company-not-a-number": (
        {"excluded_companies": ["abc"]},
        "excluded_companies",
        "is not a valid value",
    ),
    "active-without-language": ({"languages": []}, "languages", str(MSG_ACTIVE_NEEDS_LANGUAGE)),
}


@pytest.mark.parametrize(
    ("changes", "field", "message"), NEEDS_CASES.values(), ids=NEEDS_CASES.keys()
)
def test_needs_bad_input_refused_on_its_field(sme_client, needs_url, changes, field, message):
    changes = dict(changes)
    for kind in ("gap", "target"):
        if kind in changes:
            changes[_first(kind)] = changes.pop(kind)
            field = _first(kind) if field == kind else field

    response = sme_client.post(needs_url, needs_data(**changes))

    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert "Nothing is saved yet" in response.content.decode()
    assert not NeedsProfile.objects.exists()


def test_needs_empty_post_refused(sme_client, needs_url):
    response = sme_client.post(needs_url, {})

    assert response.status_code == 200
    assert field_errors(response, "status") == "This field is required."
    assert field_errors(response, "mode") == "This field is required."
    assert not NeedsProfile.objects.exists()


def test_needs_active_without_gaps_refused(sme_client, needs_url):
    data = {k: v for k, v in needs_data().items() if not k.startswith(("gap_", "target_"))}

    response = sme_client.post(needs_url, data)

    assert str(MSG_ACTIVE_NEEDS_GAPS) in html.unescape(response.content.decode())
    assert not NeedsProfile.objects.exists()


def test_needs_draft_without_gaps_saved(sme_client, needs_url):
    data = {
        k: v
        for k, v in needs_data(status="draft", languages=[]).items()
        if not k.startswith(("gap_", "target_"))
    }

    response = sme_client.post(needs_url, data)

    assert response.status_code == 302
    assert NeedsProfile.objects.get().gaps.count() == 0


def test_needs_a_small_company_cannot_be_excluded(world, sme_client, needs_url):
    """Only large companies are offered: another SME's id is an unknown choice."""
    response = sme_client.post(needs_url, needs_data(excluded_companies=[str(world.other_sme.pk)]))

    assert "Select a valid choice." in field_errors(response, "excluded_companies")


def test_needs_unknown_skill_ids_ignored(sme_client, needs_url):
    """A field for a skill that does not exist is not part of the form: nothing is made of it."""
    first = skills(1)[0]

    response = sme_client.post(
        needs_url, needs_data(gap_999999="3", target_999999="3", **{"gap_abc": "1"})
    )

    assert response.status_code == 302
    assert list(NeedsProfile.objects.get().gaps.values_list("skill_id", flat=True)) == [first.pk]


def test_needs_bad_gap_keeps_the_old_profile_whole(world, sme_client, needs_url):
    """Nothing half-saved: a refused form leaves the earlier profile (and its gaps) as it was."""
    scene = mentoring_scene(world)
    before = sorted(scene.needs.gaps.values_list("skill_id", "importance", "target_level"))

    sme_client.post(needs_url, needs_data(challenge="changed", **{_first("target"): "9"}))

    scene.needs.refresh_from_db()
    assert scene.needs.challenge == CANARY
    assert sorted(scene.needs.gaps.values_list("skill_id", "importance", "target_level")) == before


def test_needs_unicode_and_script_stored_as_typed_and_escaped(sme_client, needs_url):
    sme_client.post(needs_url, needs_data(challenge=f"{UNICODE} {SCRIPT}", region=UNICODE))

    needs = NeedsProfile.objects.get()
    body = sme_client.get(needs_url).content.decode()
    assert needs.challenge == f"{UNICODE} {SCRIPT}"
    assert needs.region == UNICODE
    assert SCRIPT not in body
    assert html.escape(SCRIPT) in body or "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_needs_double_submit_changes_nothing(sme_client, needs_url):
    sme_client.post(needs_url, needs_data())
    first = NeedsProfile.objects.get()
    first_gaps = list(first.gaps.values_list("skill_id", "importance", "target_level"))

    response = sme_client.post(needs_url, needs_data())

    assert response.status_code == 302
    assert NeedsProfile.objects.count() == 1
    assert list(first.gaps.values_list("skill_id", "importance", "target_level")) == first_gaps


def test_needs_excluded_large_company_kept(sme_client, needs_url):
    company = CompanyFactory(name="Rival Systems")
    MentorProfileFactory(company=company, state="approved")  # only such companies are offered

    sme_client.post(needs_url, needs_data(excluded_companies=[str(company.pk)]))

    assert list(NeedsProfile.objects.get().excluded_companies.all()) == [company]


# --------------------------------------------------------------------------------------------
# Proposal answer
# --------------------------------------------------------------------------------------------
@pytest.fixture
def scene(world):
    return mentoring_scene(world)


@pytest.fixture
def proposal_url(scene):
    return reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, None, "Choose to accept or decline."),
        ({"answer": "maybe"}, None, "Choose to accept or decline."),
        ({"answer": "decline", "reason": "r" * 2001}, "reason", "at most 2000 characters"),
        ({"answer": "decline", "reason": ""}, "reason", str(services.MSG_REASON_REQUIRED)),
    ],
    ids=["empty", "unknown-answer", "reason-too-long", "decline-without-reason"],
)
def test_proposal_answer_bad_input(scene, proposal_url, data, field, message):
    client = Client()
    client.force_login(scene.mentor.user)

    response = client.post(proposal_url, data)

    assert response.status_code == 200
    shown = field_errors(response, field) if field else html.unescape(response.content.decode())
    assert message in shown
    scene.proposal.refresh_from_db()
    assert scene.proposal.mentor_answer == ""


def test_proposal_decline_reason_escaped_on_render(world, scene, proposal_url):
    client = Client()
    client.force_login(world.sme_admin)

    client.post(proposal_url, {"answer": "decline", "reason": f"{UNICODE} {SCRIPT}"})
    body = client.get(proposal_url).content.decode()

    scene.proposal.refresh_from_db()
    assert scene.proposal.decline_reason == f"{UNICODE} {SCRIPT}"
    assert SCRIPT not in body
    assert UNICODE in body


# --------------------------------------------------------------------------------------------
# Partnership forms
# --------------------------------------------------------------------------------------------
@pytest.fixture
def partnership(world, scene):
    services.proposal_answer(user=world.sme_admin, proposal=scene.proposal, accept=True)
    services.proposal_answer(user=scene.mentor.user, proposal=scene.proposal, accept=True)
    return Partnership.objects.get(proposal=scene.proposal)


@pytest.fixture
def mentor_client(scene):
    client = Client()
    client.force_login(scene.mentor.user)
    return client


def checkin_data(**changes) -> dict:
    data = {
        "action": "checkin",
        "date": timezone.localdate().isoformat(),
        "note": "We met.",
        "hours": "1",
    }
    data.update(changes)
    return data


CHECKIN_CASES = {
    "empty-note": ({"note": ""}, "note", "This field is required."),
    "huge-note": ({"note": "n" * 2001}, "note", "at most 2000 characters"),
    "no-date": ({"date": ""}, "date", "This field is required."),
    "bad-date": ({"date": "2026-02-30"}, "date", "Enter a valid date."),
    "future-date": (
        {"date": (timezone.localdate() + timedelta(days=1)).isoformat()},
        "date",
        str(services.MSG_CHECKIN_FUTURE),
    ),
    "negative-hours": ({"hours": "-1"}, "hours", "greater than or equal to 0"),
    "huge-hours": ({"hours": "101"}, "hours", "less than or equal to 100"),
    "hours-not-a-number": ({"hours": "lots"}, "hours", "Enter a number."),
    "hours-too-precise": ({"hours": "1.25"}, "hours", "decimal place"),
}


@pytest.mark.parametrize(
    ("changes", "field", "message"), CHECKIN_CASES.values(), ids=CHECKIN_CASES.keys()
)
def test_checkin_bad_input(mentor_client, partnership, changes, field, message):
    response = mentor_client.post(partnership.get_absolute_url(), checkin_data(**changes))

    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert not CheckIn.objects.exists()


def test_checkin_note_escaped_on_render(mentor_client, partnership):
    mentor_client.post(partnership.get_absolute_url(), checkin_data(note=f"{UNICODE} {SCRIPT}"))

    body = mentor_client.get(partnership.get_absolute_url()).content.decode()

    assert CheckIn.objects.get().note == f"{UNICODE} {SCRIPT}"
    assert SCRIPT not in body
    assert UNICODE in body


def test_goals_too_long_refused(mentor_client, partnership):
    response = mentor_client.post(
        partnership.get_absolute_url(), {"action": "goals", "goals": "g" * 3001}
    )

    assert "at most 3000 characters" in field_errors(response, "goals")
    partnership.refresh_from_db()
    assert partnership.goals == ""


def test_goals_script_escaped(world, mentor_client, partnership):
    mentor_client.post(partnership.get_absolute_url(), {"action": "goals", "goals": SCRIPT})
    partnership.refresh_from_db()
    Partnership.objects.filter(pk=partnership.pk).update(state=PartnershipState.COMPLETED)

    body = mentor_client.get(partnership.get_absolute_url()).content.decode()

    assert partnership.goals == SCRIPT
    assert SCRIPT not in body


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "outcome", "This field is required."),
        ({"outcome": "exploded"}, "outcome", "Select a valid choice."),
        ({"outcome": "ended_early"}, "reason", str(services.MSG_REASON_REQUIRED)),
        ({"outcome": "ended_early", "reason": "r" * 2001}, "reason", "at most 2000"),
    ],
    ids=["empty", "unknown-outcome", "early-without-reason", "huge-reason"],
)
def test_end_bad_input(mentor_client, partnership, data, field, message):
    response = mentor_client.post(partnership.get_absolute_url(), {"action": "end", **data})

    assert response.status_code == 200
    assert message in field_errors(response, field)
    partnership.refresh_from_db()
    assert partnership.state == PartnershipState.ACTIVE


@pytest.fixture
def ended(partnership):
    Partnership.objects.filter(pk=partnership.pk).update(
        state=PartnershipState.COMPLETED, ended_at=timezone.now()
    )
    partnership.refresh_from_db()
    return partnership


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "rating", "This field is required."),
        ({"rating": "0"}, "rating", "Select a valid choice."),
        ({"rating": "6"}, "rating", "Select a valid choice."),
        ({"rating": "-1"}, "rating", "Select a valid choice."),
        ({"rating": "great"}, "rating", "Select a valid choice."),
        ({"rating": "4", "text": "t" * 3001}, "text", "at most 3000 characters"),
    ],
    ids=["empty", "zero", "six", "negative", "not-a-number", "huge-text"],
)
@pytest.mark.parametrize("side", ["sme", "mentor"])
def test_feedback_bad_input(world, scene, ended, data, field, message, side):
    client = Client()
    client.force_login(world.sme_admin if side == "sme" else scene.mentor.user)

    response = client.post(ended.get_absolute_url(), {"action": "feedback", **data})

    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert not Feedback.objects.exists()


def test_feedback_bad_self_assessment_saves_nothing(world, scene, ended):
    client = Client()
    client.force_login(world.sme_admin)
    first = skills(1)[0]

    response = client.post(
        ended.get_absolute_url(),
        {"action": "feedback", "rating": "5", "maturity_data": "9", f"gap_{first.pk}": "7"},
    )

    assert "Select a valid choice." in field_errors(response, "maturity_data")
    assert "Select a valid choice." in field_errors(response, f"gap_{first.pk}")
    assert not Feedback.objects.exists()
    scene.needs.refresh_from_db()
    assert scene.needs.gaps.count() == 2


def test_feedback_text_escaped_for_its_author(world, ended):
    client = Client()
    client.force_login(world.sme_admin)

    closed = {f"closed_{pk}": "on" for pk in ended.needs.gaps.values_list("skill_id", flat=True)}
    client.post(
        ended.get_absolute_url(),
        {"action": "feedback", "rating": "3", "text": f"{UNICODE} {SCRIPT}", **closed},
    )
    body = client.get(ended.get_absolute_url()).content.decode()

    assert Feedback.objects.get().text == f"{UNICODE} {SCRIPT}"
    assert SCRIPT not in body
    assert UNICODE in body


def test_checkin_double_submit_after_end_refused(mentor_client, partnership):
    url = partnership.get_absolute_url()
    mentor_client.post(url, {"action": "end", "outcome": "completed"}, follow=True)

    response = mentor_client.post(url, checkin_data(), follow=True)

    assert page_messages(response) == [str(services.MSG_PARTNERSHIP_ENDED)]
    assert not CheckIn.objects.exists()
