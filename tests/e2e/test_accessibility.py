"""axe-core on every page and state of the portal (issue #7, test A-01 of
../shared/reference/reliability-security.md §5.3): public pages, each role's pages, forms empty and
with errors, empty and filtered lists, allauth's pages and the admin pages reviewers and
coordinators use. Zero serious or critical WCAG 2.1 A/AA violation; moderate and minor ones are
printed (and kept in test-artifacts/axe-<case>.json) without failing. In the same visit (issue
#15): the page does not scroll sideways at 360 px, and outside the admin the HTML the server sent
has no error for the Nu HTML Checker (tests/e2e/htmlcheck.py; the HTML in
test-artifacts/html-<case>.html when it has).

One test per page state, so a failure names it. The states only read, or post a form that is
refused (nothing saved), so they share one scene built once per module, one live server and one
logged-in browser context per person: with pytest-django's usual live-server set-up every state
would flush and re-seed the database (about 1.5 s) and log in again (minutes for the file).
Staff log in through the journeys' helper (two-factor authentication included).

Then keyboard-only journeys (A-02): an SME logs in, submits a practice and gets the receipt; a
mentor and the SME accept a proposal. Only Tab, Shift+Tab, Enter, Space and arrows; every focused
element must show a focus indicator, and the first Tab lands on a skip link to <main>. Their
people and writes are their own (nothing the page states show).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS, REVIEWERS
from matching.enums import PartnershipState, ProposalState
from practices.enums import PracticeState
from tests.e2e.conftest import ARTIFACTS_DIR, _safe_name
from tests.e2e.helpers import INTERNAL, PASSWORD_LABEL, log_in, mail_about, staff_log_in, watch
from tests.e2e.htmlcheck import phone_overflow
from tests.factories import (
    PASSWORD,
    CallFactory,
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    MentorSkillFactory,
    OrganisationFactory,
    PledgeFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ReviewFactory,
    UserFactory,
)
from tests.matching.factories import (
    CheckInFactory,
    NeedsProfileFactory,
    PartnershipFactory,
    ProposalFactory,
    SkillGapFactory,
)

SME_NAME = "Atelier Boréal SARL"
SME_EMAIL = "paul.girard@atelier-boreal.example.eu"
COMPANY_NAME = "Nordlicht Digital SE"
SECOND_COMPANY_NAME = "Nordlicht Services GmbH"  # no pledge yet: the empty pledge form
COMPANY_ADMIN_EMAIL = "ingrid.berg@nordlicht.example.eu"
MENTOR_EMAIL = "tomas.novak@nordlicht.example.eu"
REVIEWER_EMAIL = "rita.reviewer@skillup.example.eu"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
NEW_STAFF_EMAIL = "noah.new@skillup.example.eu"  # staff without an authenticator yet
OPEN_CALL = "Digital SkillUp: SMEs' good practices for upskilling"
SUBMITTED_TITLE = "Lunchtime robotics club"
PUBLISHED_TITLE = "Saturday cybersecurity escape game"
# the keyboard-only journeys' own people (their writes touch nothing the page states show)
KB_SME_NAME = "Kelda Näppäin Oy"
KB_SME_EMAIL = "aino.virtanen@kelda.example.eu"
KB_MENTOR_EMAIL = "jonas.keller@nordlicht.example.eu"


# ---------------------------------------------------------------------------------------------
# The scene: everything the pages show, built once per module
# ---------------------------------------------------------------------------------------------
@dataclass
class Scene:
    urls: dict[str, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)


def build_scene() -> Scene:
    from volunteers.models import ConfidentialityAgreement

    now = timezone.now()
    scene = Scene()
    agreement = ConfidentialityAgreement.objects.current()

    # calls: open, upcoming, closed
    open_call = CallFactory(title=OPEN_CALL, slug="digital-skillup-2026")
    upcoming = CallFactory(
        title="Digital SkillUp 2027",
        slug="digital-skillup-2027",
        opens_at=now + timedelta(days=20),
        closes_at=now + timedelta(days=80),
    )
    closed = CallFactory(
        title="Digital SkillUp 2025",
        slug="digital-skillup-2025",
        opens_at=now - timedelta(days=90),
        closes_at=now - timedelta(days=5),
    )

    # an SME (France) whose administrator works on practices and mentoring
    sme = OrganisationFactory(name=SME_NAME, country="FR")
    sme_admin = MembershipFactory(
        organisation=sme,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=SME_EMAIL, full_name="Paul Girard"),
    ).user
    late_draft = PracticeFactory(
        call=closed, organisation=sme, created_by=sme_admin, title="Mentoring apprentices online"
    )
    submitted = PracticeFactory(
        call=open_call,
        organisation=sme,
        created_by=sme_admin,
        title=SUBMITTED_TITLE,
        state=PracticeState.SUBMITTED,
        submitted_at=now,
    )
    german = OrganisationFactory(name="Werkstatt Nord GmbH", country="DE")
    published = PublishedPracticeFactory(
        call=closed,
        organisation=sme,
        created_by=sme_admin,
        title=PUBLISHED_TITLE,
        audience="ict",
    )
    PublishedPracticeFactory(call=closed, organisation=german, title="Cloud certification path")
    PublishedPracticeFactory(
        call=closed, organisation=sme, title="Cybersecurity quiz", audience="other"
    )

    # a large company with an approved pledge, its admin (also admin of a company without a
    # pledge) and an approved mentor
    company = CompanyFactory(name=COMPANY_NAME, country="DE")
    second_company = CompanyFactory(name=SECOND_COMPANY_NAME, country="AT")
    company_admin = UserFactory(email=COMPANY_ADMIN_EMAIL, full_name="Ingrid Berg")
    for organisation in (company, second_company):
        MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN, user=company_admin)
    pledge = PledgeFactory(
        company=company,
        slug="nordlicht-digital-2026",
        countries=["BE", "FR", "DE"],
        state="approved",
        approved_at=now,
    )
    mentor_user = MembershipFactory(
        organisation=company,
        role=MembershipRole.MEMBER,
        user=UserFactory(email=MENTOR_EMAIL, full_name="Tomáš Novák"),
    ).user
    mentor = MentorProfileFactory(
        user=mentor_user,
        company=company,
        languages=["en", "fr"],
        countries=["FR"],
        state="approved",
        agreement=agreement,
        agreement_accepted_at=now,
        decided_at=now,
    )
    MentorSkillFactory(mentor=mentor, level=4)

    # the SME's needs, a partnership with the mentor (an accepted proposal) and a new proposal
    needs = NeedsProfileFactory(organisation=sme, languages=["en", "fr"])
    SkillGapFactory(needs=needs)
    partnership = PartnershipFactory(needs=needs, mentor=mentor, state=PartnershipState.ACTIVE)
    CheckInFactory(partnership=partnership)
    proposal = ProposalFactory(needs=needs, mentor=mentor, state=ProposalState.PROPOSED)

    # the keyboard journeys: another SME and mentor, with a proposal between them
    kb_sme = OrganisationFactory(name=KB_SME_NAME, country="FI")
    MembershipFactory(
        organisation=kb_sme,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=KB_SME_EMAIL, full_name="Aino Virtanen"),
    )
    kb_mentor = MentorProfileFactory(
        user=MembershipFactory(
            organisation=company,
            role=MembershipRole.MEMBER,
            user=UserFactory(email=KB_MENTOR_EMAIL, full_name="Jonas Keller"),
        ).user,
        company=company,
        languages=["en"],
        countries=["FI"],
        state="approved",
        agreement=agreement,
        agreement_accepted_at=now,
        decided_at=now,
    )
    kb_needs = NeedsProfileFactory(organisation=kb_sme, languages=["en"])
    SkillGapFactory(needs=kb_needs)
    kb_proposal = ProposalFactory(needs=kb_needs, mentor=kb_mentor)

    # staff
    reviewer = UserFactory(
        email=REVIEWER_EMAIL, full_name="Rita Reviewer", is_staff=True, groups=[REVIEWERS]
    )
    UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )
    UserFactory(
        email=NEW_STAFF_EMAIL, full_name="Noah New", is_staff=True, groups=[REVIEWERS], totp=False
    )
    ReviewFactory(practice=late_draft, reviewer=reviewer)  # a review listed on a change page
    # --- events (#15): the events the events pages show, here (scene.urls / scene.ids below)
    from practices.models import EventInvitation
    from tests.factories import EventFactory

    forum = EventFactory(
        title="SkillUp Forum: learning at work",
        description="Selected SMEs present how they train their staff.",
        starts_at=now + timedelta(days=20),
        ends_at=now + timedelta(days=20, hours=3),
        place="Brussels",
        online_url="https://meet.example.eu/forum",
    )
    EventInvitation.objects.create(event=forum, practice=published, rsvp="yes")
    EventFactory(title="Webinar in German", starts_at=now + timedelta(days=30), place="",
                 online_url="https://meet.example.eu/webinar", language="de")  # fmt: skip
    EventFactory(title="SkillUp meet-up Lyon", starts_at=now - timedelta(days=30), place="Lyon")
    scene.urls.update(event=forum.get_absolute_url())

    scene.urls.update(
        call_open=open_call.get_absolute_url(),
        call_upcoming=upcoming.get_absolute_url(),
        call_closed=closed.get_absolute_url(),
        practice=published.get_absolute_url(),
        pledge=pledge.get_absolute_url(),
    )
    scene.ids.update(
        sme=sme.pk,
        company=company.pk,
        second_company=second_company.pk,
        late_draft=late_draft.pk,
        submitted=submitted.pk,
        needs=needs.pk,
        proposal=proposal.pk,
        partnership=partnership.pk,
        pledge_id=pledge.pk,
        kb_sme=kb_sme.pk,
        kb_proposal=kb_proposal.pk,
    )
    return scene


@pytest.fixture(scope="module")
def scene(django_db_setup, live_server, django_db_blocker):
    """The scene in the database for this module's tests; at the end the database is flushed and
    re-seeded as after a transactional test."""
    with django_db_blocker.unblock():
        try:
            yield build_scene()
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def _live_server_helper():
    """Replaces pytest-django's helper of the same name for this module: that one gives every
    test using the live server a transactional database, flushed after the test, which would
    remove the scene after the first state. (Using `live_server` is still what tells pytest-django
    to create the test database.)"""
    yield


@pytest.fixture(autouse=True)
def _database_open_to_the_live_server(django_db_blocker):
    """The live server thread reads and writes (sessions) the database while the test runs."""
    with django_db_blocker.unblock():
        yield


class People:
    """One browser context per person, logged in on first use and kept for the module."""

    def __init__(self, browser, context_args, site: str) -> None:
        self.browser = browser
        self.context_args = context_args
        self.site = site
        self.pages: dict[str, object] = {}
        self.csp: dict[str, list[dict]] = {}
        self.documents: dict[str, object] = {}  # each page's last document response

    def fresh(self, name: str):
        context = self.browser.new_context(**self.context_args)
        page = context.new_page()
        page.set_default_timeout(15_000)
        self.pages[name] = page
        self.csp[name] = watch(page)

        def keep_document(response) -> None:
            if response.request.resource_type == "document" and response.frame == page.main_frame:
                self.documents[name] = response

        page.on("response", keep_document)
        return page

    def html_of(self, page) -> bytes:
        """The HTML of the page shown, as the server sent it (not the DOM serialised)."""
        response = self.documents.get(_role_key(self, page))
        shown = page.url.split("#")[0]
        assert response is not None and response.url == shown, f"no document kept for {shown}"
        return response.body()

    def page_of(self, role: str, axe_admin):
        if role in self.pages:
            return self.pages[role]
        page = self.fresh(role)
        email = {
            "sme": SME_EMAIL,
            "company": COMPANY_ADMIN_EMAIL,
            "mentor": MENTOR_EMAIL,
            "reviewer": REVIEWER_EMAIL,
            "coordinator": COORDINATOR_EMAIL,
        }.get(role)
        if role in ("reviewer", "coordinator"):
            staff_log_in(page, self.site, email, axe_admin)  # the journeys' helper
        elif email:
            page.goto(f"{self.site}/en/accounts/login/")
            log_in(page, email)
        return page

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(scope="module")
def people(browser, browser_context_args, live_server, scene):
    crowd = People(browser, browser_context_args, live_server.url)
    yield crowd
    crowd.close()


# ---------------------------------------------------------------------------------------------
# Helpers for the states
# ---------------------------------------------------------------------------------------------
def h1(page, name) -> None:
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def some_field_invalid(page) -> None:
    expect(page.locator('[aria-invalid="true"]').first).to_be_attached()


def admin_error(page) -> None:
    expect(page.locator(".errornote, .errorlist").first).to_be_visible()


def button(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


# ---------------------------------------------------------------------------------------------
# The cases: (id, person, how to reach the state from the base URL)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    id: str
    role: str  # anonymous, sme, company, mentor, reviewer, coordinator; "throwaway": a new one
    reach: Callable  # (page, site, scene) -> None: open the page, bring it to the state, check it
    admin: bool = False


def goto(path: str, heading=None, then: Callable | None = None):
    """Open `path` (formatted with the scene's urls and ids), check the h1, then act."""

    def reach(page, site, scene):
        url = path.format(**scene.urls, **scene.ids)
        page.goto(url if url.startswith("http") else f"{site}{url}")
        if heading is not None:
            h1(page, heading)
        if then is not None:
            then(page)

    return reach


def _login_with_error(page):
    page.get_by_label("Email").fill("nobody@example.eu")
    page.get_by_label(PASSWORD_LABEL).fill("not-the-password")
    button(page, "Log in")
    expect(page.get_by_role("alert").or_(page.locator(".alert-danger")).first).to_be_visible()


def _signup_with_errors(page):
    button(page, "Sign up")
    some_field_invalid(page)


def _reset_with_errors(page):
    page.get_by_label(re.compile("Email")).fill("not-an-address")
    button(page, "Send me the link")
    some_field_invalid(page)


def _mfa_authenticate(page, site, scene):
    page.goto(f"{site}/en/accounts/login/")
    page.get_by_label("Email").fill(REVIEWER_EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    button(page, "Log in")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    expect(page.get_by_label(re.compile("Code"))).to_be_visible()


def _staff_without_mfa_logs_in(page, site) -> None:
    page.goto(f"{site}/en/accounts/login/")
    page.get_by_label("Email").fill(NEW_STAFF_EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    button(page, "Log in")
    # sent to the authenticator's set-up, which asks for the password again first
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    h1(page, "Confirm it is you")


def _mfa_reauthenticate(page, site, scene):
    _staff_without_mfa_logs_in(page, site)


def _mfa_activate(page, site, scene):
    _staff_without_mfa_logs_in(page, site)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    button(page, "Confirm")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))


def _mfa_activate_with_errors(page, site, scene):
    _mfa_activate(page, site, scene)
    page.locator("input[name=code]").fill("000000")
    page.locator("main form").get_by_role("button").last.click()
    some_field_invalid(page)


def _submission_with_errors(page):
    button(page, "Save draft")  # without a title: refused, nothing saved
    some_field_invalid(page)


def _needs_with_errors(page):
    page.get_by_role("radio", name="Looking for a mentor").check()
    stated = page.locator("select[name^='gap_']").evaluate_all(
        "selects => selects.filter(s => s.value).map(s => s.name)"
    )
    for name in stated:  # a target level left without its importance: refused, nothing saved
        page.locator(f"select[name='{name}']").select_option("")
    button(page, "Save your needs")
    expect(page.get_by_role("alert").filter(has_text="Nothing is saved yet")).to_be_visible()


def _pledge_with_errors(page):
    button(page, "Save and send for approval")
    some_field_invalid(page)


def _invite_with_errors(page):
    button(page, "Send the invitation")
    some_field_invalid(page)


def _mentor_profile_with_errors(page):
    page.get_by_label("Capacity").fill("-3")
    button(page, "Save my profile")
    some_field_invalid(page)


def _checkin_with_errors(page):
    button(page, "Record the check-in")
    some_field_invalid(page)


def _contact_with_errors(page):
    page.get_by_role("link", name="Write a message").click()
    page.get_by_role("button", name=re.compile("^Send")).click()
    some_field_invalid(page)


def _review_with_errors(page):
    button(page, "Save my review")
    admin_error(page)


def _open_language_switcher(page):
    page.locator(".language-switcher > summary").click()
    expect(page.get_by_role("link", name="Nederlands")).to_be_visible()


def _admin_search(page):
    page.get_by_role("textbox", name="Search").fill("robotics")
    button(page, "Search")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)


