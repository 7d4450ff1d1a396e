"""The admin pages staff use, as they look (issue #14, "The admin's look"; docs/admin-look.md).

A reviewer and a coordinator log in with their second factor and open the admin pages they work
on, each at 1366 px and at 390 px wide. On every page: no serious or critical axe violation
(WCAG 2.1 A/AA), no Content-Security-Policy violation or script error, no file from another
site, and no sideways scroll of the page itself (a wide list scrolls inside its own box). The
figures (violations by impact, overflow, bytes of CSS and JS) go to
test-artifacts/admin-look.json: docs/admin-look.md's table comes from them. With
ADMIN_LOOK_SHOTS=<dir>, a full-page screenshot of each page goes there too.

Every finding is collected and the test fails once at the end, listing them all.
"""

import json
import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import COORDINATORS, REVIEWERS
from matching import services as matching_services
from matching.enums import ProposalState
from matching.models import MatchRun
from notifications.models import Notification
from practices.enums import PracticeState
from tests.e2e.conftest import ARTIFACTS_DIR, AXE_BLOCKING_IMPACTS, AXE_TAGS
from tests.e2e.helpers import PASSWORD_LABEL, watch
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
    UserFactory,
    totp_code,
)
from tests.matching.factories import NeedsProfileFactory, ProposalFactory, SkillGapFactory

pytestmark = pytest.mark.e2e

REVIEWER_EMAIL = "rita.reviewer@skillup.example.eu"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
WIDTHS = {"wide": (1366, 768), "phone": (390, 844)}
FIGURES = ARTIFACTS_DIR / "admin-look.json"

MEASURE = """async () => {
  const root = document.documentElement;
  // the page's weight: every stylesheet (with its @imports) and script file it names, fetched
  // again (the resource timings miss what the browser's cache served)
  const css = new Set(), js = new Set();
  const walk = (sheet) => {
    if (sheet.href) css.add(sheet.href);
    try { for (const rule of sheet.cssRules) if (rule.styleSheet) walk(rule.styleSheet); }
    catch (e) { /* a sheet from another site: listed below */ }
  };
  for (const sheet of document.styleSheets) walk(sheet);
  for (const script of document.scripts) if (script.src) js.add(script.src);
  const bytes = async (urls) => {
    let total = 0;
    for (const url of urls) {
      if (new URL(url).origin !== location.origin) continue;
      total += (await (await fetch(url, {cache: "no-store"})).arrayBuffer()).byteLength;
    }
    return total;
  };
  const foreign = [...css, ...js, ...performance.getEntriesByType("resource").map(e => e.name)]
    .filter(url => new URL(url).origin !== location.origin);
  const wider = [];
  if (root.scrollWidth > root.clientWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.right > root.clientWidth + 1 && box.width > 0) {
        let inScroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const style = getComputedStyle(p);
          if (["auto", "scroll", "hidden"].includes(style.overflowX)) { inScroller = true; break; }
        }
        if (!inScroller) {
          wider.push((el.id ? "#" + el.id : el.tagName.toLowerCase()) +
                     (el.className && typeof el.className === "string"
                      ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
                     " right=" + Math.round(box.right));
        }
      }
    }
  }
  return {
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    overflow: root.scrollWidth > root.clientWidth, wider: wider.slice(0, 6),
    css: await bytes(css), js: await bytes(js), files: css.size + js.size, foreign,
  };
}"""


