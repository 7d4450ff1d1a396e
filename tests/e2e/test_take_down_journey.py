"""Browser journey of a practice taken down by its SME (#15): the SME's administrator confirms
on a page, the practice is gone for a visitor from the list, its page, search, the feed and the
sitemap at once, the coordinators are emailed; with a new consent it is back. Real SMTP to the
harness's sink; axe on every page and state visited; no Content-Security-Policy violation."""

import pytest
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS
from tests.e2e.helpers import log_in, mail_about, status
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PublishedPracticeFactory,
    UserFactory,
)

SME_NAME = "Atelier Boréal SARL"
SME_ADMIN_EMAIL = "paul.girard@atelier-boreal.example.eu"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
TITLE = "Zeppelin learning lunches"
OTHER_TITLE = "Cloud certification path"


@pytest.fixture
def published(transactional_db):
    """The SME's published practice (and another SME's), an SME admin and a coordinator."""
    call = CallFactory(slug="digital-skillup-2021")
    sme = OrganisationFactory(name=SME_NAME, country="FR")
    MembershipFactory(
        organisation=sme,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=SME_ADMIN_EMAIL, full_name="Paul Girard"),
    )
    UserFactory(
        email=COORDINATOR_EMAIL, full_name="Carla Coordinator", is_staff=True, groups=[COORDINATORS]
    )
    PublishedPracticeFactory(
        call=call, organisation=OrganisationFactory(name="Werkstatt Nord GmbH", country="DE"),
        title=OTHER_TITLE, public_title=OTHER_TITLE,
    )  # fmt: skip
    return PublishedPracticeFactory(
        call=call, organisation=sme, title=TITLE, public_title=TITLE, slug="zeppelin-lunches"
    )


def where_it_shows(visitor, site: str, practice) -> dict[str, bool]:
    """Whether a visitor finds the practice in each public place (its title on the pages and
    in the feed, its address in the sitemap)."""
    found = {}
    for name, path in (
        ("list", "/en/practices/"),
        ("search", "/en/practices/?q=zeppelin"),
        ("page", f"/en/practices/{practice.slug}/"),
        ("feed", "/en/practices/feed/"),
    ):
        visitor.goto(f"{site}{path}")
        found[name] = TITLE in visitor.content()
    sitemap = visitor.request.get(f"{site}/sitemap-practices.xml").text()
    found["sitemap"] = f"/en/practices/{practice.slug}/" in sitemap
    return found


def test_sme_takes_its_practice_down_and_it_is_gone_everywhere_then_back(
    page, site, smtp_sink, axe_check, csp_violations, new_person, published
):
    visitor, visitor_csp = new_person()
    everywhere = dict.fromkeys(("list", "search", "page", "feed", "sitemap"), True)
    assert where_it_shows(visitor, site, published) == everywhere

    # --- The SME's administrator takes it down, after a confirmation ------------------------
    page.goto(f"{site}/en/")
    log_in(page, SME_ADMIN_EMAIL)
    page.goto(f"{site}/en/dashboard/")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_text("State: Published")).to_be_visible()
    page.get_by_role("link", name="Take it off the public site").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("off the public site")
    axe_check(page, "practice-take-down-confirm")
    page.get_by_label("Why are you taking it down?").fill("Our training has changed.")
    page.get_by_role("button", name="Take it off the public site").click()
    expect(status(page, "is off the public site")).to_be_visible()
    expect(page.get_by_text("State: Taken down")).to_be_visible()
    axe_check(page, "practice-taken-down")

    # --- Gone for the visitor at once; the coordinators hear of it --------------------------
    assert where_it_shows(visitor, site, published) == dict.fromkeys(everywhere, False)
    visitor.goto(f"{site}/en/practices/{published.slug}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "This practice is no longer published"
    )
    axe_check(visitor, "practice-gone")
    visitor.goto(f"{site}/en/practices/")
    expect(visitor.get_by_role("link", name=OTHER_TITLE)).to_be_visible()  # the rest stays
    told = mail_about(smtp_sink, COORDINATOR_EMAIL, "off the public site")
    text = smtp_sink.text_of(told)
    assert "Our training has changed." in text and "Paul Girard" in text, text

    # --- Published again with a new consent ---------------------------------------------------
    page.get_by_role("link", name="Publish it again").click()
    axe_check(page, "practice-publish-again")
    page.get_by_role("button", name="Publish it again").click()
    consent = page.get_by_label("We consent to the publication")
    expect(consent).to_have_attribute("aria-invalid", "true")  # not without the consent
    axe_check(page, "practice-publish-again-without-consent")
    consent.check()
    page.get_by_role("button", name="Publish it again").click()
    expect(status(page, "is published again")).to_be_visible()
    assert where_it_shows(visitor, site, published) == everywhere

    assert csp_violations == [], csp_violations
    assert visitor_csp == [], visitor_csp
