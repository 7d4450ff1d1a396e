"""The keyword search of /practices/: ranked ids (selectors.ranked_search) cached per practices
version, narrowed by the facets in the facet index, paged, and the search documents kept in
step with publication (services.search_documents_refresh)."""

import importlib
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from practices import selectors, services
from practices.cache import practices_version
from practices.filters import PER_PAGE
from practices.models import Practice, PracticeSearch
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/en/practices/"
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text documents and ranking: PostgreSQL"
)


def titles(response) -> list[str]:
    return [card.title for card in response.context["page"].object_list]


def published(title: str, **kwargs) -> Practice:
    return PublishedPracticeFactory(title=title, public_title=title, **kwargs)


@pytest.fixture
def many():
    """PER_PAGE + 5 practices about "quantum", one day apart, the oldest with it in its title;
    and one practice without the word."""
    made = []
    for n in range(PER_PAGE + 5):
        with time_machine.travel(datetime(2024, 1, 1 + n, tzinfo=UTC)):
            title = "Quantum club" if n == 0 else f"Practice {n:02d}"
            country = "FR" if n % 2 else "DE"
            made.append(
                published(
                    title,
                    short_description="Staff learn quantum computing together.",
                    organisation=OrganisationFactory(country=country),
                )
            )
    published("Unrelated", short_description="Pottery.")
    return made


def test_search_pages_follow_one_ranking_without_gaps_or_repeats(client, many):
    first = client.get(f"{LIST_URL}?q=quantum")
    second = client.get(f"{LIST_URL}?q=quantum&page=2")

    shown = titles(first) + titles(second)
    assert first.context["total"] == len(many)
    assert len(titles(first)) == PER_PAGE
    assert sorted(shown) == sorted(p.display_title for p in many)
    if connection.vendor == "postgresql":  # the title match ranks first, then newest first
        expected = ["Quantum club"] + [f"Practice {n:02d}" for n in range(PER_PAGE + 4, 0, -1)]
    else:  # SQLite: newest first
        expected = [f"Practice {n:02d}" for n in range(PER_PAGE + 4, 0, -1)] + ["Quantum club"]
    assert shown == expected


def test_search_with_a_facet_shows_only_matching_practices_and_counts_them(client, many):
    response = client.get(f"{LIST_URL}?q=quantum&country=FR")

    expected = [p.display_title for p in many if p.organisation.country == "FR"]
    assert sorted(titles(response)) == sorted(expected)
    assert response.context["total"] == len(expected)


def test_search_sorted_otherwise_keeps_the_same_results(client, many):
    by_title = client.get(f"{LIST_URL}?q=quantum&sort=title&country=DE")

    expected = sorted(
        (p.display_title for p in many if p.organisation.country == "DE"), key=str.lower
    )
    assert titles(by_title) == expected
    assert by_title.context["total"] == len(expected)


def test_a_search_is_ranked_once_then_read_from_the_cache(client, many):
    version = practices_version()
    assert cache.get(selectors.search_cache_key("quantum", version)) is None

    client.get(f"{LIST_URL}?q=quantum")

    cached = cache.get(selectors.search_cache_key("  Quantum ", version))  # same words
    assert sorted(cached) == sorted(p.pk for p in many)


