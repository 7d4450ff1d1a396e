"""Browser journeys of the Digital Volunteers (issue #5): a company admin pledges, a coordinator
approves it in the admin, a visitor finds it in the Pledge Viewer with its filters; an invited
expert signs up, accepts the invitation and the confidentiality agreement, completes a mentor
profile and is approved. Real SMTP to the harness's sink; axe on every page and state visited
(forms with errors included); no Content-Security-Policy violation or script error."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS
from tests.e2e.helpers import (
    PASSWORD_LABEL,
    admin_bulk_action,
    admin_row,
    log_in,
    mail_about,
    main_nav,
    skill,
    staff_log_in,
    status,
)
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    PledgeFactory,
    UserFactory,
)
from volunteers.commitments import COMMITMENTS
from volunteers.enums import MentorState, PledgeState
from volunteers.models import MentorInvitation, MentorProfile, Pledge

COMPANY_NAME = "Nordlicht Digital SE"
COMPANY_ADMIN_EMAIL = "ingrid.berg@nordlicht.example.eu"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
EXPERT_EMAIL = "tomas.novak@nordlicht.example.eu"
EXPERT_NAME = "Tomáš Novák"
EXPERT_PASSWORD = "mentoring-smes-since-2026"  # 12+ characters, not a common password

# crispy-forms adds a "*" to required fields' labels: "Password (again)*".
PASSWORD_AGAIN_LABEL = re.compile(r"^\s*Password \(again\)\s*\*?\s*$")
COMMITMENT_TEXTS = [str(text) for _field, text in COMMITMENTS]


# ---------------------------------------------------------------------------------------------
# Arrange
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def company(transactional_db):
    """A large company (Germany) and its administrator, who logs in with PASSWORD."""
    company = CompanyFactory(name=COMPANY_NAME, country="DE")
    MembershipFactory(
        organisation=company,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=COMPANY_ADMIN_EMAIL, full_name="Ingrid Berg"),
    )
    return company


@pytest.fixture
def coordinator(transactional_db):
    return UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def page_width(page) -> int:
    """How wide the page is, sideways scroll included."""
    return page.evaluate("document.documentElement.scrollWidth")


def tick_commitments(page, texts) -> None:
    for text in texts:
        page.get_by_role("checkbox", name=text).check()


# ---------------------------------------------------------------------------------------------
# 1. A company admin pledges, a coordinator approves, a visitor finds it in the Pledge Viewer
# ---------------------------------------------------------------------------------------------


def unfold_every_list(page) -> None:
    """Open each folded list of the form (a <details> per area, countries, languages) by
    clicking its summary, as a person would."""
    folded = page.locator("form details:not([open]) > summary")
    while folded.count():
        folded.first.click()


def test_company_pledges_coordinator_approves_visitor_finds_it_in_the_viewer(
    page,
    new_person,
    site,
    smtp_sink,
    axe_check,
    axe_check_admin,
    csp_violations,
    company,
    coordinator,
):
    # another company's approved, public pledge: in France only, offering cloud only
    decoy = PledgeFactory(
        company=CompanyFactory(name="Rivage Numérique SA", country="FR"),
        slug="rivage-numerique-2026",
        countries=["FR"],
        languages=["fr"],
        state=PledgeState.APPROVED,
        approved_at=timezone.now(),
    )
    decoy.expertise.set([skill("CLOUD")])
    description = (
        "Our engineers mentor SMEs in Belgium and Germany on artificial intelligence and "
        "safe collaboration tools, two hours a week each."
    )
    starts_on = timezone.localdate() + timedelta(days=7)
    ends_on = starts_on + timedelta(days=365)
    # an approved pledge is "Upcoming" until its start date, never "Active" before it
    starts_text = f"Starts on {starts_on.day} {starts_on:%B %Y}"

    # --- From the dashboard to the pledge page ------------------------------------------------
    page.goto(f"{site}/en/accounts/login/")
    axe_check(page, "login")
    log_in(page, COMPANY_ADMIN_EMAIL)
    main_nav(page).get_by_role("link", name="Dashboard").click()
    expect(page).to_have_url(f"{site}/en/dashboard/")
    card = page.get_by_role("region", name=f"Digital Volunteers pledge of {COMPANY_NAME}")
    expect(card).to_contain_text("No pledge yet")
    axe_check(page, "company-dashboard")
    card.get_by_role("link", name=f"Make a pledge – {COMPANY_NAME}").click()

    expect(page).to_have_url(f"{site}/en/companies/{company.pk}/pledge/")
    expect(
        page.get_by_role("heading", level=1, name=f"Digital Volunteers pledge of {COMPANY_NAME}")
    ).to_be_visible()
    expect(page.get_by_text("No mentor yet.")).to_be_visible()
    axe_check(page, "company-pledge-none")
    page.get_by_role("region", name="Make your pledge").get_by_role(
        "link", name="Make a pledge"
    ).click()

    expect(page).to_have_url(f"{site}/en/companies/{company.pk}/pledge/new/")
    expect(page.get_by_role("heading", level=1, name="Make a pledge")).to_be_visible()
    for text in COMMITMENT_TEXTS:  # never ticked in advance
        expect(page.get_by_role("checkbox", name=text)).not_to_be_checked()
    axe_check(page, "pledge-form-new")

    # --- Everything but one commitment: refused, nothing lost ---------------------------------
    tick_commitments(page, COMMITMENT_TEXTS[:2])
    page.get_by_label("Description of your pledge").fill(description)
    # nothing is chosen for the company: the pillar and the scope are radio buttons, none ticked
    for name in ("Digital skills for all", "Europe-wide"):
        expect(page.get_by_role("radio", name=name)).not_to_be_checked()
    page.get_by_role("radio", name="Digital skills for the labour force").check()
    page.get_by_role("radio", name="Several countries").check()
    unfold_every_list(page)  # the long lists are folded; a person opens the ones they need
    page.get_by_role("checkbox", name="AI Artificial intelligence").check()
    page.get_by_role("checkbox", name=re.compile(r"^2\.1 Interacting through")).check()
    page.get_by_role("checkbox", name="Belgium", exact=True).check()
    page.get_by_role("checkbox", name="Germany", exact=True).check()
    page.get_by_role("checkbox", name="English", exact=True).check()
    page.get_by_role("checkbox", name="Dutch", exact=True).check()
    page.get_by_label("SMEs to support").fill("12")
    page.get_by_label("Mentors to engage").fill("6")
    page.get_by_label("Mentoring hours").fill("480")
    page.get_by_label("Start date").fill(starts_on.isoformat())
    page.get_by_label("End date").fill(ends_on.isoformat())
    page.get_by_role("button", name="Save and send for approval").click()

    missing = page.get_by_role("checkbox", name=COMMITMENT_TEXTS[2])
    expect(missing).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Confirm this commitment to pledge.")).to_have_count(1)
    expect(page.get_by_label("Description of your pledge")).to_have_value(description)
    expect(page.get_by_role("checkbox", name="Belgium", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="AI Artificial intelligence")).to_be_checked()
    expect(page.get_by_label("Mentoring hours")).to_have_value("480")
    expect(page.get_by_label("End date")).to_have_value(ends_on.isoformat())
    axe_check(page, "pledge-form-with-errors")
    assert not Pledge.objects.filter(company=company).exists()

    # --- All three commitments: saved and sent -----------------------------------------------
    tick_commitments(page, COMMITMENT_TEXTS)
    page.get_by_role("button", name="Save and send for approval").click()

    expect(page).to_have_url(f"{site}/en/companies/{company.pk}/pledge/")
    expect(status(page, "Your pledge is sent for approval.")).to_be_visible()
    state = page.get_by_role("region", name="State of the pledge")
    expect(state).to_contain_text("Pending approval")
    expect(state.get_by_role("button", name="Withdraw")).to_be_visible()
    expect(state.get_by_role("listitem")).to_contain_text("from “Draft” to “Pending approval”")
    summary = page.get_by_role("region", name="What you pledged")
    expect(summary).to_contain_text(description)
    expect(summary).to_contain_text("Belgium, Germany")
    axe_check(page, "company-pledge-pending")

    pledge = Pledge.objects.get(company=company)
    assert pledge.state == PledgeState.PENDING
    assert pledge.commitments_confirmed
    assert [c.code for c in pledge.countries] == ["BE", "DE"]
    assert sorted(pledge.expertise.values_list("code", flat=True)) == ["2.1", "AI"]
    assert (pledge.target_smes, pledge.target_mentors, pledge.target_hours) == (12, 6, 480)

    received = mail_about(smtp_sink, COMPANY_ADMIN_EMAIL, "We received the pledge")
    assert received["Subject"].endswith(f"We received the pledge of {COMPANY_NAME}")
    received_text = smtp_sink.text_of(received)
    assert f"{site}/en/companies/{company.pk}/pledge/" in received_text, received_text

    # --- Not in the viewer yet ------------------------------------------------------------
    visitor, visitor_csp = new_person()
    visitor.goto(f"{site}/en/pledges/{pledge.slug}/")
    expect(visitor.get_by_role("heading", level=1, name="Page not found")).to_be_visible()
    axe_check(visitor, "pledge-detail-pending-not-found")

    # --- A coordinator approves it in the admin -------------------------------------------
    admin, admin_csp = new_person()
    staff_log_in(admin, site, COORDINATOR_EMAIL, axe_check_admin)
    axe_check_admin(admin, "admin-index-coordinator")
    admin.get_by_role("link", name="Pledges", exact=True).click()
    expect(admin_row(admin, COMPANY_NAME)).to_contain_text("Pending approval")
    axe_check_admin(admin, "admin-pledge-list")
    admin_bulk_action(admin, str(pledge), "Approve")
    expect(admin.locator(".messagelist")).to_contain_text("1 pledge moved to “Approved”.")
    expect(admin_row(admin, COMPANY_NAME)).to_contain_text("Approved")
    axe_check_admin(admin, "admin-pledge-list-approved")

    approved = mail_about(smtp_sink, COMPANY_ADMIN_EMAIL, "is approved")
    assert approved["Subject"].endswith(f"The pledge of {COMPANY_NAME} is approved")
    pledge_url = f"{site}/en/pledges/{pledge.slug}/"
    assert pledge_url in smtp_sink.text_of(approved)

    page.reload()
    expect(state).to_contain_text("Approved")
    expect(state).to_contain_text(f"Upcoming {starts_text}")
    expect(state).not_to_contain_text("Active")
    expect(state.get_by_role("link", name="See it in the Pledge Viewer")).to_have_attribute(
        "href", f"/en/pledges/{pledge.slug}/"
    )
    axe_check(page, "company-pledge-approved")

    # --- A visitor finds it with the filters ------------------------------------------------
    visitor.goto(f"{site}/en/")
    main_nav(visitor).get_by_role("link", name="Pledges").click()
    expect(visitor).to_have_url(f"{site}/en/pledges/")
    expect(visitor.get_by_role("heading", level=1, name="Pledge Viewer")).to_be_visible()
    results = visitor.get_by_role("region", name="Pledges", exact=True)
    expect(results.get_by_role("status")).to_have_text("2 pledges")
    axe_check(visitor, "pledge-viewer")

    filters = visitor.get_by_role("search")
    filters.get_by_label("Country served").select_option(label="Belgium")
    filters.get_by_role("button", name="Show pledges").click()
    expect(results.get_by_role("status")).to_have_text("1 pledge")
    expect(filters.get_by_label("Country served")).to_have_value("BE")
    expect(results.get_by_role("link", name=COMPANY_NAME, exact=True)).to_be_visible()
    expect(results.get_by_role("link", name=decoy.company.name)).to_have_count(0)
    axe_check(visitor, "pledge-viewer-by-country")

    filters.get_by_label("Country served").select_option(label="All countries")
    filters.get_by_label("Expertise").select_option(label="AI Artificial intelligence")
    filters.get_by_role("button", name="Show pledges").click()
    expect(results.get_by_role("status")).to_have_text("1 pledge")
    expect(results.get_by_role("article")).to_have_count(1)
    expect(results.get_by_role("article")).to_contain_text(COMPANY_NAME)
    expect(results.get_by_role("article")).to_contain_text(f"Upcoming {starts_text}")
    axe_check(visitor, "pledge-viewer-by-expertise")

    results.get_by_role("link", name=COMPANY_NAME, exact=True).click()
    expect(visitor).to_have_url(pledge_url)
    expect(
        visitor.get_by_role("heading", level=1, name=f"Pledge of {COMPANY_NAME}")
    ).to_be_visible()
    commitments = visitor.get_by_role("region", name="The three commitments")
    expect(commitments.get_by_role("listitem")).to_have_text(COMMITMENT_TEXTS)
    expect(commitments).not_to_contain_text("not confirmed yet")
    glance = visitor.get_by_role("complementary", name="At a glance")
    expect(glance).to_contain_text("Belgium, Germany")
    expect(glance).to_contain_text(f"Status Upcoming {starts_text}")
    expect(glance).not_to_contain_text("Active")
    axe_check(visitor, "pledge-detail")

    # --- On a phone (390 px): nothing wider than the screen; the chart's figures as a table ---
    visitor.set_viewport_size({"width": 390, "height": 844})
    visitor.goto(f"{site}/en/pledges/")
    figures = visitor.get_by_role(
        "table", name="Pledges and SMEs supported by country (the chart's figures)"
    )
    expect(figures).to_be_visible()  # the chart's labels would be too small to read
    expect(figures.get_by_role("row", name="Belgium 1 0")).to_be_visible()
    assert page_width(visitor) <= 390
    axe_check(visitor, "pledge-viewer-390")
    visitor.goto(pledge_url)
    expect(visitor.get_by_role("complementary", name="At a glance")).to_be_visible()
    assert page_width(visitor) <= 390
    visitor.set_viewport_size({"width": 1280, "height": 900})
    visitor.goto(f"{site}/en/pledges/")
    # beside the chart, the same table is there for screen readers, hidden from sight, and
    # takes no width
    expect(figures).to_be_attached()
    expect(visitor.locator(".pledge-chart-svg")).to_be_visible()
    assert (
        visitor.evaluate(
            "document.querySelector('.pledge-chart-table').getBoundingClientRect().width"
        )
        <= 1
    )

    assert list(pledge.transitions.values_list("to_state", flat=True).order_by("pk")) == [
        PledgeState.PENDING,
        PledgeState.APPROVED,
    ]
    assert COMPANY_ADMIN_EMAIL not in visitor.content()
    assert csp_violations == [], csp_violations
    assert admin_csp == [], admin_csp
    assert visitor_csp == [], visitor_csp


# ---------------------------------------------------------------------------------------------
# 2. An expert is invited, signs up, accepts, completes a profile; a coordinator approves it
# ---------------------------------------------------------------------------------------------
def test_invited_expert_signs_up_accepts_the_agreement_and_is_approved(
    page,
    new_person,
    site,
    smtp_sink,
    axe_check,
    axe_check_admin,
    csp_violations,
    company,
    coordinator,
):
    PledgeFactory(company=company, slug="nordlicht-digital-2026", state=PledgeState.APPROVED)
    bio = "Data engineer for twelve years; I have helped three suppliers move to the cloud."

    # --- The company admin invites an expert --------------------------------------------------
    page.goto(f"{site}/en/")
    log_in(page, COMPANY_ADMIN_EMAIL)
    page.get_by_role("link", name=f"Open the pledge dashboard – {COMPANY_NAME}").click()
    expect(page).to_have_url(f"{site}/en/companies/{company.pk}/pledge/")
    mentors = page.get_by_role("region", name="Your mentors")
    expect(mentors).to_contain_text("No open invitation.")
    mentors.get_by_role("link", name="Invite a mentor").click()

    expect(
        page.get_by_role("heading", level=1, name=f"Invite a mentor to {COMPANY_NAME}")
    ).to_be_visible()
    axe_check(page, "mentor-invite")
    page.get_by_role("button", name="Send the invitation").click()  # empty
    expect(page.get_by_label("Expert's email address")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("This field is required.")).to_be_visible()
    axe_check(page, "mentor-invite-with-errors")
    page.get_by_label("Expert's email address").fill(EXPERT_EMAIL)
    page.get_by_role("button", name="Send the invitation").click()

    expect(page).to_have_url(f"{site}/en/companies/{company.pk}/pledge/")
    expect(
        status(page, f"An invitation to mentor is on its way to {EXPERT_EMAIL}.")
    ).to_be_visible()
    expect(mentors.get_by_role("listitem").filter(has_text=EXPERT_EMAIL)).to_have_count(1)
    axe_check(page, "company-pledge-invitation-open")

    invitation_email = mail_about(smtp_sink, EXPERT_EMAIL, "invites you to mentor")
    assert invitation_email["Subject"].endswith(
        f"{COMPANY_NAME} invites you to mentor SMEs on SkillUp"
    )
    invitation = MentorInvitation.objects.get(email=EXPERT_EMAIL)
    invitation_url = smtp_sink.first_url(smtp_sink.text_of(invitation_email))
    assert invitation_url == f"{site}/en/mentor-invitations/{invitation.token}/"

    # --- The expert follows the link and signs up ----------------------------------------------
    expert, expert_csp = new_person()
    expert.goto(invitation_url)
    expect(
        expert.get_by_role("heading", level=1, name=f"Mentor SMEs for {COMPANY_NAME}")
    ).to_be_visible()
    expect(expert.get_by_text(f"This invitation was sent to {EXPERT_EMAIL}.")).to_be_visible()
    axe_check(expert, "mentor-invitation-anonymous")
    expert.get_by_role("main").get_by_role("link", name="Sign up").click()

    expect(expert.get_by_role("heading", level=1, name="Sign up")).to_be_visible()
    # the invitation's address is filled in, and the page says where the expert will land
    expect(expert.get_by_label("Email")).to_have_value(EXPERT_EMAIL)
    expect(status(expert, "You are signing up to accept an invitation")).to_be_visible()
    axe_check(expert, "expert-signup")
    expert.get_by_label("Full name").fill(EXPERT_NAME)
    expert.get_by_label(PASSWORD_LABEL).fill(EXPERT_PASSWORD)
    expert.get_by_label(PASSWORD_AGAIN_LABEL).fill(EXPERT_PASSWORD)
    expert.get_by_label(re.compile(r"I accept the terms of use")).check()
    expert.get_by_role("button", name="Sign up").click()
    expect(expert.get_by_role("heading", level=1, name="Check your email")).to_be_visible()
    axe_check(expert, "expert-verify-email-sent")

    verification = mail_about(smtp_sink, EXPERT_EMAIL, "[SkillUp]")
    confirm_url = smtp_sink.first_url(smtp_sink.text_of(verification))
    expert.goto(confirm_url)
    expect(
        expert.get_by_role("heading", level=1, name="Confirm your email address")
    ).to_be_visible()
    axe_check(expert, "expert-confirm-email")
    expert.get_by_role("button", name="Confirm").click()
    # the confirmation link carries the sign-up's `next`: confirming lands on the invitation
    expect(expert).to_have_url(invitation_url)
    expect(status(expert, f"You have confirmed {EXPERT_EMAIL}")).to_be_visible()
    expert.get_by_role("main").get_by_role("link", name="Log in").click()
    expect(expert.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    axe_check(expert, "expert-login")
    expert.get_by_label("Email").fill(EXPERT_EMAIL)
    expert.get_by_label(PASSWORD_LABEL).fill(EXPERT_PASSWORD)
    expert.get_by_role("button", name="Log in").click()
    expect(main_nav(expert).get_by_role("link", name="Log out")).to_be_visible()

    # --- …comes back to the invitation and accepts it -----------------------------------------
    expect(expert).to_have_url(invitation_url)
    # the dashboard also lists the invitation waiting for this address (and offers no
    # "register your organisation")
    expert.goto(f"{site}/en/dashboard/")
    invitations = expert.get_by_role("region", name="Invitations waiting for you")
    expect(invitations).to_contain_text(f"{COMPANY_NAME} invites you to mentor SMEs.")
    expect(expert.get_by_role("heading", name="Register your organisation")).to_have_count(0)
    axe_check(expert, "expert-dashboard")
    invitations.get_by_role("link", name="See the invitation").click()
    expect(expert).to_have_url(invitation_url)
    expect(expert.get_by_text("invites you to become a mentor")).to_be_visible()
    axe_check(expert, "mentor-invitation-own")
    expert.get_by_role("button", name="Accept the invitation").click()

    expect(expert).to_have_url(f"{site}/en/mentor/profile/")
    expect(expert.get_by_role("heading", level=1, name="Your mentor profile")).to_be_visible()
    expect(status(expert, f"Welcome, mentor of {COMPANY_NAME}.")).to_be_visible()
    profile_state = expert.get_by_role("region", name="State of your profile")
    expect(profile_state).to_contain_text("Profile to complete")
    expect(profile_state.get_by_role("listitem")).to_have_text(
        [
            "a short bio",
            "a language you mentor in",
            "at least one competence with its level",
            "acceptance of the current confidentiality agreement",
        ]
    )
    axe_check(expert, "mentor-profile-new")

    # --- The profile without the agreement: refused, nothing lost ------------------------------
    expert.get_by_label("Short bio").fill(bio)
    expert.get_by_role("checkbox", name="English", exact=True).check()
    expert.get_by_role("checkbox", name="German", exact=True).check()
    expert.get_by_role("checkbox", name="Belgium", exact=True).check()
    expert.get_by_label("AI Artificial intelligence").select_option("4")
    expert.get_by_label("DATA Data analytics and engineering").select_option("5")
    expert.get_by_label(re.compile(r"^\s*A\.6 Application Design")).select_option("3")
    expert.get_by_label("Capacity").fill("2")
    expert.get_by_role("button", name="Save my profile").click()

    agreement_box = expert.get_by_role(
        "checkbox", name=re.compile("I accept the confidentiality agreement, version 1.0")
    )
    expect(agreement_box).to_have_attribute("aria-invalid", "true")
    expect(
        expert.get_by_text("Accept the confidentiality agreement to mentor SMEs.")
    ).to_be_visible()
    expect(expert.get_by_label("Short bio")).to_have_value(bio)
    expect(expert.get_by_label("AI Artificial intelligence")).to_have_value("4")
    expect(expert.get_by_label("Capacity")).to_have_value("2")
    axe_check(expert, "mentor-profile-with-errors")
    mentor = MentorProfile.objects.get(user__email=EXPERT_EMAIL)
    assert (mentor.state, mentor.bio, mentor.agreement_id) == (MentorState.INCOMPLETE, "", None)

    # --- …with it: saved, and on its way to the coordinators ---------------------------------
    expect(expert.locator("#agreement-text")).to_contain_text("Everything an SME shares with me")
    agreement_box.check()
    expert.get_by_role("button", name="Save my profile").click()

    expect(status(expert, "Your mentor profile is saved.")).to_be_visible()
    expect(profile_state).to_contain_text("Pending approval")
    expect(profile_state).to_contain_text("The coordinators will review it")
    expect(profile_state).to_contain_text("You accepted version 1.0 of the confidentiality")
    axe_check(expert, "mentor-profile-pending")

    mentor.refresh_from_db()
    assert mentor.state == MentorState.PENDING
    assert (mentor.bio, mentor.capacity, sorted(mentor.languages)) == (bio, 2, ["de", "en"])
    assert mentor.agreement.version == "1.0" and mentor.agreement_accepted_at is not None
    assert sorted(mentor.skills.values_list("skill__code", "level")) == [
        ("A.6", 3),
        ("AI", 4),
        ("DATA", 5),
    ]

    # --- The company admin sees the new mentor --------------------------------------------------
    page.reload()
    row = mentors.get_by_role("row").filter(has_text=EXPERT_EMAIL)
    expect(row.get_by_role("cell").nth(1)).to_have_text("Pending approval")
    expect(row.get_by_role("cell").nth(4)).to_have_text("Version 1.0")
    expect(mentors).to_contain_text("No open invitation.")
    axe_check(page, "company-pledge-with-mentor")

    # --- A coordinator approves the mentor; the mentor hears of it -----------------------------
    admin, admin_csp = new_person()
    staff_log_in(admin, site, COORDINATOR_EMAIL, axe_check_admin)
    admin.get_by_role("link", name="Mentor profiles", exact=True).click()
    expect(admin_row(admin, EXPERT_NAME)).to_contain_text("Pending approval")
    axe_check_admin(admin, "admin-mentor-list")
    admin_bulk_action(admin, str(mentor), "Approve the selected mentors")
    expect(admin.locator(".messagelist")).to_contain_text("1 mentor is now “Approved”.")
    expect(admin_row(admin, EXPERT_NAME)).to_contain_text("Approved")
    axe_check_admin(admin, "admin-mentor-list-approved")

    approval = mail_about(smtp_sink, EXPERT_EMAIL, "approved as a SkillUp mentor")
    approval_text = smtp_sink.text_of(approval)
    assert COMPANY_NAME in approval_text, approval_text
    assert f"{site}/en/mentor/profile/" in approval_text, approval_text

    expert.reload()
    expect(profile_state).to_contain_text("Approved")
    expect(profile_state).to_contain_text("SMEs can be proposed to you.")
    axe_check(expert, "mentor-profile-approved")

    assert csp_violations == [], csp_violations
    assert expert_csp == [], expert_csp
    assert admin_csp == [], admin_csp
