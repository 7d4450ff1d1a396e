"""The company admins' pages: every page for every role from the outside (another company's id
is a 404, refused POSTs change nothing), and the flows: draft, edit, send, withdraw, invite."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching.models import Skill
from notifications.models import Notification
from tests.factories import MentorInvitationFactory, PledgeFactory
from volunteers import services
from volunteers.commitments import COMMITMENTS
from volunteers.enums import PledgeState
from volunteers.models import MentorInvitation, Pledge, PledgeTransition

pytestmark = pytest.mark.django_db

LOGIN = "login"
SECRET = "BIG-DIGITAL-SECRET-PLEDGE-TEXT"
ROLES = [
    "anonymous",
    "outsider",
    "sme_admin",
    "other_company_admin",
    "mentor",
    "coordinator",
    "company_admin",
]
# the company's pages: its admins only; everyone else learns nothing
ADMINS_ONLY = {
    "anonymous": LOGIN,
    "outsider": 404,
    "sme_admin": 404,
    "other_company_admin": 404,
    "mentor": 404,  # a member of the company, not an admin
    "coordinator": 404,  # coordinators work in the admin
    "company_admin": 200,
}
PAGES = ["company_pledge", "pledge_create", "pledge_update", "mentor_invite"]


@pytest.fixture
def client_as(world, mentor, other_company_admin):
    """client_as("mentor") → a client logged in as that person (world roles, the mentor fixture's
    user, another company's admin; "anonymous": none)."""
    people = {"mentor": mentor.user, "other_company_admin": other_company_admin}

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(people.get(role) or getattr(world, role))
        return client

    return make


def url(name: str, company) -> str:
    return reverse(f"volunteers:{name}", kwargs={"pk": company.pk})


def pledge_data(**changes) -> dict:
    today = timezone.localdate()
    data = {
        "description": "We mentor SMEs in cloud and data skills.",
        "pillar": "labour_force",
        "scope": "european",
        "expertise": [str(Skill.objects.selectable().order_by("pk").first().pk)],
        "countries": ["BE", "FR"],
        "languages": ["en", "fr"],
        "target_smes": "10",
        "target_mentors": "5",
        "target_hours": "200",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=365)).isoformat(),
        "is_public": "on",
        "action": "save",
        **{name: "on" for name, _text in COMMITMENTS},
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# --------------------------------------------------------------------------------------------
# From the outside
# --------------------------------------------------------------------------------------------
CASES = [(page, role) for page in PAGES for role in ROLES]


@pytest.mark.parametrize(("page", "role"), CASES, ids=[f"{p}-{r}" for p, r in CASES])
def test_company_page_get_gives_expected_status(world, client_as, page, role):
    PledgeFactory(company=world.company, description=SECRET)
    if page == "pledge_create":  # the form shows only when no pledge is under way
        Pledge.objects.update(state=PledgeState.WITHDRAWN)

    response = client_as(role).get(url(page, world.company))

    want = ADMINS_ONLY[role]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want
    if want != 200:
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_another_companys_id_is_404_for_an_admin(world, client_as, other_company_admin, page):
    client = client_as("company_admin")
    other = other_company_admin.memberships.get().organisation

    existing = client.get(url(page, other))
    missing = client.get(reverse(f"volunteers:{page}", kwargs={"pk": other.pk + 1000}))

    assert existing.status_code == missing.status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_an_smes_id_is_404_for_its_own_admin(world, client_for, page):
    response = client_for("sme_admin").get(url(page, world.sme))

    assert response.status_code == 404


@pytest.mark.parametrize("role", [r for r in ROLES if r != "company_admin"])
def test_posts_by_others_change_nothing(world, client_as, role):
    draft = PledgeFactory(company=world.company, description=SECRET)
    client = client_as(role)

    responses = [
        client.post(url("pledge_update", world.company), pledge_data(description="Hijacked")),
        client.post(url("pledge_move", world.company), {"target": "pending"}),
        client.post(url("mentor_invite", world.company), {"email": "x@example.eu"}),
    ]
    Pledge.objects.filter(pk=draft.pk).update(state=PledgeState.WITHDRAWN)
    responses.append(client.post(url("pledge_create", world.company), pledge_data()))

    assert [r.status_code for r in responses] == [302 if role == "anonymous" else 404] * 4
    assert list(Pledge.objects.values_list("pk", "description", "state")) == [
        (draft.pk, SECRET, PledgeState.WITHDRAWN)
    ]
    assert PledgeTransition.objects.count() == 0
    assert MentorInvitation.objects.count() == 0
    assert Notification.objects.count() == 0


def test_pledge_move_refuses_get(world, client_for):
    PledgeFactory(company=world.company)

    response = client_for("company_admin").get(url("pledge_move", world.company))

    assert response.status_code == 405


# --------------------------------------------------------------------------------------------
# The dashboard
# --------------------------------------------------------------------------------------------
def test_dashboard_without_pledge_calls_to_make_one(world, client_for):
    response = client_for("company_admin").get(url("company_pledge", world.company))

    body = response.content.decode()
    assert "Make a pledge" in body
    assert url("pledge_create", world.company) in body
    assert url("mentor_invite", world.company) in body


