"""Browser journeys of good-practice calls (issue #4): an SME drafts and submits, reviewers work
in the admin up to publication, a visitor finds the practice. Real SMTP to the harness's sink;
axe on every page and state visited; no Content-Security-Policy violation or script error."""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import REVIEWERS
from practices.enums import PracticeState
from practices.models import Practice, Review, Topic, TrainingTool
from practices.taxonomy import TOOLS, TOPICS
from tests.e2e.conftest import save_failure_artifacts
from tests.e2e.helpers import (
    INTERNAL,
    admin_bulk_action,
    admin_row,
    alert,
    log_in,
    mail_about,
    main_nav,
    staff_log_in,
    status,
    watch,
)
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    UserFactory,
)

CALL_TITLE = "Digital SkillUp: SMEs' good practices for upskilling"
SME_NAME = "Atelier Boréal SARL"
SME_EMAIL = "lea.martin@atelier-boreal.example.eu"
SME_ADMIN_EMAIL = "paul.girard@atelier-boreal.example.eu"
REVIEWER_EMAIL = "rita.reviewer@skillup.example.eu"


# ---------------------------------------------------------------------------------------------
# Arrange
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def taxonomy(transactional_db):
    """Tools and topics come from migration 0003 and are seeded again after every flush of a
    live-server test (practices.apps.seed_taxonomy): the journeys rely on that."""
    assert set(TrainingTool.objects.values_list("slug", flat=True)) == {s for s, _n, _u in TOOLS}
    assert Topic.objects.count() == len(TOPICS)


@pytest.fixture
def call(taxonomy):
    return CallFactory(title=CALL_TITLE, slug="digital-skillup-2021")


@pytest.fixture
def sme(taxonomy):
    """An SME (France) with a member (who writes) and an administrator."""
    organisation = OrganisationFactory(name=SME_NAME, country="FR")
    member = MembershipFactory(
        organisation=organisation,
        role=MembershipRole.MEMBER,
        user=UserFactory(email=SME_EMAIL, full_name="Léa Martin"),
    ).user
    MembershipFactory(
        organisation=organisation,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=SME_ADMIN_EMAIL, full_name="Paul Girard"),
    )
    return organisation, member


@pytest.fixture
def reviewer(taxonomy):
    return UserFactory(
        email=REVIEWER_EMAIL, full_name="Rita Reviewer", is_staff=True, groups=[REVIEWERS]
    )


@dataclass
class OtherBrowser:
    page: object
    csp_violations: list[dict]


@pytest.fixture
def other_browser(browser, browser_context_args, request):
    """A page in a second browser context (another person at another computer), watched like
    `page`: its CSP violations and script errors are listed; screenshot and HTML on failure."""
    context = browser.new_context(**browser_context_args)
    other = context.new_page()
    other.set_default_timeout(10_000)
    yield OtherBrowser(page=other, csp_violations=watch(other))
    save_failure_artifacts(request, other, "second")
    context.close()


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def admin_practice_list(page, site: str) -> None:
    page.goto(f"{site}/admin/practices/practice/")
    expect(page.get_by_role("heading", level=1, name=re.compile("practice"))).to_be_visible()


