"""The SMEs' and mentors' matchmaking pages: every page for every role from the outside, and
the flows through the views (save needs; accept and decline; goals, check-ins, the end and
the feedback with the SME's self-assessment; the outcomes), with query counts."""

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from matching import services
from matching.enums import PartnershipState, ProposalState
from matching.models import (
    CheckIn,
    Feedback,
    NeedsProfile,
    Partnership,
    Proposal,
    SelfAssessment,
    Skill,
)
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.matching.factories import (
    ROLES,
    CheckInFactory,
    FeedbackFactory,
    NeedsProfileFactory,
    PartnershipFactory,
    ProposalFactory,
    SelfAssessmentFactory,
    SkillGapFactory,
    mentoring_scene,
    people_of,
)

pytestmark = pytest.mark.django_db

LOGIN = "login"


@pytest.fixture
def scene(world):
    return mentoring_scene(world)


@pytest.fixture
def client_as(world, scene):
    people = people_of(world, scene)

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(people[role])
        return client

    return make


@pytest.fixture
def partnership(world, scene):
    """The scene's proposal accepted by both sides through the service: a partnership with
    its start snapshot."""
    services.proposal_answer(user=world.sme_admin, proposal=scene.proposal, accept=True)
    services.proposal_answer(user=scene.mentor.user, proposal=scene.proposal, accept=True)
    return Partnership.objects.get(proposal=scene.proposal)


def _check(response, want) -> None:
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want


def field_errors(response, name: str) -> str:
    body = response.content.decode()
    pattern = rf'id="error_\d+_id_{name}"><strong>(.*?)</strong>'
    return " ".join(html.unescape(m) for m in re.findall(pattern, body, flags=re.S))


def page_messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


# --------------------------------------------------------------------------------------------
# From the outside
# --------------------------------------------------------------------------------------------
def _expect(allowed: set[str], role: str):
    if role == "anonymous":
        return LOGIN
    return 200 if role in allowed else 404


SME = {"sme_admin", "sme_member"}
PROPOSAL_VIEWERS = SME | {"mentor", "coordinator"}
OUTSIDERS = [role for role in ROLES if role not in PROPOSAL_VIEWERS]


@pytest.mark.parametrize("role", ROLES)
def test_needs_edit_get_by_each_role(world, client_as, role):
    response = client_as(role).get(reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}))

    _check(response, _expect(SME, role))


@pytest.mark.parametrize("role", ROLES)
def test_needs_edit_of_a_large_company_is_404_for_everyone(world, client_as, role):
    response = client_as(role).get(reverse("matching:needs_edit", kwargs={"pk": world.company.pk}))

    _check(response, LOGIN if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ROLES)
def test_mentoring_home_get_by_each_role(client_as, role):
    response = client_as(role).get(reverse("matching:mentoring_home"))

    _check(response, LOGIN if role == "anonymous" else 200)


@pytest.mark.parametrize("role", ROLES)
def test_proposal_detail_get_by_each_role(client_as, scene, role):
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client_as(role).get(url)

    _check(response, _expect(PROPOSAL_VIEWERS, role))


@pytest.mark.parametrize("role", ROLES)
def test_proposal_draft_only_for_coordinators(client_as, scene, role):
    Proposal.objects.filter(pk=scene.proposal.pk).update(state=ProposalState.DRAFT)
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client_as(role).get(url)

    _check(response, _expect({"coordinator"}, role))


@pytest.mark.parametrize("role", ROLES)
def test_proposal_removed_before_release_only_for_coordinators(client_as, scene, role):
    """A draft a coordinator removed (or a later run replaced) was never the sides' to see."""
    Proposal.objects.filter(pk=scene.proposal.pk).update(
        state=ProposalState.REMOVED, released_at=None, expires_at=None
    )
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client_as(role).get(url)

    _check(response, _expect({"coordinator"}, role))


@pytest.mark.parametrize("role", OUTSIDERS)
def test_proposal_post_by_outsiders_is_404_and_changes_nothing(client_as, scene, role):
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client_as(role).post(url, {"answer": "accept"})

    _check(response, _expect(set(), role))
    scene.proposal.refresh_from_db()
    assert (scene.proposal.sme_answer, scene.proposal.mentor_answer) == ("", "")


@pytest.mark.parametrize("role", ROLES)
def test_partnership_detail_get_by_each_role(client_as, partnership, role):
    response = client_as(role).get(partnership.get_absolute_url())

    _check(response, _expect(PROPOSAL_VIEWERS, role))


