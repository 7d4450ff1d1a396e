"""Hostile and careless input on the foundation's forms: a clear message, no 500, nothing saved."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import Invitation, Membership, Organisation, User

pytestmark = pytest.mark.django_db

SCRIPT = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
GOOD_PASSWORD = "a perfectly long passphrase"
VALID_ORG = {
    "name": "Zażółć Gęślą Jaźń sp. z o.o.",
    "kind": "sme",
    "country": "PL",
    "sector": "C",
    "size_band": "small",
    "website": "https://zazolc.example.pl",
}

SIGNUP_CASES = {
    "empty": ({"email": "", "full_name": "", "password1": "", "password2": ""}, "required"),
    "email-too-long": (
        {
            "email": "a" * 320 + "@example.eu",
            "full_name": "Ann",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        },
        "at most 320 characters",
    ),
    "name-too-long": (
        {
            "email": "ann@example.eu",
            "full_name": "N" * 151,
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        },
        "at most 150 characters",
    ),
    "name-with-script": (
        {
            "email": "ann@example.eu",
            "full_name": SCRIPT,
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        },
        "cannot contain line breaks",
    ),
    "name-with-header-injection": (
        {
            "email": "ann@example.eu",
            "full_name": "Eve\r\nBcc: victim@example.eu",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        },
        "cannot contain line breaks",
    ),
    "short-password": (
        {
            "email": "ann@example.eu",
            "full_name": "Ann",
            "password1": "short-pass1",
            "password2": "short-pass1",
        },
        "at least 12 characters",
    ),
    "common-password": (
        {
            "email": "ann@example.eu",
            "full_name": "Ann",
            "password1": "password123456",
            "password2": "password123456",
        },
        "too common",
    ),
    "passwords-differ": (
        {
            "email": "ann@example.eu",
            "full_name": "Ann",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD + "x",
        },
        "same password",
    ),
    "nul-byte": (
        {
            "email": "ann@example.eu",
            "full_name": "An\x00n",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        },
        "Null characters are not allowed",
    ),
}


@pytest.mark.parametrize(("data", "message"), SIGNUP_CASES.values(), ids=SIGNUP_CASES.keys())
def test_signup_bad_input_shows_message_and_saves_nothing(client, data, message):
    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == 0
    assert EmailAddress.objects.count() == 0


def test_signup_unicode_name_and_long_passphrase_are_accepted(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    passphrase = "ünïcødé pässphrase with spaces 🙂 " * 2  # 64+ characters, kept whole

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "Zoe.Nguyen@Example.EU",
                "full_name": "Zoë Ŋgúyễn-Łukasiewicz",
                "password1": passphrase,
                "password2": passphrase,
                "accept_terms": "on",
            },
        )

    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.full_name) == ("zoe.nguyen@example.eu", "Zoë Ŋgúyễn-Łukasiewicz")
    assert user.check_password(passphrase)
    assert [m.to for m in mailoutbox] == [["zoe.nguyen@example.eu"]]


def test_signup_twice_with_same_email_creates_one_account(client, mailoutbox):
    data = {
        "email": "twice@example.eu",
        "full_name": "Twice",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        "accept_terms": "on",
    }

    client.post(reverse("account_signup"), data)
    from django.test import Client

    second = Client().post(reverse("account_signup"), {**data, "email": "TWICE@example.eu"})

    assert second.status_code in (200, 302)
    assert User.objects.filter(email__iexact="twice@example.eu").count() == 1


ORG_CASES = {
    "empty": (dict.fromkeys(VALID_ORG, ""), "This field is required."),
    "name-too-long": ({**VALID_ORG, "name": "N" * 201}, "at most 200 characters"),
    "website-not-a-url": ({**VALID_ORG, "website": "javascript:alert(1)"}, "Enter a valid URL."),
    "country-outside-eea": ({**VALID_ORG, "country": "US"}, "Select a valid choice."),
    "kind-unknown": ({**VALID_ORG, "kind": "ngo"}, "Select a valid choice."),
    "sme-with-large-size": ({**VALID_ORG, "size_band": "large"}, "fewer than 250 employees"),
    "nul-byte": ({**VALID_ORG, "name": "Bad\x00Name"}, "Null characters are not allowed"),
}


@pytest.mark.parametrize(("data", "message"), ORG_CASES.values(), ids=ORG_CASES.keys())
def test_organisation_create_bad_input_shows_message_and_saves_nothing(
    world, client_for, data, message
):
    before = Organisation.objects.count(), Membership.objects.count()

    response = client_for("outsider").post(reverse("organisation_create"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Organisation.objects.count(), Membership.objects.count()) == before


def test_organisation_create_duplicate_name_gets_friendly_message(world, client_for):
    data = {**VALID_ORG, "name": "atelier test sarl", "country": "FR"}
    before = Organisation.objects.count(), Membership.objects.count()

    response = client_for("outsider").post(reverse("organisation_create"), data)

    assert response.status_code == 200
    assert "already registered in this country" in response.content.decode()
    assert (Organisation.objects.count(), Membership.objects.count()) == before


def test_organisation_create_script_name_is_stored_as_text_and_rendered_escaped(world, client_for):
    client = client_for("outsider")

    response = client.post(reverse("organisation_create"), {**VALID_ORG, "name": SCRIPT})

    organisation = Organisation.objects.get(name=SCRIPT)
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert organisation.memberships.get().user == world.outsider


def test_organisation_create_double_submit_creates_one_organisation(world, client_for):
    client = client_for("outsider")

    first = client.post(reverse("organisation_create"), VALID_ORG)
    second = client.post(reverse("organisation_create"), VALID_ORG)

    assert first.status_code == 302
    assert second.status_code == 200
    assert "already registered in this country" in second.content.decode()
    assert Organisation.objects.filter(name=VALID_ORG["name"]).count() == 1


def test_organisation_create_ignores_extra_fields(world, client_for):
    client_for("outsider").post(
        reverse("organisation_create"),
        {**VALID_ORG, "created_by": world.coordinator.pk, "is_staff": "1", "members": [1, 2]},
    )

    organisation = Organisation.objects.get(name=VALID_ORG["name"])
    assert organisation.created_by == world.outsider
    assert list(organisation.members.all()) == [world.outsider]
    world.outsider.refresh_from_db()
    assert world.outsider.is_staff is False


INVITE_CASES = {
    "empty": ({"email": "", "role": "member"}, "This field is required."),
    "not-an-email": ({"email": "<script>@x", "role": "member"}, "Enter a valid email address."),
    "too-long": ({"email": "a" * 250 + "@example.eu", "role": "member"}, "at most 254"),
    "role-unknown": ({"email": "ok@example.eu", "role": "owner"}, "Select a valid choice."),
    "header-injection": (
        {"email": "ok@example.eu\r\nBcc: victim@example.eu", "role": "member"},
        "Enter a valid email address.",
    ),
    "existing-member": (None, "already a member"),
}


@pytest.mark.parametrize(("data", "message"), INVITE_CASES.values(), ids=INVITE_CASES.keys())
def test_invitation_create_bad_input_shows_message_and_sends_nothing(
    world, client_for, mailoutbox, data, message
):
    data = data or {"email": world.sme_member.email, "role": "member"}

    response = client_for("sme_admin").post(
        reverse("invitation_create", kwargs={"pk": world.sme.pk}), data
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Invitation.objects.count() == 0
    assert mailoutbox == []
