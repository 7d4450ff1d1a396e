"""allauth's pages speak as the rest of the site ("Log in", "Sign up", "Log out"; never "Sign In")
and sit in the site's layout: its header, footer and form column (issue #15)."""

import re
from html import unescape

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-2027"
# allauth's own words the site does not use ("Sign In", "signed out", "sign-in", "Signup",
# "Sign Up"); the site says "Log in", "Log out" and "Sign up"
FOREIGN_WORDS = re.compile(r"(?i:\bsign(?:ed)?[ -]?(?:in|out)\b)|\bSignup\b|\bSign Up\b")


def _text(response) -> str:
    """What a reader sees (and what a screen reader reads out): no tags, no URLs."""
    html = response.content.decode()
    labels = re.findall(r'(?:aria-label|alt|title|placeholder)="([^"]*)"', html)
    return unescape(" ".join([re.sub(r"<[^>]+>", " ", html), *labels]))


def _h1(response) -> str:
    found = re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert len(found) == 1, found
    return unescape(re.sub(r"\s+", " ", found[0]).strip())


def _main(response) -> str:
    return re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)


def _anonymous(url: str):
    def arrange():
        return Client(), url

    return arrange


def _logged_in(url: str):
    def arrange():
        client = Client()
        client.force_login(UserFactory())
        return client, url

    return arrange


def _email_confirm(valid: bool):
    def arrange():
        user = UserFactory(verified=False)
        address = EmailAddress.objects.create(
            user=user, email=user.email, verified=False, primary=True
        )
        key = EmailConfirmationHMAC(address).key if valid else "no-such-key"
        return Client(), reverse("account_confirm_email", args=[key])

    return arrange


def _mfa_code_page():
    client = Client()
    staff = UserFactory(is_staff=True)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    return client, reverse("mfa_authenticate")


def _mfa_reauthenticate():
    client = Client()
    staff = UserFactory(is_staff=True)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    return client, reverse("mfa_reauthenticate")


PAGES = {
    "login": (_anonymous("/en/accounts/login/"), "Log in"),
    "signup": (_anonymous("/en/accounts/signup/"), "Sign up"),
    "logout": (_logged_in("/en/accounts/logout/"), "Log out"),
    "password-reset": (_anonymous("/en/accounts/password/reset/"), "Reset your password"),
    "password-reset-sent": (_anonymous("/en/accounts/password/reset/done/"), "Check your email"),
    "password-reset-bad-link": (
        _anonymous("/en/accounts/password/reset/key/1-no-such-key/"),
        "This link no longer works",
    ),
    "password-reset-done": (
        _anonymous("/en/accounts/password/reset/key/done/"),
        "Your password is changed",
    ),
    "verification-sent": (_anonymous("/en/accounts/confirm-email/"), "Check your email"),
    "email-confirm": (_email_confirm(valid=True), "Confirm your email address"),
    "email-confirm-bad-link": (_email_confirm(valid=False), "Confirm your email address"),
    "password-change": (_logged_in("/en/accounts/password/change/"), "Change your password"),
    "reauthenticate": (_logged_in("/en/accounts/reauthenticate/"), "Confirm it is you"),
    "mfa-code-at-login": (_mfa_code_page, "Enter your authenticator code"),
    "mfa-reauthenticate": (_mfa_reauthenticate, "Confirm it is you"),
}


@pytest.mark.parametrize(("arrange", "heading"), PAGES.values(), ids=PAGES.keys())
def test_allauth_page_speaks_the_sites_words_in_the_sites_layout(arrange, heading):
    client, url = arrange()

    response = client.get(url)

    assert response.status_code == 200
    assert _h1(response) == heading
    assert FOREIGN_WORDS.findall(_text(response)) == []
    html = response.content.decode()
    assert 'aria-label="Main"' in html and 'class="site-footer' in html  # base.html around it
    assert '<div class="row"><div class="col-md-8 col-lg-6">' in _main(response)


def test_allauth_pages_not_rewritten_keep_their_content_in_the_sites_frame(client):
    """allauth's own manage pages (email addresses) fill the layout's "content" block."""
    client.force_login(UserFactory())

    response = client.get("/en/accounts/email/")

    assert response.status_code == 200
    assert _h1(response) == "Email Addresses"
    assert 'aria-label="Main"' in response.content.decode()


def test_login_page_links_to_sign_up_and_says_log_in_on_its_button(client):
    response = client.get("/en/accounts/login/?next=/en/dashboard/")

    main = _main(response)
    assert re.search(r'<button type="submit" class="btn btn-primary">Log in</button>', main)
    assert (
        'No account yet? <a href="/en/accounts/signup/?next=%2Fen%2Fdashboard%2F">Sign up</a>'
        in main
    )
    assert "Keep me logged in on this device" in main
    assert "Remember Me" not in main


def test_login_with_a_wrong_password_shows_the_error_in_the_form(client):
    user = UserFactory()

    response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})

    assert response.status_code == 200
    assert "alert-danger" in _main(response)
    assert "not correct" in _main(response)


def test_login_remember_box_still_works(client):
    user = UserFactory()

    client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD, "remember": "on"}
    )

    assert client.session.get_expire_at_browser_close() is False


def test_login_and_logout_messages_use_the_sites_words(client):
    user = UserFactory(full_name="Ada Lovelace")

    logged_in = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    logged_out = client.post(reverse("account_logout"), follow=True)

    assert "You are logged in as Ada Lovelace." in _main(logged_in)
    assert "You are logged out." in _main(logged_out)


def test_password_reset_journey_in_the_sites_words(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    link = re.search(r"https?://\S+/password/reset/key/\S+/", mailoutbox[0].body).group(0)
    form_page = client.get(link, follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )

    assert _h1(sent) == "Check your email"
    assert _h1(form_page) == "Choose a new password"
    assert "Save the new password" in form_page.content.decode()
    assert _h1(done) == "Your password is changed"
    assert 'You can now <a href="/en/accounts/login/">log in</a>' in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_signup_then_email_confirmation_in_the_sites_words(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse("account_signup"),
            {
                "email": "new.person@example.eu",
                "full_name": "New Person",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "accept_terms": "on",
            },
            follow=True,
        )
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[0].body).group(0)
    confirm_page = client.get(link)
    confirmed = client.post(link, follow=True)

    assert _h1(sent) == "Check your email"
    assert _h1(confirm_page) == "Confirm your email address"
    assert "Is new.person@example.eu your email address?" in confirm_page.content.decode()
    assert EmailAddress.objects.get(email="new.person@example.eu").verified
    assert _h1(confirmed) == "Log in"