@pytest.mark.parametrize("role", OUTSIDERS)
def test_partnership_post_by_outsiders_is_404(client_as, partnership, role):
    response = client_as(role).post(
        partnership.get_absolute_url(), {"action": "end", "outcome": "completed"}
    )

    _check(response, _expect(set(), role))
    partnership.refresh_from_db()
    assert partnership.state == PartnershipState.ACTIVE


@pytest.mark.parametrize("role", ROLES)
def test_outcomes_get_by_each_role(client_as, role):
    response = client_as(role).get(reverse("matching:outcomes"))

    _check(response, _expect({"company_admin", "coordinator"}, role))


def test_outcomes_for_a_company_admin_without_pledge_is_404(world, scene):
    scene.pledge.delete()
    client = Client()
    client.force_login(world.company_admin)

    response = client.get(reverse("matching:outcomes"))

    assert response.status_code == 404


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
def needs_data(**changes) -> dict:
    skills = list(Skill.objects.selectable().order_by("pk")[:3])
    data = {
        "status": "active",
        "challenge": "Our invoices are still typed by hand.",
        "languages": ["fr", "en"],
        "mode": "remote",
        "region": "Occitanie",
        "excluded_companies": [],
        f"gap_{skills[0].pk}": "3",
        f"target_{skills[0].pk}": "4",
        f"gap_{skills[2].pk}": "1",
        f"target_{skills[2].pk}": "2",
        "maturity_strategy": "1",
        "maturity_data": "2",
        "maturity_green": "0",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_needs_save_creates_the_profile_with_gaps_and_maturity(world):
    company = CompanyFactory(name="Competitor Cloud")
    MentorProfileFactory(company=company, state="approved")  # only such companies are offered
    client = Client()
    client.force_login(world.sme_member)
    skills = list(Skill.objects.selectable().order_by("pk")[:3])

    response = client.post(
        reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}),
        needs_data(excluded_companies=[str(company.pk)]),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("matching:mentoring_home")
    needs = NeedsProfile.objects.get(organisation=world.sme)
    assert (needs.status, needs.mode, needs.region) == ("active", "remote", "Occitanie")
    assert sorted(needs.languages) == ["en", "fr"]
    assert needs.maturity == {"strategy": 1, "data": 2, "green": 0}
    assert list(needs.excluded_companies.all()) == [company]
    assert sorted((g.skill_id, g.importance, g.target_level) for g in needs.gaps.all()) == [
        (skills[0].pk, 3, 4),
        (skills[2].pk, 1, 2),
    ]


def test_needs_save_replaces_the_gaps(world, scene):
    client = Client()
    client.force_login(world.sme_admin)
    skills = list(Skill.objects.selectable().order_by("pk")[:3])

    client.post(reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}), needs_data())

    assert sorted(scene.needs.gaps.values_list("skill_id", flat=True)) == [
        skills[0].pk,
        skills[2].pk,
    ]


def test_needs_form_is_prefilled(world, scene):
    client = Client()
    client.force_login(world.sme_admin)
    skill = Skill.objects.selectable().order_by("pk")[0]

    body = client.get(reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})).content.decode()

    assert re.search(rf'name="gap_{skill.pk}"[^>]*>.*?<option value="3" selected>', body, re.S)
    assert re.search(rf'name="target_{skill.pk}"[^>]*>.*?<option value="3" selected>', body, re.S)
    assert 'name="maturity_strategy"' in body
    assert "novalidate" in body


# --------------------------------------------------------------------------------------------
# Proposals
# --------------------------------------------------------------------------------------------
def test_proposal_accept_by_both_sides_starts_the_partnership(world, scene):
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    sme, mentor = Client(), Client()
    sme.force_login(world.sme_member)
    mentor.force_login(scene.mentor.user)

    first = sme.post(url, {"answer": "accept", "reason": ""}, follow=True)
    second = mentor.post(url, {"answer": "accept"})

    assert "You accepted. The mentor is asked to answer too" in first.content.decode()
    partnership = Partnership.objects.get(proposal=scene.proposal)
    assert second.status_code == 302
    assert second["Location"] == partnership.get_absolute_url()
    assert partnership.state == PartnershipState.ACTIVE
    assert SelfAssessment.objects.filter(partnership=partnership, moment="start").count() == 1


