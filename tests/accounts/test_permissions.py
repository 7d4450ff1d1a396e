"""Every page of the foundation, seen from the outside by each role."""

import pytest
from django.urls import reverse

from accounts.models import Invitation, Membership, Organisation
from tests.factories import InvitationFactory

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
LOGIN = "login"  # a redirect to the log-in page

# only the organisation's admins manage it; its members and coordinators see it (403),
# everyone else learns nothing (404)
MANAGE_ORGANISATION = {
    "anonymous": LOGIN,
    "outsider": 404,
    "sme_member": 403,
    "sme_admin": 200,
    "other_sme_admin": 404,
    "company_admin": 404,
    "reviewer": 404,
    "coordinator": 403,
}

# url name, kwargs from the world, expected GET outcome per role
PAGES = {
    "home": (
        lambda w: {},
        dict.fromkeys(ROLES, 200),
    ),
    "dashboard": (
        lambda w: {},
        {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN},
    ),
    "organisation_create": (
        lambda w: {},
        {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN},
    ),
    "organisation_detail": (
        lambda w: {"pk": w.sme.pk},
        {
            "anonymous": LOGIN,
            "outsider": 404,
            "sme_member": 200,
            "sme_admin": 200,
            "other_sme_admin": 404,
            "company_admin": 404,
            "reviewer": 404,
            "coordinator": 200,
        },
    ),
    "organisation_update": (
        lambda w: {"pk": w.sme.pk},
        MANAGE_ORGANISATION,
    ),
    "invitation_create": (
        lambda w: {"pk": w.sme.pk},
        MANAGE_ORGANISATION,
    ),
    "account_change_password": (
        lambda w: {},
        {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN},
    ),
    "account_email": (
        lambda w: {},
        {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN},
    ),
    "notifications:preferences": (
        lambda w: {},
        {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN},
    ),
    "account_login": (lambda w: {}, {**dict.fromkeys(ROLES, 302), "anonymous": 200}),
    "account_signup": (lambda w: {}, {**dict.fromkeys(ROLES, 302), "anonymous": 200}),
    "account_reset_password": (lambda w: {}, dict.fromkeys(ROLES, 200)),
    "account_logout": (lambda w: {}, {**dict.fromkeys(ROLES, 200), "anonymous": 302}),
    "admin:index": (
        lambda w: {},
        {**dict.fromkeys(ROLES, "admin_login"), "reviewer": 200, "coordinator": 200},
    ),
    "admin:accounts_organisation_changelist": (
        lambda w: {},
        {**dict.fromkeys(ROLES, "admin_login"), "reviewer": 200, "coordinator": 200},
    ),
    "admin:accounts_user_changelist": (
        lambda w: {},
        {**dict.fromkeys(ROLES, "admin_login"), "reviewer": 403, "coordinator": 200},
    ),
}

CASES = [(name, role) for name, (_kw, expected) in PAGES.items() for role in expected]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_page_get_gives_expected_status(world, client_for, name, role):
    kwargs_for, expected = PAGES[name]
    url = reverse(name, kwargs=kwargs_for(world))

    response = client_for(role).get(url)

    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif want == "admin_login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == want


NOT_ADMINS = [role for role in ROLES if role != "sme_admin"]


def test_every_role_covers_every_page():
    assert {name: sorted(exp) for name, (_kw, exp) in PAGES.items()} == {
        name: sorted(ROLES) for name in PAGES
    }


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_organisation_update_post_by_others_changes_nothing(world, client_for, role):
    url = reverse("organisation_update", kwargs={"pk": world.sme.pk})

    response = client_for(role).post(
        url,
        {
            "name": "Hijacked",
            "kind": "sme",
            "country": "FR",
            "sector": "C",
            "size_band": "small",
            "website": "",
        },
    )

    assert response.status_code in (302, 403, 404)
    assert Organisation.objects.get(pk=world.sme.pk).name == "Atelier Test SARL"


@pytest.mark.parametrize("role", NOT_ADMINS)
def test_invitation_create_post_by_others_sends_nothing(world, client_for, role, mailoutbox):
    url = reverse("invitation_create", kwargs={"pk": world.sme.pk})

    response = client_for(role).post(url, {"email": "spy@example.eu", "role": "admin"})

    assert response.status_code in (302, 403, 404)
    assert Invitation.objects.count() == 0
    assert mailoutbox == []


def test_organisation_detail_of_other_sme_shows_none_of_its_data(world, client_for):
    response = client_for("other_sme_admin").get(
        reverse("organisation_detail", kwargs={"pk": world.sme.pk})
    )

    assert response.status_code == 404
    assert world.sme.name not in response.content.decode()
    assert world.sme_admin.email not in response.content.decode()


def test_organisation_detail_for_member_lists_members(world, client_for):
    response = client_for("sme_member").get(
        reverse("organisation_detail", kwargs={"pk": world.sme.pk})
    )

    body = response.content.decode()
    assert world.sme_admin.email in body
    assert world.sme_member.email in body
    assert world.other_sme_admin.email not in body


def test_invitation_accept_get_changes_nothing_and_post_by_other_person_is_refused(
    world, client_for
):
    invitation = InvitationFactory(organisation=world.sme, email="joiner@example.eu")
    url = reverse("invitation_accept", kwargs={"token": invitation.token})

    get_response = client_for("other_sme_admin").get(url)
    post_response = client_for("other_sme_admin").post(url)

    assert get_response.status_code == 200
    assert "sent to joiner@example.eu" in get_response.content.decode()
    assert post_response.status_code == 200
    assert not Membership.objects.filter(
        user=world.other_sme_admin, organisation=world.sme
    ).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_invitation_accept_post_anonymous_goes_to_login(world, client):
    invitation = InvitationFactory(organisation=world.sme, email="joiner@example.eu")

    response = client.post(reverse("invitation_accept", kwargs={"token": invitation.token}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_invitation_accept_unknown_token_is_404(client):
    response = client.get(reverse("invitation_accept", kwargs={"token": "nope"}))

    assert response.status_code == 404


def test_invitation_accept_by_invitee_joins(world, client):
    from tests.factories import UserFactory

    invitation = InvitationFactory(organisation=world.sme, email="joiner@example.eu")
    joiner = UserFactory(email="joiner@example.eu")
    client.force_login(joiner)

    response = client.post(reverse("invitation_accept", kwargs={"token": invitation.token}))

    assert response.status_code == 302
    assert response["Location"] == world.sme.get_absolute_url()
    assert Membership.objects.get(user=joiner).organisation == world.sme
