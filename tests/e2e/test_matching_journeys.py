"""Browser journey of matchmaking (issue #6): an SME states its skill gaps, a coordinator runs
matching in the admin and releases the draft, the mentor and the SME accept, both work in the
partnership (goals, check-ins), one side completes it and both give feedback, the SME with its
repeated self-assessment. Real SMTP to the harness's sink; axe on every page and state visited
(forms with errors included); no Content-Security-Policy violation or script error."""

import re
import time
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS
from matching.enums import NeedsStatus, PartnershipState, ProposalState, RunStatus
from matching.gap_choices import gap_catalogue
from matching.models import CheckIn, Feedback, MatchRun, NeedsProfile, Partnership, Proposal
from tests.e2e.helpers import (
    admin_bulk_action,
    admin_row,
    alert,
    log_in,
    mail_about,
    main_nav,
    skill,
    status,
)
from tests.e2e.helpers import staff_log_in as admin_log_in
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    MentorSkillFactory,
    OrganisationFactory,
    UserFactory,
)
from volunteers.models import ConfidentialityAgreement

SME_NAME = "Brouwerij De Kroon BV"
SME_EMAIL = "femke.peeters@dekroon.example.eu"
COMPANY_NAME = "Nordlicht Digital SE"
MENTOR_EMAIL = "tomas.novak@nordlicht.example.eu"
MENTOR_NAME = "Tomáš Novák"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
CHALLENGE = (
    "Our brewery plans its production on paper; we want forecasts from our sales data and "
    "a safe move of our order system to the cloud."
)
GOALS = "A sales forecast from our data by March; the order system in the cloud by June."
CHECKIN_NOTE = "We mapped the sales data and chose a first forecasting tool."

# (skill code, importance, target level) stated by the SME; the mentor covers all three
GAPS = [("AI", "3", "3"), ("DATA", "2", "3"), ("CLOUD", "1", "2")]
# how the SME finds each of them: (a word it types, the plain label it adds)
GAP_WORDS = {
    "AI": ("artificial intelligence", "Artificial intelligence (AI)"),
    "DATA": ("big data", "Big data and data engineering"),
    "CLOUD": ("cloud", "Cloud computing"),
}
MATURITY_BEFORE = {"Digital business strategy": "1", "Data management": "1"}
MATURITY_AFTER = {"Data management": "3"}

PROPOSAL_SUBJECT = "SkillUp proposes a mentoring partnership"
ACCEPTED_SUBJECT = "A mentoring proposal was accepted by one side"
STARTED_SUBJECT = f"Your mentoring partnership with {SME_NAME} starts"
ENDED_SUBJECT = "Your mentoring partnership has ended: tell us how it went"
RUN_DONE_WAIT_S = 15


# ---------------------------------------------------------------------------------------------
# Arrange
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def sme(transactional_db):
    """An SME (Belgium, manufacturing) whose administrator receives the matching emails."""
    organisation = OrganisationFactory(name=SME_NAME, country="BE", sector="C")
    MembershipFactory(
        organisation=organisation,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=SME_EMAIL, full_name="Femke Peeters"),
    )
    return organisation


@pytest.fixture
def mentor(transactional_db):
    """An approved mentor of a large company, who accepted the current agreement; expert in
    the SME's three gaps. Beside them, a mentor the SME can never get (no shared language)."""
    agreement = ConfidentialityAgreement.objects.current()
    company = CompanyFactory(name=COMPANY_NAME, country="DE")
    user = MembershipFactory(
        organisation=company,
        role=MembershipRole.MEMBER,
        user=UserFactory(email=MENTOR_EMAIL, full_name=MENTOR_NAME),
    ).user
    profile = MentorProfileFactory(
        user=user,
        company=company,
        languages=["en", "de"],
        countries=["BE"],
        sectors=["C"],
        state="approved",
        agreement=agreement,
        agreement_accepted_at=timezone.now(),
        decided_at=timezone.now(),
    )
    for code, level in (("AI", 4), ("DATA", 4), ("CLOUD", 3)):
        MentorSkillFactory(mentor=profile, skill=skill(code), level=level)

    other = MentorProfileFactory(
        company=CompanyFactory(name="Rivage Numérique SA", country="FR"),
        languages=["fr"],
        countries=["FR"],
        state="approved",
        agreement=agreement,
        agreement_accepted_at=timezone.now(),
    )
    MentorSkillFactory(mentor=other, skill=skill("AI"), level=5)
    return profile