def test_proposal_decline_needs_a_reason(world, scene):
    client = Client()
    client.force_login(scene.mentor.user)
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client.post(url, {"answer": "decline", "reason": "   "})

    assert response.status_code == 200
    assert field_errors(response, "reason") == str(services.MSG_REASON_REQUIRED)
    scene.proposal.refresh_from_db()
    assert (scene.proposal.state, scene.proposal.mentor_answer) == (ProposalState.PROPOSED, "")


def test_proposal_decline_with_a_reason_closes_it(world, scene):
    client = Client()
    client.force_login(world.sme_admin)
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client.post(url, {"answer": "decline", "reason": "We need someone on site."})

    assert response.status_code == 302
    scene.proposal.refresh_from_db()
    assert scene.proposal.state == ProposalState.DECLINED
    assert scene.proposal.decline_reason == "We need someone on site."
    assert not Partnership.objects.exists()


@pytest.mark.parametrize(
    ("role", "shown"),
    [("sme_admin", True), ("sme_member", True), ("coordinator", True), ("mentor", False)],
)
def test_proposal_decline_reason_only_for_its_side_and_coordinators(
    world, scene, client_as, role, shown
):
    reason = "We already work with the Acme Rivals consultants in Lyon."
    services.proposal_answer(
        user=world.sme_admin, proposal=scene.proposal, accept=False, reason=reason
    )

    body = client_as(role).get(
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    )

    assert body.status_code == 200
    assert (reason in body.content.decode()) is shown


def test_proposal_double_accept_is_refused_kindly(world, scene):
    client = Client()
    client.force_login(scene.mentor.user)
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    client.post(url, {"answer": "accept"}, follow=True)

    response = client.post(url, {"answer": "accept"}, follow=True)

    assert page_messages(response) == [str(services.MSG_ALREADY_ANSWERED)]
    assert 'value="accept"' not in response.content.decode()  # no buttons any more
    assert Proposal.objects.get(pk=scene.proposal.pk).mentor_answer == "accepted"


def test_proposal_answer_by_a_coordinator_is_refused(world, scene):
    client = Client()
    client.force_login(world.coordinator)
    url = reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})

    response = client.post(url, {"answer": "accept"}, follow=True)

    assert page_messages(response) == [str(services.MSG_NOT_ALLOWED)]
    scene.proposal.refresh_from_db()
    assert (scene.proposal.sme_answer, scene.proposal.mentor_answer) == ("", "")


def test_proposal_closed_shows_no_buttons(world, scene):
    Proposal.objects.filter(pk=scene.proposal.pk).update(state=ProposalState.EXPIRED)
    client = Client()
    client.force_login(world.sme_admin)

    body = client.get(
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    ).content.decode()

    assert "Expired" in body
    assert 'value="accept"' not in body


def test_proposal_shows_the_score_breakdown(world, scene):
    client = Client()
    client.force_login(world.sme_admin)
    skill = Skill.objects.selectable().order_by("pk")[0]

    body = client.get(
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    ).content.decode()

    assert "Score: 72.5 out of 100" in body
    assert "Coverage of the skill gaps" in body
    assert "47.5" in body  # coverage points
    assert html.escape(str(skill)) in body
    assert "100 %" in body


def test_proposal_mentor_summary_for_the_sme_has_no_email(world, scene):
    client = Client()
    client.force_login(world.sme_admin)

    body = client.get(
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    ).content.decode()

    assert world.company.name in body
    assert scene.mentor.bio in body
    assert scene.mentor.user.email not in body


# --------------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------------
def _post(user, partnership, data, follow=False):
    client = Client()
    client.force_login(user)
    return client.post(partnership.get_absolute_url(), data, follow=follow)


def test_goals_saved_by_either_side(scene, partnership):
    _post(scene.mentor.user, partnership, {"action": "goals", "goals": "Invoices online by June."})

    partnership.refresh_from_db()
    assert partnership.goals == "Invoices online by June."


def test_checkin_recorded(world, partnership):
    today = timezone.localdate()

    response = _post(
        world.sme_member,
        partnership,
        {"action": "checkin", "date": today.isoformat(), "note": "First call", "hours": "1.5"},
    )

    assert response.status_code == 302
    check_in = CheckIn.objects.get(partnership=partnership)
    assert (check_in.date, check_in.note, check_in.hours, check_in.side) == (
        today,
        "First call",
        Decimal("1.5"),
        "sme",
    )


def test_checkin_in_the_future_refused(scene, partnership):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = _post(
        scene.mentor.user,
        partnership,
        {"action": "checkin", "date": tomorrow.isoformat(), "note": "Plan", "hours": "1"},
    )

    assert response.status_code == 200
    assert field_errors(response, "date") == str(services.MSG_CHECKIN_FUTURE)
    assert not CheckIn.objects.exists()


