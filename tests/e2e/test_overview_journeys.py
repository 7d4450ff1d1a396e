"""Browser journey of the programme overview (issue #14): a coordinator logs in with their second
factor, reads the overview on the admin's home page (charts and their tables), opens a folded
table, and downloads one figure as CSV; axe on the page, no CSP violation."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import COORDINATORS, REVIEWERS
from practices.enums import PracticeState
from practices.models import ReviewAssignment
from tests.e2e.helpers import staff_log_in
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)

COORDINATOR_EMAIL = "cora.coordinator@skillup.example.eu"


@pytest.fixture
def programme(transactional_db):
    """A coordinator; an open call with four submissions from three countries, two reviewers
    (one assigned two practices and done with one)."""
    UserFactory(
        email=COORDINATOR_EMAIL,
        full_name="Cora Coordinator",
        is_staff=True,
        groups=[COORDINATORS],
    )
    call = CallFactory(
        title="Digital SkillUp 2026",
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() + timedelta(days=12),
    )
    practices = [
        PracticeFactory(
            call=call,
            organisation=OrganisationFactory(name=f"SME {n} SARL", country=country),
            state=PracticeState.SUBMITTED,
            submitted_at=timezone.now() - timedelta(days=n),
        )
        for n, country in enumerate(("FR", "FR", "DE", "PT"))
    ]
    rui = UserFactory(full_name="Rui Reviewer", is_staff=True, groups=[REVIEWERS])
    eva = UserFactory(full_name="Eva Reviewer", is_staff=True, groups=[REVIEWERS])
    for practice in practices[:2]:
        ReviewAssignment.objects.create(practice=practice, reviewer=rui)
    ReviewFactory(practice=practices[0], reviewer=rui)
    ReviewFactory(practice=practices[3], reviewer=eva)
    return call


def test_coordinator_reads_the_overview_and_downloads_a_figure(
    page, site, axe_check_admin, csp_violations, programme, tmp_path: Path
):
    staff_log_in(page, site, COORDINATOR_EMAIL, axe_check_admin)

    overview = page.get_by_role("region", name="Programme overview")
    expect(overview).to_be_visible()
    call = overview.get_by_role("region", name="Digital SkillUp 2026")
    expect(call.get_by_text("12 days left")).to_be_visible()
    by_country = call.get_by_role("figure", name="Submissions by country")
    expect(by_country.get_by_role("img", name="Submissions by country")).to_be_visible()
    expect(by_country.get_by_role("row", name="France 2")).to_be_visible()
    reviewers = call.get_by_role("figure", name="Reviews per reviewer")
    expect(reviewers.get_by_role("row", name="Rui Reviewer 2 1 1 0")).to_be_visible()
    expect(reviewers.get_by_role("row", name="Eva Reviewer 0 0 0 1")).to_be_visible()
    # a long table is folded under its chart, and opens
    per_day = call.get_by_role("figure", name="Submissions per day")
    per_day.get_by_text("The table (").click()
    expect(per_day.get_by_role("table")).to_be_visible()
    axe_check_admin(page, "programme-overview")

    with page.expect_download() as download:
        reviewers.get_by_role("link", name="Download “Reviews per reviewer” as CSV").click()
    saved = tmp_path / "reviewers.csv"
    download.value.save_as(saved)

    assert download.value.suggested_filename.startswith(
        f"skillup-{programme.slug}-reviews-per-reviewer-"
    )
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows == [
        ["Reviewer", "Assigned", "Reviewed", "Still to do", "Other reviews"],
        ["Eva Reviewer", "0", "0", "0", "1"],
        ["Rui Reviewer", "2", "1", "1", "0"],
    ]
    assert csp_violations == []