# ---------------------------------------------------------------------------------------------
# 1. The SME drafts, leaves, comes back, submits and gets the receipt
# ---------------------------------------------------------------------------------------------
def test_sme_drafts_leaves_comes_back_submits_and_gets_the_receipt(
    page, site, smtp_sink, axe_check, csp_violations, call, sme
):
    organisation, _member = sme
    title = "Friday learning hour with Elements of AI"
    description = (
        "Every Friday afternoon each employee spends one hour on an online course they chose "
        "with their manager, then shares one thing learnt at Monday's stand-up."
    )

    # --- Log in, then from the home page to the open call ---------------------------------
    page.goto(f"{site}/en/")
    log_in(page, SME_EMAIL)
    page.goto(f"{site}/en/")
    calls = page.get_by_role("region", name="Calls for good practices")
    calls.get_by_role("link", name=CALL_TITLE).click()
    expect(page).to_have_url(f"{site}/en/calls/{call.slug}/")
    expect(page.get_by_role("heading", level=1, name=CALL_TITLE)).to_be_visible()
    axe_check(page, "practice-call")

    page.get_by_role("link", name="Submit a practice").click()
    expect(page).to_have_url(f"{site}/en/calls/{call.slug}/submit/")
    expect(page.get_by_role("heading", level=1, name="Submit a practice")).to_be_visible()
    axe_check(page, "practice-form-new")

    # --- A partial draft --------------------------------------------------------------------
    page.get_by_label("Title of the practice").fill(title)
    page.get_by_label("Short description").fill(description)
    counter = page.locator("#id_short_description_charcount")
    expect(counter).to_contain_text(f"{len(description)} / 1500 characters")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(status(page, "Your draft is saved.")).to_be_visible()
    expect(page.get_by_text("State: Draft")).to_be_visible()
    axe_check(page, "practice-draft-detail")
    practice = Practice.objects.get(organisation=organisation)
    assert (practice.state, practice.title) == (PracticeState.DRAFT, title)

    # --- Leave, and come back from the dashboard ---------------------------------------------
    main_nav(page).get_by_role("link", name="Dashboard").click()
    expect(page).to_have_url(f"{site}/en/dashboard/")
    mine = page.get_by_role("table", name="The practices of your SME, their state and deadline")
    row = mine.get_by_role("row").filter(has_text=title)
    expect(row.get_by_role("cell").nth(2)).to_have_text("Draft")
    axe_check(page, "dashboard-with-draft")
    row.get_by_role("link", name=f"Edit {title}").click()

    expect(page).to_have_url(f"{site}/en/submissions/{practice.pk}/edit/")
    expect(page.get_by_role("heading", level=1, name=f"Edit “{title}”")).to_be_visible()
    expect(page.get_by_label("Title of the practice")).to_have_value(title)
    expect(page.get_by_label("Short description")).to_have_value(description)

    # --- Submit incomplete: the draft stays, the missing fields say so -----------------------
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(alert(page, "Your draft is saved, but it is not submitted yet")).to_be_visible()
    for label in (
        "How is online learning integrated into your staff training?",
        "What methodology do you follow?",
        "How do you encourage your employees to keep learning?",
    ):
        expect(page.get_by_label(label)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("checkbox", name=INTERNAL)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Choose a tool or name one under “other tools”.")).to_be_visible()
    expect(page.get_by_label("Short description")).to_have_value(description)
    axe_check(page, "practice-form-with-errors")
    assert Practice.objects.get(pk=practice.pk).state == PracticeState.DRAFT

    # --- Complete it and submit --------------------------------------------------------------
    page.get_by_label("How is online learning integrated into your staff training?").fill(
        "Courses are part of the working week, chosen in the yearly skills talk."
    )
    page.get_by_label("What methodology do you follow?").fill(
        "Learn for an hour, try it on a real task, show it to a colleague."
    )
    page.get_by_role("checkbox", name="Elements of AI").check()
    page.get_by_label("How do you encourage your employees to keep learning?").fill(
        "A learning budget per person and a monthly show-and-tell."
    )
    page.get_by_role("radio", name="Both").check()
    page.get_by_label("Employees reached").fill("14")
    page.get_by_role("checkbox", name=INTERNAL).check()
    page.get_by_role("checkbox", name=re.compile("may be published on SkillUp")).check()
    page.get_by_role("button", name="Submit", exact=True).click()

    expect(page).to_have_url(f"{site}/en/submissions/{practice.pk}/")
    expect(status(page, f"Your practice “{title}” is submitted.")).to_be_visible()
    expect(status(page, "A receipt is on its way by email.")).to_be_visible()
    expect(page.get_by_text("State: Submitted")).to_be_visible()
    history = page.get_by_role("table", name="Each change of state of this practice")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Draft")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Submitted")
    axe_check(page, "practice-submitted-detail")

    # --- The receipt, through SMTP --------------------------------------------------------
    receipt = mail_about(smtp_sink, SME_EMAIL, title)
    assert receipt["Subject"].endswith(f"We received your practice “{title}”"), receipt["Subject"]
    receipt_text = smtp_sink.text_of(receipt)
    assert description in receipt_text, receipt_text
    assert f"{site}/en/submissions/{practice.pk}/" in receipt_text, receipt_text

    practice.refresh_from_db()
    assert practice.state == PracticeState.SUBMITTED
    assert practice.internal_confirmed is True
    assert list(practice.tools.values_list("slug", flat=True)) == ["elements-of-ai"]
    assert csp_violations == [], csp_violations


