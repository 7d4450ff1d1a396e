"""Coordinators approve, reject and complete pledges and decide on mentors in the admin; the
moves go through the workflow service; nobody else gets in."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Notification
from tests.factories import CompanyFactory, MentorProfileFactory, PledgeFactory
from volunteers.models import ConfidentialityAgreement, Pledge, PledgeTransition

pytestmark = pytest.mark.django_db

PLEDGES = "/admin/volunteers/pledge/"
MENTORS = "/admin/volunteers/mentorprofile/"
AGREEMENTS = "/admin/volunteers/confidentialityagreement/"


def _act(client, url, action, objects, **extra):
    return client.post(
        url, {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra},
        follow=True,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("company_admin", 302), ("sme_admin", 302), ("reviewer", 403),
     ("coordinator", 200)],
    ids=lambda value: str(value),
)  # fmt: skip
@pytest.mark.parametrize(
    "url", [PLEDGES, MENTORS, AGREEMENTS], ids=["pledges", "mentors", "agreements"]
)
def test_volunteers_admin_lists_for_coordinators_only(world, client_for, role, status, url):
    PledgeFactory(company=world.company, state="pending")

    response = client_for(role).get(url)

    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_bulk_approve_moves_pending_and_refuses_drafts(world, client_for):
    pending = PledgeFactory(company=world.company, state="pending")
    draft = PledgeFactory(company=CompanyFactory(name="Draft Corp"), state="draft")

    response = _act(client_for("coordinator"), PLEDGES, "move_to_approved", [pending, draft])

    pending.refresh_from_db()
    draft.refresh_from_db()
    assert (pending.state, draft.state) == ("approved", "draft")
    shown = [str(m) for m in response.context["messages"]]
    assert any("1 pledge moved to “Approved”" in m for m in shown)
    assert any(str(draft) in m for m in shown)  # the refusal names the pledge
    assert list(PledgeTransition.objects.values_list("pledge", "to_state")) == [
        (pending.pk, "approved")
    ]


def test_reject_asks_for_a_reason_then_rejects_with_it(world, client_for):
    pledge = PledgeFactory(company=world.company, state="pending")
    client = client_for("coordinator")

    form_page = _act(client, PLEDGES, "reject", [pledge])
    empty = _act(client, PLEDGES, "reject", [pledge], apply="1", reason="")
    done = _act(client, PLEDGES, "reject", [pledge], apply="1", reason="Targets <b>missing</b>.")

    assert form_page.status_code == empty.status_code == done.status_code == 200
    assert "reason" in form_page.context["form"].fields
    assert empty.context["form"].errors["reason"]
    pledge.refresh_from_db()
    assert (pledge.state, pledge.rejection_reason) == ("rejected", "Targets <b>missing</b>.")
    assert Notification.objects.filter(event="pledge_rejected").count() == 1


def test_pledge_change_page_is_read_only(world, client_for):
    pledge = PledgeFactory(company=world.company, state="pending", description="Original.")
    client = client_for("coordinator")

    page = client.get(f"{PLEDGES}{pledge.pk}/change/")
    client.post(f"{PLEDGES}{pledge.pk}/change/", {"description": "Changed.", "state": "approved"})

    assert page.status_code == 200
    pledge.refresh_from_db()
    assert (pledge.description, pledge.state) == ("Original.", "pending")


def test_mentor_approve_action(world, client_for):
    waiting = MentorProfileFactory(company=world.company, state="pending")
    incomplete = MentorProfileFactory(company=world.company, state="incomplete")

    _act(client_for("coordinator"), MENTORS, "approve", [waiting, incomplete])

    waiting.refresh_from_db()
    incomplete.refresh_from_db()
    assert (waiting.state, incomplete.state) == ("approved", "incomplete")
    assert list(Notification.objects.values_list("event", "recipient")) == [
        ("mentor_approved", waiting.user.pk)
    ]


def test_agreement_added_in_admin_is_published_through_the_service(world, client_for, mentor):
    client = client_for("coordinator")

    response = client.post(
        f"{AGREEMENTS}add/",
        {"version": "2.0", "effective_at_0": "2026-01-02", "effective_at_1": "00:00:00",
         "text": "New wording."},
    )  # fmt: skip

    assert response.status_code == 302
    assert ConfidentialityAgreement.objects.current().version == "2.0"
    assert Notification.objects.filter(event="agreement_updated", recipient=mentor.user).exists()


def test_agreement_with_a_future_date_is_refused_in_the_form(world, client_for, mentor):
    """Mentors are emailed at once to accept a new version, which they can only do once it is
    in force: a version dated later is refused, nothing is saved or sent."""
    before = ConfidentialityAgreement.objects.count()

    response = client_for("coordinator").post(
        f"{AGREEMENTS}add/",
        {"version": "3.0", "effective_at_0": "2099-01-02", "effective_at_1": "00:00:00",
         "text": "Later wording."},
    )  # fmt: skip

    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert ConfidentialityAgreement.objects.count() == before
    assert not Notification.objects.filter(event="agreement_updated").exists()


@pytest.mark.parametrize("url", [PLEDGES, MENTORS], ids=["pledges", "mentors"])
def test_admin_list_query_count_does_not_grow(world, client_for, url):
    client = client_for("coordinator")

    def count_for(n: int) -> int:
        Pledge.objects.all().delete()
        for _i in range(n):
            company = CompanyFactory()
            PledgeFactory(company=company, state="pending")
            MentorProfileFactory(company=company, state="pending")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count_for(1) == count_for(30)


def test_mentor_admin_company_filter_lists_only_companies_with_mentors(world, client_for):
    MentorProfileFactory(company=world.company)
    CompanyFactory(name="No Mentors Corp")

    response = client_for("coordinator").get(MENTORS)

    body = response.content.decode()
    assert response.status_code == 200
    assert world.company.name in body
    assert "No Mentors Corp" not in body
    assert world.sme.name not in body
