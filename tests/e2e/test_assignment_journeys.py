"""Browser journey of the assignment of reviewers (issue #14): a coordinator logs in with their
second factor, assigns a whole call automatically from the call list and reads the result (each
reviewer's load, the practice nobody free of conflict can take), then gives one practice to a
reviewer by hand from the practice list; axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import COORDINATORS, REVIEWERS
from practices.enums import PracticeState
from practices.models import ReviewAssignment, ReviewConflict
from tests.e2e.helpers import admin_bulk_action, staff_log_in
from tests.factories import CallFactory, OrganisationFactory, PracticeFactory, UserFactory

COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
CALL_TITLE = "Digital SkillUp 2026"
LONELY = "Robotics for the whole shop floor"


@pytest.fixture
def programme(transactional_db):
    """Five submitted practices in a call asking 2 reviewers each, three reviewers; two of
    them declared a conflict with the same practice, so it can have only one."""
    UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )
    reviewers = [
        UserFactory(full_name=name, is_staff=True, groups=[REVIEWERS])
        for name in ("Ana Kovač", "Bram Peeters", "Chiara Russo")
    ]
    call = CallFactory(title=CALL_TITLE, reviewers_per_practice=2)
    start = timezone.now() - timedelta(days=2)
    titles = [
        "Lunchtime robotics club",
        "Spreadsheet Fridays",
        "Cyber-safety drills",
        "Peer coaching circles",
        LONELY,
    ]
    practices = [
        PracticeFactory(
            call=call,
            organisation=OrganisationFactory(name=f"SME {index + 1} SARL", country="FR"),
            title=title,
            state=PracticeState.SUBMITTED,
            submitted_at=start + timedelta(minutes=index),
        )
        for index, title in enumerate(titles)
    ]
    for reviewer in reviewers[:2]:
        ReviewConflict.objects.create(reviewer=reviewer, practice=practices[-1], reason="Advised")
    return call, reviewers, practices


def test_coordinator_assigns_a_call_automatically_and_reads_the_result(
    page, site, axe_check_admin, csp_violations, programme
):
    call, reviewers, practices = programme
    staff_log_in(page, site, COORDINATOR_EMAIL, axe_check_admin)

    page.goto(f"{site}/admin/practices/call/")
    axe_check_admin(page, "call-list")
    admin_bulk_action(page, CALL_TITLE, "Assign reviewers automatically (top up)")

    expect(
        page.get_by_role("heading", level=1, name=f"Reviewers of “{CALL_TITLE}”")
    ).to_be_visible()
    expect(page.get_by_text(f"{CALL_TITLE}: 9 assignments made.")).to_be_visible()
    expect(page.get_by_text(f"“{LONELY}” lacks 1 reviewer")).to_be_visible()
    expect(page.get_by_text("4 of 5 practices have their reviewers.")).to_be_visible()
    loads = page.get_by_role("table", name="Practices of this call each reviewer holds")
    rows = {
        loads.locator("tbody tr").nth(i).locator("th").inner_text(): loads.locator("tbody tr")
        .nth(i)
        .locator("td")
        .first.inner_text()
        for i in range(3)
    }
    assert rows == {"Ana Kovač": "3", "Bram Peeters": "3", "Chiara Russo": "3"}
    lacking = page.get_by_role("table", name="Practices awaiting a decision with fewer")
    expect(lacking.get_by_role("link", name=LONELY)).to_be_visible()
    axe_check_admin(page, "call-reviewers")
    assert ReviewAssignment.objects.filter(practice__call=call).count() == 9

    # running it again changes nothing (a double click, or a second visit)
    page.get_by_role("button", name="Assign automatically (top up)").click()
    expect(page.get_by_text(f"{CALL_TITLE}: 0 assignments made.")).to_be_visible()
    assert ReviewAssignment.objects.filter(practice__call=call).count() == 9

    # by hand: the lonely practice to its only reviewer free of conflict and to a conflicted one
    page.goto(f"{site}/admin/practices/practice/")
    admin_bulk_action(page, LONELY, "Assign to reviewers…")
    expect(page.get_by_role("heading", level=1, name="Assign to reviewers")).to_be_visible()
    axe_check_admin(page, "assign-by-hand")
    page.get_by_role("checkbox", name="Ana Kovač").check()
    page.get_by_role("checkbox", name="Chiara Russo").check()
    page.get_by_role("button", name="Assign").click()

    expect(
        page.get_by_text(f"Ana Kovač has a conflict of interest with “{LONELY}”: not assigned.")
    ).to_be_visible()
    expect(page.get_by_text("1 assignment existed already: kept as it was.")).to_be_visible()
    assert csp_violations == []
    assert len(reviewers) == len(practices) - 2