def test_a_publication_shows_in_a_search_at_once(client, many, django_capture_on_commit_callbacks):
    before = client.get(f"{LIST_URL}?q=quantum").context["total"]
    selected = PracticeFactory(
        title="Quantum newcomer",
        short_description="Quantum again.",
        state="selected",
        public_version_approved_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_transition(
            practice=selected,
            target="published",
            actor=UserFactory(is_staff=True, groups=["Reviewers"]),
        )

    after = client.get(f"{LIST_URL}?q=quantum")

    assert after.context["total"] == before + 1
    assert "Quantum newcomer" in titles(after)


@postgresql_only
def test_search_documents_follow_the_state(many):
    practice = many[0]
    assert PracticeSearch.objects.filter(practice=practice).exists()
    Practice.objects.filter(pk=practice.pk).update(state="selected")

    services.search_documents_refresh([practice.pk])

    assert not PracticeSearch.objects.filter(practice=practice).exists()
    assert PracticeSearch.objects.count() == len(many)  # the others' stay


@postgresql_only
def test_the_public_version_edited_after_publication_is_searchable(many):
    practice = many[1]
    practice.public_title = "Renamed by the reviewers: hydroponics"
    practice.save(update_fields=["public_title"])

    services.practice_refresh_search(practice)

    assert selectors.ranked_search("hydroponics", version=-1) == [practice.pk]


def test_the_public_version_edited_after_publication_shows_in_a_search_once_approved(
    client, many, django_capture_on_commit_callbacks
):
    """The search was seen before (its ranked ids and the visitor's page are cached). The
    reviewers' edit of a published text waits for the SME: the search still finds nothing.
    The SME's approval starts a new practices version, so neither cache is read again."""
    practice = many[1]
    assert client.get(f"{LIST_URL}?q=hydroponics").context["total"] == 0
    reviewer = UserFactory(is_staff=True, groups=["Reviewers"])
    sme_admin = MembershipFactory(organisation=practice.organisation, role="admin").user
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_public_version_update(
            user=reviewer,
            practice=practice,
            public_title="Hydroponics at lunch",
            public_description=practice.public_description,
        )
    assert "Hydroponics at lunch" not in client.get(f"{LIST_URL}?q=hydroponics").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.practice_public_text_approve(user=sme_admin, practice=practice)

    assert titles(client.get(f"{LIST_URL}?q=hydroponics")) == ["Hydroponics at lunch"]


@postgresql_only
def test_the_migration_builds_the_documents_the_service_builds(many):
    """Migration 0014 keeps its own copy of the statement: it must build the same documents."""
    migration = importlib.import_module("practices.migrations.0015_search_per_language")
    built = {row.pk: (row.document, row.rank_document) for row in PracticeSearch.objects.all()}
    PracticeSearch.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(migration.DOCUMENTS, migration.document_params())

    rebuilt = {row.pk: (row.document, row.rank_document) for row in PracticeSearch.objects.all()}
    assert rebuilt == built
    assert len(built) == len(many) + 1


@postgresql_only
def test_ranking_leaves_the_planner_as_it_found_it(many):
    selectors.ranked_search("quantum", version=-2)

    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


@postgresql_only
@pytest.mark.parametrize("ranked_at_most", [1000, 2])
def test_only_the_first_matches_are_ranked_the_rest_follow_newest_first(
    monkeypatch, ranked_at_most
):
    """A word in most practices is ranked over the first RANKED_AT_MOST matches in the order of
    the other keys (title, as typed, language, newest); past them, newest first. Below that
    many matches the order is the full ranking."""
    made = []
    for n, repeats in enumerate([3, 1, 1, 2]):  # the oldest says it most often
        with time_machine.travel(datetime(2024, 2, 1 + n, tzinfo=UTC)):
            words = " ".join(["Staff learn about holography."] * repeats)
            made.append(published(f"Practice {n}", short_description=words))
    monkeypatch.setattr(selectors, "RANKED_AT_MOST", ranked_at_most)

    ids = selectors.ranked_search("holography", version=-3 - ranked_at_most)

    oldest, second, third, newest = (p.pk for p in made)
    if ranked_at_most == 1000:  # every match ranked: most mentions first, ties newest first
        assert ids == [oldest, newest, third, second]
    else:  # the two newest ranked between themselves, then the others newest first
        assert ids == [newest, third, second, oldest]


@postgresql_only
def test_search_uses_websearch_syntax(many):
    """Quoted phrases, OR and minus work as visitors know them from search engines."""
    ids = {p.display_title: p.pk for p in many}

    assert selectors.ranked_search('"quantum club"', version=-3) == [ids["Quantum club"]]
    assert selectors.ranked_search("quantum -club", version=-3) == [
        p.pk for p in reversed(many[1:])
    ]
    assert len(selectors.ranked_search("pottery OR club", version=-3)) == 2


def test_an_smes_new_name_finds_its_published_practices(
    client, many, django_capture_on_commit_callbacks
):
    from accounts import services as account_services
    from accounts.enums import MembershipRole
    from tests.factories import MembershipFactory

    practice = many[2]
    admin_user = UserFactory()
    MembershipFactory(
        user=admin_user, organisation=practice.organisation, role=MembershipRole.ADMIN
    )
    assert client.get(f"{LIST_URL}?q=zeppelin").context["total"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        account_services.organisation_update(
            user=admin_user, organisation=practice.organisation, name="Zeppelin Works"
        )

    assert titles(client.get(f"{LIST_URL}?q=zeppelin")) == [practice.display_title]
