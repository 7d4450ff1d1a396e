"""What an SME reads of its practice's state (#15): "Submitted", "Under review", then the
decision once announced. The review's own steps (in review, shortlisted, detail received) and a
decision recorded to announce later stay the reviewers'; staff read the real states."""

import re

import pytest
from django.urls import reverse

from notifications.models import Notification
from practices import services
from practices.enums import SME_STATES, PracticeState, SmeState
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

# The workflow's states the SME must never read, as the admin names them.
INTERNAL_LABELS = ("In review", "Shortlisted", "Detail received")

# state → what the SME reads, written out here (not copied from SME_STATES)
EXPECTED = {
    "draft": "Draft",
    "submitted": "Submitted",
    "in_review": "Under review",
    "shortlisted": "Under review",
    "detail_requested": "More detail requested",
    "detail_received": "Under review",
    "selected": "Selected",
    "published": "Published",
    "declined": "Not selected",
    "withdrawn": "Withdrawn",
    "taken_down": "Taken down",
}

HISTORY_ROW = re.compile(
    r"<tr><td><time datetime=\"[^\"]+\">[^<]*</time></td><td>([^<]*)</td><td>([^<]*)</td></tr>"
)


def detail_url(practice) -> str:
    return reverse("practices:submission_detail", kwargs={"pk": practice.pk})


def history(response) -> list[tuple[str, str]]:
    return HISTORY_ROW.findall(response.content.decode())


def test_every_state_has_what_the_sme_reads():
    assert {state: str(SME_STATES[state].label) for state in PracticeState.values} == EXPECTED


@pytest.mark.parametrize("state", list(EXPECTED), ids=list(EXPECTED))
def test_dashboard_and_practice_page_show_the_sme_its_state(world, client_for, state):
    practice = PracticeFactory(organisation=world.sme, state=state, title="Friday hour")
    client = client_for("sme_member")

    dashboard = client.get(reverse("dashboard")).content.decode()
    page = client.get(detail_url(practice)).content.decode()

    assert f"<td>{EXPECTED[state]}</td>" in dashboard
    assert f"State: {EXPECTED[state]}" in page
    for internal in INTERNAL_LABELS:
        assert internal not in dashboard and internal not in page


@pytest.mark.parametrize("state", ["in_review", "shortlisted", "detail_received"])
def test_staff_read_the_real_state_on_the_same_page(world, client_for, state):
    practice = PracticeFactory(organisation=world.sme, state=state)

    page = client_for("coordinator").get(detail_url(practice)).content.decode()

    assert f"State: {PracticeState(state).label}" in page


def test_history_shows_the_sme_its_steps_and_staff_every_move(world, client_for):
    practice = PracticeFactory(organisation=world.sme, call=CallFactory())
    services.practice_submit(user=world.sme_member, practice=practice)
    services.practice_transition(practice=practice, target="in_review", actor=world.reviewer)
    services.practice_transition(practice=practice, target="shortlisted", actor=world.reviewer)
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many?"
    )
    services.detail_request_answer(user=world.sme_member, detail_request=request, answer="Nine.")
    services.practice_transition(practice=practice, target="selected", actor=world.reviewer)

    sme_page = client_for("sme_member").get(detail_url(practice))
    staff_page = client_for("coordinator").get(detail_url(practice))

    assert history(sme_page) == [
        ("Draft", "Submitted"),
        ("Submitted", "Under review"),
        ("Under review", "More detail requested"),
        ("More detail requested", "Under review"),
        ("Under review", "Selected"),
    ]
    assert history(staff_page) == [
        ("Draft", "Submitted"),
        ("Submitted", "In review"),
        ("In review", "Shortlisted"),
        ("Shortlisted", "More detail requested"),
        ("More detail requested", "Detail received"),
        ("Detail received", "Selected"),
    ]


def test_a_recorded_decision_stays_internal_until_announced(world, client_for):
    practice = PracticeFactory(organisation=world.sme, state="shortlisted", created_by=None)
    services.practice_record_decision(user=world.reviewer, practice=practice, decision="selected")
    client = client_for("sme_admin")

    before = [
        client.get(url).content.decode() for url in (reverse("dashboard"), detail_url(practice))
    ]
    emails_before = Notification.objects.count()
    services.call_release_decisions(user=world.coordinator, call=practice.call)
    after = [
        client.get(url).content.decode() for url in (reverse("dashboard"), detail_url(practice))
    ]

    assert all("Under review" in body and "Selected" not in body for body in before)
    assert emails_before == 0
    assert all("Selected" in body for body in after)
    assert list(Notification.objects.values_list("event", flat=True)) == ["practice_selected"]


def test_no_email_to_the_sme_names_an_internal_state(world):
    """A whole review, every step through its service: the SME's people get the receipt, the
    request for detail and the decision, and none of them says "shortlisted" or "in review"."""
    practice = PracticeFactory(
        organisation=world.sme, call=CallFactory(), created_by=world.sme_member
    )
    services.practice_submit(user=world.sme_member, practice=practice)
    services.practice_transition(practice=practice, target="in_review", actor=world.reviewer)
    services.practice_transition(practice=practice, target="shortlisted", actor=world.reviewer)
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many?"
    )
    services.detail_request_answer(user=world.sme_member, detail_request=request, answer="Nine.")
    services.practice_record_decision(user=world.reviewer, practice=practice, decision="declined")
    services.call_release_decisions(user=world.coordinator, call=practice.call)

    to_sme = Notification.objects.filter(
        to_email__in=[world.sme_member.email, world.sme_admin.email]
    )

    assert sorted(set(to_sme.values_list("event", flat=True))) == [
        "practice_declined",
        "practice_detail_requested",
        "practice_submitted",
    ]
    for email in to_sme:
        text = f"{email.subject}\n{email.body_text}\n{email.body_html}".lower()
        assert "shortlist" not in text and "in review" not in text


def test_a_refusal_names_the_state_as_the_sme_reads_it(world, client_for):
    practice = PracticeFactory(organisation=world.sme, state="shortlisted")
    url = reverse("practices:submission_withdraw", kwargs={"pk": practice.pk})

    page = client_for("sme_admin").get(url).content.decode()
    refused = client_for("sme_admin").post(url, {"comment": ""})

    assert "it is “Under review”" in page
    assert refused.status_code == 409
    assert "cannot become" in refused.content.decode()
    for body in (page, refused.content.decode()):
        assert "Shortlisted" not in body
    practice.refresh_from_db()
    assert practice.state == "shortlisted"


def test_similar_practices_are_named_with_the_state_the_sme_reads(world, client_for):
    call = CallFactory()
    PracticeFactory(call=call, organisation=world.sme, state="shortlisted", title="Lunch")
    draft = PracticeFactory(call=call, organisation=world.sme, title="Lunch")

    body = client_for("sme_member").get(detail_url(draft)).content.decode()

    assert "(Under review)" in body and "Shortlisted" not in body


def test_sme_state_of_a_practice_reads_the_table():
    assert PracticeFactory.build(state="shortlisted").sme_state == SmeState.UNDER_REVIEW