def test_end_completed_then_again_refused(world, partnership):
    first = _post(world.sme_admin, partnership, {"action": "end", "outcome": "completed"})
    second = _post(
        world.sme_admin, partnership, {"action": "end", "outcome": "completed"}, follow=True
    )

    assert first.status_code == 302
    partnership.refresh_from_db()
    assert partnership.state == PartnershipState.COMPLETED
    assert page_messages(second) == [str(services.MSG_PARTNERSHIP_ENDED)]


def test_end_early_needs_a_reason(scene, partnership):
    refused = _post(
        scene.mentor.user, partnership, {"action": "end", "outcome": "ended_early", "reason": ""}
    )
    partnership.refresh_from_db()
    state_after_refusal = partnership.state
    _post(
        scene.mentor.user,
        partnership,
        {"action": "end", "outcome": "ended_early", "reason": "I changed jobs."},
    )

    assert field_errors(refused, "reason") == str(services.MSG_REASON_REQUIRED)
    assert state_after_refusal == PartnershipState.ACTIVE
    partnership.refresh_from_db()
    assert (partnership.state, partnership.end_reason) == ("ended_early", "I changed jobs.")


def test_no_forms_on_an_active_partnership_for_a_coordinator_but_end(world, partnership):
    client = Client()
    client.force_login(world.coordinator)

    body = client.get(partnership.get_absolute_url()).content.decode()

    assert 'value="end"' in body
    assert 'value="checkin"' not in body
    assert 'value="goals"' not in body


def test_feedback_form_only_after_the_end(world, partnership):
    client = Client()
    client.force_login(world.sme_admin)

    before = client.get(partnership.get_absolute_url()).content.decode()
    _post(world.sme_admin, partnership, {"action": "end", "outcome": "completed"})
    after = client.get(partnership.get_absolute_url()).content.decode()

    assert 'value="feedback"' not in before
    assert 'value="feedback"' in after
    assert 'name="maturity_strategy"' in after  # the SME repeats its self-assessment


def test_feedback_with_self_assessment_shows_the_change(world, scene, partnership):
    skills = list(Skill.objects.selectable().order_by("pk")[:2])
    _post(world.sme_admin, partnership, {"action": "end", "outcome": "completed"})

    response = _post(
        world.sme_admin,
        partnership,
        {
            "action": "feedback",
            "rating": "5",
            "text": "Great mentor.",
            "maturity_strategy": "3",
            "maturity_data": "2",
            # the first gap is closed, the second kept with a higher target
            f"closed_{skills[0].pk}": "on",
            f"gap_{skills[1].pk}": "1",
            f"target_{skills[1].pk}": "3",
        },
        follow=True,
    )

    body = response.content.decode()
    feedback = Feedback.objects.get(partnership=partnership)
    assert (feedback.side, feedback.rating, feedback.text) == ("sme", 5, "Great mentor.")
    end = SelfAssessment.objects.get(partnership=partnership, moment="end")
    assert end.maturity == {"strategy": 3, "data": 2}
    assert end.gaps == [{"skill": skills[1].pk, "importance": 1, "target": 3}]
    scene.needs.refresh_from_db()
    assert scene.needs.maturity == {"strategy": 3, "data": 2}
    assert "What changed for the SME" in body
    assert "1 skill gap closed" in body
    assert "+2" in body  # strategy 1 → 3
    assert "Thank you for your feedback." in body


def test_feedback_of_the_mentor_has_no_self_assessment(scene, partnership):
    _post(scene.mentor.user, partnership, {"action": "end", "outcome": "completed"})

    _post(scene.mentor.user, partnership, {"action": "feedback", "rating": "4", "text": ""})

    assert list(Feedback.objects.values_list("side", "rating")) == [("mentor", 4)]
    assert not SelfAssessment.objects.filter(moment="end").exists()


def test_feedback_twice_refused(scene, partnership):
    _post(scene.mentor.user, partnership, {"action": "end", "outcome": "completed"})
    _post(scene.mentor.user, partnership, {"action": "feedback", "rating": "4"})

    response = _post(
        scene.mentor.user, partnership, {"action": "feedback", "rating": "2"}, follow=True
    )

    assert page_messages(response) == [str(services.MSG_FEEDBACK_GIVEN)]
    assert list(Feedback.objects.values_list("rating", flat=True)) == [4]


