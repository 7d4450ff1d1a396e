"""Public pages run a fixed number of SQL queries, whatever the number of published practices:
measured at 1 and at 30 practices, with the caches (and the facet index) empty and then warm."""

import pytest
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practices.models import Topic, TrainingTool
from tests.factories import CallFactory, OrganisationFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db

COUNTRIES = ("FR", "DE", "BE", "IT", "ES")
SECTORS = ("C", "J", "M")


def populate(start: int, stop: int, call) -> list:
    """Published practices that differ on every facet, each with topics and tools."""
    topics = list(Topic.objects.order_by("pk"))
    tools = list(TrainingTool.objects.order_by("pk"))
    practices = []
    for n in range(start, stop):
        practice = PublishedPracticeFactory(
            title=f"Learning practice {n}",
            call=call,
            organisation=OrganisationFactory(
                country=COUNTRIES[n % len(COUNTRIES)], sector=SECTORS[n % len(SECTORS)]
            ),
            audience=("ict", "other", "both")[n % 3],
            tools=[tools[n % len(tools)], tools[(n + 1) % len(tools)]],
        )
        practice.topics.set([topics[n % len(topics)], topics[(n + 2) % len(topics)]])
        practices.append(practice)
    return practices


def count_queries(url: str, *, cold: bool = True) -> int:
    if cold:
        cache.clear()
    Site.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def grow():
    """Measure `urls` at 1 practice, then at 30: returns both lists of counts."""

    def measure(make_urls, *, cold: bool = True) -> tuple[list[int], list[int]]:
        call = CallFactory(slug="digital-skillup")
        first = populate(0, 1, call)[0]
        urls = make_urls(first)
        at_one = [count_queries(url, cold=cold) for url in urls]
        populate(1, 30, call)
        at_thirty = [count_queries(url, cold=cold) for url in urls]
        return at_one, at_thirty

    return measure


LIST_URLS = {
    "plain": "/en/practices/",
    "two-facets": "/en/practices/?country=FR&topic=basic-digital-skills",
    "search": "/en/practices/?q=learning",
    "search-sorted": "/en/practices/?q=learning&sort=views&page=2",
}


@pytest.mark.parametrize("name", list(LIST_URLS), ids=list(LIST_URLS))
def test_list_query_count_is_the_same_at_1_and_30_practices(grow, name):
    at_one, at_thirty = grow(lambda practice: [LIST_URLS[name]])

    assert at_one == at_thirty
    # 3 choice lists + 3 to build the facet index + the page + its topics and tools; a search
    # adds its ranked ids (and the planner setting around them: SET, RESET)
    assert at_one[0] <= 9 + 3 * ("q=" in LIST_URLS[name])


@pytest.mark.parametrize("name", list(LIST_URLS), ids=list(LIST_URLS))
def test_list_with_warm_facet_cache_reads_only_the_page(grow, name, settings):
    settings.PAGE_CACHE_ENABLED = False  # a render with warm caches, not a whole-page hit

    def urls(practice):
        Client().get(LIST_URLS[name])  # warm the cache
        return [LIST_URLS[name]]

    at_one, at_thirty = grow(urls, cold=False)

    assert at_one == at_thirty
    # the page and its topics (a search's ranked ids are cached too)
    assert at_thirty[0] <= 2


def test_detail_query_count_is_the_same_at_1_and_30_practices(grow):
    at_one, at_thirty = grow(lambda practice: [practice.get_absolute_url()])

    assert at_one == at_thirty
    # the practice with SME and call, topics, tools, the view count, related practices (#15),
    # its answers to the call's questions (#19)
    assert at_one[0] <= 6


def test_call_page_and_home_query_counts_are_fixed(grow):
    at_one, at_thirty = grow(lambda practice: ["/en/calls/digital-skillup/", "/en/", "/en/calls/"])

    assert at_one == at_thirty
    # home: open calls, practice figures, SMEs supported, companies pledging, latest practices
    # and their topics; calls: open and past
    assert at_one == [1, 6, 2]


def test_feed_and_sitemap_query_counts_are_the_same_at_1_and_30_practices(grow):
    at_one, at_thirty = grow(
        lambda practice: ["/en/practices/feed/", "/sitemap.xml", "/sitemap-practices.xml"]
    )

    assert at_one == at_thirty
    assert max(at_one) <= 6