# ---------------------------------------------------------------------------------------------
# What the pages show
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def scene(transactional_db):
    """A call with a submitted practice (long title: lists must cope), a pledge, a mentor and an
    SME's needs with a proposal, a finished matching run, an email in the outbox, and the two
    staff members (each with an authenticator app)."""
    now = timezone.now()
    call = CallFactory(title="Digital SkillUp: SMEs' good practices for upskilling 2026")
    sme = OrganisationFactory(name="Atelier Boréal SARL", country="FR")
    admin = MembershipFactory(organisation=sme, role="admin").user
    practice = PracticeFactory(
        call=call,
        organisation=sme,
        created_by=admin,
        title="Lunchtime robotics club for apprentices and their mentors, every Thursday",
        state=PracticeState.SUBMITTED,
        submitted_at=now,
    )
    company = CompanyFactory(name="Nordlicht Digital SE", country="DE")
    pledge = PledgeFactory(company=company, state="approved", approved_at=now)
    from volunteers.models import ConfidentialityAgreement

    mentor = MentorProfileFactory(
        user=MembershipFactory(organisation=company, role="member").user,
        company=company,
        languages=["en", "fr"],
        countries=["FR"],
        state="approved",
        agreement=ConfidentialityAgreement.objects.current(),
        agreement_accepted_at=now,
        decided_at=now,
    )
    MentorSkillFactory(mentor=mentor, level=4)
    needs = NeedsProfileFactory(organisation=sme, languages=["en", "fr"])
    SkillGapFactory(needs=needs)
    coordinator = UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )
    UserFactory(email=REVIEWER_EMAIL, full_name="Rita Reviewer", is_staff=True, groups=[REVIEWERS])
    run = matching_services.run_execute(MatchRun.objects.create(started_by=coordinator).pk)
    ProposalFactory(
        needs=NeedsProfileFactory(organisation=OrganisationFactory(name="Werkstatt Nord GmbH")),
        mentor=mentor,
        state=ProposalState.PROPOSED,
        expires_at=now + timedelta(days=10),
    )
    Notification.objects.create(
        event="practice_submitted",
        recipient=admin,
        to_email=admin.email,
        language="en",
        idempotency_key="admin-look-1",
        subject="Your practice “Lunchtime robotics club” was received",
        body_text="Thank you.",
    )
    return {"call": call.pk, "practice": practice.pk, "pledge": pledge.pk, "run": run.pk}


def pages_of(scene: dict) -> dict[str, list[tuple[str, str]]]:
    practice = f"/admin/practices/practice/{scene['practice']}"
    return {
        "reviewer": [
            ("admin-index-reviewer", "/admin/"),
            ("practices-list", "/admin/practices/practice/"),
            ("practice-change", f"{practice}/change/"),
            ("practice-review", f"{practice}/review/"),
        ],
        "coordinator": [
            ("admin-index-coordinator", "/admin/"),
            ("calls-list", "/admin/practices/call/"),
            ("call-change", f"/admin/practices/call/{scene['call']}/change/"),
            ("pledges-list", "/admin/volunteers/pledge/"),
            ("pledge-change", f"/admin/volunteers/pledge/{scene['pledge']}/change/"),
            ("proposals-list", "/admin/matching/proposal/"),
            ("runs-list", "/admin/matching/matchrun/"),
            ("run-change", f"/admin/matching/matchrun/{scene['run']}/change/"),
            ("notifications-list", "/admin/notifications/notification/"),
        ],
    }


# ---------------------------------------------------------------------------------------------
# Measuring one page
# ---------------------------------------------------------------------------------------------
def _axe(page, axe_js: str) -> dict:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_js)
    # preload off: axe's CSSOM preload inserts a <style> the CSP blocks (see conftest)
    return page.evaluate(
        """async (tags) => await window.axe.run(document, {
               runOnly: {type: "tag", values: tags}, preload: false})""",
        AXE_TAGS,
    )


