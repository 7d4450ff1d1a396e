"""Confidentiality from the outside: the SME's challenge text is invisible to mentors before a
partnership, to other SMEs, to other companies and to anonymous visitors, on every page each of
them can reach; a mentor proposed to an SME never learns its name. Once a partnership exists,
its mentor reads the challenge on the partnership page (and nobody else new does)."""

import pytest
from django.test import Client
from django.urls import reverse

from matching import services
from matching.models import Partnership
from tests.factories import MembershipFactory
from tests.matching.factories import CANARY, mentoring_scene, people_of

pytestmark = pytest.mark.django_db

# people who must never read the challenge before a partnership (the proposal's own mentor
# included); after it, everyone but the partnership's mentor
NEVER = [
    "anonymous",
    "outsider",
    "other_sme_admin",
    "mentor",
    "other_mentor",
    "company_admin",
]


@pytest.fixture
def scene(world):
    scene = mentoring_scene(world)
    # the SME has a website and people with names: none may reach the mentor's pages
    world.sme.website = "https://atelier-test.example.fr"
    world.sme.save()
    return scene


def _client(people, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


def _pages(world, scene) -> list[str]:
    """Every page of the portal these people might reach that could show an SME's needs."""
    return [
        reverse("home"),
        reverse("dashboard"),
        reverse("matching:mentoring_home"),
        reverse("matching:outcomes"),
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}),
        reverse("matching:needs_edit", kwargs={"pk": world.sme.pk}),
        reverse("matching:skill_list"),
        reverse("volunteers:pledge_list"),
        reverse("volunteers:pledge_detail", kwargs={"slug": scene.pledge.slug}),
        reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk}),
        reverse("volunteers:mentor_profile"),
        reverse("volunteers:mentor_detail", kwargs={"pk": scene.mentor.pk}),
        reverse("volunteers:mentor_detail", kwargs={"pk": scene.other_mentor.pk}),
    ]


def test_the_canary_exists_for_those_who_may_read_it(world, scene):
    """First make sure the data is there: the SME's members see it on their needs page."""
    people = people_of(world, scene)
    url = reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})

    for role in ("sme_admin", "sme_member"):
        assert CANARY in _client(people, role).get(url).content.decode()


@pytest.mark.parametrize("role", NEVER)
def test_challenge_invisible_before_a_partnership(world, scene, role):
    people = people_of(world, scene)
    client = _client(people, role)
    reached = 0

    for url in _pages(world, scene):
        response = client.get(url, follow=True)
        assert CANARY not in response.content.decode(), url
        reached += response.status_code == 200

    assert reached >= 3  # each person does reach pages (home, pledges…)


@pytest.mark.parametrize("page", ["proposal", "home"])
def test_mentor_never_sees_the_sme_name_before_a_partnership(world, scene, page):
    client = Client()
    client.force_login(scene.mentor.user)
    url = {
        "proposal": reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}),
        "home": reverse("matching:mentoring_home"),
    }[page]

    response = client.get(url)

    assert response.status_code == 200
    body = response.content.decode()
    for secret in (
        world.sme.name,
        world.sme.website,
        world.sme_admin.email,
        world.sme_admin.full_name,
        world.sme_member.email,
        CANARY,
    ):
        assert secret not in body, secret


def test_mentor_of_an_sme_who_is_also_in_another_sme_sees_only_their_own(world, scene):
    """Being a member of another SME gives nothing on this one."""
    MembershipFactory(organisation=world.other_sme, user=scene.other_mentor.user)
    client = Client()
    client.force_login(scene.other_mentor.user)

    response = client.get(reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk}))

    assert response.status_code == 404


@pytest.fixture
def partnership(world, scene):
    services.proposal_answer(user=world.sme_admin, proposal=scene.proposal, accept=True)
    services.proposal_answer(user=scene.mentor.user, proposal=scene.proposal, accept=True)
    return Partnership.objects.get(proposal=scene.proposal)


def test_mentor_reads_the_challenge_once_a_partnership_exists(world, scene, partnership):
    client = Client()
    client.force_login(scene.mentor.user)

    body = client.get(partnership.get_absolute_url()).content.decode()

    assert CANARY in body
    assert world.sme.name in body


@pytest.mark.parametrize("role", ["sme_admin", "sme_member", "coordinator"])
def test_challenge_on_the_partnership_page_for_the_sme_and_coordinators(
    world, scene, partnership, role
):
    client = _client(people_of(world, scene), role)

    assert CANARY in client.get(partnership.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", [r for r in NEVER if r != "mentor"])
def test_challenge_still_invisible_to_others_after_a_partnership(world, scene, partnership, role):
    client = _client(people_of(world, scene), role)

    for url in [*_pages(world, scene), partnership.get_absolute_url()]:
        response = client.get(url, follow=True)
        assert CANARY not in response.content.decode(), url


def test_mentor_proposal_page_stays_anonymous_after_the_partnership(world, scene, partnership):
    """The proposal page is the summary it always was; the partnership page names the SME."""
    client = Client()
    client.force_login(scene.mentor.user)

    body = client.get(
        reverse("matching:proposal_detail", kwargs={"pk": scene.proposal.pk})
    ).content.decode()

    assert CANARY not in body
    assert partnership.get_absolute_url() in body
