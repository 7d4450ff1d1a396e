"""Views counted in Redis and written to the database by the flush (practices.viewcounts, #18):
they reach the days' rows and the totals; a flush that dies is finished by the next and never
adds a batch twice; crawlers are not counted; a page served from the cache still counts."""

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from practices import services, viewcounts
from practices.models import PracticeViewDay, PracticeViewFlush
from tests.factories import PublishedPracticeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL names no Redis"),
]

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def redis_cache():
    """The production cache (Redis), under a key prefix of this test's own."""
    prefix = f"test-views-{uuid.uuid4().hex[:12]}"
    caches = {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": prefix,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=caches):
        yield
        client = viewcounts._redis()
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def view_days(practice) -> list[tuple]:
    days = PracticeViewDay.objects.filter(practice=practice).order_by("day")
    return list(days.values_list("day", "views"))


def register(practice, visitor: str, user_agent: str = FIREFOX) -> bool:
    return services.practice_register_view(
        slug=practice.slug, visitor=visitor, user_agent=user_agent
    )


def test_views_wait_in_redis_and_the_flush_adds_them_to_the_days_row_and_the_total():
    practice = PublishedPracticeFactory()

    counted = [register(practice, "ana"), register(practice, "ana"), register(practice, "ben")]
    practice.refresh_from_db()
    before = (practice.view_count, view_days(practice))
    added = viewcounts.flush()
    practice.refresh_from_db()

    assert counted == [True, False, True]
    assert before == (0, [])  # nothing written per view
    assert added == 2
    assert (practice.view_count, view_days(practice)) == (2, [(timezone.localdate(), 2)])
    assert viewcounts.flush() == 0  # nothing added twice
    practice.refresh_from_db()
    assert practice.view_count == 2


def test_views_of_two_days_are_two_rows_written_by_one_flush():
    practice = PublishedPracticeFactory()
    monday = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)

    with time_machine.travel(monday, tick=False):
        register(practice, "ana")
    with time_machine.travel(monday + timedelta(days=1), tick=False):
        register(practice, "ben")
        viewcounts.flush()
    practice.refresh_from_db()

    assert view_days(practice) == [(monday.date(), 1), (monday.date() + timedelta(days=1), 1)]
    assert practice.view_count == 2


def _pending_key() -> bytes:
    [key] = viewcounts._redis().scan_iter(match=cache.make_key(f"{viewcounts.PENDING}*"))
    return key


def test_a_flush_that_died_before_its_commit_is_finished_by_the_next():
    practice = PublishedPracticeFactory()
    register(practice, "ana")
    register(practice, "ben")
    # a flush renamed the day's hash, then its process died
    day = _pending_key().decode().rsplit(":", 1)[-1]
    batch = cache.make_key(f"{viewcounts.FLUSHING}{day}:died")
    viewcounts._redis().rename(_pending_key(), batch)
    register(practice, "eva")  # counted meanwhile: a new hash

    assert viewcounts.flush() == 3
    practice.refresh_from_db()
    assert practice.view_count == 3
    assert not list(viewcounts._redis().scan_iter(match=cache.make_key("practice-views*")))


def test_a_flush_that_died_after_its_commit_adds_nothing_twice():
    practice = PublishedPracticeFactory()
    register(practice, "ana")
    register(practice, "ben")
    client = viewcounts._redis()
    day = _pending_key().decode().rsplit(":", 1)[-1]
    batch = cache.make_key(f"{viewcounts.FLUSHING}{day}:committed")
    client.rename(_pending_key(), batch)
    kept = client.hgetall(batch)
    viewcounts.flush()
    # its commit happened, its DEL did not: the batch is still in Redis
    client.hset(batch, mapping=kept)

    assert viewcounts.flush() == 0
    practice.refresh_from_db()
    assert practice.view_count == 2
    assert PracticeViewFlush.objects.filter(key=batch).exists()
    assert not client.exists(batch)


def test_old_flush_marks_are_deleted():
    PracticeViewFlush.objects.create(key="old", flushed_at=timezone.now() - timedelta(days=4))
    PracticeViewFlush.objects.create(key="recent")

    viewcounts.flush()

    assert list(PracticeViewFlush.objects.values_list("key", flat=True)) == ["recent"]


def test_known_crawlers_are_not_counted(client):
    practice = PublishedPracticeFactory()
    url = reverse("practices:practice_detail", kwargs={"slug": practice.slug})

    assert register(practice, "crawler", user_agent=GOOGLEBOT) is False
    client.get(url, HTTP_USER_AGENT=GOOGLEBOT)
    client.get(url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)")
    Client(HTTP_USER_AGENT=FIREFOX).get(url)
    viewcounts.flush()
    practice.refresh_from_db()

    assert practice.view_count == 1


def test_a_page_served_from_the_cache_still_counts_its_view():
    practice = PublishedPracticeFactory()
    url = reverse("practices:practice_detail", kwargs={"slug": practice.slug})

    first = Client(HTTP_USER_AGENT=FIREFOX).get(url)
    second = Client(HTTP_USER_AGENT=f"{FIREFOX} (another)").get(url)
    viewcounts.flush()
    practice.refresh_from_db()

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert practice.view_count == 2


def test_without_redis_answering_a_view_is_written_at_once():
    practice = PublishedPracticeFactory()
    dead = {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # (nothing listens on the discard port)
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }

    with override_settings(CACHES=dead):
        viewcounts.add_view(practice.slug, timezone.localdate())
    practice.refresh_from_db()

    assert (practice.view_count, view_days(practice)) == (1, [(timezone.localdate(), 1)])
