"""The open-data API (#17): what it shows and hides, its errors, its HTTP caching, its rate
limit, CORS and its query counts."""

import os
import socket

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practices import services as practice_services
from practices.models import Practice
from tests.api.conftest import needs_postgresql, pledge, publish
from tests.factories import CallFactory, MembershipFactory, PracticeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("api:practice_list")


def detail(slug: str) -> str:
    return reverse("api:practice_detail", kwargs={"slug": slug})


# --------------------------------------------------------------------------------------------
# What is shown, and what is not
# --------------------------------------------------------------------------------------------
def test_the_list_shows_published_practices_with_their_public_text_and_language(client, call, sme):
    [practice] = publish(1, call=call, organisation=sme, language="fr")
    Practice.objects.filter(pk=practice.pk).update(
        public_title="Une heure pour apprendre", public_description="Le vendredi."
    )
    PracticeFactory(call=call, organisation=sme, title="Secret draft")

    body = client.get(LIST).json()

    assert body["count"] == 1
    [shown] = body["results"]
    assert shown["title"] == "Une heure pour apprendre"
    assert shown["description"] == "Le vendredi."
    assert shown["language"] == "fr"
    assert shown["sme"]["name"] == "Atelier Ouvert SARL"
    assert shown["call"] == {"slug": "call-open-data", "title": "Open data call"}
    assert "Secret draft" not in str(body)


def test_the_detail_shows_the_answers_but_no_contact_or_person(client, call, sme):
    membership = MembershipFactory(organisation=sme)
    [practice] = publish(1, call=call, organisation=sme, created_by=membership.user)

    response = client.get(detail(practice.slug))

    body = response.json()
    assert response.status_code == 200
    assert body["methodology"] == practice.methodology
    assert body["tools"][0]["slug"] == "elements-of-ai"
    text = response.content.decode()
    assert membership.user.email not in text
    assert "@" not in text
    assert "pending_decision" not in text and "created_by" not in text


def test_labels_follow_lang_and_the_text_stays_in_its_language(client, call, sme):
    [practice] = publish(1, call=call, organisation=sme)

    response = client.get(detail(practice.slug), {"lang": "fr"})

    body = response.json()
    assert body["sme"]["country_name"] == "France"
    assert body["url"].endswith(f"/fr/practices/{practice.slug}/")
    assert body["title"] == practice.title
    assert response["Content-Language"] == "fr"


def test_accept_language_chooses_the_labels_without_lang(client, call, sme):
    [practice] = publish(1, call=call, organisation=sme)

    body = client.get(detail(practice.slug), HTTP_ACCEPT_LANGUAGE="de").json()

    assert body["sme"]["country_name"] == "Frankreich"


@pytest.mark.parametrize("state", ["draft", "submitted", "selected", "taken_down"])
def test_a_practice_not_published_is_a_json_404(client, call, sme, state):
    practice = PracticeFactory(call=call, organisation=sme, state=state, slug=f"p-{state}")

    response = client.get(detail(practice.slug))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No published practice has this slug."}


def test_a_practice_taken_down_leaves_the_list_and_its_detail(
    client, call, sme, django_capture_on_commit_callbacks
):
    admin = MembershipFactory(organisation=sme, role="admin").user
    [practice] = publish(1, call=call, organisation=sme)
    assert client.get(detail(practice.slug)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):  # its new practices version
        practice_services.practice_take_down(user=admin, practice=practice)

    assert client.get(detail(practice.slug)).status_code == 404
    assert client.get(LIST).json()["count"] == 0


def test_pledges_show_the_public_ones_with_progress_and_never_a_draft(client):
    public = pledge(slug="public-pledge")
    pledge(state="draft", slug="draft-pledge")
    pledge(state="submitted", slug="pending-pledge")
    pledge(slug="private-pledge", is_public=False)

    body = client.get(reverse("api:pledge_list")).json()

    assert [p["slug"] for p in body["results"]] == ["public-pledge"]
    [shown] = body["results"]
    assert shown["progress"]["smes_supported"] == {"target": public.target_smes, "done": 0}
    assert shown["company"]["name"] == public.company.name
    assert len(shown["expertise"]) == 2
    for slug in ("draft-pledge", "pending-pledge", "private-pledge"):
        response = client.get(reverse("api:pledge_detail", kwargs={"slug": slug}))
        assert response.status_code == 404
    assert (
        client.get(reverse("api:pledge_detail", kwargs={"slug": "public-pledge"})).status_code
        == 200
    )


def test_calls_are_the_listed_ones(client):
    CallFactory(slug="listed-call")
    CallFactory(slug="preview-call", is_listed=False)

    body = client.get(reverse("api:call_list")).json()

    assert [c["slug"] for c in body["results"]] == ["listed-call"]
    assert body["results"][0]["status"] == "open"