def test_dashboard_shows_pledge_state_history_moves_progress_and_mentors(world, client_for, mentor):
    pledge = PledgeFactory(company=world.company, target_mentors=4)
    services.pledge_transition(pledge=pledge, target="pending", actor=world.company_admin)
    MentorInvitationFactory(company=world.company, email="open@example.eu")

    response = client_for("company_admin").get(url("company_pledge", world.company))

    body = response.content.decode()
    assert "Pending approval" in body
    assert "from “Draft” to “Pending approval”" in body
    assert '<input type="hidden" name="target" value="withdrawn">' in body
    assert 'value="pending"' not in body  # already sent
    assert url("pledge_update", world.company) not in body  # not editable once sent
    assert "1 of 4 (25%)" in body  # the approved mentor
    assert mentor.user.email in body
    assert reverse("volunteers:mentor_detail", kwargs={"pk": mentor.pk}) in body
    assert "Version 1.0" in body
    assert "open@example.eu" in body


def test_dashboard_shows_the_rejection_reason(world, client_for):
    pledge = PledgeFactory(company=world.company, state="pending")
    services.pledge_transition(
        pledge=pledge, target="rejected", actor=world.coordinator, comment="Say more <b>please</b>."
    )

    body = client_for("company_admin").get(url("company_pledge", world.company)).content.decode()

    assert "Say more &lt;b&gt;please&lt;/b&gt;." in body
    assert "Send for approval again" in body
    assert url("pledge_update", world.company) in body


def test_dashboard_query_count_does_not_grow_with_mentors(
    world, client_for, django_assert_max_num_queries
):
    from tests.factories import MembershipFactory, MentorProfileFactory, MentorSkillFactory

    PledgeFactory(company=world.company)
    client = client_for("company_admin")

    def add_mentors(n):
        for _i in range(n):
            user = MembershipFactory(organisation=world.company).user
            MentorSkillFactory(mentor=MentorProfileFactory(user=user, company=world.company))
            MentorInvitationFactory(company=world.company)

    add_mentors(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url("company_pledge", world.company))
    add_mentors(9)

    with django_assert_max_num_queries(len(one)):
        response = client.get(url("company_pledge", world.company))

    assert response.status_code == 200


# --------------------------------------------------------------------------------------------
# Flows
# --------------------------------------------------------------------------------------------
def test_create_draft_then_edit_then_send_then_withdraw(world, client_for):
    client = client_for("company_admin")

    created = client.post(url("pledge_create", world.company), pledge_data())
    pledge = Pledge.objects.get()
    edited = client.post(
        url("pledge_update", world.company), pledge_data(description="Cloud, data and AI.")
    )
    sent = client.post(url("pledge_move", world.company), {"target": "pending"})
    pledge.refresh_from_db()
    state_after_send = pledge.state
    withdrawn = client.post(url("pledge_move", world.company), {"target": "withdrawn"})
    pledge.refresh_from_db()

    assert [r.status_code for r in (created, edited, sent, withdrawn)] == [302] * 4
    assert created["Location"] == url("company_pledge", world.company)
    assert (pledge.description, state_after_send, pledge.state) == (
        "Cloud, data and AI.",
        PledgeState.PENDING,
        PledgeState.WITHDRAWN,
    )
    assert list(pledge.transitions.values_list("from_state", "to_state", "actor")) == [
        ("draft", "pending", world.company_admin.pk),
        ("pending", "withdrawn", world.company_admin.pk),
    ]
    assert Notification.objects.filter(
        event="pledge_received", recipient=world.company_admin
    ).exists()
    assert pledge.commitments_accepted_by == world.company_admin
    assert list(pledge.expertise.all()) == [Skill.objects.selectable().order_by("pk").first()]
    assert [c.code for c in pledge.countries] == ["BE", "FR"]


def test_save_and_send_from_the_new_form(world, client_for):
    response = client_for("company_admin").post(
        url("pledge_create", world.company), pledge_data(action="send")
    )

    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert pledge.state == PledgeState.PENDING
    assert pledge.transitions.count() == 1
    assert Notification.objects.filter(event="pledge_received").count() == 1


def test_save_and_send_a_rejected_pledge_again(world, client_for):
    pledge = PledgeFactory(company=world.company, state="rejected", rejection_reason="Vague.")

    client_for("company_admin").post(
        url("pledge_update", world.company), pledge_data(description="Precise.", action="send")
    )

    pledge.refresh_from_db()
    assert (pledge.state, pledge.description, pledge.rejection_reason) == (
        PledgeState.PENDING,
        "Precise.",
        "",
    )


