"""Property-based fuzzing of the public list pages' query strings (S-33, R-18).

/practices/ (django-filter facets, keyword search, sort, page) and /pledges/ (the Pledge
Viewer's filters, search, page) take whatever a visitor types or pastes in the address bar:
any value for the real parameters, repeated keys, junk keys, broken percent-encoding. Each
answers without a server error, changes nothing, and never echoes a script unescaped.
"""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.enums import SME_SIZE_BANDS, EuEeaCountries, NaceSection
from accounts.models import Organisation
from practices.enums import Audience
from practices.filters import SORT_CHOICES
from practices.models import Practice, Topic, TrainingTool
from practices.taxonomy import TOOLS, TOPICS
from tests.factories import (
    CallFactory,
    CompanyFactory,
    OrganisationFactory,
    PledgeFactory,
    PublishedPracticeFactory,
)
from tests.fuzz.strategies import (
    XSS_PAYLOADS,
    assert_escaped,
    assert_no_server_error,
    fresh_example,
    fuzz_settings,
    query_data,
    raw_query,
    snapshot,
)
from volunteers.enums import Language, PledgePhase
from volunteers.models import Pledge

pytestmark = pytest.mark.django_db

PRACTICES_URL = "/en/practices/"
PLEDGES_URL = "/en/pledges/"
CALL_SLUG = "fuzz-call"

COUNTRIES = [code for code, _name in EuEeaCountries()]
year = st.integers(min_value=1990, max_value=2110).map(str)
page = st.one_of(st.integers(min_value=-3, max_value=5).map(str), st.sampled_from(["last", ""]))

PRACTICE_PARAMS = {
    "q": st.one_of(st.sampled_from(["learning", "Friday hour", "AI -cloud", '"exact', "or"]),
                   st.sampled_from(XSS_PAYLOADS)),
    "country": st.sampled_from(COUNTRIES),
    "sector": st.sampled_from(NaceSection.values),
    "size": st.sampled_from([band.value for band in SME_SIZE_BANDS]),
    "audience": st.sampled_from(Audience.values),
    "topic": st.sampled_from([slug for slug, _name in TOPICS]),
    "tool": st.sampled_from([slug for slug, *_rest in TOOLS]),
    "call": st.just(CALL_SLUG),
    "year": year,
    "sort": st.sampled_from([value for value, _label in SORT_CHOICES]),
    "page": page,
}  # fmt: skip

PLEDGE_PARAMS = {
    "q": st.sampled_from(["data", "Big Digital", "cloud skills", *XSS_PAYLOADS]),
    "country": st.sampled_from(COUNTRIES),
    "expertise": st.integers(min_value=1, max_value=400).map(str),
    "language": st.sampled_from(Language.values),
    "company": st.integers(min_value=1, max_value=50).map(str),
    "status": st.sampled_from([value for value, _label in PledgePhase.choices]),
    "page": page,
}

# What a GET must never change.
WATCHED = (Practice, Pledge, Organisation, Topic, TrainingTool)


@pytest.fixture
def catalogue(db):
    """A few published practices over two countries, topics and tools, and two public pledges."""
    call = CallFactory(slug=CALL_SLUG)
    for index, country in enumerate(["FR", "DE", "FR"]):
        practice = PublishedPracticeFactory(
            call=call,
            organisation=OrganisationFactory(country=country, sector="C"),
            title=f"Friday learning hour {index}",
        )
        practice.topics.set(Topic.objects.order_by("pk")[index : index + 2])
    for name in ("Big Digital SE", "Cloud Skills AG"):
        PledgeFactory(company=CompanyFactory(name=name), state="approved", is_public=True)


def get_and_check(client, url: str, data=None):
    before = snapshot(*WATCHED)

    response = client.get(url, data)

    assert_no_server_error(response)
    assert snapshot(*WATCHED) == before
    return response