PRACTICES_ADMIN = "/admin/practices/practice/"
CASES = [
    # --- public pages ---------------------------------------------------------------------
    Case("home", "anonymous", goto("/en/", "Digital SkillUp for SMEs")),
    Case("call-open", "anonymous", goto("{call_open}", OPEN_CALL)),
    Case("call-upcoming", "anonymous", goto("{call_upcoming}", "Digital SkillUp 2027")),
    Case("call-closed", "anonymous", goto("{call_closed}", "Digital SkillUp 2025")),
    Case("practice-list", "anonymous", goto("/en/practices/", "Good practices")),
    Case(
        "practice-list-filtered",
        "anonymous",
        goto("/en/practices/?country=FR&audience=ict&q=cybersecurity", "Good practices"),
    ),
    Case(
        "practice-list-empty",
        "anonymous",
        goto("/en/practices/?q=zeppelin+maintenance", "Good practices"),
    ),
    Case(  # PostgreSQL: "Did you mean cybersecurity?" and its results (SQLite: nothing found)
        "practice-list-did-you-mean",
        "anonymous",
        goto("/en/practices/?q=cybersecurty", "Good practices"),
    ),
    Case("practice-detail", "anonymous", goto("{practice}", PUBLISHED_TITLE)),
    Case(
        "practice-contact-with-errors",
        "anonymous",
        goto("{practice}", PUBLISHED_TITLE, _contact_with_errors),
    ),
    Case("pledge-viewer", "anonymous", goto("/en/pledges/", "Pledge Viewer")),
    Case("pledge-viewer-filtered", "anonymous", goto("/en/pledges/?country=FR", "Pledge Viewer")),
    Case("pledge-viewer-empty", "anonymous", goto("/en/pledges/?country=MT", "Pledge Viewer")),
    Case("pledge-detail", "anonymous", goto("{pledge}", f"Pledge of {COMPANY_NAME}")),
    Case("skills", "anonymous", goto("/en/skills/")),
    Case("privacy", "anonymous", goto("/en/privacy/", "Privacy notice")),
    Case(
        "accessibility-statement",
        "anonymous",
        goto("/en/accessibility/", "Accessibility statement"),
    ),
    Case("not-found-404", "anonymous", goto("/en/no-such-page/", "Page not found")),
    Case("forbidden-403", "mentor", goto("/en/organisations/{company}/edit/")),
    # --- allauth -------------------------------------------------------------------------
    Case("login", "throwaway", goto("/en/accounts/login/", "Log in")),
    Case(
        "login-with-errors", "throwaway", goto("/en/accounts/login/", "Log in", _login_with_error)
    ),
    Case("signup", "throwaway", goto("/en/accounts/signup/", "Sign up")),
    Case(
        "signup-with-errors",
        "throwaway",
        goto("/en/accounts/signup/", "Sign up", _signup_with_errors),
    ),
    Case("password-reset", "throwaway", goto("/en/accounts/password/reset/")),
    Case(
        "password-reset-with-errors",
        "throwaway",
        goto("/en/accounts/password/reset/", None, _reset_with_errors),
    ),
    Case("mfa-code-at-login", "throwaway", _mfa_authenticate),
    Case("mfa-set-up-password-again", "throwaway", _mfa_reauthenticate),
    Case("mfa-set-up", "throwaway", _mfa_activate),
    Case("mfa-set-up-with-errors", "throwaway", _mfa_activate_with_errors),
    # --- an SME's administrator ------------------------------------------------------------
    Case("sme-dashboard", "sme", goto("/en/dashboard/")),
    Case("submission-form-new", "sme", goto("{call_open}submit/", "Submit a practice")),
    Case(
        "submission-form-with-errors",
        "sme",
        goto("{call_open}submit/", "Submit a practice", _submission_with_errors),
    ),
    Case("submission-read-only-after-deadline", "sme", goto("/en/submissions/{late_draft}/edit/")),
    Case("submission-detail", "sme", goto("/en/submissions/{submitted}/", SUBMITTED_TITLE)),
    Case(
        "needs-form",
        "sme",
        goto("/en/organisations/{sme}/needs/", f"Mentoring needs of {SME_NAME}"),
    ),
    Case(
        "needs-form-with-errors",
        "sme",
        goto(
            "/en/organisations/{sme}/needs/", f"Mentoring needs of {SME_NAME}", _needs_with_errors
        ),
    ),
    Case("sme-mentoring-home", "sme", goto("/en/mentoring/")),
    Case("sme-proposal", "sme", goto("/en/mentoring/proposals/{proposal}/", "Mentoring proposal")),
    Case("sme-partnership", "sme", goto("/en/mentoring/partnerships/{partnership}/")),
    Case(
        "sme-partnership-checkin-with-errors",
        "sme",
        goto("/en/mentoring/partnerships/{partnership}/", None, _checkin_with_errors),
    ),
    # --- a large company's administrator ----------------------------------------------------
    Case("company-dashboard", "company", goto("/en/dashboard/")),
    Case(
        "company-pledge",
        "company",
        goto("/en/companies/{company}/pledge/", f"Digital Volunteers pledge of {COMPANY_NAME}"),
    ),
    Case(
        "pledge-form-new",
        "company",
        goto("/en/companies/{second_company}/pledge/new/", "Make a pledge"),
    ),
    Case(
        "pledge-form-with-errors",
        "company",
        goto("/en/companies/{second_company}/pledge/new/", "Make a pledge", _pledge_with_errors),
    ),
    Case("mentor-invite", "company", goto("/en/companies/{company}/mentors/invite/")),
    Case(
        "mentor-invite-with-errors",
        "company",
        goto("/en/companies/{company}/mentors/invite/", None, _invite_with_errors),
    ),
    Case("company-outcomes", "company", goto("/en/mentoring/outcomes/")),
    Case("submission-403-not-an-sme", "company", goto("{call_open}submit/")),
    # --- a mentor ---------------------------------------------------------------------------
    Case("mentor-profile", "mentor", goto("/en/mentor/profile/", "Your mentor profile")),
    Case(
        "mentor-profile-with-errors",
        "mentor",
        goto("/en/mentor/profile/", "Your mentor profile", _mentor_profile_with_errors),
    ),
    Case("mentor-mentoring-home", "mentor", goto("/en/mentoring/")),
    Case(
        "mentor-proposal",
        "mentor",
        goto("/en/mentoring/proposals/{proposal}/", "Mentoring proposal"),
    ),
    Case("mentor-partnership", "mentor", goto("/en/mentoring/partnerships/{partnership}/")),
    # --- the admin pages reviewers use --------------------------------------------------------
    Case("admin-index", "reviewer", goto("/admin/", "Review and coordination"), admin=True),
    Case("admin-practice-list", "reviewer", goto(PRACTICES_ADMIN), admin=True),
    Case(
        "admin-practice-list-searched",
        "reviewer",
        goto(PRACTICES_ADMIN, None, _admin_search),
        admin=True,
    ),
    Case(
        "admin-practice-change",
        "reviewer",
        goto(PRACTICES_ADMIN + "{submitted}/change/"),
        admin=True,
    ),
    Case(
        "admin-practice-review",
        "reviewer",
        goto(PRACTICES_ADMIN + "{submitted}/review/"),
        admin=True,
    ),
    Case(
        "admin-practice-review-with-errors",
        "reviewer",
        goto(PRACTICES_ADMIN + "{submitted}/review/", None, _review_with_errors),
        admin=True,
    ),
    # --- …and coordinators ---------------------------------------------------------------------
    Case("admin-pledge-list", "coordinator", goto("/admin/volunteers/pledge/"), admin=True),
    Case(
        "admin-pledge-change",
        "coordinator",
        goto("/admin/volunteers/pledge/{pledge_id}/change/"),
        admin=True,
    ),
    Case("admin-mentor-list", "coordinator", goto("/admin/volunteers/mentorprofile/"), admin=True),
    Case("admin-proposal-list", "coordinator", goto("/admin/matching/proposal/"), admin=True),
    Case(
        "admin-proposal-change",
        "coordinator",
        goto("/admin/matching/proposal/{proposal}/change/"),
        admin=True,
    ),
    Case("admin-run-list", "coordinator", goto("/admin/matching/matchrun/"), admin=True),
    Case(
        "admin-run-add",
        "coordinator",
        goto("/admin/matching/matchrun/add/", "Add matching run"),
        admin=True,
    ),
    Case("admin-needs-list", "coordinator", goto("/admin/matching/needsprofile/"), admin=True),
    Case(
        "admin-needs-change",
        "coordinator",
        goto("/admin/matching/needsprofile/{needs}/change/"),
        admin=True,
    ),
    Case(
        "admin-needs-recommendations",
        "coordinator",
        goto("/admin/matching/needsprofile/{needs}/recommendations/"),
        admin=True,
    ),
    # --- events (#15): add the events pages' cases below this line
    Case("event-list", "anonymous", goto("/en/events/", "Events")),
    Case("event-detail", "anonymous", goto("{event}", "SkillUp Forum: learning at work")),
    # --- share (#15): add the practice page's cases below this line
    # --- dates (#15): add cases below this line
    Case(
        "pledge-form-lists-unfolded",  # the folded lists of the pledge form, opened, one ticked
        "company",
        goto(
            "/en/companies/{second_company}/pledge/new/",
            "Make a pledge",
            lambda page: (
                page.locator("summary", has_text="Choose countries").click(),
                page.locator("summary", has_text="Choose languages").click(),
                page.locator("#div_id_expertise summary").first.click(),
                page.get_by_label("France", exact=True).check(),
            ),
        ),
    ),
    # issue #16, more interface languages: the switcher opened (seven languages), a Polish page
    Case("language-switcher-open", "anonymous", goto("/pl/", then=_open_language_switcher)),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_page_state_has_no_serious_accessibility_violation(
    case, people, site, scene, axe_check, axe_check_admin, html_checker
):
    """axe finds no serious or critical violation; the page does not scroll sideways at 360 px;
    outside the admin, the Nu HTML Checker finds no error in the HTML the server sent."""
    if case.role == "throwaway":
        page = people.fresh(f"{case.id}")
    elif case.role == "anonymous":
        page = people.pages.get("anonymous") or people.fresh("anonymous")
    else:
        page = people.page_of(case.role, axe_check_admin)
    seen_before = len(people.csp[_role_key(people, page)])

    try:
        case.reach(page, site, scene)
        problems = []
        try:
            (axe_check_admin if case.admin else axe_check)(page, case.id)
        except pytest.fail.Exception as failure:  # the page's other problems too, in one run
            problems.append(str(failure))
        # Issue #15: no sideways scroll on a 360-px phone (the admin's wide tables scroll in
        # their own box, never the page) ...
        overflow = phone_overflow(page)
        if overflow:
            problems.append(f"{case.id}: {overflow}")
        # ... and, outside the admin (Django's own markup), the HTML the server sent is valid.
        if not case.admin:
            html = people.html_of(page)
            errors = html_checker.errors(html)
            if errors:
                _save_html(html, case.id)
                problems.append(
                    f"Nu HTML Checker: {len(errors)} error(s) on {case.id} ({page.url}):\n  "
                    + "\n  ".join(errors)
                )
        if problems:
            pytest.fail("\n\n".join(problems), pytrace=False)
    except BaseException:  # pytest.fail's exception included: keep what the page showed
        _save_artifacts(page, case.id)
        raise
    finally:
        if case.role == "throwaway":
            page.context.close()

    new = people.csp[_role_key(people, page)][seen_before:]
    assert new == [], new


def _role_key(people: People, page) -> str:
    return next(name for name, p in people.pages.items() if p is page)


def _save_html(html: bytes, name: str) -> None:
    """The HTML the checker read, as test-artifacts/html-<case>.html (its line numbers)."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / f"html-{_safe_name(name)}.html").write_bytes(html)


def _save_artifacts(page, name: str) -> None:
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    stem = ARTIFACTS_DIR / f"a11y-{_safe_name(name)}"
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(f"<!-- {page.url} -->\n{page.content()}", "utf-8")
    except Exception as exc:  # a crashed page must not hide the test's own failure
        print(f"could not save the artifacts of {name}: {exc}")


# ---------------------------------------------------------------------------------------------
# Keyboard only: Tab / Shift+Tab / Enter / Space / arrows, never the mouse
# ---------------------------------------------------------------------------------------------
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "" && style.boxShadow !== "none";
  const name = (el.getAttribute("aria-label") || el.labels?.[0]?.innerText || el.innerText
                || el.name || el.id || "").trim().slice(0, 60);
  return {tag: el.tagName.toLowerCase(), name, visible: outline || shadow};
}"""


class Keyboard:
    """Moves the focus with the keyboard and remembers every focused element drawn without a
    visible focus indicator (computed outline or box-shadow: WCAG 2.4.7)."""

    def __init__(self, page) -> None:
        self.page = page
        self.invisible: list[str] = []

    def press(self, key: str) -> dict | None:
        self.page.keyboard.press(key)
        focused = self.page.evaluate(FOCUSED)
        if focused is not None and not focused["visible"]:
            self.invisible.append(f"{self.page.url}: <{focused['tag']}> {focused['name']!r}")
        return focused

    def to(self, target, *, backwards: bool = False, limit: int = 150) -> None:
        """Tab (Shift+Tab backwards) until `target` has the focus."""
        for _ in range(limit):
            self.press("Shift+Tab" if backwards else "Tab")
            if target.evaluate("el => el === document.activeElement"):
                return
        pytest.fail(f"{'Shift+Tab' if backwards else 'Tab'} never reached {target}")

    def type_into(self, target, text: str) -> None:
        self.to(target)
        self.page.keyboard.type(text)

    def skip_to_main(self) -> None:
        """The first Tab of a page lands on the skip link; Enter moves the focus to <main>."""
        focused = self.press("Tab")
        assert focused is not None and focused["name"] == "Skip to main content", focused
        assert focused["visible"], "the skip link is not visible when focused"
        self.page.keyboard.press("Enter")
        expect(self.page.locator("main#main")).to_be_focused()

    def log_in(self, email: str) -> None:
        """On the log-in page: the email, the password, Enter."""
        h1(self.page, "Log in")
        self.type_into(self.page.get_by_label("Email"), email)
        self.type_into(self.page.get_by_label(PASSWORD_LABEL), PASSWORD)
        self.page.keyboard.press("Enter")
        expect(main_nav(self.page).get_by_role("link", name="Log out")).to_be_visible()


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def test_keyboard_only_sme_logs_in_submits_a_practice_and_gets_the_receipt(
    page, site, scene, smtp_sink, axe_check, csp_violations
):
    from practices.models import Practice

    keys = Keyboard(page)
    title = "Keyboard shortcuts club"

    # --- The home page: the skip link, then back up to "Log in" with Shift+Tab -------------
    page.goto(f"{site}/en/")
    keys.skip_to_main()
    keys.to(main_nav(page).get_by_role("link", name="Log in"), backwards=True)
    page.keyboard.press("Enter")
    keys.log_in(KB_SME_EMAIL)

    # --- From the menu to the calls, to the open call, to its form ---------------------------
    keys.to(main_nav(page).get_by_role("link", name="Calls"))
    page.keyboard.press("Enter")
    h1(page, "Calls for good practices")
    keys.to(page.get_by_role("link", name=OPEN_CALL).first)
    page.keyboard.press("Enter")
    h1(page, OPEN_CALL)
    keys.to(page.get_by_role("link", name="Submit a practice"))
    page.keyboard.press("Enter")
    h1(page, "Submit a practice")

    # --- The form, field by field -------------------------------------------------------------
    keys.type_into(page.get_by_label("Title of the practice"), title)
    keys.type_into(
        page.get_by_label("Short description"),
        "Every month one colleague teaches the others ten keyboard shortcuts of a tool we use.",
    )
    keys.type_into(
        page.get_by_label("How is online learning integrated into your staff training?"),
        "Short videos chosen by the teacher of the month.",
    )
    keys.type_into(
        page.get_by_label("What methodology do you follow?"), "Show, try, repeat a week later."
    )
    elements_of_ai = page.get_by_role("checkbox", name="Elements of AI")
    keys.to(elements_of_ai)
    page.keyboard.press("Space")
    expect(elements_of_ai).to_be_checked()
    keys.type_into(
        page.get_by_label("How do you encourage your employees to keep learning?"),
        "The best shortcut of the month wins a coffee.",
    )
    # a radio group is one Tab stop: Space picks the focused option, arrows move between them
    keys.to(page.get_by_role("radio").first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    audience = page.evaluate("() => document.activeElement.value")
    expect(page.get_by_role("radio").nth(1)).to_be_checked()
    keys.type_into(page.get_by_label("Employees reached"), "9")
    for checkbox in (
        page.get_by_role("checkbox", name=INTERNAL),
        page.get_by_role("checkbox", name=re.compile("may be published on SkillUp")),
    ):
        keys.to(checkbox)
        page.keyboard.press("Space")
        expect(checkbox).to_be_checked()
    submit = page.get_by_role("button", name="Submit", exact=True)
    keys.to(submit)
    page.keyboard.press("Enter")

    # --- The receipt ---------------------------------------------------------------------------
    expect(page).to_have_url(re.compile(r"/en/submissions/\d+/$"))
    practice = Practice.objects.get(organisation_id=scene.ids["kb_sme"])
    expect(page).to_have_url(f"{site}/en/submissions/{practice.pk}/")
    expect(
        page.get_by_role("status").filter(has_text=f"Your practice “{title}” is submitted.")
    ).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="A receipt is on its way")).to_be_visible()
    axe_check(page, "keyboard-practice-submitted")
    practice.refresh_from_db()
    assert (practice.state, practice.title, practice.audience) == ("submitted", title, audience)
    assert list(practice.tools.values_list("slug", flat=True)) == ["elements-of-ai"]
    receipt = mail_about(smtp_sink, KB_SME_EMAIL, title)
    assert receipt["Subject"].endswith(f"We received your practice “{title}”")
    assert keys.invisible == [], keys.invisible
    assert csp_violations == [], csp_violations