@dataclass
class Meter:
    """Measures pages one after another and keeps the figures and the findings."""

    axe_js: str
    figures: dict = field(default_factory=dict)
    findings: list = field(default_factory=list)
    seen: list = field(default_factory=list)  # what `watch` collects for the open context
    counted: int = 0  # how many of `seen` earlier pages took

    def watch(self, page) -> None:
        self.seen, self.counted = watch(page), 0

    def measure(self, page, label: str) -> None:
        """axe, sideways scroll, weight, files from elsewhere and CSP of the page now open."""
        page.wait_for_load_state("load")
        result = _axe(page, self.axe_js)
        size = page.evaluate(MEASURE)
        csp, self.counted = self.seen[self.counted :], len(self.seen)
        by_impact: dict[str, int] = {}
        for violation in result["violations"]:
            impact = violation.get("impact") or "unknown"
            by_impact[impact] = by_impact.get(impact, 0) + len(violation["nodes"])
            if impact in AXE_BLOCKING_IMPACTS:
                targets = " | ".join(
                    ", ".join(map(str, node["target"])) for node in violation["nodes"][:3]
                )
                self.findings.append(f"{label}: axe {impact} {violation['id']} at {targets}")
        self.figures[label] = {
            "url": urlsplit(page.url).path,
            "axe": by_impact,
            "axe_rules": sorted({v["id"] for v in result["violations"]}),
            "overflow": size["overflow"],
            "scroll_width": size["scrollWidth"],
            "client_width": size["clientWidth"],
            "wider": size["wider"],
            "css_bytes": size["css"],
            "js_bytes": size["js"],
            "files": size["files"],
            "csp": len(csp),
            "csp_directives": sorted({v.get("directive", "") for v in csp}),
        }
        if size["overflow"]:
            self.findings.append(
                f"{label}: the page scrolls sideways ({size['scrollWidth']} > "
                f"{size['clientWidth']} px): {', '.join(size['wider'])}"
            )
        if size["foreign"]:
            self.findings.append(f"{label}: files from another site: {size['foreign']}")
        self.findings += [f"{label}: CSP violation or script error: {v}" for v in csp]
        shots = os.environ.get("ADMIN_LOOK_SHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"{label}.png"), full_page=True)


def staff_log_in(page, site: str, email: str, width: str, meter: Meter) -> None:
    """The site's log-in, then the code of the authenticator app: both pages measured."""
    page.goto(f"{site}/admin/")
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    meter.measure(page, f"login-password-{width}")
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("heading", level=1, name="Enter your authenticator code")
    ).to_be_visible()
    meter.measure(page, f"login-code-{width}")
    page.get_by_label(re.compile(r"^\s*Code")).fill(totp_code())
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1, name="Review and coordination")).to_be_visible()


# ---------------------------------------------------------------------------------------------
# The test
# ---------------------------------------------------------------------------------------------
def test_admin_pages_staff_use_pass_axe_csp_and_fit_the_screen(
    browser, browser_context_args, site, scene, _axe_js
):
    meter = Meter(axe_js=_axe_js)
    # the reviewer logs in on a phone, the coordinator on a laptop: both log-in pages at both
    # widths; then each opens their pages at both widths
    for role, email, first_width in (
        ("reviewer", REVIEWER_EMAIL, "phone"),
        ("coordinator", COORDINATOR_EMAIL, "wide"),
    ):
        width, height = WIDTHS[first_width]
        context = browser.new_context(
            **{**browser_context_args, "viewport": {"width": width, "height": height}}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        meter.watch(page)
        try:
            staff_log_in(page, site, email, first_width, meter)
            for name in (first_width, *(w for w in WIDTHS if w != first_width)):
                page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[name], strict=True)))
                for label, path in pages_of(scene)[role]:
                    response = page.goto(f"{site}{path}")
                    if response is None or response.status != 200:
                        status = response.status if response else None
                        meter.findings.append(f"{label}: {path} answered {status}")
                        continue
                    meter.measure(page, f"{label}-{name}")
        finally:
            context.close()

    ARTIFACTS_DIR.mkdir(exist_ok=True)
    FIGURES.write_text(json.dumps(meter.figures, indent=2, sort_keys=True), encoding="utf-8")
    assert len(meter.figures) == 2 * 2 + 2 * (4 + 9), sorted(meter.figures)
    assert meter.findings == [], "\n".join(meter.findings)


