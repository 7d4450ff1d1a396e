"""The rows the API's practice answers are made of (api/listing.py): the same as the models
say, in the order asked, published only; the calls' titles as the practices version has them."""

import pytest
from django.urls import reverse

from api import listing
from practices.cache import practices_version_bump
from practices.models import Practice, Topic
from practices.selectors import published_practices
from tests.api.conftest import publish
from tests.factories import CallFactory, OrganisationFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def _variety(call, sme) -> list[Practice]:
    """Practices with and without a public text, its language, several topics."""
    plain, public, public_title_only, other_sme = publish(4, call=call, organisation=sme)
    Practice.objects.filter(pk=public.pk).update(
        public_title="Une heure pour apprendre",
        public_description="Le vendredi, une heure.",
        public_language="fr",
    )
    Practice.objects.filter(pk=public_title_only.pk).update(
        public_title="Nur der Titel", public_language="de"
    )
    Practice.objects.filter(pk=other_sme.pk).update(
        organisation=OrganisationFactory(name="Zweite GmbH", country="AT", sector="C")
    )
    topics = list(Topic.objects.order_by("-name")[:3])
    plain.topics.add(*topics)
    return [plain, public, public_title_only, other_sme]


def test_rows_are_what_the_models_say_in_the_order_asked(call, sme):
    practices = _variety(call, sme)
    ids = [practices[2].pk, practices[0].pk, practices[3].pk, practices[1].pk]
    models = published_practices().in_bulk(ids)

    rows = listing.listed_rows(ids)

    assert [row["pk"] for row in rows] == ids
    assert rows == [listing.row_of(models[pk]) for pk in ids]
    by_pk = {row["pk"]: row for row in rows}
    assert by_pk[practices[1].pk]["display_title"] == "Une heure pour apprendre"
    assert by_pk[practices[1].pk]["text_language"] == "fr"
    assert by_pk[practices[2].pk]["display_description"] == practices[2].short_description
    assert by_pk[practices[3].pk]["sme_country"] == "AT"
    assert [name for _slug, name in by_pk[practices[0].pk]["topics"]] == sorted(
        Topic.objects.filter(practices=practices[0]).values_list("name", flat=True)
    )


def test_compiled_rows_are_the_values_querys_rows(call, sme):
    """On PostgreSQL the two queries are compiled once (ids as one array parameter): their rows
    are those of the values() queries they were compiled from, on every call."""
    ids = [practice.pk for practice in _variety(call, sme)]

    for subset in (ids, ids[:1], ids[1:]):
        assert listing._practice_rows(subset) == list(listing._practices(subset))
        assert listing._topic_rows(subset) == list(listing._topics(subset))


def test_rows_leave_out_what_is_not_published_any_more(call, sme):
    shown, taken_down = publish(2, call=call, organisation=sme)
    Practice.objects.filter(pk=taken_down.pk).update(state="taken_down")
    draft = PracticeFactory(call=call, organisation=sme)

    rows = listing.listed_rows([taken_down.pk, draft.pk, shown.pk])

    assert [row["pk"] for row in rows] == [shown.pk]
    assert listing.listed_rows([]) == []


def test_a_calls_new_title_shows_once_the_practices_version_changes(client, call, sme):
    publish(1, call=call, organisation=sme)
    assert client.get(reverse("api:practice_list")).json()["results"][0]["call"]["title"] == (
        "Open data call"
    )

    call.title_en = call.title = "Open data call 2027"
    call.save()
    practices_version_bump()  # (what the call admin does once the change is committed)

    shown = client.get(reverse("api:practice_list")).json()["results"][0]["call"]
    assert shown == {"slug": "call-open-data", "title": "Open data call 2027"}


def test_a_call_the_map_does_not_know_yet_is_read_again(client, call, sme):
    [practice] = publish(1, call=call, organisation=sme)
    client.get(reverse("api:practice_list"))  # the calls of this version are read
    later = CallFactory(slug="call-later", title="A later call")
    Practice.objects.filter(pk=practice.pk).update(call=later)  # no version change

    # (another address: the first answer is kept for API_CACHE_SECONDS under this version)
    answer = client.get(reverse("api:practice_list"), {"page_size": 5}).json()
    shown = answer["results"][0]["call"]

    assert shown == {"slug": "call-later", "title": "A later call"}
