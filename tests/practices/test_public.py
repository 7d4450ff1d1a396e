"""Public pages of calls and practices: call page and deadline, home page, browsing with facets,
search, sort and pagination, the practice page and its view count, the contact form,
attachments, the feed and the sitemap."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from practices import services
from practices.cache import VERSION_KEY, practices_version, practices_version_bump
from practices.filters import PER_PAGE
from practices.models import ContactMessage, Practice, Topic, TrainingTool
from practices.views.public import CONTACT_LIMIT
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)
from tests.harness import at_once

pytestmark = pytest.mark.django_db

LIST_URL = "/en/practices/"
# 30 April 2021, 23:59 in Brussels (CEST, UTC+2)
CLOSES_AT = datetime(2021, 4, 30, 21, 59, tzinfo=UTC)


def published(title: str, **kwargs) -> Practice:
    return PublishedPracticeFactory(title=title, public_title=title, **kwargs)


def titles(response) -> list[str]:
    return [card.title for card in response.context["page"].object_list]


def detail_url(practice: Practice) -> str:
    return reverse("practices:practice_detail", kwargs={"slug": practice.slug})


# --------------------------------------------------------------------------------------------
# The call page
# --------------------------------------------------------------------------------------------
def test_call_page_names_the_time_zone_of_the_deadline(client):
    call = CallFactory(
        title="Digital SkillUp 2021", opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT
    )

    body = client.get(call.get_absolute_url()).content.decode()

    assert "30 April 2021, 23:59 CEST" in body
    assert "This call is closed." in body
    assert reverse("practices:submission_create", kwargs={"slug": call.slug}) not in body


def test_call_page_shows_the_deadline_in_the_active_time_zone(client, settings):
    settings.TIME_ZONE = "America/New_York"
    call = CallFactory(opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT)

    body = client.get(call.get_absolute_url()).content.decode()

    assert "30 April 2021, 17:59 EDT" in body


def test_call_page_open_shows_countdown_intro_and_submit_button(client):
    call = CallFactory(
        introduction="Tell us how you upskill.",
        eligibility="SMEs in the EU.",
        how_to_take_part="Fill in the form.",
        opens_at=CLOSES_AT - timedelta(days=60),
        closes_at=CLOSES_AT,
    )

    with time_machine.travel(CLOSES_AT - timedelta(days=3, hours=4), tick=False):
        body = client.get(call.get_absolute_url()).content.decode()

    assert re.search(r'role="timer"[^>]*>Closes in 3\xa0days, 4\xa0hours</p>', body)
    assert 'data-countdown="2021-04-30T23:59:00+02:00"' in body
    for text in ("Tell us how you upskill.", "SMEs in the EU.", "Fill in the form."):
        assert text in body
    assert f'href="{reverse("practices:submission_create", kwargs={"slug": call.slug})}"' in body
    assert "js/countdown.js" in body


def test_call_page_before_opening_counts_down_to_the_opening(client):
    call = CallFactory(opens_at=CLOSES_AT - timedelta(days=10), closes_at=CLOSES_AT)

    with time_machine.travel(CLOSES_AT - timedelta(days=12), tick=False):
        body = client.get(call.get_absolute_url()).content.decode()

    assert "Opens in 2\xa0days" in body
    assert reverse("practices:submission_create", kwargs={"slug": call.slug}) not in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("sme_admin", 404),
        ("outsider", 404),
        ("reviewer", 200),
        ("coordinator", 200),
    ],
    ids=["anonymous", "sme", "outsider", "reviewer", "coordinator"],
)
def test_unlisted_call_is_hidden_except_for_staff_preview(client_for, role, status):
    call = CallFactory(is_listed=False, title="Secret call in preparation")

    response = client_for(role).get(call.get_absolute_url())

    assert response.status_code == status
    assert ("Secret call in preparation" in response.content.decode()) == (status == 200)


def test_unknown_call_is_404(client):
    assert client.get("/en/calls/no-such-call/").status_code == 404


# --------------------------------------------------------------------------------------------
# The home page
# --------------------------------------------------------------------------------------------
def test_home_lists_open_call_with_deadline_and_countdown_but_not_closed_or_unlisted(client):
    open_call = CallFactory(
        title="Open call",
        introduction="Share your practice.",
        opens_at=CLOSES_AT - timedelta(days=30),
        closes_at=CLOSES_AT,
    )
    CallFactory(
        title="Closed call",
        opens_at=CLOSES_AT - timedelta(days=90),
        closes_at=CLOSES_AT - timedelta(days=40),
    )
    CallFactory(title="Unlisted call", is_listed=False, opens_at=open_call.opens_at)

    with time_machine.travel(CLOSES_AT - timedelta(days=3, hours=4), tick=False):
        body = Client().get("/en/").content.decode()

    assert "Open call" in body and "Share your practice." in body
    assert services.format_deadline(CLOSES_AT) in body  # "30 April 2021, 23:59 CEST"
    assert "Closes in 3\xa0days, 4\xa0hours" in body
    assert f'href="{open_call.get_absolute_url()}"' in body
    assert "Closed call" not in body
    assert "Unlisted call" not in body


# --------------------------------------------------------------------------------------------
# Browsing: only published practices, facets, counts
# --------------------------------------------------------------------------------------------
def test_list_shows_only_published_practices(client):
    published("Published practice")
    for state in ("draft", "submitted", "selected", "declined", "withdrawn"):
        PracticeFactory(title=f"Hidden {state} practice", state=state, slug=f"hidden-{state}")

    response = client.get(LIST_URL)

    assert titles(response) == ["Published practice"]
    assert "Hidden" not in response.content.decode()
    assert response.context["total"] == 1


@pytest.fixture
def facet_world(db):
    """Three practices that differ on every facet."""
    call_a = CallFactory(slug="call-a", title="Call A")
    call_b = CallFactory(slug="call-b", title="Call B")
    ai = Topic.objects.get(slug="artificial-intelligence")
    cyber = Topic.objects.get(slug="cybersecurity")
    elements = TrainingTool.objects.get(slug="elements-of-ai")
    coursera = TrainingTool.objects.get(slug="coursera")
    with time_machine.travel(datetime(2022, 6, 1, 12, tzinfo=UTC)):
        french = published(
            "French factory",
            organisation=OrganisationFactory(country="FR", sector="C", size_band="small"),
            audience="ict",
            call=call_a,
            tools=[elements],
        )
    with time_machine.travel(datetime(2023, 6, 1, 12, tzinfo=UTC)):
        french_it = published(
            "French software house",
            organisation=OrganisationFactory(country="FR", sector="J", size_band="micro"),
            audience="both",
            call=call_a,
            tools=[coursera],
        )
        german = published(
            "German workshop",
            organisation=OrganisationFactory(country="DE", sector="C", size_band="medium"),
            audience="other",
            call=call_b,
            tools=[elements, coursera],
        )
    french.topics.set([ai])
    french_it.topics.set([ai, cyber])
    german.topics.set([cyber])
    return {"french": french, "french_it": french_it, "german": german}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FR", ["French software house", "French factory"]),
        ("sector=C", ["German workshop", "French factory"]),
        ("size=micro", ["French software house"]),
        ("audience=other", ["German workshop"]),
        ("topic=artificial-intelligence", ["French software house", "French factory"]),
        ("tool=coursera", ["German workshop", "French software house"]),
        ("call=call-b", ["German workshop"]),
        ("year=2022", ["French factory"]),
        ("country=FR&sector=C", ["French factory"]),
        ("topic=cybersecurity&tool=elements-of-ai", ["German workshop"]),
    ],
    ids=[
        "country",
        "sector",
        "size",
        "audience",
        "topic",
        "tool",
        "call",
        "year",
        "country-and-sector",
        "topic-and-tool",
    ],
)
def test_list_filters_on_each_facet(client, facet_world, query, expected):
    response = client.get(f"{LIST_URL}?{query}")

    assert sorted(titles(response)) == sorted(expected)
    assert response.context["total"] == len(expected)


def test_facet_counts_apply_the_other_filters(client, facet_world):
    response = client.get(f"{LIST_URL}?country=FR")

    counts = response.context["filter"].facet_counts().counts
    assert counts["country"] == {"FR": 2, "DE": 1}  # the country facet ignores its own filter
    assert counts["sector"] == {"C": 1, "J": 1}
    assert counts["size"] == {"small": 1, "micro": 1}
    assert counts["audience"] == {"ict": 1, "both": 1}
    assert counts["topic"] == {"artificial-intelligence": 2, "cybersecurity": 1}
    assert counts["tool"] == {"elements-of-ai": 1, "coursera": 1}
    assert counts["call"] == {"call-a": 2}
    assert counts["year"] == {"2022": 1, "2023": 1}


def test_facet_counts_are_shown_beside_the_options(client, facet_world):
    body = client.get(f"{LIST_URL}?country=FR").content.decode()

    assert re.search(r'<option value="FR" selected>\s*France \(2\)\s*</option>', body)
    assert re.search(r'<option value="DE">\s*Germany \(1\)\s*</option>', body)
    assert re.search(r'<option value="C">\s*Manufacturing \(1\)\s*</option>', body)
    assert re.search(r"Artificial intelligence \(2\)", body)
    assert ">Italy" not in body  # options that would give nothing are left out
    assert "2 practices found." in body


def test_facet_counts_are_cached_until_the_version_changes(client, facet_world):
    first = client.get(LIST_URL).context["total"]
    published("A fourth practice")

    # another query string: the page is rendered again (no whole-page hit), the counts are not
    cached = client.get(LIST_URL + "?page=1").context["total"]
    practices_version_bump()
    fresh = client.get(LIST_URL + "?page=2").context["total"]

    assert (first, cached, fresh) == (3, 3, 4)


def test_list_page_cached_for_visitors_until_a_publication(
    client, facet_world, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from practices import services as practice_services
    from tests.factories import PracticeFactory, UserFactory

    first = client.get(LIST_URL)
    with django_assert_num_queries(0):
        second = client.get(LIST_URL)
    selected = PracticeFactory(
        title="Freshly published", state="selected", public_version_approved_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        practice_services.practice_transition(
            practice=selected,
            target="published",
            actor=UserFactory(is_staff=True, groups=["Reviewers"]),
        )
    third = client.get(LIST_URL)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Freshly published" in third.content.decode()  # P-05: shows on the next request


def test_list_page_of_a_logged_in_person_is_neither_served_from_nor_put_in_the_cache(
    client, client_for, facet_world
):
    client.get(LIST_URL)  # an anonymous page in the cache
    person = client_for("sme_admin")

    mine = person.get(LIST_URL)
    after = client.get(LIST_URL)

    assert "X-Page-Cache" not in mine  # rendered for them
    assert "Log out" in mine.content.decode()
    assert "Log out" not in after.content.decode()  # P-06: nothing of theirs leaks


def test_practices_version_bump_changes_the_version():
    before = practices_version()

    practices_version_bump()

    assert practices_version() == before + 1


def test_a_request_reads_the_version_once_and_the_next_one_sees_a_change():
    """Within a request the version is read once (practices.cache.per_request); another
    process's bump shows from the next request; this request's own bump shows at once;
    outside a request every read goes to the cache."""
    before = practices_version()
    # (as the test client does: close_old_connections would end the test's transaction)
    request_started.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        assert practices_version() == before
        cache.incr(VERSION_KEY)  # another process publishes
        assert practices_version() == before  # the same request: the same version
        practices_version_bump()  # this request publishes
        assert practices_version() == before + 2
    finally:
        request_started.connect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        request_finished.send(sender=None)
        request_finished.connect(close_old_connections)
    cache.incr(VERSION_KEY)
    assert practices_version() == before + 3  # outside a request: read each time


# --------------------------------------------------------------------------------------------
# Search and sort
# --------------------------------------------------------------------------------------------
def test_search_finds_words_in_title_description_and_sme_name(client):
    published("Friday robotics club", short_description="We build robots.")
    published("Coffee and code", short_description="Pair programming over coffee.")
    published("Lunch lessons", organisation=OrganisationFactory(name="Robotics Bakery"))

    response = client.get(f"{LIST_URL}?q=robotics")

    assert sorted(titles(response)) == ["Friday robotics club", "Lunch lessons"]
    assert response.context["total"] == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text ranking: PostgreSQL")
def test_search_ranks_a_title_match_first(client):
    with time_machine.travel(datetime(2023, 1, 1, tzinfo=UTC)):
        published("Quantum learning lab", short_description="Staff learn together.")
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=UTC)):
        published(
            "Newer practice",
            short_description="Staff learn.",
            methodology="A little quantum computing in the methodology.",
        )

    response = client.get(f"{LIST_URL}?q=quantum")

    assert titles(response) == ["Quantum learning lab", "Newer practice"]


def test_sort_orders(client):
    with time_machine.travel(datetime(2023, 1, 1, tzinfo=UTC)):
        published("Beta practice", view_count=50)
    with time_machine.travel(datetime(2023, 2, 1, tzinfo=UTC)):
        published("alpha practice", view_count=5)
    with time_machine.travel(datetime(2023, 3, 1, tzinfo=UTC)):
        published("Gamma practice", view_count=20)

    orders = {
        sort: titles(client.get(f"{LIST_URL}?sort={sort}"))
        for sort in ("", "newest", "views", "title")
    }

    assert orders == {
        "": ["Gamma practice", "alpha practice", "Beta practice"],
        "newest": ["Gamma practice", "alpha practice", "Beta practice"],
        "views": ["Beta practice", "Gamma practice", "alpha practice"],
        "title": ["alpha practice", "Beta practice", "Gamma practice"],
    }


def test_sort_a_to_z_uses_the_public_title(client):
    PublishedPracticeFactory(title="Zebra (SME's title)", public_title="Aardvark")
    PublishedPracticeFactory(title="Mole", public_title="")

    response = client.get(f"{LIST_URL}?sort=title")

    assert titles(response) == ["Aardvark", "Mole"]


# --------------------------------------------------------------------------------------------
# Pagination and bad input
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("1", 1), ("2", 2), ("3", 2), ("-1", 2), ("0", 2), ("abc", 1), ("", 1), ("2.5", 1)],
    ids=["first", "last", "past-the-end", "negative", "zero", "letters", "empty", "decimal"],
)
def test_pagination_edge_cases_fall_back_to_a_real_page(client, page, expected_number):
    for n in range(PER_PAGE + 1):
        published(f"Practice {n:02d}")

    response = client.get(f"{LIST_URL}?page={page}")

    assert response.status_code == 200
    assert response.context["page"].number == expected_number
    assert len(titles(response)) == (PER_PAGE if expected_number == 1 else 1)


def test_pagination_links_keep_the_filters(client):
    organisation = OrganisationFactory(country="FR")
    for n in range(PER_PAGE + 1):
        published(f"Practice {n:02d}", organisation=organisation)

    body = client.get(f"{LIST_URL}?country=FR&page=1").content.decode()

    assert 'href="?country=FR&amp;page=2"' in body


@pytest.mark.parametrize(
    "query",
    [
        "country=XX",
        "country=null",
        "page=-1",
        "page=abc",
        "page=99999999999999999999999",
        "sort=';drop table practices_practice;--",
        "q=" + "a" * 5000,
        "q=Zürich café 東京 🚀",
        "q=%00",
        "q=\"unbalanced ' quotes & | ! (",
        "year=abc",
        "year=99999999",
        "year=-5",
        "topic=no-such-topic",
        "tool[]=x&call=%F0%9F%9A%80",
        "size=large",
    ],
    ids=[
        "unknown-country",
        "null-country",
        "negative-page",
        "letters-page",
        "huge-page",
        "sql-sort",
        "huge-q",
        "unicode-q",
        "nul-q",
        "operators-q",
        "letters-year",
        "huge-year",
        "negative-year",
        "unknown-topic",
        "odd-keys",
        "large-size",
    ],
)
def test_bad_query_strings_never_fail(client, query):
    published("Still here")

    response = client.get(f"{LIST_URL}?{query}")

    assert response.status_code == 200


def test_unlisted_call_without_published_practices_is_not_revealed_by_the_call_filter(client):
    CallFactory(slug="secret-call", title="Secret call in preparation", is_listed=False)
    published("Still here")

    response = client.get(f"{LIST_URL}?call=secret-call")

    assert "Secret call in preparation" not in response.content.decode()
    assert titles(response) == ["Still here"]


def test_invalid_filter_is_reported_and_ignored(client):
    published("Still here", organisation=OrganisationFactory(country="FR"))

    response = client.get(f"{LIST_URL}?country=XX")

    assert titles(response) == ["Still here"]
    assert "Some filters were not understood" in response.content.decode()
    assert "country" in response.context["form"].errors


def test_too_long_search_is_reported_and_ignored(client):
    published("Still here")

    response = client.get(f"{LIST_URL}?q={'a' * 5000}")

    assert titles(response) == ["Still here"]
    assert "q" in response.context["form"].errors


# --------------------------------------------------------------------------------------------
# The practice page
# --------------------------------------------------------------------------------------------
def test_detail_shows_practice_sme_and_call_with_open_graph_tags(client):
    call = CallFactory(title="Digital SkillUp 2024")
    practice = published(
        "Friday learning hour",
        public_description="One hour every Friday.",
        organisation=OrganisationFactory(
            name="Atelier Lumière", country="FR", sector="C", size_band="small"
        ),
        call=call,
        employees_reached=42,
        since_year=2019,
        audience="ict",
    )
    practice.topics.set([Topic.objects.get(slug="cybersecurity")])

    body = client.get(detail_url(practice)).content.decode()

    for text in (
        "Friday learning hour",
        "One hour every Friday.",
        "Atelier Lumière",
        "France",
        "Manufacturing",
        "Small (10–49 employees)",
        "ICT specialists",
        "42",
        "2019",
        "Cybersecurity",
        "Elements of AI",
        practice.methodology,
        str(call.question_methodology),
        f'href="{call.get_absolute_url()}"',
    ):
        assert text in body, text
    assert '<meta property="og:title" content="Friday learning hour">' in body
    assert '<meta property="og:type" content="article">' in body
    assert f'<meta property="og:url" content="http://testserver{detail_url(practice)}">' in body
    assert '<meta property="og:description" content="One hour every Friday.">' in body


def test_detail_never_shows_sme_staff_email_addresses(client, world):
    practice = published("Our practice", organisation=world.sme, created_by=world.sme_admin)
    emails = [world.sme_admin.email, world.sme_member.email]
    assert all(emails)

    body = client.get(detail_url(practice)).content.decode()

    assert [email for email in emails if email in body] == []
    assert "@" not in re.sub(r"<script.*?</script>", "", body).replace("@context", "")


def test_detail_escapes_html_written_by_the_sme(client):
    practice = published("<script>alert(1)</script>", methodology="<b>bold</b>")

    body = client.get(detail_url(practice)).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;bold&lt;/b&gt;" in body


@pytest.mark.parametrize("state", ["draft", "submitted", "selected", "declined"])
def test_detail_of_unpublished_practice_is_404(client, state):
    practice = PracticeFactory(state=state, slug=f"not-yet-{state}")

    response = client.get(f"/en/practices/{practice.slug}/")

    assert response.status_code == 404


def test_view_count_deduplicates_reloads_and_counts_two_clients():
    practice = published("Counted practice")
    first = Client(HTTP_USER_AGENT="Browser one")
    second = Client(HTTP_USER_AGENT="Browser two")

    first.get(detail_url(practice))
    first.get(detail_url(practice))
    practice.refresh_from_db()
    after_reloads = practice.view_count
    second.get(detail_url(practice))
    practice.refresh_from_db()

    assert (after_reloads, practice.view_count) == (1, 2)


def test_view_count_does_not_create_a_session_for_anonymous_visitors(client):
    from django.contrib.sessions.models import Session

    practice = published("Counted practice")

    response = client.get(detail_url(practice))

    assert Session.objects.count() == 0
    assert "sessionid" not in response.cookies


def test_view_count_of_logged_in_visitor_follows_the_session(client_for):
    practice = published("Counted practice")
    member = client_for("sme_member")

    member.get(detail_url(practice), HTTP_USER_AGENT="One")
    member.get(detail_url(practice), HTTP_USER_AGENT="Another")
    practice.refresh_from_db()

    assert practice.view_count == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_views_of_distinct_visitors_lose_no_increment():
    practice = published("Popular practice")
    visitors = 8

    def view(n: int):
        return lambda: services.practice_register_view(slug=practice.slug, visitor=f"visitor-{n}")

    outcomes = at_once(*(view(n) for n in range(visitors)))
    practice.refresh_from_db()

    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert practice.view_count == visitors


# --------------------------------------------------------------------------------------------
# Contact form
# --------------------------------------------------------------------------------------------
MESSAGE = {"name": "Ana Visitor", "email": "ana@example.org", "message": "How do you start?"}


def contact_url(practice: Practice) -> str:
    return reverse("practices:practice_contact", kwargs={"slug": practice.slug})


def test_contact_sends_one_email_to_the_sme_admins(client, world):
    practice = published("Our practice", organisation=world.sme)

    response = client.post(contact_url(practice), MESSAGE, follow=True)

    assert response.redirect_chain == [(detail_url(practice), 302)]
    assert "Your message is on its way to the SME." in response.content.decode()
    assert list(ContactMessage.objects.values_list("name", "email", "message")) == [
        ("Ana Visitor", "ana@example.org", "How do you start?")
    ]
    assert list(
        Notification.objects.filter(event="practice_contact").values_list("to_email", flat=True)
    ) == [world.sme_admin.email]


def test_the_practice_page_leads_to_the_contact_form_and_stays_the_same_for_everyone(client):
    """The form is a page of its own: its CSRF token would make the practice's page the
    visitor's own, out of the visitors' page cache (#18)."""
    practice = published("Our practice")

    page = client.get(detail_url(practice))
    form = client.get(contact_url(practice)).content.decode()

    assert f'href="{contact_url(practice)}"' in page.content.decode()
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert page["X-Page-Cache"] == "miss"  # stored for the next visitor
    assert f'action="{contact_url(practice)}"' in form
    assert 'name="message"' in form and "csrfmiddlewaretoken" in form


def test_contact_over_the_limit_gets_429_and_sends_nothing(client, world):
    practice = published("Our practice", organisation=world.sme)
    for _ in range(CONTACT_LIMIT):
        assert client.post(contact_url(practice), MESSAGE).status_code == 302

    response = client.post(contact_url(practice), MESSAGE)

    assert response.status_code == 429
    assert "Please try again in an hour" in response.content.decode()
    assert ContactMessage.objects.count() == CONTACT_LIMIT
    assert Notification.objects.filter(event="practice_contact").count() == CONTACT_LIMIT


def test_contact_limit_is_per_address(client, world):
    practice = published("Our practice", organisation=world.sme)
    for _ in range(CONTACT_LIMIT):
        client.post(contact_url(practice), MESSAGE)

    response = Client(REMOTE_ADDR="203.0.113.9").post(contact_url(practice), MESSAGE)

    assert response.status_code == 302


def test_contact_limit_resets_after_an_hour(client, world):
    practice = published("Our practice", organisation=world.sme)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(CONTACT_LIMIT):
            client.post(contact_url(practice), MESSAGE)
        traveller.shift(timedelta(hours=1, minutes=1))

        response = client.post(contact_url(practice), MESSAGE)

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "name"),
        ({**MESSAGE, "email": "not-an-address"}, "email"),
        ({**MESSAGE, "message": "x" * 3001}, "message"),
        ({**MESSAGE, "message": "   "}, "message"),
        ({**MESSAGE, "name": "Ana\r\nBcc: victim@example.org"}, "name"),
        ({**MESSAGE, "name": "n" * 151}, "name"),
    ],
    ids=["empty", "bad-email", "too-long", "blank-message", "header-injection", "long-name"],
)
def test_contact_bad_input_is_refused_and_sends_nothing(client, world, data, field):
    practice = published("Our practice", organisation=world.sme)

    response = client.post(contact_url(practice), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert ContactMessage.objects.count() == 0
    assert Notification.objects.filter(event="practice_contact").count() == 0


def test_contact_keeps_html_and_unicode_as_text(client, world):
    practice = published("Our practice", organisation=world.sme)
    text = "<script>alert('x')</script> Grüße 東京 🚀"

    client.post(contact_url(practice), {**MESSAGE, "message": text})

    assert ContactMessage.objects.get().message == text


def test_contact_trap_filled_by_a_robot_sends_nothing(client, world):
    practice = published("Our practice", organisation=world.sme)

    response = client.post(contact_url(practice), {**MESSAGE, "homepage": "http://spam"})

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0


def test_contact_to_unpublished_practice_is_404(client, world):
    practice = PracticeFactory(organisation=world.sme, state="selected", slug="selected-one")

    response = client.post(f"/en/practices/{practice.slug}/contact/", MESSAGE)

    assert response.status_code == 404
    assert ContactMessage.objects.count() == 0


# --------------------------------------------------------------------------------------------
# Attachments
# --------------------------------------------------------------------------------------------
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def attachment_url(practice: Practice) -> str:
    return reverse("practices:practice_attachment", kwargs={"pk": practice.pk})


def fetch(client: Client, url: str) -> tuple[int, bytes]:
    """Status and body of a (possibly streamed) response. Reading a stream to its end closes
    the file through the test client (a bare close() would close the test's connection)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def test_attachment_pdf_of_published_practice_downloads_for_anyone(client, media):
    practice = published(
        "Our practice", attachment=SimpleUploadedFile("plan.pdf", PDF, "application/pdf")
    )

    response = client.get(attachment_url(practice))
    content = b"".join(response.streaming_content)

    assert (response.status_code, content) == (200, PDF)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_attachment_image_is_served_inline_and_shown_on_the_page(client, media):
    practice = published("Our practice", attachment=SimpleUploadedFile("p.png", PNG, "image/png"))

    response = client.get(attachment_url(practice))
    content = b"".join(response.streaming_content)
    body = client.get(detail_url(practice)).content.decode()

    assert (response["Content-Type"], content) == ("image/png", PNG)
    assert response["Content-Disposition"].startswith("inline;")
    assert f'src="{attachment_url(practice)}"' in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("other_sme_admin", 404),
        ("company_admin", 404),
        ("sme_member", 200),
        ("sme_admin", 200),
        ("reviewer", 200),
        ("coordinator", 200),
    ],
)
def test_attachment_of_unpublished_practice_only_for_members_and_staff(
    client_for, world, media, role, status
):
    practice = PracticeFactory(
        organisation=world.sme,
        state="in_review",
        attachment=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )

    response_status, _body = fetch(client_for(role), attachment_url(practice))

    assert response_status == status


def test_attachment_of_published_practice_without_consent_is_not_public(client_for, world, media):
    practice = published(
        "No consent",
        organisation=world.sme,
        publication_consent=False,
        attachment=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    roles = ("anonymous", "sme_member")

    statuses = [fetch(client_for(role), attachment_url(practice))[0] for role in roles]

    assert statuses == [404, 200]


def test_attachment_missing_is_404(client, media):
    practice = published("No file")

    assert client.get(attachment_url(practice)).status_code == 404
    assert client.get("/en/files/practices/999999/").status_code == 404


# --------------------------------------------------------------------------------------------
# Feed and sitemap
# --------------------------------------------------------------------------------------------
def test_feed_lists_published_practices_newest_first_escaped(client):
    with time_machine.travel(datetime(2023, 1, 1, tzinfo=UTC)):
        published("Older practice", public_description="Plain <b>text</b>")
    with time_machine.travel(datetime(2024, 1, 1, tzinfo=UTC)):
        newer = published("Newer practice")
    PracticeFactory(title="Draft practice")

    response = client.get(reverse("practices:practice_feed"))
    body = response.content.decode()

    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.index("Newer practice") < body.index("Older practice")
    assert f"http://testserver{detail_url(newer)}" in body
    assert "Draft practice" not in body
    assert "&amp;lt;b&amp;gt;text&amp;lt;/b&amp;gt;" in body  # text, not markup, for readers


def test_feed_has_at_most_fifty_entries(client):
    for n in range(52):
        published(f"Practice {n}")

    body = client.get(reverse("practices:practice_feed")).content.decode()

    assert body.count("<entry>") == 50


def test_sitemap_lists_listed_calls_and_published_practices(client):
    listed = CallFactory(slug="listed-call")
    CallFactory(slug="unlisted-call", is_listed=False)
    practice = published("Published practice", call=listed)
    PracticeFactory(title="Draft", slug="draft-practice")

    index = client.get("/sitemap.xml").content.decode()
    body = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode()
        for section in ("pages", "calls", "practices")
    )

    assert [f"/sitemap-{s}.xml</loc>" in index for s in ("pages", "calls", "practices")] == [
        True,
        True,
        True,
    ]
    assert "/en/calls/listed-call/" in body
    assert "/fr/calls/listed-call/" in body
    assert f"/en/practices/{practice.slug}/" in body
    assert f"/fr/practices/{practice.slug}/" in body
    # the sitemap dates in the programme's time zone (between 23:00 and 24:00 UTC, tomorrow there)
    assert f"<lastmod>{timezone.localtime(practice.published_at):%Y-%m-%d}" in body
    assert "unlisted-call" not in body
    assert "draft-practice" not in body
    assert "/en/practices/</loc>" in body


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("other_sme_admin", 404),
        ("company_admin", 404),
        ("sme_member", 200),
        ("reviewer", 200),
        ("coordinator", 200),
    ],
)
def test_detail_answer_attachment_only_for_the_sme_and_staff(world, client_for, role, status):
    from django.core.files.base import ContentFile

    from practices import services

    practice = PracticeFactory(organisation=world.sme, state="shortlisted")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="Send the plan?"
    )
    services.detail_request_answer(
        user=world.sme_admin,
        detail_request=request,
        answer="Attached.",
        attachment=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
    )

    response = client_for(role).get(
        reverse("practices:detail_attachment", kwargs={"pk": request.pk})
    )

    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("language", "views", "expected"),
    [
        ("en", 1, ["Acme Robotics · France · Small (10–49 employees)",
                   "Published 3 May 2024 · 1 view", "Artificial intelligence"]),
        ("fr", 1234, ["Acme Robotics · France · Petite (10 à 49 salariés)",
                      "Publiée le 3 mai 2024 · 1234 consultations", "Intelligence artificielle"]),
    ],
    ids=["en", "fr"],
)  # fmt: skip
def test_a_card_on_the_list_shows_the_practice_in_the_visitors_language(
    client, language, views, expected
):
    words = " ".join(f"word{n}" for n in range(60))
    practice = published(
        "Robots <b>at lunch</b>",
        short_description=words,
        view_count=views,
        published_at=datetime(2024, 5, 3, 10, tzinfo=UTC),
        organisation=OrganisationFactory(name="Acme Robotics", country="FR", size_band="small"),
    )
    practice.topics.set([Topic.objects.get(slug="artificial-intelligence")])

    body = client.get(f"/{language}/practices/").content.decode()

    for text in expected:
        assert text in body
    assert "Robots &lt;b&gt;at lunch&lt;/b&gt;" in body
    assert " ".join(f"word{n}" for n in range(40)) + " …" in body
    assert "word40" not in body
    assert f'href="/{language}/practices/{practice.slug}/"' in body