@pytest.fixture
def coordinator(transactional_db):
    return UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def feedback_gap(page, code: str):
    """One of the SME's gaps in its feedback: the group named by the competence's plain words."""
    return page.get_by_role("group", name=gap_catalogue()[skill(code).pk].label, exact=True)


def wait_for_run_done(admin, run: MatchRun) -> None:
    """Reload the run's admin page until it says Done (bounded)."""
    readonly_status = admin.locator(".field-status .readonly")
    deadline = time.monotonic() + RUN_DONE_WAIT_S
    while readonly_status.inner_text().strip() != RunStatus.DONE.label:
        run.refresh_from_db()
        assert run.status != RunStatus.FAILED, run.error
        assert time.monotonic() < deadline, f"run still {run.status} after {RUN_DONE_WAIT_S} s"
        time.sleep(0.3)
        admin.reload()


# ---------------------------------------------------------------------------------------------
# The journey
# ---------------------------------------------------------------------------------------------
def test_sme_states_gaps_coordinator_matches_both_accept_partner_and_give_feedback(
    page,
    new_person,
    site,
    smtp_sink,
    axe_check,
    axe_check_admin,
    csp_violations,
    sme,
    mentor,
    coordinator,
):
    today = timezone.localdate()

    # --- 1. The SME goes from its dashboard to its needs form -------------------------------
    page.goto(f"{site}/en/accounts/login/")
    axe_check(page, "login")
    log_in(page, SME_EMAIL)
    main_nav(page).get_by_role("link", name="Dashboard").click()
    expect(page).to_have_url(f"{site}/en/dashboard/")
    axe_check(page, "sme-dashboard")
    page.get_by_role("link", name="Mentoring: skill gaps, proposals and partnerships").click()

    expect(page).to_have_url(f"{site}/en/mentoring/")
    sme_card = page.get_by_role("region", name=SME_NAME)
    expect(sme_card).to_contain_text("You have not stated your needs yet.")
    expect(sme_card).to_contain_text("No mentor proposed yet.")
    axe_check(page, "sme-mentoring-home-empty")
    sme_card.get_by_role("link", name=f"State your needs – {SME_NAME}").click()

    expect(page).to_have_url(f"{site}/en/organisations/{sme.pk}/needs/")
    expect(
        page.get_by_role("heading", level=1, name=f"Mentoring needs of {SME_NAME}")
    ).to_be_visible()
    axe_check(page, "needs-form-new")

    # --- Looking for a mentor without a gap: refused, nothing lost ----------------------------
    page.get_by_role("radio", name="Looking for a mentor").check()
    page.get_by_text("Digital maturity (optional)").click()  # the optional part is folded
    for dimension, level in MATURITY_BEFORE.items():
        page.get_by_label(dimension, exact=True).select_option(level)
    page.get_by_label("Your challenge (confidential)").fill(CHALLENGE)
    page.get_by_role("checkbox", name="English", exact=True).check()
    page.get_by_role("radio", name="Remote").check()
    page.get_by_label("Region").fill("Flanders")
    page.get_by_role("button", name="Save your needs").click()

    expect(alert(page, "Nothing is saved yet")).to_be_visible()
    expect(page.get_by_text("To look for a mentor, state at least one skill gap")).to_be_visible()
    expect(page.get_by_role("radio", name="Looking for a mentor")).to_be_checked()
    expect(page.get_by_label("Your challenge (confidential)")).to_have_value(CHALLENGE)
    expect(page.get_by_label("Data management", exact=True)).to_have_value("1")
    expect(page.get_by_role("checkbox", name="English", exact=True)).to_be_checked()
    expect(page.get_by_role("radio", name="Remote")).to_be_checked()
    expect(page.get_by_label("Region")).to_have_value("Flanders")
    axe_check(page, "needs-form-with-errors")
    assert not NeedsProfile.objects.filter(organisation=sme).exists()

    # --- Three gaps: saved -------------------------------------------------------------------
    for code, importance, target in GAPS:
        word, label = GAP_WORDS[code]
        page.get_by_role("searchbox", name="Search skills by a word you use").fill(word)
        page.get_by_role("button", name=f"Add {label}").click()
        gap = page.get_by_role("group", name=label)
        gap.get_by_label("Importance").select_option(importance)
        gap.get_by_label("Target level").select_option(target)
    page.get_by_role("button", name="Save your needs").click()

    expect(page).to_have_url(f"{site}/en/mentoring/")
    expect(status(page, f"The needs of {SME_NAME} are saved.")).to_be_visible()
    expect(sme_card).to_contain_text("Needs: Looking for a mentor, 3 skill gaps.")
    axe_check(page, "sme-mentoring-home-needs")

    needs = NeedsProfile.objects.get(organisation=sme)
    assert (needs.status, needs.challenge, needs.languages, needs.mode, needs.region) == (
        NeedsStatus.ACTIVE,
        CHALLENGE,
        ["en"],
        "remote",
        "Flanders",
    )
    assert needs.maturity == {"strategy": 1, "data": 1}
    assert sorted(needs.gaps.values_list("skill__code", "importance", "target_level")) == [
        ("AI", 3, 3),
        ("CLOUD", 1, 2),
        ("DATA", 2, 3),
    ]

    # --- 2. A coordinator looks at the SME's recommended mentors… -----------------------------
    admin, admin_csp = new_person()
    admin_log_in(admin, site, COORDINATOR_EMAIL, axe_check_admin)
    admin.get_by_role("link", name="Needs profiles", exact=True).click()
    admin_row(admin, SME_NAME).get_by_role("link", name=SME_NAME, exact=True).click()
    expect(admin.locator(".field-challenge .readonly")).to_contain_text(CHALLENGE)
    axe_check_admin(admin, "admin-needs")
    admin.get_by_role("link", name="Recommended mentors").click()
    expect(
        admin.get_by_role("heading", level=1, name=f"Recommended mentors for {SME_NAME}")
    ).to_be_visible()
    recommended = admin.get_by_role("table", name="Recommended mentors")
    expect(recommended.locator("tbody tr")).to_have_count(1)  # the other shares no language
    expect(recommended.locator("tbody tr")).to_contain_text(MENTOR_NAME)
    expect(recommended.locator("tbody tr")).to_contain_text("coverage of the gaps")
    axe_check_admin(admin, "admin-needs-recommendations")

    # --- …and starts a matching run --------------------------------------------------------
    admin.goto(f"{site}/admin/")
    admin.get_by_role("link", name="Matching runs", exact=True).click()
    expect(admin.get_by_role("heading", level=1, name=re.compile("matching run"))).to_be_visible()
    axe_check_admin(admin, "admin-run-list-empty")
    admin.get_by_role("link", name="Add matching run").click()
    expect(admin.get_by_role("heading", level=1, name="Add matching run")).to_be_visible()
    axe_check_admin(admin, "admin-run-add")
    admin.get_by_role("button", name="Save", exact=True).click()

    expect(admin.locator(".messagelist")).to_contain_text("The run is queued.")
    run = MatchRun.objects.get()
    expect(admin).to_have_url(f"{site}/admin/matching/matchrun/{run.pk}/change/")
    wait_for_run_done(admin, run)
    expect(admin.locator(".field-matched_count .readonly")).to_have_text("1")
    axe_check_admin(admin, "admin-run-done")
    run.refresh_from_db()
    assert (run.status, run.sme_count, run.mentor_count, run.matched_count) == (
        RunStatus.DONE,
        1,
        2,
        1,
    )

    # --- …reviews the draft with its explanation and releases it ------------------------------
    admin.goto(f"{site}/admin/")
    admin.get_by_role("link", name="Proposals", exact=True).click()
    proposal = Proposal.objects.get(needs=needs)
    assert (proposal.state, proposal.mentor_id, proposal.run_id) == (
        ProposalState.DRAFT,
        mentor.pk,
        run.pk,
    )
    row = admin_row(admin, SME_NAME)
    expect(row).to_contain_text("Draft (for review)")
    expect(row).to_contain_text(MENTOR_NAME)
    expect(row).to_contain_text("coverage of the gaps")
    axe_check_admin(admin, "admin-proposal-list-draft")
    row.get_by_role("link", name=SME_NAME, exact=True).click()
    explanation = admin.locator(".field-explanation_text .readonly")
    expect(explanation).to_contain_text("coverage of the gaps")
    expect(explanation.get_by_role("listitem")).to_have_count(3)
    expect(explanation).to_contain_text(str(skill("AI")))
    axe_check_admin(admin, "admin-proposal-draft")
    admin.go_back()

    admin_bulk_action(admin, str(proposal), "Release to both sides")
    expect(admin.locator(".messagelist")).to_contain_text("1 proposal released.")
    expect(admin_row(admin, SME_NAME)).to_contain_text("Proposed")
    axe_check_admin(admin, "admin-proposal-list-released")

    to_sme = mail_about(smtp_sink, SME_EMAIL, PROPOSAL_SUBJECT)
    proposal_url = f"{site}/en/mentoring/proposals/{proposal.pk}/"
    sme_mail_text = smtp_sink.text_of(to_sme)
    assert SME_NAME in sme_mail_text and proposal_url in sme_mail_text, sme_mail_text
    to_mentor = mail_about(smtp_sink, MENTOR_EMAIL, PROPOSAL_SUBJECT)
    mentor_mail_text = smtp_sink.text_of(to_mentor)
    assert smtp_sink.first_url(mentor_mail_text) == proposal_url, mentor_mail_text
    assert SME_NAME not in mentor_mail_text, mentor_mail_text

    # --- 3. The mentor follows the link: an anonymised SME and the score, accepts -------------
    expert, expert_csp = new_person()
    expert.goto(proposal_url)
    expect(expert.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    axe_check(expert, "login-from-the-proposal-email")
    log_in(expert, MENTOR_EMAIL)
    expect(expert).to_have_url(proposal_url)
    expect(expert.get_by_role("heading", level=1, name="Mentoring proposal")).to_be_visible()
    sme_summary = expert.get_by_role("region", name="The SME", exact=True)
    expect(sme_summary).to_contain_text("Belgium")
    expect(sme_summary.get_by_role("row").filter(has_text=str(skill("AI")))).to_contain_text(
        "Essential"
    )
    score = expert.get_by_role("region", name=re.compile(r"^Score: \d+\.\d out of 100$"))
    expect(score.get_by_role("table", name="How the score is made")).to_contain_text(
        "Coverage of the skill gaps"
    )
    gap_by_gap = score.get_by_role("table", name=re.compile("^Gap by gap"))
    expect(gap_by_gap.get_by_role("row")).to_have_count(1 + len(GAPS))
    expect(expert.get_by_text(SME_NAME)).to_have_count(0)
    assert SME_NAME not in expert.content()
    assert CHALLENGE not in expert.content()
    assert SME_EMAIL not in expert.content()
    axe_check(expert, "proposal-mentor")
    expert.get_by_role("button", name="Accept", exact=True).click()

    expect(
        status(expert, "You accepted. The SME is asked to answer too; you will receive an email.")
    ).to_be_visible()
    expect(expert.get_by_role("status").filter(has_text="You answered: Accepted.")).to_be_visible()
    axe_check(expert, "proposal-mentor-accepted")
    assert "accepted by one side" in mail_about(smtp_sink, SME_EMAIL, ACCEPTED_SUBJECT)["Subject"]

    # --- The SME sees the proposal on its mentoring home and accepts too -----------------------
    page.reload()
    proposals = sme_card.get_by_role("table", name=f"Mentors proposed to {SME_NAME}")
    expect(proposals.get_by_role("row").nth(1)).to_contain_text("To answer")
    axe_check(page, "sme-mentoring-home-proposal")
    proposals.get_by_role("link", name=f"A mentor of {COMPANY_NAME}").click()

    expect(page).to_have_url(proposal_url)
    mentor_summary = page.get_by_role("region", name="The mentor", exact=True)
    expect(mentor_summary).to_contain_text(COMPANY_NAME)
    expertise = mentor_summary.get_by_role("table", name="The mentor's expertise and levels")
    expect(expertise).to_contain_text(str(skill("DATA")))
    assert MENTOR_NAME not in page.content()
    assert MENTOR_EMAIL not in page.content()
    axe_check(page, "proposal-sme")
    page.get_by_role("button", name="Accept", exact=True).click()

    partnership = Partnership.objects.get(proposal=proposal)
    partnership_url = f"{site}/en/mentoring/partnerships/{partnership.pk}/"
    expect(page).to_have_url(partnership_url)
    expect(status(page, "Both sides accepted: your partnership starts now.")).to_be_visible()
    expect(
        page.get_by_role("heading", level=1, name=f"Partnership of {SME_NAME} and {COMPANY_NAME}")
    ).to_be_visible()
    expect(page.get_by_role("region", name="The mentor", exact=True)).to_contain_text(MENTOR_EMAIL)
    axe_check(page, "partnership-sme-new")

    for person in (SME_EMAIL, MENTOR_EMAIL):
        started = mail_about(smtp_sink, person, STARTED_SUBJECT)
        assert partnership_url in smtp_sink.text_of(started), smtp_sink.text_of(started)

    # --- 4. The SME writes the goals ------------------------------------------------------
    page.get_by_label("Goals of the partnership").fill(GOALS)
    page.get_by_role("button", name="Save the goals").click()
    expect(status(page, "The goals are saved.")).to_be_visible()
    expect(page.get_by_label("Goals of the partnership")).to_have_value(GOALS)
    axe_check(page, "partnership-sme-goals")

    # --- The mentor now sees who the SME is, its challenge, and records a check-in -----------
    expert.goto(f"{site}/en/mentoring/")
    expert.get_by_role("table", name="Your partnerships with SMEs").get_by_role(
        "link", name=SME_NAME
    ).click()
    expect(expert).to_have_url(partnership_url)
    expect(expert.get_by_role("region", name="The SME", exact=True)).to_contain_text(SME_EMAIL)
    expect(expert.get_by_role("region", name="The SME's challenge")).to_contain_text(CHALLENGE)
    expect(expert.get_by_label("Goals of the partnership")).to_have_value(GOALS)
    expect(expert.get_by_label("Date")).to_have_value(today.isoformat())
    axe_check(expert, "partnership-mentor")

    expert.get_by_label("Hours of mentoring").fill("2")
    expert.get_by_role("button", name="Record the check-in").click()  # without a note
    note = expert.get_by_label("What you did and what comes next")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(expert.get_by_text("This field is required.")).to_be_visible()
    expect(expert.get_by_label("Hours of mentoring")).to_have_value("2")
    axe_check(expert, "partnership-checkin-with-errors")
    assert not CheckIn.objects.exists()

    note.fill(CHECKIN_NOTE)
    expert.get_by_role("button", name="Record the check-in").click()
    expect(status(expert, "The check-in is recorded.")).to_be_visible()
    check_ins = expert.get_by_role("table", name=re.compile("^Check-ins of the partnership"))
    expect(check_ins.get_by_role("row").nth(1)).to_contain_text(CHECKIN_NOTE)
    expect(check_ins.get_by_role("row").nth(1)).to_contain_text(f"Mentor ({MENTOR_NAME})")
    expect(expert.get_by_text("No check-in recorded yet.")).to_have_count(0)
    axe_check(expert, "partnership-mentor-checkin")
    assert list(CheckIn.objects.values_list("side", "hours", "date")) == [
        ("mentor", Decimal("2.0"), today)
    ]

    # --- The SME sees the check-in and completes the partnership --------------------------------
    page.reload()
    expect(page.get_by_role("table", name=re.compile("^Check-ins"))).to_contain_text(CHECKIN_NOTE)
    page.get_by_role("radio", name=re.compile("^Completed")).check()
    page.get_by_role("button", name="End the partnership").click()
    expect(
        status(page, "The partnership has ended. Both sides are asked for their feedback.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="End the partnership")).to_have_count(0)
    axe_check(page, "partnership-sme-ended")
    for person in (SME_EMAIL, MENTOR_EMAIL):
        ended = mail_about(smtp_sink, person, ENDED_SUBJECT)
        assert partnership_url in smtp_sink.text_of(ended), smtp_sink.text_of(ended)

    # --- …gives its feedback and repeats its self-assessment: data up, AI closed ----------------
    feedback = page.get_by_role("region", name="Feedback")
    feedback.get_by_role("radio", name="5", exact=True).check()
    feedback.get_by_label("Your feedback", exact=True).fill("Clear advice, every week.")
    for dimension, level in MATURITY_AFTER.items():
        page.get_by_label(dimension, exact=True).select_option(level)
    expect(page.get_by_label("Digital business strategy", exact=True)).to_have_value("1")
    ai_gap = feedback_gap(page, "AI")
    expect(ai_gap.get_by_label("Importance", exact=True)).to_have_value("3")
    ai_gap.get_by_label("Closed: no more help needed").check()
    page.get_by_role("button", name="Send your feedback").click()

    expect(status(page, "Thank you for your feedback.")).to_be_visible()
    change = page.get_by_role("region", name="What changed for the SME")
    maturity = change.get_by_role("table", name="Digital maturity per dimension, before and after")
    data_row = maturity.get_by_role("row").filter(has_text="Data management")
    expect(data_row.get_by_role("cell")).to_have_text(["1. Beginning", "3. Established", "+2"])
    strategy_row = maturity.get_by_role("row").filter(has_text="Digital business strategy")
    expect(strategy_row.get_by_role("cell").last).to_have_text("0")
    expect(change.get_by_role("heading", name="1 skill gap closed")).to_be_visible()
    expect(change.get_by_role("listitem")).to_have_text([str(skill("AI"))])
    axe_check(page, "partnership-sme-feedback-given")

    # --- The mentor's feedback: first without a rating, then with one --------------------------
    expert.reload()
    expect(expert.get_by_role("region", name="What changed for the SME")).to_contain_text(
        "1 skill gap closed"
    )
    expert.get_by_role("button", name="Send your feedback").click()
    rating = expert.get_by_role("radio", name="4", exact=True)
    expect(rating).to_have_attribute("aria-invalid", "true")
    expect(expert.get_by_text("This field is required.")).to_be_visible()
    axe_check(expert, "partnership-mentor-feedback-with-errors")
    rating.check()
    expert.get_by_label("Your feedback", exact=True).fill("A motivated team; we met every week.")
    expert.get_by_role("button", name="Send your feedback").click()
    expect(status(expert, "Thank you for your feedback.")).to_be_visible()
    expect(expert.get_by_text("Thank you: your feedback is recorded.")).to_be_visible()
    expect(expert.get_by_text("Mentor: 4 out of 5")).to_be_visible()
    expect(expert.get_by_text("SME: 5 out of 5")).to_have_count(0)  # each side reads its own
    axe_check(expert, "partnership-mentor-feedback-given")

    partnership.refresh_from_db()
    assert partnership.state == PartnershipState.COMPLETED
    assert partnership.goals == GOALS
    assert sorted(Feedback.objects.values_list("side", "rating")) == [("mentor", 4), ("sme", 5)]
    needs.refresh_from_db()
    assert needs.maturity == {"strategy": 1, "data": 3}
    assert sorted(needs.gaps.values_list("skill__code", flat=True)) == ["CLOUD", "DATA"]
    assert csp_violations == [], csp_violations
    assert admin_csp == [], admin_csp
    assert expert_csp == [], expert_csp