def test_keyboard_alone_ticks_the_confirmation_and_submits(
    page, site, smtp_sink, axe_check, csp_violations, call, sme
):
    organisation, member = sme
    practice = PracticeFactory(
        call=call,
        organisation=organisation,
        created_by=member,
        title="Peer tutoring on Tuesdays",
        internal_confirmed=False,
    )
    page.goto(f"{site}/en/submissions/{practice.pk}/edit/")
    log_in(page, SME_EMAIL)  # the login page, then back to the form
    expect(
        page.get_by_role("heading", level=1, name="Edit “Peer tutoring on Tuesdays”")
    ).to_be_visible()
    confirmation = page.get_by_role("checkbox", name=INTERNAL)
    submit = page.get_by_role("button", name="Submit", exact=True)
    expect(confirmation).not_to_be_checked()

    def tab_to(target, limit: int = 120) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if target.evaluate("el => el === document.activeElement"):
                return
        pytest.fail(f"Tab never reached {target}")

    tab_to(confirmation)
    expect(confirmation).to_be_focused()
    page.keyboard.press("Space")
    expect(confirmation).to_be_checked()
    tab_to(submit)
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{site}/en/submissions/{practice.pk}/")
    expect(status(page, "Your practice “Peer tutoring on Tuesdays” is submitted.")).to_be_visible()
    axe_check(page, "keyboard-submitted-detail")
    practice.refresh_from_db()
    assert (practice.state, practice.internal_confirmed) == (PracticeState.SUBMITTED, True)
    mail_about(smtp_sink, SME_EMAIL, "We received your practice “Peer tutoring on Tuesdays”")
    assert csp_violations == [], csp_violations


