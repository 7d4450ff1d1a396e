"""Browser journey of the review workspace (issue #14): a reviewer logs in with their second
factor, scores the three practices assigned to them with "Save and next" from the keyboard
alone, then shortlists one from the list; axe on the review page and the list."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import REVIEWERS
from practices.enums import PracticeState
from practices.models import Practice, PracticeTransition, Review, ReviewAssignment
from tests.e2e.helpers import admin_bulk_action, admin_row, staff_log_in
from tests.factories import CallFactory, OrganisationFactory, PracticeFactory, UserFactory

REVIEWER_EMAIL = "rui.reviewer@skillup.example.eu"
TITLES = [
    "Lunchtime robotics club",
    "Spreadsheet Fridays for the office",
    "Cyber-safety drills every quarter",
]
# each practice's scores (innovation, impact, transferability, clarity) and recommendation
SCORES = [(4, 5, 4, 3, "Select"), (2, 3, 2, 4, "Discuss"), (3, 3, 5, 5, "Select")]


@pytest.fixture
def queue(transactional_db):
    """Three submitted practices of three SMEs, assigned to the reviewer in the TITLES order
    (the assignments are the arrange step: the assignment pages are another journey's)."""
    reviewer = UserFactory(
        email=REVIEWER_EMAIL, full_name="Rui Reviewer", is_staff=True, groups=[REVIEWERS]
    )
    call = CallFactory(title="Digital SkillUp 2026")
    start = timezone.now() - timedelta(days=1)
    practices = []
    for index, title in enumerate(TITLES):
        practice = PracticeFactory(
            call=call,
            organisation=OrganisationFactory(name=f"SME {index + 1} SARL", country="FR"),
            title=title,
            state=PracticeState.SUBMITTED,
            submitted_at=start,
        )
        ReviewAssignment.objects.create(
            practice=practice, reviewer=reviewer, created_at=start + timedelta(minutes=index)
        )
        practices.append(practice)
    return reviewer, practices


def press_tab_until(page, predicate: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches the JavaScript `predicate` (given `el`);
    fails after `limit` presses. Keyboard only: no click, no focus() call."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"focus never reached {predicate}")


def focused_outline(page) -> str:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return `${s.outlineStyle} ${s.outlineWidth}`; }"
    )


def score_from_the_keyboard(page, scores) -> None:
    """From the top of the review page: the skip link, then each field by Tab, values typed as
    a keyboard user chooses them in a select, then "Save and next" with Enter."""
    *rubric, recommendation = scores
    press_tab_until(page, "el.getAttribute('href') === '#review-form'")
    assert focused_outline(page).startswith("solid")  # focus is visible
    page.keyboard.press("Enter")
    expect(page.locator("#review-form")).to_be_focused()
    for name, value in zip(
        ("innovation", "impact", "transferability", "clarity"), rubric, strict=True
    ):
        page.keyboard.press("Tab")
        expect(page.locator(f"select[name={name}]")).to_be_focused()
        page.keyboard.type(str(value))  # a focused select picks the option typed
    page.keyboard.press("Tab")
    expect(page.locator("select[name=recommendation]")).to_be_focused()
    page.keyboard.type(recommendation)
    page.keyboard.press("Tab")
    expect(page.locator("textarea[name=comment]")).to_be_focused()
    page.keyboard.type(f"Scored from the keyboard: {recommendation}.")
    page.keyboard.press("Tab")
    save_and_next = page.get_by_role("button", name="Save and next")
    expect(save_and_next).to_be_focused()
    assert focused_outline(page).startswith("solid")
    page.keyboard.press("Enter")


def test_reviewer_scores_three_practices_with_save_and_next_then_shortlists(
    page, site, axe_check_admin, csp_violations, queue
):
    reviewer, _practices = queue

    # --- Logs in with the second factor; the list shows the queue ----------------------------
    staff_log_in(page, site, REVIEWER_EMAIL, axe_check_admin)
    page.goto(f"{site}/admin/practices/practice/")
    expect(admin_row(page, TITLES[0])).to_contain_text("0 / 1")  # one reviewer assigned
    axe_check_admin(page, "review-list-before")
    expect(page.get_by_text("Your queue: 0 of 3 reviewed")).to_be_visible()
    page.get_by_role("link", name="Review the next practice").click()

    # --- Scores the three from the keyboard, "Save and next" each time -----------------------
    for index, (title, scores) in enumerate(zip(TITLES, SCORES, strict=True)):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Your review of “{title}”")
        expect(page.get_by_text(f"Your queue: {index} of 3 reviewed")).to_be_visible()
        expect(page.get_by_role("heading", level=2, name="The practice")).to_be_visible()
        if index == 0:
            axe_check_admin(page, "review-page")
        score_from_the_keyboard(page, scores)
        if index < 2:
            expect(page.locator(".messagelist")).to_contain_text(
                f"Your review of “{title}” is saved. Here is the next practice of your queue."
            )

    # --- The queue is empty: back on the list, with a message --------------------------------
    expect(page).to_have_url(re.compile(r"/admin/practices/practice/$"))
    expect(page.locator(".messagelist")).to_contain_text("No practice is left in your queue")
    expect(page.get_by_text("Your queue is done: 3 of 3 reviewed")).to_be_visible()
    for title in TITLES:
        expect(admin_row(page, title)).to_contain_text("In review")  # the first score did it
        expect(admin_row(page, title)).to_contain_text("1 / 1")
    expect(admin_row(page, TITLES[0])).to_contain_text("4.00")  # their own score: 16 / 4
    axe_check_admin(page, "review-list-after")

    # --- Shortlists one from the list: no "Start review" click needed ------------------------
    admin_bulk_action(page, TITLES[0], "Shortlist")
    expect(page.locator(".messagelist")).to_contain_text("1 practice moved to “Shortlisted”.")
    expect(admin_row(page, TITLES[0])).to_contain_text("Shortlisted")

    # --- What was saved ------------------------------------------------------------------------
    saved = {
        r.practice.title: (r.innovation, r.impact, r.transferability, r.clarity, r.recommendation)
        for r in Review.objects.filter(reviewer=reviewer).select_related("practice")
    }
    assert saved == {
        title: (*rubric, recommendation.lower())
        for title, (*rubric, recommendation) in zip(TITLES, SCORES, strict=True)
    }
    assert list(
        PracticeTransition.objects.filter(to_state=PracticeState.IN_REVIEW)
        .order_by("practice__title")
        .values_list("practice__title", "actor")
    ) == sorted((title, reviewer.pk) for title in TITLES)
    assert Practice.objects.get(title=TITLES[0]).state == PracticeState.SHORTLISTED
    assert csp_violations == []
