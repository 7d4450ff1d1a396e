"""Browser journeys of the skill gaps in plain words (issue #15): an SME on a 390 px phone finds
three gaps by the words it uses ("spreadsheets", "website", "phishing") with htmx (the page is
never reloaded: results as it types, "Add" swaps the list), chooses their importance and level,
saves them; the page reopens with them and is at most three screens tall. Without JavaScript
the same form works by plain posts, Enter in the search box included. axe on every state; no
Content-Security-Policy violation or script error."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from matching.enums import NeedsStatus
from matching.models import NeedsProfile
from tests.e2e.helpers import log_in, status
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    OrganisationFactory,
    UserFactory,
)
from volunteers.models import ConfidentialityAgreement

SME_NAME = "Brouwerij De Kroon BV"
SME_EMAIL = "femke.peeters@dekroon.example.eu"
COMPANY_NAME = "Nordlicht Digital SE"
PHONE = {"width": 390, "height": 844}
SCREENS_MAX = 3

# (word typed, the plain label picked among the results, importance, target level)
GAPS = [
    ("spreadsheets", "Organising data and spreadsheets", "3", "2"),
    ("website", "Building websites and applications", "2", "3"),
    ("phishing", "Protecting computers and phones", "2", "2"),
]
# the same competences by framework and code
SAVED = [("digcomp", "1.3", 3, 2), ("digcomp", "4.1", 2, 2), ("ecf", "B.1", 2, 3)]


@pytest.fixture
def sme(transactional_db):
    organisation = OrganisationFactory(name=SME_NAME, country="BE", sector="C")
    MembershipFactory(
        organisation=organisation,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=SME_EMAIL, full_name="Femke Peeters"),
    )
    # a company with an approved mentor (offered to exclude) and one without (not offered)
    MentorProfileFactory(
        company=CompanyFactory(name=COMPANY_NAME, country="DE"),
        state="approved",
        agreement=ConfidentialityAgreement.objects.current(),
        agreement_accepted_at=timezone.now(),
    )
    CompanyFactory(name="Without Mentors AG", country="AT")
    return organisation


def gap_group(page, label: str):
    return page.get_by_role("group", name=label)


def test_sme_on_a_phone_finds_three_gaps_by_plain_words_with_htmx_and_saves_them(
    page, site, axe_check, csp_violations, sme
):
    page.goto(f"{site}/en/accounts/login/")
    log_in(page, SME_EMAIL)  # on a wide screen: the helper reads the menu's "Log out"
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/en/organisations/{sme.pk}/needs/")
    expect(page.get_by_text("No skill gap chosen yet")).to_be_visible()
    axe_check(page, "needs-gaps-new-phone")
    # from here on the page must never reload: htmx swaps parts of it
    page.evaluate("window.__samePage = true")

    page.get_by_label("Region or city (optional)").fill("Flanders")
    for word, label, importance, target in GAPS:
        box = page.get_by_role("searchbox", name="Search skills by a word you use")
        box.fill(word)
        if word == "website":
            box.press("Enter")  # searches in place: no reload, no gap removed
        add = page.get_by_role("button", name=f"Add {label}")
        expect(add).to_be_visible()  # the results came as the person typed
        if word == "spreadsheets":
            axe_check(page, "needs-gaps-results-phone")
        add.click()

        gap = gap_group(page, label)
        expect(gap.get_by_label("Importance")).to_be_focused()
        expect(page.get_by_role("status").filter(has_text=f"Added “{label}”")).to_be_visible()
        gap.get_by_label("Importance").select_option(importance)
        gap.get_by_label("Target level").select_option(target)

    expect(page.get_by_role("button", name="In your list")).to_have_count(0)
    expect(page.get_by_text("In your list")).to_be_visible()  # the last one, in the results
    assert page.evaluate("window.__samePage === true"), "the page reloaded"
    expect(page.get_by_label("Region or city (optional)")).to_have_value("Flanders")
    axe_check(page, "needs-gaps-three-chosen-phone")

    page.get_by_role("radio", name="Looking for a mentor").check()
    page.get_by_role("checkbox", name="English", exact=True).check()
    page.get_by_role("button", name="Save your needs").click()

    expect(page).to_have_url(f"{site}/en/mentoring/")
    expect(status(page, f"The needs of {SME_NAME} are saved.")).to_be_visible()
    needs = NeedsProfile.objects.get(organisation=sme)
    assert needs.status == NeedsStatus.ACTIVE
    assert needs.region == "Flanders"
    assert sorted(
        needs.gaps.values_list("skill__framework__key", "skill__code", "importance", "target_level")
    ) == sorted(SAVED)

    # the page reopens with the three gaps, at most three phone screens tall
    page.goto(f"{site}/en/organisations/{sme.pk}/needs/")
    for _word, label, importance, target in GAPS:
        expect(gap_group(page, label).get_by_label("Importance")).to_have_value(importance)
        expect(gap_group(page, label).get_by_label("Target level")).to_have_value(target)
    expect(page.get_by_role("checkbox", name=COMPANY_NAME)).to_be_visible()
    expect(page.get_by_role("checkbox", name="Without Mentors AG")).to_have_count(0)
    height, width = page.evaluate(
        "[document.documentElement.scrollHeight, document.documentElement.scrollWidth]"
    )
    assert height <= SCREENS_MAX * PHONE["height"], f"{height} px tall on a phone"
    assert width <= PHONE["width"], f"{width} px wide: the page scrolls sideways"
    axe_check(page, "needs-gaps-reopened-phone")

    # remove one with htmx: gone from the list, focus on the list, not saved until "Save"
    gap_group(page, GAPS[1][1]).get_by_role("button", name=f"Remove {GAPS[1][1]}").click()
    expect(gap_group(page, GAPS[1][1])).to_have_count(0)
    expect(page.locator("#gap-list-heading")).to_be_focused()
    assert needs.gaps.count() == 3

    assert csp_violations == []


def test_sme_without_javascript_adds_gaps_by_plain_posts(browser, browser_context_args, site, sme):
    context = browser.new_context(**{**browser_context_args, "java_script_enabled": False})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{site}/en/accounts/login/")
        log_in(page, SME_EMAIL)
        page.goto(f"{site}/en/organisations/{sme.pk}/needs/")
        page.get_by_label("Region or city (optional)").fill("Flanders")

        # Enter in the search box searches (never presses a "Remove")
        box = page.get_by_role("searchbox", name="Search skills by a word you use")
        box.fill("cloud")
        box.press("Enter")
        page.get_by_role("button", name="Add Cloud computing").click()
        gap = gap_group(page, "Cloud computing")
        expect(gap.get_by_label("Importance")).to_be_focused()
        gap.get_by_label("Importance").select_option("3")
        gap.get_by_label("Target level").select_option("2")

        box = page.get_by_role("searchbox", name="Search skills by a word you use")
        box.fill("phishing")
        box.press("Enter")
        expect(gap_group(page, "Cloud computing")).to_be_visible()
        expect(gap.get_by_label("Importance")).to_have_value("3")
        page.get_by_role("button", name="Add Cybersecurity").click()
        gap_group(page, "Cybersecurity").get_by_label("Importance").select_option("1")
        gap_group(page, "Cybersecurity").get_by_label("Target level").select_option("1")
        expect(page.get_by_label("Region or city (optional)")).to_have_value("Flanders")
        page.get_by_role("button", name="Save your needs").click()

        expect(page).to_have_url(f"{site}/en/mentoring/")
        needs = NeedsProfile.objects.get(organisation=sme)
        assert needs.region == "Flanders"
        assert sorted(needs.gaps.values_list("skill__code", "importance", "target_level")) == [
            ("CLOUD", 3, 2),
            ("CYBER", 1, 1),
        ]
    finally:
        context.close()