def test_taxonomy_and_figures(client, call, sme):
    publish(2, call=call, organisation=sme)
    pledge()

    taxonomy = client.get(reverse("api:taxonomy"), {"lang": "fr"}).json()
    figures = client.get(reverse("api:figures")).json()

    assert "Intelligence artificielle" in [t["name"] for t in taxonomy["topics"]]
    assert taxonomy["frameworks"] and taxonomy["frameworks"][0]["areas"]
    assert [len(taxonomy["levels"])] == [5]
    assert figures["practices"]["published"] == 2
    assert figures["practices"]["by_country"] == [{"value": "FR", "label": "France", "count": 2}]
    assert figures["pledges"]["pledges"] == 1


# --------------------------------------------------------------------------------------------
# Filters, search, pagination, errors
# --------------------------------------------------------------------------------------------
def test_the_public_list_filters_apply(client, call, sme):
    publish(2, call=call, organisation=sme)
    publish(1, call=call)  # another SME, in another country

    body = client.get(LIST, {"country": "FR"}).json()

    assert body["count"] == 2
    assert {p["sme"]["country"] for p in body["results"]} == {"FR"}


@needs_postgresql
def test_search_is_the_public_lists_ranked_search(client, call, sme):
    publish(1, call=call, organisation=sme, title="Cybersecurity drills for everyone")
    publish(2, call=call, organisation=sme)

    body = client.get(LIST, {"q": "cybersecurity"}).json()

    assert [p["title"] for p in body["results"]] == ["Cybersecurity drills for everyone"]
    assert body["count"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "ZZ"}, "country"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"year": "1800"}, "year"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 201}, "q"),
        ({"lang": "xx"}, "lang"),
    ],
)
def test_a_filter_value_not_understood_is_a_json_400_naming_it(client, params, field):
    response = client.get(LIST, params)

    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert list(body["errors"]) == [field]


