"""Coordinators run matchmaking in the admin: recommendations for one SME, a global run, the
drafts reviewed, changed, removed and released. Reviewers and everyone else stay out."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching import services
from matching.enums import ProposalState
from matching.models import MatchRun, Proposal, ProposalLog
from notifications.models import Notification
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory
from tests.matching.factories import mentor_for, needs_for

pytestmark = pytest.mark.django_db

RUNS = "/admin/matching/matchrun/"
PROPOSALS = "/admin/matching/proposal/"
NEEDS = "/admin/matching/needsprofile/"


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("sme_admin", 302), ("company_admin", 302), ("reviewer", 403),
     ("coordinator", 200)],
    ids=lambda value: str(value),
)  # fmt: skip
@pytest.mark.parametrize("url", [RUNS, PROPOSALS, NEEDS], ids=["runs", "proposals", "needs"])
def test_matching_admin_for_coordinators_only(world, client_for, role, status, url):
    response = client_for(role).get(url)

    assert response.status_code == status


def test_recommendations_page_ranks_and_proposes_a_draft(world, client_for):
    best = mentor_for(world.company, skills=[("AI", 5)])
    mentor_for(CompanyFactory(), skills=[("AI", 1)])
    needs = needs_for(world.sme)
    client = client_for("coordinator")
    url = f"{NEEDS}{needs.pk}/recommendations/"

    page = client.get(url)
    client.post(url, {"mentor": best.pk})

    assert page.status_code == 200
    assert page.context["rows"][0]["mentor"] == best
    draft = Proposal.objects.get()
    assert (draft.state, draft.mentor, draft.needs) == (ProposalState.DRAFT, best, needs)


def test_recommendations_page_refused_to_reviewers(world, client_for):
    needs = needs_for(world.sme)

    response = client_for("reviewer").get(f"{NEEDS}{needs.pk}/recommendations/")

    assert response.status_code == 403


def test_run_started_from_the_admin_writes_drafts(
    world, client_for, django_capture_on_commit_callbacks
):
    mentor_for(world.company)
    needs_for(world.sme)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(f"{RUNS}add/", {"maximise_matches": "on"})

    run = MatchRun.objects.get()
    assert response.status_code == 302
    assert (run.started_by, run.maximise_matches, run.status) == (world.coordinator, True, "done")
    assert Proposal.objects.filter(state=ProposalState.DRAFT, run=run).count() == 1


def test_release_and_remove_actions(world, client_for):
    mentor_for(world.company)
    mentor_for(CompanyFactory())
    needs_for(world.sme)
    needs_for(world.other_sme)
    services.run_execute(MatchRun.objects.create(started_by=world.coordinator).pk)
    first, second = Proposal.objects.filter(state="draft").order_by("pk")
    client = client_for("coordinator")

    client.post(PROPOSALS, {"action": "release", ACTION_CHECKBOX_NAME: [first.pk]})
    client.post(PROPOSALS, {"action": "remove", ACTION_CHECKBOX_NAME: [second.pk, first.pk]})

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (ProposalState.PROPOSED, ProposalState.REMOVED)
    assert Notification.objects.filter(event="proposal_made").count() == 2  # SME admin, mentor


def test_change_mentor_of_a_draft(world, client_for):
    first = mentor_for(world.company, skills=[("AI", 5)])
    other = mentor_for(CompanyFactory(), skills=[("AI", 2)])
    stranger = mentor_for(CompanyFactory(), languages=["de"])
    needs_for(world.sme)
    services.run_execute(MatchRun.objects.create(started_by=world.coordinator).pk)
    draft = Proposal.objects.get(state="draft")
    client = client_for("coordinator")
    url = f"{PROPOSALS}{draft.pk}/change-mentor/"

    refused = client.post(url, {"mentor": stranger.pk})
    client.post(url, {"mentor": other.pk})

    draft.refresh_from_db()
    assert refused.status_code == 200 and refused.context["form"].errors["mentor"]
    assert draft.mentor == other != first
    assert sum(draft.explanation["parts"].values()) == pytest.approx(draft.score, abs=0.05)


def test_proposal_list_query_count_does_not_grow(world, client_for):
    client = client_for("coordinator")

    def count_for(n: int) -> int:
        Proposal.objects.all().delete()
        for _i in range(n):
            needs = needs_for(OrganisationFactory())
            mentor = mentor_for(CompanyFactory())
            Proposal.objects.create(needs=needs, mentor=mentor, score=50,
                                    explanation={"parts": {"coverage": 50}},
                                    algorithm_version="1.0")  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PROPOSALS).status_code == 200
        return len(queries)

    assert count_for(1) == count_for(30)


def test_proposal_page_query_count_does_not_grow_with_its_log(world, client_for):
    client = client_for("coordinator")
    proposal = Proposal.objects.create(
        needs=needs_for(world.sme), mentor=mentor_for(world.company), score=50,
        explanation={"parts": {"coverage": 50}}, algorithm_version="1.0",
    )  # fmt: skip

    def count_for(n: int) -> int:
        ProposalLog.objects.all().delete()
        for _i in range(n):
            ProposalLog.objects.create(proposal=proposal, action="changed", actor=UserFactory())
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{PROPOSALS}{proposal.pk}/change/").status_code == 200
        return len(queries)

    assert count_for(1) == count_for(10)


@pytest.mark.parametrize("value", ["abc", "", "0", "99999999"])
def test_recommendations_propose_with_a_bad_mentor_number(world, client_for, value):
    needs = needs_for(world.sme)
    url = f"{NEEDS}{needs.pk}/recommendations/"

    response = client_for("coordinator").post(url, {"mentor": value}, follow=True)

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [str(services.MSG_MENTOR_UNAVAILABLE)]
    assert not Proposal.objects.exists()
