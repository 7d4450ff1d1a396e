"""`<time datetime="…">` on the practices' pages carries a valid HTML datetime (#15): the HTML
checker refused `|date:"c"` on moments with microseconds (six digits of a second's fraction)."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from practices import services
from tests.factories import CallFactory, PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db

# A valid date string or global date and time string (HTML Living Standard 2.3.5): seconds
# optional, at most three digits of fraction, a zone "Z" or ±hh:mm.
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$")
DATETIME_ATTR = re.compile(r"<time[^>]*\sdatetime=\"([^\"]*)\"")

# Moments with microseconds, as the database hands back every `now()` it stored.
OPENS = datetime(2026, 1, 5, 8, 30, 15, 123456, tzinfo=UTC)


def datetimes(body: str) -> list[str]:
    return DATETIME_ATTR.findall(body)


def test_iso_datetime_drops_microseconds_and_names_the_zone():
    moment = datetime(2021, 4, 30, 21, 59, 58, 987654, tzinfo=UTC)

    rendered = Template(
        "{% load practices_tags %}{{ m|iso_datetime }}|{{ d|iso_datetime }}|{{ none|iso_datetime }}"
    ).render(Context({"m": moment, "d": moment.date(), "none": None}))

    assert rendered == "2021-04-30T23:59:58+02:00|2021-04-30|"  # Brussels, summer time


@pytest.fixture
def pages(world):
    """Every practices page with a `time` element, its moments stored with microseconds."""
    call = CallFactory(
        slug="with-microseconds",
        opens_at=timezone.now() - timedelta(days=3, microseconds=-654321),
        closes_at=timezone.now() + timedelta(days=20, microseconds=123457),
    )
    past = CallFactory(slug="past", opens_at=OPENS, closes_at=OPENS + timedelta(days=30))
    published = PublishedPracticeFactory(call=call, slug="micro")
    practice = PracticeFactory(call=call, organisation=world.sme)
    services.practice_submit(user=world.sme_member, practice=practice)  # a history row
    return {
        "call": reverse("practices:call_detail", kwargs={"slug": call.slug}),
        "past call": reverse("practices:call_detail", kwargs={"slug": past.slug}),
        "calls": reverse("practices:call_list"),
        "home": reverse("home"),
        "practice": reverse("practices:practice_detail", kwargs={"slug": published.slug}),
        "submission": reverse("practices:submission_detail", kwargs={"pk": practice.pk}),
    }


def test_every_time_element_of_the_practices_pages_is_valid(client_for, pages):
    client = client_for("sme_member")

    found = {name: datetimes(client.get(url).content.decode()) for name, url in pages.items()}

    assert all(found[name] for name in ("call", "past call", "practice", "submission")), found
    invalid = {name: [v for v in values if not VALID.match(v)] for name, values in found.items()}
    assert invalid == {name: [] for name in pages}


def test_the_countdown_reads_a_moment_without_microseconds(client, pages):
    body = client.get(pages["call"]).content.decode()

    moments = re.findall(r'data-(?:countdown|local-time)="([^"]*)"', body)

    assert moments and all(VALID.match(moment) for moment in moments)