def test_feedback_of_each_side_hidden_from_the_other(world, scene, partnership):
    _post(scene.mentor.user, partnership, {"action": "end", "outcome": "completed"})
    _post(
        scene.mentor.user,
        partnership,
        {"action": "feedback", "rating": "2", "text": "MENTOR-ONLY-REMARK"},
    )
    client = Client()
    client.force_login(world.sme_admin)

    sme_page = client.get(partnership.get_absolute_url()).content.decode()
    client.force_login(world.coordinator)
    coordinator_page = client.get(partnership.get_absolute_url()).content.decode()

    assert "MENTOR-ONLY-REMARK" not in sme_page
    assert "MENTOR-ONLY-REMARK" in coordinator_page


def test_unknown_action_refused(world, partnership):
    response = _post(world.sme_admin, partnership, {"action": "explode"}, follow=True)

    assert page_messages(response) == [str(services.MSG_NOT_ALLOWED)]


# --------------------------------------------------------------------------------------------
# Mentoring home
# --------------------------------------------------------------------------------------------
def test_mentoring_home_for_the_sme(world, scene):
    client = Client()
    client.force_login(world.sme_admin)

    body = client.get(reverse("matching:mentoring_home")).content.decode()

    assert reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}) in body
    assert reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}) in body
    assert "Looking for a mentor" in body
    assert "To answer" in body


def test_mentoring_home_for_the_mentor_lists_the_proposal_anonymously(world, scene):
    client = Client()
    client.force_login(scene.mentor.user)

    body = client.get(reverse("matching:mentoring_home")).content.decode()

    assert reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}) in body
    assert "An SME in France" in body
    assert world.sme.name not in body


def test_mentoring_home_hides_drafts(world, scene):
    Proposal.objects.filter(pk=scene.proposal.pk).update(state=ProposalState.DRAFT)

    for user in (world.sme_admin, scene.mentor.user):
        client = Client()
        client.force_login(user)
        body = client.get(reverse("matching:mentoring_home")).content.decode()
        assert reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}) not in body


def _home_queries(user) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("matching:mentoring_home")).status_code == 200
    return len(queries)


def test_mentoring_home_query_count_constant(world, scene):
    # the mentor is also a member of the SME: both halves of the page at once
    MembershipFactory(organisation=world.sme, user=scene.mentor.user)
    PartnershipFactory(needs=scene.needs, mentor=scene.mentor, proposal__state="accepted")
    one = _home_queries(scene.mentor.user)
    for _ in range(4):
        needs = NeedsProfileFactory()
        ProposalFactory(needs=needs, mentor=scene.mentor)
        PartnershipFactory(needs=needs, mentor=scene.mentor)
        other = MentorProfileFactory(state="approved")
        ProposalFactory(needs=scene.needs, mentor=other, state=ProposalState.DECLINED)
        PartnershipFactory(needs=scene.needs, mentor=other)

    many = _home_queries(scene.mentor.user)

    assert many == one


@pytest.mark.parametrize("role", ["sme_admin", "mentor", "coordinator"])
def test_partnership_page_query_count_constant(world, scene, partnership, role):
    user = people_of(world, scene)[role]

    def queries_with(n: int) -> tuple[int, str]:
        CheckIn.objects.all().delete()
        for i in range(n):
            CheckInFactory(
                partnership=partnership, author=UserFactory(), hours=Decimal("1.5"),
                side="sme" if i % 2 else "mentor",
            )  # fmt: skip
        client = Client()
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            body = client.get(partnership.get_absolute_url()).content.decode()
        return len(queries), body

    one, _body = queries_with(1)
    many, body = queries_with(6)

    assert many == one
    assert "9.0" in body  # the hours of the six check-ins


# --------------------------------------------------------------------------------------------
# Outcomes
# --------------------------------------------------------------------------------------------
def _partnership_with(mentor, *, state, start=None, end=None, ratings=(), hours=()):
    partnership = PartnershipFactory(mentor=mentor, state=state)
    if start is not None:
        SelfAssessmentFactory(partnership=partnership, moment="start", **start)
    if end is not None:
        SelfAssessmentFactory(partnership=partnership, moment="end", **end)
    for side, rating in ratings:
        FeedbackFactory(partnership=partnership, side=side, rating=rating)
    for value in hours:
        CheckInFactory(partnership=partnership, hours=Decimal(value))
    return partnership


