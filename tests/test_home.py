"""The home page, the calls page and the public page on mentoring, from the outside."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from matching.enums import PartnershipState
from tests.factories import CallFactory, OrganisationFactory, PledgeFactory, PracticeFactory
from tests.matching.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def figure(html: str, label: str) -> int:
    """The number shown beside a figure's label on the home page."""
    found = re.search(
        r'home-figure-number">(\d+)</span> <span class="home-figure-label">\s*' + label, html
    )
    assert found, f"no figure labelled {label!r}"
    return int(found.group(1))


def test_home_shows_the_programme_figures_as_counted(client):
    fr, de = OrganisationFactory(country="FR"), OrganisationFactory(country="DE")
    for organisation in (fr, fr, de):
        PracticeFactory(organisation=organisation, state="published", published_at=timezone.now())
    PracticeFactory(organisation=OrganisationFactory(country="IT"), state="submitted")
    active = PartnershipFactory(state=PartnershipState.ACTIVE)
    PartnershipFactory(state=PartnershipState.COMPLETED, needs=active.needs)  # same SME
    PartnershipFactory(state=PartnershipState.ENDED_EARLY)

    html = client.get("/en/").content.decode()

    assert figure(html, "good practices published") == 3
    assert figure(html, "countries") == 2
    assert figure(html, "SME supported by a mentor") == 1
    assert figure(html, "compan") == 0


def test_home_counts_companies_with_a_public_pledge_once(client):
    company = OrganisationFactory(kind="large_company", size_band="large")
    PledgeFactory(company=company, state="approved", is_public=True)
    PledgeFactory(state="submitted", is_public=True)

    html = client.get("/en/").content.decode()

    assert figure(html, "company pledging") == 1


def test_home_shows_the_latest_practices_first_and_the_open_call(client):
    call = CallFactory(title="Upskilling in the open", closes_at=timezone.now() + timedelta(days=9))
    now = timezone.now()
    for days, title in ((30, "Oldest practice"), (3, "Newer practice"), (1, "Newest practice"),
                        (10, "Middle practice")):  # fmt: skip
        PracticeFactory(title=title, state="published", published_at=now - timedelta(days=days))

    html = client.get("/en/").content.decode()

    latest = html[html.index('id="latest-heading"') :]
    shown = re.findall(r'practice-\d+-title"><a href="[^"]+">([^<]+)</a>', latest)
    assert shown == ["Newest practice", "Newer practice", "Middle practice"]
    assert call.title in html and "Closes in" in html


def test_home_offers_a_way_in_for_each_kind_of_visitor(client):
    html = client.get("/fr/").content.decode()

    for href in ("/fr/mentoring/how-it-works/", "/fr/pledges/", "/fr/practices/"):
        assert f'href="{href}"' in html


def test_calls_page_lists_open_and_past_listed_calls_only(client):
    now = timezone.now()
    CallFactory(title="Open call", closes_at=now + timedelta(days=5))
    CallFactory(
        title="Past call", opens_at=now - timedelta(days=90), closes_at=now - timedelta(days=30)
    )
    CallFactory(title="Hidden call", is_listed=False, closes_at=now + timedelta(days=5))

    html = client.get("/en/calls/").content.decode()

    open_part, past_part = html.split('id="past-heading"')
    assert "Open call" in open_part and "Past call" in past_part
    assert "Open call" not in past_part and "Hidden call" not in html


def test_main_menu_leads_to_practices_calls_events_pledges_and_mentoring(client):
    html = client.get("/de/calls/").content.decode()
    menu = html[html.index('id="main-nav"') : html.index("language-switcher")]

    link = r'<a class="nav-link" href="([^"]+)"( aria-current="page")?>([^<]+)</a>'
    links = re.findall(link, menu)
    assert [(href, text) for href, _current, text in links][:5] == [
        ("/de/practices/", "Gute Praxisbeispiele"),
        ("/de/calls/", "Aufrufe"),
        ("/de/events/", "Veranstaltungen"),
        ("/de/pledges/", "Zusagen"),
        ("/de/mentoring/how-it-works/", "Mentoring"),
    ]
    assert [text for _href, current, text in links if current] == ["Aufrufe"]


def test_how_mentoring_works_is_public_and_translated(client):
    response = client.get("/fr/mentoring/how-it-works/")

    assert response.status_code == 200
    assert "<h1>Comment fonctionne le mentorat</h1>" in response.content.decode()