def test_update_refused_once_pending(world, client_for):
    pledge = PledgeFactory(company=world.company, state="pending", description=SECRET)
    client = client_for("company_admin")

    got = client.get(url("pledge_update", world.company))
    posted = client.post(url("pledge_update", world.company), pledge_data(), follow=True)

    pledge.refresh_from_db()
    assert got.status_code == 302
    assert got["Location"] == url("company_pledge", world.company)
    assert "This pledge can no longer be changed: it is pending approval." in (
        posted.content.decode()
    )
    assert pledge.description == SECRET


def test_update_without_a_pledge_goes_to_the_new_form(world, client_for):
    response = client_for("company_admin").get(url("pledge_update", world.company))

    assert response["Location"] == url("pledge_create", world.company)


def test_create_when_a_pledge_is_under_way_goes_to_the_dashboard(world, client_for):
    PledgeFactory(company=world.company)

    response = client_for("company_admin").get(url("pledge_create", world.company), follow=True)

    assert response.redirect_chain == [(url("company_pledge", world.company), 302)]
    assert "already has a pledge under way" in response.content.decode()


def test_a_new_pledge_after_a_withdrawn_one(world, client_for):
    PledgeFactory(company=world.company, state="withdrawn")

    response = client_for("company_admin").post(url("pledge_create", world.company), pledge_data())

    assert response.status_code == 302
    assert sorted(Pledge.objects.values_list("state", flat=True)) == ["draft", "withdrawn"]


def test_edit_form_shows_saved_values_but_not_the_commitments(world, client_for):
    pledge = PledgeFactory(company=world.company, description="Our saved text")

    body = client_for("company_admin").get(url("pledge_update", world.company)).content.decode()

    assert "Our saved text" in body
    assert pledge.commit_assist
    for name, text in COMMITMENTS:
        assert str(text).replace("'", "&#x27;") in body
        assert re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', body) == [
            f'<input type="checkbox" name="{name}" class="checkboxinput form-check-input" '
            f'required id="id_{name}">'
        ]


@pytest.mark.parametrize(
    ("target", "message"),
    [("approved", "You are not allowed to do this."), ("bogus", "Choose one of the buttons")],
    ids=["coordinators-move", "unknown-state"],
)
def test_move_refused_shows_a_message_and_changes_nothing(world, client_for, target, message):
    pledge = PledgeFactory(company=world.company, state="pending")

    response = client_for("company_admin").post(
        url("pledge_move", world.company), {"target": target}, follow=True
    )

    pledge.refresh_from_db()
    assert pledge.state == PledgeState.PENDING
    assert message in response.content.decode()


def test_invite_a_mentor_then_again_keeps_one_open_invitation(world, client_for):
    client = client_for("company_admin")

    first = client.post(url("mentor_invite", world.company), {"email": "Expert@Example.eu"})
    again = client.post(url("mentor_invite", world.company), {"email": "expert@example.eu"})

    assert (first.status_code, again.status_code) == (302, 302)
    assert list(MentorInvitation.objects.values_list("email", "company", "accepted_at")) == [
        ("expert@example.eu", world.company.pk, None)
    ]
    assert (
        Notification.objects.filter(event="mentor_invited", to_email="expert@example.eu").count()
        == 2
    )


def test_invite_an_existing_mentor_is_refused_on_the_field(world, client_for, mentor):
    response = client_for("company_admin").post(
        url("mentor_invite", world.company), {"email": mentor.user.email.upper()}
    )

    assert response.status_code == 200
    assert "This person is already a mentor of your company." in response.content.decode()
    assert MentorInvitation.objects.count() == 0


# --------------------------------------------------------------------------------------------
# The portal's dashboard
# --------------------------------------------------------------------------------------------
def test_portal_dashboard_links_each_administered_company_to_its_pledge(world, client_for):
    from tests.factories import CompanyFactory, MembershipFactory

    second = CompanyFactory(name="Second Cloud SE")
    MembershipFactory(organisation=second, user=world.company_admin, role="admin")
    PledgeFactory(company=world.company, state="withdrawn")
    PledgeFactory(company=world.company, state="pending")

    body = client_for("company_admin").get(reverse("dashboard")).content.decode()

    assert url("company_pledge", world.company) in body
    assert url("company_pledge", second) in body
    assert "State: Pending approval" in body  # the pledge under way, not the withdrawn one
    assert "No pledge yet" in body  # the second company


def test_portal_dashboard_has_no_pledge_link_for_a_member(world, client_as):
    body = client_as("mentor").get(reverse("dashboard")).content.decode()

    assert url("company_pledge", world.company) not in body


def test_portal_dashboard_queries_do_not_grow_with_companies(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import CompanyFactory, MembershipFactory

    def add_companies(n):
        for _i in range(n):
            company = CompanyFactory()
            MembershipFactory(organisation=company, user=world.company_admin, role="admin")
            PledgeFactory(company=company)
            PledgeFactory(company=company, state="withdrawn")

    client = client_for("company_admin")
    add_companies(1)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("dashboard"))
    add_companies(9)

    with CaptureQueriesContext(connection) as ten:
        response = client.get(reverse("dashboard"))

    assert response.content.decode().count("Open the pledge dashboard") == 10
    assert len(ten) == len(one)