def test_run_page_follows_the_run_without_a_reload(
    page, site, scene, csp_violations, axe_check_admin
):
    """A coordinator opens a queued run's page and keeps it open: the status line follows the
    run as the task writes its phase, and the page shows the finished run by itself (before,
    it said "Queued" until someone thought of reloading)."""
    from matching.enums import RunPhase, RunStatus
    from tests.e2e.helpers import staff_log_in as log_in_with_code

    run = MatchRun.objects.create(started_by=None)
    log_in_with_code(page, site, COORDINATOR_EMAIL, axe_check_admin)
    page.goto(f"{site}/admin/matching/matchrun/{run.pk}/change/")
    line = page.get_by_role("status").filter(has_text="Queued")
    expect(line).to_have_text("Queued — Waiting for a worker to start it.")
    axe_check_admin(page, "admin-run-queued")

    MatchRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, phase=RunPhase.SCORE, progress=30
    )
    expect(page.locator("#run-state-text")).to_have_text(
        "Running — Step 2 of 4: Scoring the candidate pairs (30% done).", timeout=10_000
    )
    matching_services.run_execute(run.pk)

    expect(page.locator(".field-status .readonly")).to_have_text("Done", timeout=10_000)
    expect(page.locator("#run-state-text")).to_contain_text("Done — Finished:")
    expect(page.get_by_role("button", name="Stop updating")).to_have_count(0)
    axe_check_admin(page, "admin-run-done-by-itself")
    assert csp_violations == []


def test_run_page_updates_can_be_stopped(page, site, scene, csp_violations, axe_check_admin):
    from matching.enums import RunPhase, RunStatus
    from tests.e2e.helpers import staff_log_in as log_in_with_code

    run = MatchRun.objects.create(started_by=None, status=RunStatus.RUNNING, phase=RunPhase.LOAD)
    log_in_with_code(page, site, COORDINATOR_EMAIL, axe_check_admin)
    page.goto(f"{site}/admin/matching/matchrun/{run.pk}/change/")
    page.get_by_role("button", name="Stop updating").click()

    MatchRun.objects.filter(pk=run.pk).update(phase=RunPhase.SOLVE, progress=60)
    page.wait_for_timeout(4_500)  # longer than one update period

    expect(page.locator("#run-state-text")).to_contain_text("Step 1 of 4")
    page.get_by_role("button", name="Resume updating").click()
    expect(page.locator("#run-state-text")).to_contain_text("Step 3 of 4", timeout=10_000)
    assert csp_violations == []


# the page's tab sent to the background and brought back (as the browser says it to the page)
SET_TAB_HIDDEN = """(hidden) => {
  Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
  Object.defineProperty(document, "visibilityState",
                        {configurable: true, get: () => (hidden ? "hidden" : "visible")});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_run_page_asks_nothing_while_hidden_and_stops_once_logged_out(
    page, site, scene, csp_violations, axe_check_admin
):
    """A coordinator leaves a running run's page open in a background tab, then their session
    ends: the page asks the server nothing while hidden, catches up at once when shown, and once
    logged out stops asking and shows the log-in (before, it re-read the page every 3 s in a
    hidden tab, and the log-in page every 3 s for as long as the tab stayed open)."""
    from matching.enums import RunPhase, RunStatus
    from tests.e2e.helpers import staff_log_in as log_in_with_code

    run = MatchRun.objects.create(started_by=None, status=RunStatus.RUNNING, phase=RunPhase.LOAD)
    log_in_with_code(page, site, COORDINATOR_EMAIL, axe_check_admin)
    run_page = f"{site}/admin/matching/matchrun/{run.pk}/change/"
    page.goto(run_page)
    checks = []
    page.on("request", lambda r: checks.append(r.url) if r.resource_type == "fetch" else None)

    page.evaluate(SET_TAB_HIDDEN, True)
    MatchRun.objects.filter(pk=run.pk).update(phase=RunPhase.SOLVE, progress=60)
    page.wait_for_timeout(4_500)  # longer than one update period
    asked_while_hidden = list(checks)
    page.evaluate(SET_TAB_HIDDEN, False)
    expect(page.locator("#run-state-text")).to_contain_text("Step 3 of 4", timeout=2_000)

    page.context.clear_cookies()  # the session ends (logged out elsewhere, or expired)
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible(timeout=10_000)
    asked_before = len(checks)
    page.wait_for_timeout(4_500)

    assert asked_while_hidden == []
    assert checks[0] == run_page
    assert len(checks) == asked_before  # the log-in page asks nothing
    assert csp_violations == []
