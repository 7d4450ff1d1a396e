"""Rate limits (issue #7, S-08, S-35): allauth's on log-in, sign-up and password reset, ours on
invitations, organisations and secret links. Past the limit: a friendly 429 and nothing saved."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Invitation, Organisation, User
from accounts.views import INVITATION_RATE, ORGANISATION_CREATE_RATE
from notifications.enums import EventKind
from notifications.models import Notification
from notifications.services import unsubscribe_token
from skillup.ratelimit import TOKEN_GUESSES
from tests.factories import InvitationFactory, UserFactory
from volunteers.models import MentorInvitation
from volunteers.views.company import MENTOR_INVITATION_RATE

pytestmark = pytest.mark.django_db

FRIENDLY = "Too many attempts"
GOOD_PASSWORD = "a perfectly long passphrase"
VALID_ORG = {"kind": "sme", "country": "PL", "sector": "C", "size_band": "small", "website": ""}


def _refused(response) -> bool:
    return response.status_code == 429 and FRIENDLY in response.content.decode()


# --------------------------------------------------------------------------------------------
# allauth's limits, answered with our page
# --------------------------------------------------------------------------------------------
def test_login_past_thirty_posts_a_minute_from_one_address_is_refused():
    client = Client(REMOTE_ADDR="203.0.113.5")
    url = reverse("account_login")
    for i in range(30):
        client.post(url, {"login": f"nobody{i}@example.eu", "password": "wrong password!"})
    user = UserFactory()

    response = client.post(url, {"login": user.email, "password": GOOD_PASSWORD})
    other = Client(REMOTE_ADDR="203.0.113.6").get(url)

    assert _refused(response)
    assert "_auth_user_id" not in client.session
    assert other.status_code == 200


def test_signup_past_twenty_posts_a_minute_from_one_address_is_refused():
    client = Client(REMOTE_ADDR="203.0.113.7")
    url = reverse("account_signup")
    for _ in range(20):
        client.post(url, {"email": "", "password1": "", "password2": ""})

    response = client.post(
        url,
        {
            "email": "late@example.eu",
            "full_name": "Late Comer",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
            "accept_terms": "on",
        },
    )

    assert _refused(response)
    assert not User.objects.filter(email="late@example.eu").exists()


def test_password_reset_past_five_a_minute_for_one_address_is_refused_and_sends_nothing():
    user = UserFactory()
    url = reverse("account_reset_password")
    for i in range(5):
        Client(REMOTE_ADDR=f"203.0.113.{10 + i}").post(url, {"email": user.email})
    sent = Notification.objects.filter(to_email=user.email).count()

    response = Client(REMOTE_ADDR="203.0.113.20").post(url, {"email": user.email.upper()})

    assert _refused(response)
    assert Notification.objects.filter(to_email=user.email).count() == sent == 5


# --------------------------------------------------------------------------------------------
# Ours: per person / per company on the forms that send email to a typed address
# --------------------------------------------------------------------------------------------
def test_organisation_invitations_past_the_hourly_limit_are_refused(world, client_for):
    client = client_for("sme_admin")
    url = reverse("invitation_create", kwargs={"pk": world.sme.pk})
    for i in range(INVITATION_RATE.count):
        assert (
            client.post(url, {"email": f"colleague{i}@example.eu", "role": "member"}).status_code
            == 302
        )

    response = client.post(url, {"email": "one.too.many@example.eu", "role": "member"})

    assert _refused(response)
    assert Invitation.objects.filter(organisation=world.sme).count() == INVITATION_RATE.count
    assert not Notification.objects.filter(to_email="one.too.many@example.eu").exists()


def test_invitation_limit_is_per_person(world, client_for):
    client = client_for("sme_admin")
    url = reverse("invitation_create", kwargs={"pk": world.sme.pk})
    for i in range(INVITATION_RATE.count + 1):
        client.post(url, {"email": f"colleague{i}@example.eu", "role": "member"})

    response = client_for("other_sme_admin").post(
        reverse("invitation_create", kwargs={"pk": world.other_sme.pk}),
        {"email": "someone@example.eu", "role": "member"},
    )

    assert response.status_code == 302


def test_mentor_invitations_past_the_daily_company_limit_are_refused(world, client_for):
    client = client_for("company_admin")
    url = reverse("volunteers:mentor_invite", kwargs={"pk": world.company.pk})
    for i in range(MENTOR_INVITATION_RATE.count):
        assert client.post(url, {"email": f"expert{i}@example.eu"}).status_code == 302

    response = client.post(url, {"email": "one.too.many@example.eu"})

    assert _refused(response)
    assert MentorInvitation.objects.count() == MENTOR_INVITATION_RATE.count
    assert not Notification.objects.filter(to_email="one.too.many@example.eu").exists()


def test_organisation_registrations_past_the_daily_limit_are_refused(world, client_for):
    client = client_for("outsider")
    url = reverse("organisation_create")
    for i in range(ORGANISATION_CREATE_RATE.count):
        assert client.post(url, {**VALID_ORG, "name": f"Firma {i}"}).status_code == 302

    response = client.post(url, {**VALID_ORG, "name": "One Too Many"})

    assert _refused(response)
    assert not Organisation.objects.filter(name="One Too Many").exists()


def test_invalid_form_posts_do_not_count(world, client_for):
    client = client_for("sme_admin")
    url = reverse("invitation_create", kwargs={"pk": world.sme.pk})
    for _ in range(INVITATION_RATE.count + 5):
        client.post(url, {"email": "not an address", "role": "member"})

    response = client.post(url, {"email": "real@example.eu", "role": "member"})

    assert response.status_code == 302


# --------------------------------------------------------------------------------------------
# Secret links: unknown tokens from one address
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url_name",
    ["invitation_accept", "volunteers:mentor_invitation_accept", "notifications:unsubscribe"],
    ids=["organisation", "mentor", "unsubscribe"],
)
def test_scanning_secret_links_is_refused_after_the_limit(url_name):
    scanner = Client(REMOTE_ADDR="203.0.113.66")
    for i in range(TOKEN_GUESSES.count):
        url = reverse(url_name, kwargs={"token": f"guess{i}"})
        assert scanner.get(url).status_code == 404

    refused = scanner.post(reverse(url_name, kwargs={"token": "guess-again"}))
    other = Client(REMOTE_ADDR="203.0.113.67").get(reverse(url_name, kwargs={"token": "x"}))

    assert _refused(refused)
    assert other.status_code == 404


def test_a_refused_scanner_cannot_use_a_real_link_either(world):
    invitation = InvitationFactory(organisation=world.sme, email="new@example.eu")
    scanner = Client(REMOTE_ADDR="203.0.113.66")
    for i in range(TOKEN_GUESSES.count):
        scanner.get(reverse("invitation_accept", kwargs={"token": f"guess{i}"}))

    response = scanner.get(invitation.get_absolute_url())

    assert _refused(response)


def test_valid_one_click_unsubscribes_from_one_mail_provider_never_count():
    provider = Client(REMOTE_ADDR="192.0.2.25")
    for i in range(TOKEN_GUESSES.count * 2):
        token = unsubscribe_token(email=f"reader{i}@example.eu", kind=EventKind.DIGEST)
        url = reverse("notifications:unsubscribe", kwargs={"token": token})

        assert provider.post(url).status_code == 200