# ---------------------------------------------------------------------------------------------
# 2. Reviewers score, shortlist, ask for detail, select and publish; the SME answers, approves
# ---------------------------------------------------------------------------------------------
def test_reviewer_scores_shortlists_asks_detail_and_publishes_after_the_sme_approves(
    page,
    other_browser,
    site,
    smtp_sink,
    axe_check,
    axe_check_admin,
    csp_violations,
    call,
    sme,
    reviewer,
):
    organisation, member = sme
    title = "Lunchtime robotics club"
    practice = PracticeFactory(
        call=call,
        organisation=organisation,
        created_by=member,
        title=title,
        short_description="Twice a week our welders and office staff program a small robot arm.",
        state=PracticeState.SUBMITTED,
        submitted_at=call.opens_at,
    )
    sme_page = other_browser.page

    # --- The reviewer logs in to the admin and finds the practice ----------------------------
    staff_log_in(page, site, REVIEWER_EMAIL, axe_check_admin)
    axe_check_admin(page, "admin-index")

    page.get_by_role("link", name="Practices", exact=True).click()
    page.get_by_role("textbox", name="Search").fill("robotics")
    page.get_by_role("button", name="Search").click()
    expect(admin_row(page, title)).to_have_count(1)
    expect(admin_row(page, title)).to_contain_text("Submitted")
    axe_check_admin(page, "admin-practice-list")

    # --- Scores it: an empty form first, then all four criteria ------------------------------
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Reviews")).to_be_visible()
    expect(page.get_by_text("No reviews yet.")).to_be_visible()
    axe_check_admin(page, "admin-practice-change")
    page.locator("#reviews").get_by_role("link", name="Score this practice").click()
    expect(page.get_by_role("heading", level=1, name=f"Your review of “{title}”")).to_be_visible()
    axe_check_admin(page, "admin-review-form")

    page.get_by_role("button", name="Save my review").click()
    expect(alert(page, "Please correct the errors below.")).to_be_visible()
    axe_check_admin(page, "admin-review-form-with-errors")

    scores = {
        "Innovation": "4",
        "Impact on staff skills": "5",
        "Transferability to other SMEs": "4",
        "Clarity": "3",
    }
    for label, score in scores.items():
        page.get_by_label(label).select_option(score)
    page.get_by_label("Recommendation").select_option(label="Select")
    page.get_by_label("Comment").fill("Cheap, concrete, easy to copy in a small workshop.")
    page.get_by_role("button", name="Save my review").click()

    expect(page.locator(".messagelist")).to_contain_text("Your review is saved.")
    own = page.locator("#reviews").get_by_role("row").filter(has_text="You")
    expect(own).to_contain_text("4.00")  # the average of 4, 5, 4, 3
    review = Review.objects.get(practice=practice, reviewer=reviewer)
    assert (review.innovation, review.impact, review.transferability, review.clarity) == (
        4,
        5,
        4,
        3,
    )
    assert review.recommendation == "select"

    # --- The first score started the review (#14); shortlisted: a bulk action from the list -
    admin_practice_list(page, site)
    expect(admin_row(page, title)).to_contain_text("In review")
    admin_bulk_action(page, title, "Shortlist")
    expect(page.locator(".messagelist")).to_contain_text("1 practice moved to “Shortlisted”.")
    expect(admin_row(page, title)).to_contain_text("Shortlisted")
    axe_check_admin(page, "admin-practice-list-after-moves")

    # --- Request more detail: a message on an intermediate page ---------------------------
    admin_bulk_action(page, title, "Request more detail…")
    expect(page.get_by_role("heading", level=1, name="Request more detail")).to_be_visible()
    axe_check_admin(page, "admin-detail-request-form")
    page.get_by_role("button", name="Send the request").click()
    expect(alert(page, "Please correct the error below.")).to_be_visible()
    axe_check_admin(page, "admin-detail-request-form-with-errors")
    question = "How many people joined the club, and what did they build?"
    page.get_by_label("What would you like the SME to tell you?").fill(question)
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".messagelist")).to_contain_text("1 SME asked for more detail.")
    expect(admin_row(page, title)).to_contain_text("More detail requested")

    # --- The SME follows the email's link, logs in and answers ------------------------------
    # shortlisting is the reviewers' own step: the SME hears of the request, not of it (#15)
    detail_email = mail_about(smtp_sink, SME_EMAIL, f"would like to know more about “{title}”")
    detail_text = smtp_sink.text_of(detail_email)
    assert question in detail_text, detail_text
    link = smtp_sink.first_url(detail_text)
    assert link == f"{site}/en/submissions/{practice.pk}/", detail_text

    sme_page.goto(link)
    log_in(sme_page, SME_EMAIL)
    expect(sme_page).to_have_url(link)
    expect(sme_page.get_by_text("State: More detail requested")).to_be_visible()
    asked = status(sme_page, "The reviewers would like to know more")
    expect(asked).to_contain_text(question)
    axe_check(sme_page, "sme-detail-requested")
    asked.get_by_role("link", name="Answer the request").click()
    expect(sme_page.get_by_role("heading", level=1, name="Answer the reviewers")).to_be_visible()
    axe_check(sme_page, "sme-detail-answer-form")
    sme_page.get_by_role("button", name="Send the answer").click()
    expect(sme_page.get_by_label("Your answer")).to_have_attribute("aria-invalid", "true")
    axe_check(sme_page, "sme-detail-answer-form-with-errors")
    answer = "Nine of our 14 employees; they built a pick-and-place cell for our packaging line."
    sme_page.get_by_label("Your answer").fill(answer)
    sme_page.get_by_role("button", name="Send the answer").click()
    expect(status(sme_page, "Thank you: your answer is sent to the reviewers.")).to_be_visible()
    expect(sme_page.get_by_text("State: Under review")).to_be_visible()  # as the SME reads it

    # --- The reviewer hears of it, reads the answer, selects the practice ------------------
    received = mail_about(smtp_sink, REVIEWER_EMAIL, f"answered your request about “{title}”")
    received_text = smtp_sink.text_of(received)
    assert f"{site}/admin/practices/practice/{practice.pk}/change/" in received_text
    admin_practice_list(page, site)
    expect(admin_row(page, title)).to_contain_text("Detail received")
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("#content-main")).to_contain_text(answer)
    axe_check_admin(page, "admin-practice-with-answer")
    admin_practice_list(page, site)
    admin_bulk_action(page, title, "Select")
    expect(page.locator(".messagelist")).to_contain_text("1 practice moved to “Selected”.")
    expect(admin_row(page, title)).to_contain_text("Selected")

    # --- …and shortens the public version -------------------------------------------------
    public_title = "A robotics club at lunchtime"
    public_description = "Staff of every trade learn to program a robot arm together."
    page.get_by_role("link", name=title, exact=True).click()
    page.get_by_label("Public title").fill(public_title)
    page.get_by_label("Public description").fill(public_description)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    practice.refresh_from_db()
    assert (practice.public_title, practice.public_description) == (
        public_title,
        public_description,
    )
    mail_about(smtp_sink, SME_EMAIL, f"Your practice “{title}” is selected")
    mail_about(smtp_sink, SME_EMAIL, f"Please approve the public version of “{title}”")

    # --- Publishing before the SME approved is refused ---------------------------------------
    admin_practice_list(page, site)
    admin_bulk_action(page, title, "Publish")
    expect(page.locator(".messagelist")).to_contain_text(
        "The SME has not yet approved the public version of this practice."
    )
    expect(admin_row(page, title)).to_contain_text("Selected")

    # --- The SME approves the public version from its dashboard -------------------------------
    main_nav(sme_page).get_by_role("link", name="Dashboard").click()
    asked_of_me = sme_page.get_by_role("region", name="Asked of you")
    expect(asked_of_me).to_contain_text(f"“{title}” is selected: approve its public version.")
    axe_check(sme_page, "sme-dashboard-approval-asked")
    asked_of_me.get_by_role("link", name="Review and approve").click()
    expect(
        sme_page.get_by_role("heading", level=1, name="The public version of your practice")
    ).to_be_visible()
    expect(sme_page.get_by_role("heading", level=2, name=public_title)).to_be_visible()
    expect(sme_page.get_by_text(public_description)).to_be_visible()
    axe_check(sme_page, "sme-public-version")
    sme_page.get_by_role("button", name="Approve the public version").click()  # no consent
    consent = sme_page.get_by_role("checkbox", name=re.compile("We approve this public version"))
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(sme_page.get_by_text("The SME has not consented to publication.")).to_be_visible()
    axe_check(sme_page, "sme-public-version-with-errors")
    consent.check()
    sme_page.get_by_role("button", name="Approve the public version").click()
    expect(status(sme_page, "Thank you: the public version is approved.")).to_be_visible()
    practice.refresh_from_db()
    assert practice.public_version_approved_by == member

    # --- The reviewer publishes; the public page shows the public version -----------------------
    admin_practice_list(page, site)
    admin_bulk_action(page, title, "Publish")
    expect(page.locator(".messagelist")).to_contain_text("1 practice moved to “Published”.")
    expect(admin_row(page, title)).to_contain_text("Published")
    practice.refresh_from_db()
    assert practice.state == PracticeState.PUBLISHED
    public_url = f"{site}/en/practices/{practice.slug}/"
    published = mail_about(smtp_sink, SME_EMAIL, f"Your practice “{title}” is published")
    published_text = smtp_sink.text_of(published)
    assert public_url in published_text, published_text

    sme_page.goto(public_url)
    expect(sme_page.get_by_role("heading", level=1, name=public_title)).to_be_visible()
    axe_check(sme_page, "sme-sees-published-practice")
    assert list(practice.transitions.values_list("to_state", flat=True).order_by("pk")) == [
        PracticeState.IN_REVIEW,
        PracticeState.SHORTLISTED,
        PracticeState.DETAIL_REQUESTED,
        PracticeState.DETAIL_RECEIVED,
        PracticeState.SELECTED,
        PracticeState.PUBLISHED,
    ]
    assert csp_violations == [], csp_violations
    assert other_browser.csp_violations == [], other_browser.csp_violations