def test_pages_link_to_each_other_and_a_page_out_of_range_is_a_json_404(client, call, sme):
    publish(3, call=call, organisation=sme)

    first = client.get(LIST, {"page_size": 2}).json()
    second = client.get(LIST, {"page_size": 2, "page": 2}).json()
    beyond = client.get(LIST, {"page_size": 2, "page": 3})

    assert first["count"] == 3 and len(first["results"]) == 2
    assert "page=2" in first["next"] and first["previous"] is None
    assert len(second["results"]) == 1 and second["next"] is None
    assert beyond.status_code == 404
    assert "Page 3 does not exist" in beyond.json()["detail"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
        ({"page": "first"}, "page"),
        ({"page": "0"}, "page"),
    ],
)
def test_a_page_or_page_size_not_understood_is_a_json_400(client, params, field):
    response = client.get(LIST, params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_the_largest_page_is_100(client, call, sme):
    publish(2, call=call, organisation=sme)

    assert client.get(LIST, {"page_size": "100"}).json()["count"] == 2


def test_other_methods_are_a_json_405(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)(LIST)
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "not allowed" in response.json()["detail"]


def test_head_has_the_gets_headers_and_no_body(client, call, sme):
    publish(1, call=call, organisation=sme)
    get = client.get(LIST)

    head = client.head(LIST)

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_an_address_under_api_that_nothing_serves_is_a_json_404(client):
    response = client.get("/api/v1/nothing-here/")

    assert response.status_code == 404
    assert response.json()["detail"]


# --------------------------------------------------------------------------------------------
# HTTP caching
# --------------------------------------------------------------------------------------------
def test_a_conditional_request_answers_304_until_a_publication_or_takedown(
    client, call, sme, django_capture_on_commit_callbacks
):
    admin = MembershipFactory(organisation=sme, role="admin").user
    [practice] = publish(1, call=call, organisation=sme)
    first = client.get(LIST)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"].startswith("public, max-age=")

    again = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    since = client.get(LIST, HTTP_IF_MODIFIED_SINCE=modified)

    assert again.status_code == 304 and again["ETag"] == etag
    assert since.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):  # its new practices version
        practice_services.practice_take_down(user=admin, practice=practice)
    changed = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["count"] == 0
    assert client.get(LIST, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_a_new_publication_changes_the_etag(client, call, sme):
    publish(1, call=call, organisation=sme)
    etag = client.get(LIST)["ETag"]

    publish(1, call=call, organisation=sme)  # a new practices version, as services start one

    again = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again.json()["count"] == 2


@pytest.mark.parametrize(
    "name", ["api:pledge_list", "api:call_list", "api:figures", "api:taxonomy"]
)
def test_the_other_answers_have_an_etag_too(client, name):
    pledge()
    first = client.get(reverse(name))

    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert again.status_code == 304


def test_a_practices_answer_is_kept_for_the_next_client_until_a_publication(client, call, sme):
    [practice] = publish(1, call=call, organisation=sme)
    with CaptureQueriesContext(connection) as worked_out:
        first = client.get(detail(practice.slug))
    with CaptureQueriesContext(connection) as kept:
        again = client.get(detail(practice.slug))
    listed = client.get(LIST).json()
    publish(1, call=call, organisation=sme)  # a new practices version
    with CaptureQueriesContext(connection) as new_version:
        after = client.get(LIST).json()

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == first.json()
    assert len(worked_out) > 0 and len(kept) == 0
    assert listed["count"] == 1
    assert len(new_version) > 0 and after["count"] == 2


def test_a_new_pledge_changes_the_pledges_etag(client):
    pledge()
    etag = client.get(reverse("api:pledge_list"))["ETag"]
    pledge()

    assert client.get(reverse("api:pledge_list"), HTTP_IF_NONE_MATCH=etag).status_code == 200


# --------------------------------------------------------------------------------------------
# Rate limit and CORS
# --------------------------------------------------------------------------------------------
@override_settings(API_RATE_LIMIT="3/min")
def test_past_the_rate_limit_a_client_gets_429_with_retry_after(client):
    statuses = [client.get(reverse("api:taxonomy")).status_code for _ in range(4)]
    refused = client.get(reverse("api:figures"))
    other_client = client.get(reverse("api:figures"), REMOTE_ADDR="192.0.2.9")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "throttled" in refused.json()["detail"].lower()
    assert other_client.status_code == 200


def test_api_answers_do_not_vary_on_the_session_cookie(client, django_user_model):
    """The API reads no session, so a shared cache keeps one copy for everyone, logged in or
    not (the staff two-factor middleware looked at the user, which read the session)."""
    staff = django_user_model.objects.create_user(email="staff@example.org", is_staff=True)
    client.force_login(staff)

    answer = client.get(reverse("api:figures"))
    page = client.get(reverse("practices:practice_list"))

    assert answer.status_code == 200
    assert "cookie" not in answer.get("Vary", "").lower()
    assert "cookie" in page.get("Vary", "").lower()  # (the check can see the header)


def test_cors_is_open_on_the_api_only(client):
    origin = {"HTTP_ORIGIN": "https://reuser.example.org"}

    api = client.get(reverse("api:figures"), **origin)
    page = client.get(reverse("practices:practice_list"), **origin)
    preflight = client.options(
        reverse("api:figures"),
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        **origin,
    )

    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in api
    assert "Access-Control-Allow-Origin" not in page
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


# --------------------------------------------------------------------------------------------
# Constant queries
# --------------------------------------------------------------------------------------------
@override_settings(API_CACHE_SECONDS=0)  # the cost of working an answer out, every time
def _queries(client, url: str, params: dict) -> int:
    client.get(url, params)  # warm: the facet index and the filter choices of this version
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


LISTS = {
    "practices": (LIST, {}),
    "practices, two filters": (LIST, {"country": "FR", "sort": "title"}),
    "calls": (reverse("api:call_list"), {}),
    "pledges": (reverse("api:pledge_list"), {}),
    "figures": (reverse("api:figures"), {}),
    "taxonomy": (reverse("api:taxonomy"), {}),
}


def _grow(call, sme, count: int) -> None:
    publish(count, call=call, organisation=sme)
    for _ in range(count):
        CallFactory()
        pledge()


@pytest.mark.parametrize("name", LISTS)
def test_each_list_costs_the_same_queries_for_2_or_8_rows(client, call, sme, name):
    url, params = LISTS[name]
    _grow(call, sme, 2)
    small = _queries(client, url, params)
    _grow(call, sme, 6)
    large = _queries(client, url, params)

    assert small == large


@needs_postgresql
def test_a_search_costs_the_same_queries_for_2_or_8_results(client, call, sme):
    publish(2, call=call, organisation=sme, title="Cloud skills week")
    small = _queries(client, LIST, {"q": "cloud"})
    publish(6, call=call, organisation=sme, title="Cloud skills week")
    large = _queries(client, LIST, {"q": "cloud"})

    assert small == large


# --------------------------------------------------------------------------------------------
# The rate limit and the validators on the production cache (Redis)
# --------------------------------------------------------------------------------------------
def _redis_cache(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL names no Redis")
def test_the_rate_limit_and_304s_work_on_redis(client):
    from django.core.cache import cache

    with override_settings(CACHES=_redis_cache(os.environ["REDIS_URL"]), API_RATE_LIMIT="3/min"):
        cache.clear()
        try:
            first = client.get(reverse("api:taxonomy"))
            again = client.get(reverse("api:taxonomy"), HTTP_IF_NONE_MATCH=first["ETag"])
            client.get(reverse("api:taxonomy"))
            refused = client.get(reverse("api:taxonomy"))
        finally:
            cache.clear()

    assert [first.status_code, again.status_code, refused.status_code] == [200, 304, 429]
    assert int(refused["Retry-After"]) > 0


def test_with_redis_down_the_api_still_answers(client):
    """The cache fails open (skillup.cache): no rate limit, no 304, but never a 500."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with override_settings(CACHES=_redis_cache(f"redis://127.0.0.1:{port}/0")):
        statuses = {client.get(reverse("api:taxonomy")).status_code for _ in range(3)}
        listed = client.get(LIST)

    assert statuses == {200}
    assert listed.status_code == 200
