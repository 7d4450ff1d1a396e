"""Brute-force protection on log-in: allauth's rate limits (login_failed 10/m/ip, 5/300s/key)."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def _login(email: str, password: str, ip: str):
    return Client(REMOTE_ADDR=ip).post(
        reverse("account_login"), {"login": email, "password": password}
    )


def test_sixth_attempt_after_five_failures_is_refused_even_with_right_password():
    victim = UserFactory(email="a@example.eu")
    bystander = UserFactory(email="b@example.eu")
    for i in range(5):
        assert _login(victim.email, "wrong password!", f"198.51.100.{i}").status_code == 200

    blocked = _login("A@EXAMPLE.EU", PASSWORD, "198.51.100.9")
    other = _login(bystander.email, PASSWORD, "198.51.100.1")

    assert blocked.status_code == 200
    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in blocked.wsgi_request.session
    assert (other.status_code, other["Location"]) == (302, "/en/dashboard/")


def test_login_works_again_after_the_window():
    victim = UserFactory(email="a@example.eu")
    with time_machine.travel("2026-11-21 10:00:00 +0000", tick=False) as traveller:
        for _ in range(5):
            _login(victim.email, "wrong password!", "198.51.100.7")
        assert TOO_MANY in _login(victim.email, PASSWORD, "198.51.100.7").content.decode()

        traveller.shift(301)
        response = _login(victim.email, PASSWORD, "198.51.100.7")

    assert (response.status_code, response["Location"]) == (302, "/en/dashboard/")


def test_unknown_and_known_email_get_the_same_answer_on_password_reset(
    mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.eu")

    with django_capture_on_commit_callbacks(execute=True):
        known = Client().post(reverse("account_reset_password"), {"email": "known@example.eu"})
        unknown = Client().post(reverse("account_reset_password"), {"email": "nobody@example.eu"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert sorted(m.to[0] for m in mailoutbox) == ["known@example.eu", "nobody@example.eu"]