# ---------------------------------------------------------------------------------------------
# 3. A visitor filters, searches and finds it
# ---------------------------------------------------------------------------------------------
def test_visitor_filters_searches_and_finds_the_practice(
    page, site, axe_check, csp_violations, call, sme
):
    organisation, member = sme
    wanted = PublishedPracticeFactory(
        call=call,
        organisation=organisation,
        created_by=member,
        title="Saturday cybersecurity escape game",
        short_description="Our ICT team trains against phishing with a monthly escape game.",
        audience="ict",
    )
    german_sme = OrganisationFactory(name="Werkstatt Nord GmbH", country="DE")
    decoys = [
        # same keyword and audience, another country
        PublishedPracticeFactory(
            call=call,
            organisation=german_sme,
            title="Cybersecurity escape room for ICT staff",
            audience="ict",
        ),
        # same country and keyword, another audience
        PublishedPracticeFactory(
            call=call,
            organisation=organisation,
            title="Cybersecurity quiz for the sales team",
            audience="other",
        ),
        # same country and audience, another subject
        PublishedPracticeFactory(
            call=call, organisation=organisation, title="Cloud certification path", audience="ict"
        ),
    ]
    staff_emails = [SME_EMAIL, SME_ADMIN_EMAIL]

    page.goto(f"{site}/en/")
    page.get_by_role("link", name="Browse the published good practices").click()
    expect(page).to_have_url(f"{site}/en/practices/")
    expect(page.get_by_role("heading", level=1, name="Good practices")).to_be_visible()
    expect(status(page, "4 practices found.")).to_be_visible()
    axe_check(page, "practice-list")

    filters = page.get_by_role("search")
    filters.get_by_label("Country").select_option(label="France (3)")
    filters.get_by_label("Audience").select_option(label="ICT specialists (3)")
    filters.get_by_role("button", name="Show practices").click()
    expect(status(page, "2 practices found.")).to_be_visible()
    expect(filters.get_by_label("Country")).to_have_value("FR")
    axe_check(page, "practice-list-filtered")

    filters.get_by_label("Search").fill("cybersecurity")
    filters.get_by_role("button", name="Show practices").click()
    expect(status(page, "1 practice found.")).to_be_visible()
    results = page.get_by_role("region", name="Results")
    expect(results.get_by_role("article")).to_have_count(1)
    for decoy in decoys:
        expect(results.get_by_role("link", name=decoy.title)).to_have_count(0)
    axe_check(page, "practice-list-searched")

    results.get_by_role("link", name=wanted.title).click()
    expect(page).to_have_url(f"{site}/en/practices/{wanted.slug}/")
    expect(page.get_by_role("heading", level=1, name=wanted.title)).to_be_visible()
    facts = page.get_by_role("complementary", name="At a glance")
    expect(facts).to_contain_text(SME_NAME)
    expect(page.get_by_role("heading", level=2, name=f"Write to {SME_NAME}")).to_be_visible()
    axe_check(page, "practice-detail")

    html = page.content()
    for address in staff_emails:
        assert address not in html, f"{address} is shown on the public page"
    # no address to write to: the only mailto: link is "Share by email", with none (#15)
    assert re.findall(r"mailto:[^?]", html) == []
    assert csp_violations == [], csp_violations


