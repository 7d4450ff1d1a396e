"""Two-factor authentication for staff (issue #7, S-16): required, asked at log-in, not optional."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.mfa import MFA_REQUIRED_MESSAGE
from accounts.roles import COORDINATORS, REVIEWERS
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE_URL = "/en/accounts/2fa/totp/activate/"
STAFF_KINDS = {
    "reviewer": {"is_staff": True, "groups": [REVIEWERS]},
    "coordinator": {"is_staff": True, "groups": [COORDINATORS]},
    "superuser": {"is_staff": True, "is_superuser": True},
}


def _staff_without_mfa(kind: str):
    return UserFactory(totp=False, **STAFF_KINDS[kind])


def _log_in(client: Client, user, next_url: str = "") -> object:
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


def _reauthenticate(client: Client) -> None:
    """allauth asks for the password again before a second factor is added or removed."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def _logged_in_as(client: Client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value else None


@pytest.mark.parametrize("kind", list(STAFF_KINDS), ids=list(STAFF_KINDS))
@pytest.mark.parametrize("url", ["/admin/", "/admin/practices/practice/", "/en/dashboard/"])
def test_staff_without_authenticator_is_sent_to_set_one_up(client, kind, url):
    client.force_login(_staff_without_mfa(kind))

    response = client.get(url, follow=True)

    assert response.redirect_chain[0] == (ACTIVATE_URL, 302)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [str(MFA_REQUIRED_MESSAGE)]


def test_staff_without_authenticator_cannot_post_either(client, world):
    reviewer = _staff_without_mfa("reviewer")
    client.force_login(reviewer)

    response = client.post("/admin/practices/practice/", {"action": "anything"})

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL


def test_staff_without_authenticator_may_still_log_out(client):
    client.force_login(_staff_without_mfa("coordinator"))

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert _logged_in_as(client) is None


def test_activation_page_renders_in_the_site_layout_with_a_qr_code(client):
    client.force_login(_staff_without_mfa("reviewer"))
    _reauthenticate(client)

    response = client.get(ACTIVATE_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html  # img-src allows data: under our CSP
    assert 'class="navbar' in html  # base.html around it
    assert "<script>" not in html and "style=" not in html


def test_staff_after_activating_totp_reach_admin_and_dashboard(client):
    coordinator = _staff_without_mfa("coordinator")
    TOTP.activate(coordinator, TOTP_SECRET)
    client.force_login(coordinator)

    assert client.get("/admin/").status_code == 200
    assert client.get("/en/dashboard/").status_code == 200


def test_activating_totp_through_the_page_lifts_the_redirect(client):
    reviewer = _staff_without_mfa("reviewer")
    client.force_login(reviewer)
    _reauthenticate(client)
    page = client.get(ACTIVATE_URL)
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content.decode())
    assert secret, "the secret is shown for manual entry"

    response = client.post(ACTIVATE_URL, {"code": totp_code(secret.group(1))})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=reviewer, type=Authenticator.Type.TOTP).count() == 1
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "user_kind", ["sme_admin", "sme_member", "company_admin", "outsider"], ids=str
)
def test_smes_companies_and_mentors_are_not_forced(client, world, user_kind):
    client.force_login(getattr(world, user_kind))

    response = client.get("/en/dashboard/")

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=getattr(world, user_kind)).exists()


def test_staff_login_with_totp_asks_for_the_code(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])

    response = _log_in(client, coordinator, next_url="/admin/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert _logged_in_as(client) is None  # the password alone is not enough


def test_staff_login_with_a_wrong_code_is_refused(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    _log_in(client, coordinator)
    wrong = str((int(totp_code()) + 1) % 1_000_000).zfill(6)

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert _logged_in_as(client) is None


def test_staff_login_with_the_right_code_lets_them_into_the_admin(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    _log_in(client, coordinator, next_url="/admin/")

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert _logged_in_as(client) == coordinator.pk
    assert client.get("/admin/").status_code == 200


def test_staff_who_logged_in_with_the_code_cost_no_authenticator_lookup_per_request(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    _log_in(client, coordinator)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/dashboard/")

    assert response.status_code == 200
    table = Authenticator._meta.db_table
    assert [q["sql"] for q in queries.captured_queries if table in q["sql"]] == []


def test_a_totp_code_cannot_be_used_twice(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    code = totp_code()
    _log_in(client, coordinator)
    client.post(reverse("mfa_authenticate"), {"code": code})
    other = Client()
    _log_in(other, coordinator)

    response = other.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert _logged_in_as(other) is None


def test_admin_login_form_goes_through_allauth(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])

    get = client.get("/admin/login/?next=/admin/")
    post = client.post(
        "/admin/login/?next=/admin/", {"username": coordinator.email, "password": PASSWORD}
    )

    assert get.status_code == 302 and get["Location"].startswith(reverse("account_login"))
    assert post.status_code == 302 and post["Location"].startswith(reverse("account_login"))
    assert _logged_in_as(client) is None


def test_sme_login_asks_no_code(client, world):
    response = _log_in(client, world.sme_admin)

    assert response.status_code == 302
    assert _logged_in_as(client) == world.sme_admin.pk


def test_staff_cannot_deactivate_their_authenticator(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    _log_in(client, coordinator)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    _reauthenticate(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()


def test_guessing_codes_is_rate_limited(client):
    coordinator = UserFactory(**STAFF_KINDS["coordinator"])
    _log_in(client, coordinator)
    wrong = str((int(totp_code()) + 500_000) % 1_000_000).zfill(6)
    for _ in range(5):
        client.post(reverse("mfa_authenticate"), {"code": wrong})

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert _logged_in_as(client) is None
    assert "Too many failed login attempts" in response.content.decode()