def test_keyboard_only_mentor_and_sme_accept_a_proposal(
    page, site, scene, people, axe_check, csp_violations
):
    from matching.models import Partnership

    proposal_url = f"{site}/en/mentoring/proposals/{scene.ids['kb_proposal']}/"

    # --- The mentor follows the email's link, logs in and accepts -------------------------------
    keys = Keyboard(page)
    page.goto(proposal_url)
    keys.log_in(KB_MENTOR_EMAIL)
    expect(page).to_have_url(proposal_url)
    h1(page, "Mentoring proposal")
    keys.skip_to_main()
    accept = page.get_by_role("button", name="Accept", exact=True)
    keys.to(accept)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="You answered: Accepted.")).to_be_visible()
    axe_check(page, "keyboard-proposal-mentor-accepted")

    # --- The SME: from its dashboard to its mentoring page, to the proposal --------------------
    sme = people.fresh("keyboard-sme")
    sme_keys = Keyboard(sme)
    sme.goto(f"{site}/en/accounts/login/")
    sme_keys.log_in(KB_SME_EMAIL)
    sme_keys.to(sme.get_by_role("link", name="Mentoring: skill gaps, proposals and partnerships"))
    sme.keyboard.press("Enter")
    h1(sme, "Mentoring")
    sme_keys.to(sme.get_by_role("link", name=f"A mentor of {COMPANY_NAME}").first)
    sme.keyboard.press("Enter")
    expect(sme).to_have_url(proposal_url)
    sme_keys.to(sme.get_by_role("button", name="Accept", exact=True))
    sme.keyboard.press("Space")

    expect(
        sme.get_by_role("status").filter(
            has_text="Both sides accepted: your partnership starts now."
        )
    ).to_be_visible()
    axe_check(sme, "keyboard-partnership-started")
    assert Partnership.objects.filter(proposal_id=scene.ids["kb_proposal"]).exists()
    assert keys.invisible == [], keys.invisible
    assert sme_keys.invisible == [], sme_keys.invisible
    assert csp_violations == [], csp_violations
    assert people.csp["keyboard-sme"] == [], people.csp["keyboard-sme"]