# ---------------------------------------------------------------------------------------------
# 4. On a phone: the results first, the filters behind "Filters" (issue #15)
# ---------------------------------------------------------------------------------------------
PHONE = {"width": 390, "height": 844}


def test_visitor_on_a_phone_opens_the_filters_filters_and_opens_a_practice(
    page, site, axe_check, csp_violations, call, sme
):
    organisation, _member = sme
    wanted = PublishedPracticeFactory(
        call=call, organisation=organisation, title="Saturday cybersecurity escape game"
    )
    german_sme = OrganisationFactory(name="Werkstatt Nord GmbH", country="DE")
    other = PublishedPracticeFactory(
        call=call, organisation=german_sme, title="Cloud certification path"
    )
    page.set_viewport_size(PHONE)
    width = "() => document.documentElement.scrollWidth"

    page.goto(f"{site}/en/practices/")
    results = page.get_by_role("region", name="Results")
    filters_button = page.locator("summary").filter(has_text=re.compile(r"^Filters"))
    country = page.get_by_role("search").get_by_label("Country")
    expect(status(page, "2 practices found.")).to_be_visible()
    expect(filters_button).to_have_text("Filters")
    expect(country).to_be_hidden()  # behind the button...
    expect(results.get_by_role("link", name=other.title)).to_be_visible()
    assert results.bounding_box()["y"] < PHONE["height"] / 2  # ...and the results come first
    assert page.evaluate(width) <= PHONE["width"]
    axe_check(page, "phone-practice-list")

    filters_button.click()
    expect(country).to_be_visible()
    axe_check(page, "phone-practice-list-filters-open")
    country.select_option(label="France (1)")
    page.get_by_role("search").get_by_role("button", name="Show practices").click()

    expect(status(page, "1 practice found.")).to_be_visible()
    expect(filters_button).to_have_text("Filters (1 in use)")
    expect(country).to_be_hidden()  # the results first again
    expect(results.get_by_role("link", name=other.title)).to_have_count(0)
    results.get_by_role("link", name=wanted.title).click()
    expect(page).to_have_url(f"{site}/en/practices/{wanted.slug}/")
    expect(page.get_by_role("heading", level=1, name=wanted.title)).to_be_visible()
    assert page.evaluate(width) <= PHONE["width"]
    assert csp_violations == [], csp_violations


# ---------------------------------------------------------------------------------------------
# 4. A visitor shares it (#15)
# ---------------------------------------------------------------------------------------------
def test_visitor_copies_the_link_to_a_practice(page, site, axe_check, csp_violations, call, sme):
    organisation, _member = sme
    PublishedPracticeFactory(
        call=call,
        organisation=organisation,
        title="Cafés & Łódź: learning together",
        slug="cafes-lodz",
    )
    url = f"{site}/en/practices/cafes-lodz/"
    page.context.grant_permissions(["clipboard-write"], origin=site)

    page.goto(url)
    share = page.get_by_role("region", name="Share this practice")
    expect(share.get_by_role("link", name="Share on LinkedIn")).to_have_attribute(
        "href", re.compile(r"^https://www\.linkedin\.com/sharing/share-offsite/\?url=http")
    )
    expect(share.get_by_role("textbox", name="Link to this practice")).to_have_value(url)
    copy = share.get_by_role("button", name="Copy link")
    copy.focus()
    page.keyboard.press("Enter")

    expect(share.get_by_role("status")).to_have_text("Link copied")
    axe_check(page, "practice-detail-link-copied")
    # the page's JSON-LD is a data block: no Content-Security-Policy violation
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert csp_violations == [], csp_violations
