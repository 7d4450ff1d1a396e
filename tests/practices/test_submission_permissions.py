"""The SME's pages from the outside: every page for every role, guessed ids of another SME's
submission (404, never its data), and POSTs by the wrong people (refused, nothing changed)."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from practices import services
from practices.enums import PracticeState
from practices.models import DetailRequest, EventInvitation, Practice
from tests.factories import CallFactory, EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "sme_member",
    "sme_admin",
    "other_sme_admin",
    "company_admin",
    "reviewer",
    "coordinator",
]
LOGIN = "login"
SECRET = "ATELIER-SECRET-PRACTICE-TEXT"

# the SME's own pages: its members only, everyone else learns nothing
MEMBERS_ONLY = {
    "anonymous": LOGIN,
    "outsider": 404,
    "sme_member": 200,
    "sme_admin": 200,
    "other_sme_admin": 404,
    "company_admin": 404,
    "reviewer": 404,
    "coordinator": 404,
}


@dataclass
class Pages:
    call: object
    draft: object
    submitted: object
    shortlisted: object
    detail_request: object
    selected: object
    invitation: object


@pytest.fixture
def pages(world) -> Pages:
    call = CallFactory()

    def practice(state: str, **kwargs):
        return PracticeFactory(
            call=call,
            organisation=world.sme,
            created_by=world.sme_member,
            state=state,
            short_description=SECRET,
            **kwargs,
        )

    shortlisted = practice(PracticeState.SHORTLISTED)
    detail_request = services.detail_request_create(
        user=world.reviewer, practice=shortlisted, message="More please."
    )
    selected = practice(PracticeState.SELECTED)
    return Pages(
        call=call,
        draft=practice(PracticeState.DRAFT),
        submitted=practice(PracticeState.SUBMITTED),
        shortlisted=shortlisted,
        detail_request=detail_request,
        selected=selected,
        invitation=EventInvitation.objects.create(event=EventFactory(), practice=selected),
    )


# url name, kwargs from the pages, expected GET outcome per role
PAGES = {
    "practices:submission_create": (
        lambda p: {"slug": p.call.slug},
        {
            # a person without an SME is told to register one (403); another SME may submit;
            # the SME with a draft of the call is taken to it (302 to the draft's edit page)
            "anonymous": LOGIN,
            "outsider": 403,
            "sme_member": 302,
            "sme_admin": 302,
            "other_sme_admin": 200,
            "company_admin": 403,
            "reviewer": 403,
            "coordinator": 403,
        },
    ),
    "practices:submission_detail": (
        lambda p: {"pk": p.submitted.pk},
        {**MEMBERS_ONLY, "reviewer": 200, "coordinator": 200},
    ),
    "practices:submission_detail-draft": (
        lambda p: {"pk": p.draft.pk},
        MEMBERS_ONLY,  # drafts are the SME's own business
    ),
    "practices:submission_edit": (lambda p: {"pk": p.submitted.pk}, MEMBERS_ONLY),
    "practices:submission_edit-draft": (lambda p: {"pk": p.draft.pk}, MEMBERS_ONLY),
    "practices:submission_withdraw": (lambda p: {"pk": p.submitted.pk}, MEMBERS_ONLY),
    "practices:detail_answer": (
        lambda p: {"pk": p.shortlisted.pk, "request_pk": p.detail_request.pk},
        MEMBERS_ONLY,
    ),
    "practices:public_version_approve": (lambda p: {"pk": p.selected.pk}, MEMBERS_ONLY),
    "practices:event_rsvp": (lambda p: {"pk": p.invitation.pk}, MEMBERS_ONLY),
}

CASES = [(name, role) for name, (_kw, expected) in PAGES.items() for role in expected]


def url_of(name: str, pages: Pages) -> str:
    kwargs_for, _expected = PAGES[name]
    return reverse(name.split("-")[0], kwargs=kwargs_for(pages))


def test_every_role_covers_every_page():
    assert {name: sorted(exp) for name, (_kw, exp) in PAGES.items()} == {
        name: sorted(ROLES) for name in PAGES
    }


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_page_get_gives_expected_status(world, client_for, pages, name, role):
    url = url_of(name, pages)

    response = client_for(role).get(url)

    want = PAGES[name][1][role]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == want
    if want in (403, 404, LOGIN):
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_submit_post_by_each_role(world, client_for, pages, role):
    url = reverse("practices:submission_submit", kwargs={"pk": pages.draft.pk})

    response = client_for(role).post(url)

    pages.draft.refresh_from_db()
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))
    if role in ("sme_member", "sme_admin"):
        assert (response.status_code, pages.draft.state) == (302, PracticeState.SUBMITTED)
    else:
        assert response.status_code in (302, 404)
        assert pages.draft.state == PracticeState.DRAFT


@pytest.mark.parametrize("which", ["detail", "edit", "withdraw", "public"])
def test_guessing_another_smes_submission_id_gives_404_without_its_data(world, client_for, which):
    theirs = PracticeFactory(
        call=CallFactory(),
        organisation=world.sme,
        state=PracticeState.SELECTED if which == "public" else PracticeState.SUBMITTED,
        title="ATELIER-TITLE",
        short_description=SECRET,
    )
    name = {
        "detail": "practices:submission_detail",
        "edit": "practices:submission_edit",
        "withdraw": "practices:submission_withdraw",
        "public": "practices:public_version_approve",
    }[which]
    client = client_for("other_sme_admin")

    existing = client.get(reverse(name, kwargs={"pk": theirs.pk}))
    missing = client.get(reverse(name, kwargs={"pk": theirs.pk + 1000}))

    assert existing.status_code == missing.status_code == 404
    # nothing tells an existing id from a missing one (but the id itself, in the page's links)
    assert existing.content.decode().replace(f"/{theirs.pk}/", "/ID/") == (
        missing.content.decode().replace(f"/{theirs.pk + 1000}/", "/ID/")
    )
    assert "ATELIER-TITLE" not in existing.content.decode()
    assert SECRET not in existing.content.decode()


OTHERS = ["outsider", "other_sme_admin", "company_admin", "reviewer", "coordinator"]


@pytest.mark.parametrize("role", OTHERS)
def test_edit_post_by_others_changes_nothing(world, client_for, pages, role):
    url = reverse("practices:submission_edit", kwargs={"pk": pages.submitted.pk})

    response = client_for(role).post(url, {"title": "Hijacked", "action": "save"})

    assert response.status_code == 404
    assert Practice.objects.get(pk=pages.submitted.pk).title != "Hijacked"
    assert pages.submitted.revisions.count() == 0


@pytest.mark.parametrize("role", OTHERS)
def test_withdraw_post_by_others_changes_nothing(world, client_for, pages, role):
    url = reverse("practices:submission_withdraw", kwargs={"pk": pages.submitted.pk})

    response = client_for(role).post(url, {"comment": ""})

    pages.submitted.refresh_from_db()
    assert response.status_code == 404
    assert pages.submitted.state == PracticeState.SUBMITTED


@pytest.mark.parametrize("role", OTHERS)
def test_detail_answer_post_by_others_changes_nothing(world, client_for, pages, role):
    url = reverse(
        "practices:detail_answer",
        kwargs={"pk": pages.shortlisted.pk, "request_pk": pages.detail_request.pk},
    )

    response = client_for(role).post(url, {"answer": "Injected"})

    assert response.status_code == 404
    assert DetailRequest.objects.get(pk=pages.detail_request.pk).answered_at is None


@pytest.mark.parametrize("role", OTHERS)
def test_public_version_post_by_others_changes_nothing(world, client_for, pages, role):
    url = reverse("practices:public_version_approve", kwargs={"pk": pages.selected.pk})

    response = client_for(role).post(url, {"consent": "on"})

    pages.selected.refresh_from_db()
    assert response.status_code == 404
    assert pages.selected.public_version_approved_at is None


@pytest.mark.parametrize("role", OTHERS)
def test_rsvp_post_by_others_changes_nothing(world, client_for, pages, role):
    url = reverse("practices:event_rsvp", kwargs={"pk": pages.invitation.pk})

    response = client_for(role).post(url, {"rsvp": "no"})

    pages.invitation.refresh_from_db()
    assert response.status_code == 404
    assert pages.invitation.rsvp == "pending"


def test_create_post_naming_another_sme_is_refused(world, client_for, pages):
    from tests.factories import MembershipFactory, OrganisationFactory

    MembershipFactory(user=world.sme_member, organisation=OrganisationFactory())

    response = client_for("sme_member").post(
        reverse("practices:submission_create", kwargs={"slug": pages.call.slug}),
        {"title": "Planted", "organisation": world.other_sme.pk, "action": "save"},
    )

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Practice.objects.filter(title="Planted").exists()
