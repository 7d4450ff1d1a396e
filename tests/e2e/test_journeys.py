"""Browser journeys through the live site, mail included (real SMTP to a local sink)."""

import re

from playwright.sync_api import expect

from accounts.models import Invitation, Membership

VISITOR_EMAIL = "ada.lovelace@atelier-lovelace.example.eu"
VISITOR_NAME = "Ada Lovelace"
VISITOR_PASSWORD = "analytical-engine-notes-1843"  # 12+ characters, not a common password
COLLEAGUE_EMAIL = "charles.babbage@atelier-lovelace.example.eu"
ORGANISATION = "Atelier Lovelace SARL"

# crispy-forms adds a "*" to required fields' labels: "Password*" and "Password (again)*".
PASSWORD = re.compile(r"^\s*Password\s*\*?\s*$")
PASSWORD_AGAIN = re.compile(r"^\s*Password \(again\)\s*\*?\s*$")


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def status(page, text: str):
    return page.get_by_role("status").filter(has_text=text)


def test_visitor_signs_up_registers_an_sme_and_invites_a_colleague(
    page, site, smtp_sink, axe_check, csp_violations
):
    # --- Home ------------------------------------------------------------------------------
    page.goto(f"{site}/en/")
    expect(page).to_have_title(re.compile(r"SkillUp"))
    expect(page.get_by_role("heading", level=1, name="Digital SkillUp for SMEs")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log out")).to_have_count(0)
    axe_check(page, "home")

    # --- Sign up -----------------------------------------------------------------------------
    main_nav(page).get_by_role("link", name="Sign up").click()
    expect(page).to_have_url(f"{site}/en/accounts/signup/")
    expect(page.get_by_role("heading", level=1, name="Sign up")).to_be_visible()
    axe_check(page, "signup")

    page.get_by_role("button", name="Sign up").click()  # empty: every field says what is missing
    expect(page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Full name")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(PASSWORD)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(PASSWORD_AGAIN)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("This field is required.")).to_have_count(4)
    axe_check(page, "signup-with-errors")

    page.get_by_label("Email").fill(VISITOR_EMAIL)
    page.get_by_label("Full name").fill(VISITOR_NAME)
    page.get_by_label(PASSWORD).fill(VISITOR_PASSWORD)
    page.get_by_label(PASSWORD_AGAIN).fill(VISITOR_PASSWORD)
    terms = page.get_by_label(re.compile(r"I accept the terms of use"))
    expect(terms).not_to_be_checked()  # consent is never pre-ticked
    terms.check()
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", level=1, name="Check your email")).to_be_visible()
    expect(status(page, f"Confirmation email sent to {VISITOR_EMAIL}")).to_be_visible()
    axe_check(page, "verify-email-sent")

    # --- The verification email, through SMTP ---------------------------------------------
    verification = smtp_sink.wait_for(VISITOR_EMAIL)
    assert "[SkillUp]" in verification["Subject"], verification["Subject"]
    verification_text = smtp_sink.text_of(verification)
    confirm_url = smtp_sink.first_url(verification_text)
    assert confirm_url.startswith(f"{site}/en/accounts/confirm-email/"), verification_text

    # ACCOUNT_CONFIRM_EMAIL_ON_GET is False: the link opens a page with a button
    page.goto(confirm_url)
    expect(page.get_by_role("heading", level=1, name="Confirm your email address")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(status(page, f"You have confirmed {VISITOR_EMAIL}")).to_be_visible()

    # --- Log in ------------------------------------------------------------------------------
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    axe_check(page, "login")
    page.get_by_label("Email").fill(VISITOR_EMAIL)
    page.get_by_label(PASSWORD).fill(VISITOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(f"{site}/en/dashboard/")
    expect(page.get_by_role("heading", level=1, name="Welcome, Ada")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()
    axe_check(page, "dashboard")

    # --- Register an SME -----------------------------------------------------------------------
    page.get_by_role("link", name="Register an organisation").click()
    expect(page).to_have_url(f"{site}/en/organisations/new/")
    expect(page.get_by_role("heading", level=1, name="Register an organisation")).to_be_visible()

    # Empty: this form has no `novalidate`, so the browser's own required-field check stops it
    # before it reaches the server.
    page.get_by_role("button", name="Register organisation").click()
    expect(page).to_have_url(f"{site}/en/organisations/new/")
    assert page.get_by_label("Name").evaluate("el => el.validity.valueMissing")

    # Complete, but an SME of 250+ employees: the server's own check answers on the Size field.
    page.get_by_label("Name").fill(ORGANISATION)
    page.get_by_label("Kind").select_option(label="SME")
    page.get_by_label("Country").select_option(label="France")
    page.get_by_label("Sector").select_option(label="Manufacturing")
    page.get_by_label("Size").select_option(label="Large (250 employees or more)")
    page.get_by_label("Website").fill("https://atelier-lovelace.example.eu")
    page.get_by_role("button", name="Register organisation").click()
    expect(page.get_by_label("Size")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("An SME has fewer than 250 employees.")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value(ORGANISATION)
    axe_check(page, "organisation-form-with-errors")

    page.get_by_label("Size").select_option(label="Small (10–49 employees)")
    page.get_by_role("button", name="Register organisation").click()

    expect(page.get_by_role("heading", level=1, name=ORGANISATION)).to_be_visible()
    expect(
        status(page, f"{ORGANISATION} is registered. You are its administrator.")
    ).to_be_visible()
    members = page.get_by_role("table", name="People in this organisation and their role")
    me = members.get_by_role("row").filter(has_text=VISITOR_EMAIL)
    expect(me).to_have_count(1)
    expect(me.get_by_role("cell").nth(0)).to_have_text(VISITOR_NAME)
    expect(me.get_by_role("cell").nth(2)).to_have_text("Administrator")
    axe_check(page, "organisation-detail")
    organisation_url = page.url

    # --- Invite a colleague ------------------------------------------------------------------
    invitations = page.get_by_role("region", name="Invitations")
    invitations.get_by_label("Colleague's email address").fill(COLLEAGUE_EMAIL)
    invitations.get_by_label("Role").select_option(label="Member")
    invitations.get_by_role("button", name="Send invitation").click()

    expect(page).to_have_url(organisation_url)
    expect(status(page, f"An invitation is on its way to {COLLEAGUE_EMAIL}.")).to_be_visible()
    expect(invitations.get_by_role("listitem").filter(has_text=COLLEAGUE_EMAIL)).to_have_count(1)

    invitation_text = smtp_sink.wait_for_text(COLLEAGUE_EMAIL)
    assert ORGANISATION in invitation_text, invitation_text
    invitation_url = smtp_sink.first_url(invitation_text)
    invitation = Invitation.objects.get(email=COLLEAGUE_EMAIL)
    assert invitation_url == f"{site}/en/invitations/{invitation.token}/", invitation_text
    assert invitation.organisation.name == ORGANISATION
    assert Membership.objects.filter(
        user__email=VISITOR_EMAIL, organisation=invitation.organisation, role="admin"
    ).exists()

    # --- Log out -----------------------------------------------------------------------------
    main_nav(page).get_by_role("link", name="Log out").click()
    expect(page.get_by_role("heading", level=1, name="Log out")).to_be_visible()
    axe_check(page, "logout-confirm")
    page.get_by_role("button", name="Log out").click()

    expect(page).to_have_url(f"{site}/en/")
    expect(page.get_by_role("heading", level=1, name="Digital SkillUp for SMEs")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log in")).to_be_visible()
    expect(main_nav(page).get_by_role("link", name="Log out")).to_have_count(0)

    # --- No page of the journey broke the Content-Security-Policy or threw a script error ----
    assert csp_violations == [], csp_violations

    # --- The verification email names the site (allauth's context plus the synced Site row) ---
    greeting = verification_text.strip().splitlines()[0]
    assert "Hello from !" not in verification_text, (
        "the verification email has an empty site name:\n" + verification_text
    )
    assert "SkillUp" in greeting and "example.com" not in verification_text, (
        "the verification email does not name SkillUp:\n" + verification_text
    )


def test_keyboard_users_land_on_the_skip_link(page, site, csp_violations):
    page.goto(f"{site}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # visually-hidden-focusable: shown once focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.evaluate("() => location.hash") == "#main"
    assert csp_violations == [], csp_violations
