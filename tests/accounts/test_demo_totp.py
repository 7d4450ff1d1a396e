"""The demo's staff log-ins work for a newcomer (issue #15): `seed_demo` gives the reviewer, the
coordinator and the superuser a known authenticator secret and prints it; `demo_totp` prints the
current code. Both are demo-only: refused with DEBUG off."""

import io
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, USERS, seed_accounts
from accounts.models import User
from tests.factories import totp_code

pytestmark = pytest.mark.django_db

STAFF = ["reviewer@demo.skillup.eu", "coordinator@demo.skillup.eu", "admin@demo.skillup.eu"]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


def _secrets() -> dict[str, list[str]]:
    return {
        user.email: [
            decrypt(a.data["secret"])
            for a in Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
        ]
        for user in User.objects.filter(email__in=[row[0] for row in USERS]).order_by("email")
    }


def _demo_totp(*args) -> str:
    out = io.StringIO()
    call_command("demo_totp", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_seed_demo_prints_the_staff_secret_and_gives_it_to_the_staff_once(debug):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=io.StringIO())

    assert DEMO_TOTP_SECRET in out.getvalue()
    assert "manage.py demo_totp" in out.getvalue()
    assert _secrets() == {row[0]: [DEMO_TOTP_SECRET] if row[0] in STAFF else [] for row in USERS}


def test_seed_demo_puts_back_the_demo_secret_on_a_demo_staff_account(debug):
    seed_accounts()
    coordinator = User.objects.get(email="coordinator@demo.skillup.eu")
    Authenticator.objects.filter(user=coordinator).delete()
    TOTP.activate(coordinator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    seed_accounts()

    assert _secrets()["coordinator@demo.skillup.eu"] == [DEMO_TOTP_SECRET]


@pytest.mark.parametrize("email", STAFF, ids=["reviewer", "coordinator", "superuser"])
def test_demo_totp_code_logs_demo_staff_in_through_the_log_in_and_code_pages(debug, client, email):
    seed_accounts()

    login = client.post(
        reverse("account_login") + "?next=/admin/", {"login": email, "password": DEMO_PASSWORD}
    )
    code_page = client.get(login["Location"])
    code = _demo_totp(email)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert login.status_code == 302 and login["Location"] == reverse("mfa_authenticate")
    assert code_page.status_code == 200
    assert code.isdigit() and len(code) == 6
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert int(client.session[SESSION_KEY]) == User.objects.get(email=email).pk
    assert client.get("/admin/").status_code == 200


def test_demo_totp_without_an_email_prints_the_code_for_every_demo_staff_account(debug):
    seed_accounts()

    out = _demo_totp()

    assert totp_code(DEMO_TOTP_SECRET) in out or totp_code(DEMO_TOTP_SECRET, offset=-1) in out
    assert [email for email in STAFF if email in out] == STAFF


def test_demo_totp_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    seed_accounts()

    with pytest.raises(CommandError, match="DEBUG only"):
        _demo_totp("coordinator@demo.skillup.eu")


@pytest.mark.parametrize(
    "email", ["sme.admin@demo.skillup.eu", "someone@example.eu"], ids=["demo-sme", "stranger"]
)
def test_demo_totp_refuses_accounts_that_are_not_demo_staff(debug, email):
    seed_accounts()

    with pytest.raises(CommandError, match="not a demo staff account"):
        _demo_totp(email)


def test_demo_totp_before_seed_demo_says_to_run_it(debug):
    with pytest.raises(CommandError, match=re.escape("run `manage.py seed_demo` first")):
        _demo_totp("coordinator@demo.skillup.eu")


def test_demo_totp_refuses_a_demo_account_whose_authenticator_is_not_the_demo_one(debug):
    seed_accounts()
    coordinator = User.objects.get(email="coordinator@demo.skillup.eu")
    Authenticator.objects.filter(user=coordinator).delete()
    TOTP.activate(coordinator, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    with pytest.raises(CommandError, match="No demo authenticator"):
        _demo_totp("coordinator@demo.skillup.eu")