# --------------------------------------------------------------------------------------------
# /practices/
# --------------------------------------------------------------------------------------------
@fuzz_settings(max_examples=60)
@given(query=query_data(PRACTICE_PARAMS))
@example(query={"q": "\x00"})
@example(query={"q": "learning\x00", "sort": "relevance"})
@example(query={"year": "99999999999999999999", "page": "-1"})
@example(query={"topic": ["cloud", "cloud", "\x00"], "country": ["FR", "XX"]})
@example(query={"q": "x" * 5000, "sort": "title", "page": "9999"})
def test_practice_list_answers_any_filter_query(client, catalogue, query):
    with fresh_example(clear_cache=False):
        response = get_and_check(client, PRACTICES_URL, query)

        assert response.status_code == 200
        assert_escaped(response, query)


@fuzz_settings(max_examples=25)
@given(query=raw_query)
@example(query="q=%00&page=%00&sort=%00&year=%00")
@example(query="q=%ff%fe&topic=%C0%AF")
def test_practice_list_answers_any_raw_query_string(client, catalogue, query):
    with fresh_example(clear_cache=False):
        response = get_and_check(client, f"{PRACTICES_URL}?{query}")

        assert response.status_code == 200


# --------------------------------------------------------------------------------------------
# /pledges/
# --------------------------------------------------------------------------------------------
@fuzz_settings(max_examples=50)
@given(query=query_data(PLEDGE_PARAMS))
@example(query={"q": "\x00"})
@example(query={"expertise": "99999999999999999999", "company": "-1"})
@example(query={"expertise": ["1", "\x00"], "language": ["en", "xx"], "page": "last"})
def test_pledge_list_answers_any_filter_query(client, catalogue, query):
    with fresh_example(clear_cache=False):
        response = get_and_check(client, PLEDGES_URL, query)

        assert response.status_code == 200
        assert_escaped(response, query)


@fuzz_settings(max_examples=20)
@given(query=raw_query)
@example(query="q=%00&expertise=%00&company=%00&page=%00")
def test_pledge_list_answers_any_raw_query_string(client, catalogue, query):
    with fresh_example(clear_cache=False):
        response = get_and_check(client, f"{PLEDGES_URL}?{query}")

        assert response.status_code == 200


# --------------------------------------------------------------------------------------------
# Other public pages: a query string they do not read is ignored
# --------------------------------------------------------------------------------------------
PAGES = [
    "/en/",
    f"/en/calls/{CALL_SLUG}/",
    "/en/skills/",
    "/en/practices/feed/",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/reset/",
]
OTHER_PARAMS = {
    "next": st.sampled_from(["/en/", "https://evil.example", "//evil.example", "/\\evil.example"]),
    "page": page,
    "q": st.sampled_from(XSS_PAYLOADS),
    "lang": st.sampled_from(["fr", "de", "xx"]),
}


@fuzz_settings(max_examples=40)
@given(url=st.sampled_from(PAGES), query=query_data(OTHER_PARAMS))
@example(url="/en/accounts/login/", query={"next": "\x00"})
@example(url="/en/accounts/login/", query={"next": XSS_PAYLOADS[0]})
@example(url="/en/practices/feed/", query={"page": "\x00"})
def test_public_pages_ignore_any_query_string(client, catalogue, url, query):
    with fresh_example(clear_cache=False):
        response = get_and_check(client, url, query)

        assert response.status_code == 200
        assert_escaped(response, query)
        # a foreign "next" never becomes a link or a redirect off the site
        body = response.content.decode(errors="replace")
        assert 'href="https://evil.example' not in body
        assert 'href="//evil.example' not in body


def test_practice_and_pledge_pages_of_the_catalogue_are_found(client, catalogue):
    """The fuzzed lists have rows to filter (else every query would trivially pass)."""
    practices = client.get(PRACTICES_URL)
    pledges = client.get(PLEDGES_URL)

    assert practices.context["total"] == 3
    assert pledges.context["total"] == 2