def known_outcomes(scene):
    skill_a, skill_b = (s.pk for s in Skill.objects.selectable().order_by("pk")[:2])
    gap = lambda pk: {"skill": pk, "importance": 2, "target": 3}  # noqa: E731
    _partnership_with(
        scene.mentor,
        state="completed",
        start={"maturity": {"strategy": 1, "data": 2}, "gaps": [gap(skill_a), gap(skill_b)]},
        end={"maturity": {"strategy": 3, "data": 2}, "gaps": [gap(skill_b)]},
        ratings=[("sme", 5), ("mentor", 4)],
        hours=["2", "1.5"],
    )
    _partnership_with(
        scene.mentor,
        state="completed",
        start={"maturity": {"strategy": 2}, "gaps": [gap(skill_a)]},
        end={"maturity": {"strategy": 3}, "gaps": []},
        ratings=[("sme", 3)],
    )
    _partnership_with(
        scene.mentor,
        state="ended_early",
        start={"maturity": {"strategy": 0}},
        ratings=[("mentor", 2)],
        hours=["0.5"],
    )
    _partnership_with(scene.mentor, state="active", hours=["1"])
    # another company's mentor: counted for coordinators only
    _partnership_with(scene.other_mentor, state="active", hours=["10"], ratings=[("sme", 1)])


def _cell(body: str, cell_id: str) -> str:
    match = re.search(rf'id="{cell_id}">(.*?)</td>', body, re.S)
    assert match, cell_id
    return html.unescape(match.group(1)).strip()


def test_outcomes_numbers_for_the_company(world, scene):
    known_outcomes(scene)
    client = Client()
    client.force_login(world.company_admin)

    body = client.get(reverse("matching:outcomes")).content.decode()

    assert [
        _cell(body, f"outcome-{name}")
        for name in ("active", "completed", "ended-early", "total", "hours")
    ] == ["1", "2", "1", "4", "5.0"]
    assert _cell(body, "outcome-rating-sme") == "4.00"  # (5 + 3) / 2
    assert _cell(body, "outcome-rating-mentor") == "3.00"  # (4 + 2) / 2
    assert _cell(body, "outcome-dimension-1") == "+1.50"  # strategy: +2 and +1
    assert "2 partnerships with the SME" in body
    assert "2 skill gaps closed" in body


def test_outcomes_numbers_for_coordinators_count_everything(world, scene):
    known_outcomes(scene)
    client = Client()
    client.force_login(world.coordinator)

    body = client.get(reverse("matching:outcomes")).content.decode()

    assert _cell(body, "outcome-total") == "5"
    assert _cell(body, "outcome-hours") == "15.0"
    assert _cell(body, "outcome-rating-sme") == "3.00"  # (5 + 3 + 1) / 3


def _outcome_queries(user) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("matching:outcomes")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["coordinator", "company_admin"])
def test_outcomes_query_count_constant(world, scene, role):
    _partnership_with(
        scene.mentor, state="completed", start={}, end={}, ratings=[("sme", 4)], hours=["1"]
    )
    one = _outcome_queries(getattr(world, role))
    known_outcomes(scene)
    known_outcomes(scene)

    many = _outcome_queries(getattr(world, role))

    assert many == one


def test_outcomes_name_no_sme(world, scene):
    sme = OrganisationFactory(name="Hidden Bakery SARL")
    needs = NeedsProfileFactory(organisation=sme)
    SkillGapFactory(needs=needs)
    PartnershipFactory(needs=needs, mentor=scene.mentor)
    client = Client()
    client.force_login(world.company_admin)

    body = client.get(reverse("matching:outcomes")).content.decode()

    assert "Hidden Bakery SARL" not in body


@pytest.mark.parametrize(
    ("role", "shown"),
    [("sme_member", True), ("mentor", True), ("outsider", False), ("company_admin", False)],
)
def test_dashboard_links_to_mentoring(client_as, role, shown):
    body = client_as(role).get(reverse("dashboard")).content.decode()

    assert (f'href="{reverse("matching:mentoring_home")}"' in body) == shown


def test_partnership_page_shows_the_gaps_importance_and_target_in_words(world, partnership):
    """The page passed the model's rows to a table made for the summary's lines: the target
    level was empty and the importance a bare number."""
    gap = partnership.needs.gaps.select_related("skill").first()
    client = Client()
    client.force_login(world.sme_admin)

    body = client.get(partnership.get_absolute_url()).content.decode()

    table = body[body.index("current skill gaps") :]
    table = table[: table.index("</table>")]
    row = next(r for r in table.split("<tr>") if str(gap.skill) in r)
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[1:] == [gap.get_importance_display(), gap.get_target_level_display()]
