"""The facet index counts exactly what a GROUP BY over the filtered practices would count."""

import random

import pytest
from django.db.models import Count

from practices import selectors
from practices.facets import FACET_NAMES, FacetIndex
from practices.filters import FACETS
from practices.models import Practice, Topic, TrainingTool
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"country": "FR"},
    {"country": "FR", "audience": "both"},
    {"topic": "cybersecurity"},
    {"topic": "cybersecurity", "tool": "elements-of-ai", "sector": "J"},
    {"size": "micro", "year": 2024},
    {"call": "call-b", "country": "DE"},
    {"country": "XX"},  # matches nothing
]
LOOKUPS = {
    "country": "organisation__country",
    "sector": "organisation__sector",
    "size": "organisation__size_band",
    "audience": "audience",
    "topic": "topics__slug",
    "tool": "tools__slug",
    "call": "call__slug",
    "year": "published_at__year",
}


@pytest.fixture
def practices():
    rng = random.Random(7)
    topics = list(Topic.objects.all())
    tools = list(TrainingTool.objects.all())
    calls = [CallFactory(slug="call-a"), CallFactory(slug="call-b")]
    for n in range(40):
        practice = PublishedPracticeFactory(
            call=rng.choice(calls),
            organisation=OrganisationFactory(
                country=rng.choice(["FR", "DE", "BE"]),
                sector=rng.choice(["C", "J"]),
                size_band=rng.choice(["micro", "small", "medium"]),
            ),
            audience=rng.choice(["ict", "other", "both"]),
            published_at=f"{rng.choice([2023, 2024])}-06-15T12:00:00+00:00",
            tools=rng.sample(tools, rng.randint(0, 2)),
            title=f"Practice {n} {'security drills' if n % 4 == 0 else 'learning'}",
        )
        practice.topics.set(rng.sample(topics, rng.randint(0, 3)))
    PracticeFactory(state="selected")  # not published: never counted


def sql_counts(values: dict, skip: str, ids=None) -> dict[str, int]:
    queryset = Practice.objects.filter(state="published")
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    for name, value in values.items():
        if name != skip:
            queryset = queryset.filter(**{LOOKUPS[name]: value})
    rows = queryset.order_by().values(value=FACETS[skip]).annotate(n=Count("pk", distinct=True))
    return {str(r["value"]): r["n"] for r in rows if r["value"] not in (None, "")}


@pytest.mark.parametrize("values", FILTERS, ids=lambda v: "&".join(f"{k}={v[k]}" for k in v))
def test_facet_index_counts_match_group_by(practices, values):
    index = FacetIndex.build()

    counts, total = index.count(values)

    for name in FACET_NAMES:
        assert counts[name] == sql_counts(values, skip=name), name
    expected_total = Practice.objects.filter(state="published")
    for name, value in values.items():
        expected_total = expected_total.filter(**{LOOKUPS[name]: value})
    assert total == expected_total.distinct().count()


def test_facet_index_counts_within_search_results(practices):
    published = Practice.objects.filter(state="published")
    ids = list(selectors.search_practices(published, "security").values_list("pk", flat=True))
    assert 0 < len(ids) < 40

    counts, total = FacetIndex.build().count({"audience": "both"}, ids)

    assert counts["country"] == sql_counts({"audience": "both"}, skip="country", ids=ids)
    assert total == published.filter(pk__in=ids, audience="both").count()


@pytest.mark.parametrize("values", FILTERS, ids=lambda v: "&".join(f"{k}={v[k]}" for k in v))
def test_facet_index_narrows_ranked_ids_like_sql_keeping_their_order(practices, values):
    published = Practice.objects.filter(state="published")
    ranked = list(published.order_by("?").values_list("pk", flat=True))
    ranked.append(Practice.objects.exclude(state="published").get().pk)  # not in the index

    narrowed = FacetIndex.build().narrow(values, ranked)

    expected = published
    for name, value in values.items():
        expected = expected.filter(**{LOOKUPS[name]: value})
    expected_ids = set(expected.values_list("pk", flat=True))
    assert narrowed == [pk for pk in ranked if pk in expected_ids]
    assert FacetIndex.build().count(values, ranked)[1] == len(narrowed)


@pytest.mark.parametrize("values", FILTERS, ids=lambda v: "&".join(f"{k}={v[k]}" for k in v))
def test_facet_index_lists_the_newest_first_like_sql(practices, values):
    """The list's default order (newest publication first, then the highest id: the fixture's
    practices share two publication moments) read from the index, as SQL orders the rows."""
    expected = Practice.objects.filter(state="published")
    for name, value in values.items():
        expected = expected.filter(**{LOOKUPS[name]: value})
    expected = expected.distinct().order_by("-published_at", "-pk").values_list("pk", flat=True)

    newest = FacetIndex.build().newest_ids(values)

    assert newest.tolist() == list(expected)


def test_the_list_pages_the_newest_first_from_the_index(client, practices):
    expected = list(
        Practice.objects.filter(state="published", organisation__country="FR")
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
    )

    shown = []
    for page in (1, 2, 3):
        response = client.get("/en/practices/", {"country": "FR", "page": page})
        shown += [card.pk for card in response.context["page"].object_list]
        if not response.context["page"].has_next():
            break

    assert shown == expected


def test_facet_index_narrow_of_nothing():
    assert FacetIndex.build().narrow({}, [1, 2]) == []


def test_unfiltered_counts_are_counted_once_per_index(practices):
    index = FacetIndex.build()

    first = index.count({})
    again = index.count({"country": "", "year": None})  # empty values filter nothing
    filtered = index.count({"country": "FR"})
    searched = index.count({}, [Practice.objects.filter(state="published").first().pk])

    assert again is first
    assert first[1] == Practice.objects.filter(state="published").count()
    assert filtered[1] < first[1]
    assert searched[1] == 1
    assert index.count({}) is first
