"""Signing up from an invitation (to mentor for a company, or to join an organisation) prefills
the address it was sent to and, once that address is confirmed, lands on the invitation
(issue #15)."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from skillup import ratelimit
from tests.factories import InvitationFactory, MentorInvitationFactory, UserFactory
from volunteers.models import MentorProfile

pytestmark = pytest.mark.django_db

PASSPHRASE = "a-long-enough-passphrase-2027"
INVITATIONS = {"mentor": MentorInvitationFactory, "organisation": InvitationFactory}


def _email_field_value(response) -> str | None:
    field = re.search(r'<input type="email" name="email"[^>]*>', response.content.decode())
    value = re.search(r'value="([^"]*)"', field.group(0)) if field else None
    return unescape(value.group(1)) if value else None


def _signup_link(invitation_page) -> str:
    """The "Sign up" link of the invitation's page, as the anonymous visitor sees it."""
    main = re.search(r"<main.*?</main>", invitation_page.content.decode(), re.S).group(0)
    link = re.search(r'<a class="[^"]*" href="([^"]*)">Sign up</a>', main)
    return unescape(link.group(1))


@pytest.mark.parametrize("kind", INVITATIONS, ids=str)
def test_signup_from_an_invitation_page_prefills_its_address(client, kind):
    invitation = INVITATIONS[kind](email="invited.expert@example.eu")
    page = client.get(invitation.get_absolute_url())

    signup = client.get(_signup_link(page))

    assert signup.status_code == 200
    assert _email_field_value(signup) == "invited.expert@example.eu"
    assert "You are signing up to accept an invitation sent to invited.expert@example.eu" in (
        signup.content.decode()
    )


@pytest.mark.parametrize(
    "next_url",
    ["/en/dashboard/", "/en/invitations/no-such-token/", "https://evil.example/en/invitations/x/"],
    ids=["another-page", "unknown-token", "another-site"],
)
def test_signup_with_a_next_that_is_no_open_invitation_prefills_nothing(client, next_url):
    MentorInvitationFactory(email="invited.expert@example.eu")

    signup = client.get(reverse("account_signup"), {"next": next_url})

    assert signup.status_code == 200
    assert _email_field_value(signup) is None
    assert "accept an invitation" not in signup.content.decode()


@pytest.mark.parametrize("state", ["expired", "accepted"])
def test_signup_from_a_closed_invitation_prefills_nothing(client, state):
    invitation = MentorInvitationFactory(email="invited.expert@example.eu")
    if state == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
    else:
        invitation.accepted_at = timezone.now()
    invitation.save()

    signup = client.get(reverse("account_signup"), {"next": invitation.get_absolute_url()})

    assert _email_field_value(signup) is None


def test_unknown_invitation_tokens_in_the_signup_count_as_guesses(client):
    invitation = MentorInvitationFactory(email="invited.expert@example.eu")
    for guess in range(ratelimit.TOKEN_GUESSES.count):
        client.get(reverse("account_signup"), {"next": f"/en/mentor-invitations/guess{guess}/"})

    signup = client.get(reverse("account_signup"), {"next": invitation.get_absolute_url()})

    assert _email_field_value(signup) is None  # the scan is stopped, even for a real link
    assert client.get(invitation.get_absolute_url()).status_code == 429


def test_mentor_invitation_signup_confirm_lands_on_the_invitation_then_accepts(
    mailoutbox, django_capture_on_commit_callbacks
):
    invitation = MentorInvitationFactory(email="invited.expert@example.eu")
    invitation_url = invitation.get_absolute_url()
    browser = Client()
    signup_url = _signup_link(browser.get(invitation_url))
    signup = browser.get(signup_url)

    with django_capture_on_commit_callbacks(execute=True):
        browser.post(
            signup_url,
            {
                "email": _email_field_value(signup),
                "full_name": "Ines Expert",
                "password1": PASSPHRASE,
                "password2": PASSPHRASE,
                "accept_terms": "on",
                "next": invitation_url,
            },
        )
    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[-1].body).group(0)
    # the link is opened in another browser (a phone's mail app): no session of the sign-up
    phone = Client()
    confirm_page = phone.get(urlsplit(link).path + "?" + urlsplit(link).query)
    confirmed = phone.post(
        urlsplit(link).path,
        {"next": re.search(r'name="next" value="([^"]*)"', confirm_page.content.decode()).group(1)},
    )
    landed = phone.get(confirmed["Location"])
    login_url = re.search(
        r'href="(/en/accounts/login/\?next=[^"]*)"', landed.content.decode()
    ).group(1)
    logged_in = phone.post(
        unescape(login_url), {"login": "invited.expert@example.eu", "password": PASSPHRASE}
    )
    accepted = phone.post(invitation_url)

    assert urlsplit(link).query == f"next={invitation_url.replace('/', '%2F')}"
    assert confirmed.status_code == 302 and confirmed["Location"] == invitation_url
    assert "You have confirmed invited.expert@example.eu" in landed.content.decode()
    assert logged_in.status_code == 302 and logged_in["Location"] == invitation_url
    assert accepted.status_code == 302
    assert MentorProfile.objects.filter(
        user__email="invited.expert@example.eu", company=invitation.company
    ).exists()


def test_organisation_invitation_signup_confirmation_link_carries_the_invitation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(email="colleague@example.eu")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup") + f"?next={invitation.get_absolute_url()}",
            {
                "email": "colleague@example.eu",
                "full_name": "Col League",
                "password1": PASSPHRASE,
                "password2": PASSPHRASE,
                "accept_terms": "on",
                "next": invitation.get_absolute_url(),
            },
        )
    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[-1].body).group(0)
    path = urlsplit(link).path
    confirmed = client.post(path, {"next": invitation.get_absolute_url()})

    assert confirmed["Location"] == invitation.get_absolute_url()
    assert urlsplit(link).query == f"next={invitation.get_absolute_url().replace('/', '%2F')}"
    assert not Membership.objects.filter(user__email="colleague@example.eu").exists()


def test_signup_without_next_sends_a_plain_confirmation_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": "plain@example.eu",
                "full_name": "Plain Person",
                "password1": PASSPHRASE,
                "password2": PASSPHRASE,
                "accept_terms": "on",
            },
        )

    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[-1].body).group(0)
    assert urlsplit(link).query == ""
    assert UserFactory._meta.model.objects.filter(email="plain@example.eu").exists()
