"""The mentors' pages: accepting an invitation, the mentor's own profile, a profile read-only.
Every page for every role from the outside (another company's mentor id is a 404), and the
flows: accept as the right person, as another, too late; complete the profile."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.enums import MembershipRole
from accounts.models import Membership
from matching.models import Skill
from tests.factories import (
    MembershipFactory,
    MentorInvitationFactory,
    MentorProfileFactory,
    UserFactory,
)
from volunteers.enums import MentorState
from volunteers.models import ConfidentialityAgreement, MentorProfile, MentorSkill

pytestmark = pytest.mark.django_db

LOGIN = "login"
SECRET = "MENTOR-SECRET-BIO-TEXT"
ROLES = [
    "anonymous",
    "outsider",
    "sme_admin",
    "other_company_admin",
    "company_admin",
    "mentor",
    "coordinator",
]


@pytest.fixture
def client_as(world, mentor, other_company_admin):
    people = {"mentor": mentor.user, "other_company_admin": other_company_admin}

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(people.get(role) or getattr(world, role))
        return client

    return make


def profile_data(**changes) -> dict:
    skills = list(Skill.objects.selectable().order_by("pk")[:2])
    data = {
        "bio": "Data engineer; I teach SQL and dashboards.",
        "languages": ["en", "de"],
        "countries": ["BE"],
        "sectors": ["J"],
        "capacity": "2",
        "availability": "active",
        "paused_until": "",
        f"skill_{skills[0].pk}": "3",
        f"skill_{skills[1].pk}": "",
        "accept_agreement": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# --------------------------------------------------------------------------------------------
# From the outside
# --------------------------------------------------------------------------------------------
DETAIL = {
    "anonymous": LOGIN,
    "outsider": 404,
    "sme_admin": 404,
    "other_company_admin": 404,
    "company_admin": 200,
    "mentor": 200,
    "coordinator": 200,
}
PROFILE = {  # one's own profile: a person without one has none to see
    "anonymous": LOGIN,
    "outsider": 404,
    "sme_admin": 404,
    "other_company_admin": 404,
    "company_admin": 404,
    "mentor": 200,
    "coordinator": 404,
}


def _check(response, want) -> None:
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want
    if want != 200:
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_mentor_detail_get_by_each_role(world, client_as, mentor, role):
    MentorProfile.objects.filter(pk=mentor.pk).update(bio=SECRET)

    response = client_as(role).get(reverse("volunteers:mentor_detail", kwargs={"pk": mentor.pk}))

    _check(response, DETAIL[role])
    if DETAIL[role] == 200:
        assert SECRET in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_mentor_profile_get_by_each_role(world, client_as, mentor, role):
    response = client_as(role).get(reverse("volunteers:mentor_profile"))

    _check(response, PROFILE[role])


@pytest.mark.parametrize("role", ROLES)
def test_invitation_page_by_each_role_shows_no_form_but_to_the_invited(world, client_as, role):
    invitation = MentorInvitationFactory(company=world.company, email="invited@example.eu")

    response = client_as(role).get(invitation.get_absolute_url())

    body = response.content.decode()
    assert response.status_code == 200
    assert "Accept the invitation" not in body
    if role == "anonymous":
        assert f"?next={invitation.get_absolute_url()}" in body
    else:
        assert "not to the address you are logged in with" in body


def test_another_companys_mentor_is_404_for_an_admin(world, client_as, other_company_admin):
    theirs = MentorProfileFactory(
        company=other_company_admin.memberships.get().organisation, bio=SECRET
    )
    client = client_as("company_admin")

    existing = client.get(reverse("volunteers:mentor_detail", kwargs={"pk": theirs.pk}))
    missing = client.get(reverse("volunteers:mentor_detail", kwargs={"pk": theirs.pk + 1000}))

    assert existing.status_code == missing.status_code == 404
    assert SECRET not in existing.content.decode()


def test_unknown_invitation_token_is_404(client):
    response = client.get(reverse("volunteers:mentor_invitation_accept", args=["nope"]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("mentor", "anonymous")])
def test_profile_post_by_others_changes_nothing(world, client_as, mentor, role):
    before = list(MentorProfile.objects.values_list("pk", "bio", "state"))

    response = client_as(role).post(reverse("volunteers:mentor_profile"), profile_data(bio="X"))

    assert response.status_code == 404
    assert list(MentorProfile.objects.values_list("pk", "bio", "state")) == before


@pytest.mark.parametrize("role", ["anonymous", "outsider", "company_admin"])
def test_accept_post_by_others_creates_nothing(world, client_as, role):
    invitation = MentorInvitationFactory(company=world.company, email="invited@example.eu")
    before = (Membership.objects.count(), MentorProfile.objects.count())

    response = client_as(role).post(invitation.get_absolute_url(), follow=True)

    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert (Membership.objects.count(), MentorProfile.objects.count()) == before
    if role == "anonymous":
        assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    else:
        assert "This invitation was sent to another email address." in response.content.decode()


# --------------------------------------------------------------------------------------------
# Accepting an invitation
# --------------------------------------------------------------------------------------------
def test_accept_as_the_invited_person_makes_a_member_with_a_profile(world):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    expert = UserFactory(email="Expert@example.eu")
    client = Client()
    client.force_login(expert)

    page = client.get(invitation.get_absolute_url())
    response = client.post(invitation.get_absolute_url())

    invitation.refresh_from_db()
    assert "Accept the invitation" in page.content.decode()
    assert response["Location"] == reverse("volunteers:mentor_profile")
    assert invitation.accepted_by == expert
    assert list(Membership.objects.filter(user=expert).values_list("organisation", "role")) == [
        (world.company.pk, MembershipRole.MEMBER)
    ]
    assert MentorProfile.objects.get(user=expert).state == MentorState.INCOMPLETE


def test_accept_as_another_email_creates_nothing(world):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    client = Client()
    client.force_login(UserFactory(email="someone.else@example.eu"))

    response = client.post(invitation.get_absolute_url())

    assert response.status_code == 200
    assert "This invitation was sent to another email address." in response.content.decode()
    assert not MentorProfile.objects.exists()
    assert not Membership.objects.filter(user__email="someone.else@example.eu").exists()


def test_accept_clicked_twice_by_the_invited_person_welcomes_them_twice(world):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    expert = UserFactory(email="expert@example.eu")
    client = Client()
    client.force_login(expert)

    first = client.post(invitation.get_absolute_url())
    second = client.post(invitation.get_absolute_url())

    assert first["Location"] == second["Location"] == reverse("volunteers:mentor_profile")
    assert MentorProfile.objects.filter(user=expert).count() == 1
    assert Membership.objects.filter(user=expert).count() == 1


@pytest.mark.parametrize("how", ["expired", "used"])
def test_accept_a_closed_invitation_is_refused(world, how):
    expert = UserFactory(email="expert@example.eu")
    closed = (
        {"expires_at": timezone.now() - timedelta(minutes=1)}
        if how == "expired"
        else {"accepted_at": timezone.now()}
    )
    invitation = MentorInvitationFactory(company=world.company, email=expert.email, **closed)
    client = Client()
    client.force_login(expert)

    page = client.get(invitation.get_absolute_url())
    response = client.post(invitation.get_absolute_url())

    assert "This invitation has expired or has already been used." in page.content.decode()
    assert response.status_code == 200
    assert "This invitation has expired or has already been used." in response.content.decode()
    assert not MentorProfile.objects.exists()


# --------------------------------------------------------------------------------------------
# The profile
# --------------------------------------------------------------------------------------------
@pytest.fixture
def newcomer(world):
    """An invited expert who has just accepted: an incomplete profile, no skill, no agreement."""
    user = MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER).user
    return MentorProfileFactory(user=user, company=world.company, bio="", languages=[])


def test_complete_profile_with_skills_and_agreement_goes_for_approval(world, newcomer, agreement):
    client = Client()
    client.force_login(newcomer.user)
    skill = Skill.objects.selectable().order_by("pk").first()

    before = client.get(reverse("volunteers:mentor_profile")).content.decode()
    response = client.post(reverse("volunteers:mentor_profile"), profile_data())
    after = client.get(reverse("volunteers:mentor_profile")).content.decode()

    newcomer.refresh_from_db()
    assert "a short bio" in before
    assert agreement.text.splitlines()[0] in before
    assert response.status_code == 302
    assert newcomer.state == MentorState.PENDING
    assert newcomer.agreement == agreement
    assert list(newcomer.skills.values_list("skill", "level")) == [(skill.pk, 3)]
    assert (list(newcomer.languages), newcomer.capacity) == (["en", "de"], 2)
    assert f"You accepted version {agreement.version}" in after
    assert 'name="accept_agreement"' not in after
    assert "Pending approval" in after


def test_profile_without_the_agreement_stays_incomplete_and_says_so(world, newcomer):
    client = Client()
    client.force_login(newcomer.user)

    response = client.post(
        reverse("volunteers:mentor_profile"), profile_data(accept_agreement=None)
    )

    newcomer.refresh_from_db()
    assert response.status_code == 200
    assert "Accept the confidentiality agreement to mentor SMEs." in response.content.decode()
    assert (newcomer.bio, newcomer.state) == ("", MentorState.INCOMPLETE)


def test_profile_saved_incomplete_lists_what_is_missing(world, newcomer):
    client = Client()
    client.force_login(newcomer.user)
    skills = {k: "" for k in profile_data() if k.startswith("skill_")}

    client.post(reverse("volunteers:mentor_profile"), profile_data(languages=[], **skills))
    body = client.get(reverse("volunteers:mentor_profile")).content.decode()

    newcomer.refresh_from_db()
    assert newcomer.state == MentorState.INCOMPLETE
    assert "a language you mentor in" in body
    assert "at least one competence with its level" in body
    assert "a short bio" not in body


def test_agreement_already_accepted_is_shown_not_asked(world, client_as, mentor, agreement):
    response = client_as("mentor").get(reverse("volunteers:mentor_profile"))

    body = response.content.decode()
    assert f"You accepted version {agreement.version} of the confidentiality agreement" in body
    assert 'name="accept_agreement"' not in body


def test_edit_keeps_an_approved_mentor_approved_and_replaces_skills(world, client_as, mentor):
    skill = Skill.objects.selectable().order_by("pk")[1]

    client_as("mentor").post(
        reverse("volunteers:mentor_profile"),
        profile_data(**{f"skill_{mentor.skills.get().skill_id}": "", f"skill_{skill.pk}": "5"}),
    )

    mentor.refresh_from_db()
    assert mentor.state == MentorState.APPROVED
    assert list(MentorSkill.objects.filter(mentor=mentor).values_list("skill", "level")) == [
        (skill.pk, 5)
    ]


def test_new_agreement_version_asks_again(world, client_as, mentor, agreement):
    ConfidentialityAgreement.objects.create(
        version="2.0", text="New duties.", effective_at=timezone.now()
    )

    body = client_as("mentor").get(reverse("volunteers:mentor_profile")).content.decode()

    assert "version 2.0 is now in force" in body
    assert 'name="accept_agreement"' in body
    assert "New duties." in body


def test_profile_form_shows_current_levels_grouped_with_legends(world, client_as, mentor):
    skill = mentor.skills.get().skill

    body = client_as("mentor").get(reverse("volunteers:mentor_profile")).content.decode()

    assert f"<legend>{skill.framework.name} – {skill.parent.title}</legend>" in body
    assert '<option value="3" selected>3. Advanced (DigComp 5–6)</option>' in body


def test_portal_dashboard_links_a_mentor_to_their_profile(world, client_as, mentor):
    body = client_as("mentor").get(reverse("dashboard")).content.decode()

    assert reverse("volunteers:mentor_profile") in body
    assert "Your profile: Approved." in body


def test_portal_dashboard_has_no_mentor_section_for_others(world, client_as):
    body = client_as("company_admin").get(reverse("dashboard")).content.decode()

    assert reverse("volunteers:mentor_profile") not in body
