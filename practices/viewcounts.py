"""Views of published practices, counted in Redis and written to the database once a minute.

A practice's page is the page people land on from a shared link or a newsletter: writing to
PostgreSQL on each view (the running total and the day's row) held it to a few hundred
requests a second and kept it out of the visitors' page cache. Now a counted view is one
HINCRBY in Redis, on a hash per day (`practice-views:<day>`: slug → views), and the beat task
`practices.flush_views` (every PRACTICE_VIEWS_FLUSH_SECONDS) adds the hashes to the database:
PracticeViewDay rows (the programme overview's weeks) and Practice.view_count (the total SMEs
and visitors see), in one transaction per day.

What can be lost, and what cannot:
- a web process restarting loses nothing: the counts are in Redis;
- a flush that dies is finished by the next one: a day's hash is first renamed (atomically:
  views counted meanwhile start a new hash), then added in a transaction that also records the
  renamed key (PracticeViewFlush, unique), then deleted. Died before the commit: the next
  flush adds it; died after the commit and before the delete: the next flush finds the key
  recorded and only deletes it. Never added twice;
- Redis restarting without its data (no persistence) loses the views counted since the last
  flush: at most PRACTICE_VIEWS_FLUSH_SECONDS' worth (a minute by default).
Without Redis as the cache (the embedded default, `make run`), or when Redis does not answer,
a view is written to the database at once, as before.
"""

import logging
import secrets
from datetime import date, timedelta

from django.core.cache import cache, caches
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from .models import Practice, PracticeViewDay, PracticeViewFlush

logger = logging.getLogger(__name__)

PENDING = "practice-views:"  # + ISO day: the hash views are added to
FLUSHING = "practice-views-flushing:"  # + ISO day + ":" + token: a hash being written
FLUSH_MARKS_KEPT = timedelta(days=3)

# A practice's views of a day added to its row of the day, creating the row on the day's first
# views: PostgreSQL (and SQLite) resolve two first writes at once on the unique constraint.
_ADD_VIEWS_OF_THE_DAY = (
    "INSERT INTO {days} (practice_id, day, views) VALUES (%s, %s, %s) "
    "ON CONFLICT (practice_id, day) DO UPDATE SET views = {days}.views + excluded.views"
)
# PostgreSQL: every practice's total and row of the day in ONE statement (a data-modifying CTE
# over the batch's arrays of slugs and views; a slug no practice has any more is left out)
_ADD_ALL_VIEWS = (
    "WITH batch AS (SELECT p.id, v.views FROM unnest(%s::text[], %s::int[]) AS v(slug, views) "
    "JOIN {practices} p ON p.slug = v.slug), "
    "total AS (UPDATE {practices} SET view_count = {practices}.view_count + batch.views "
    "FROM batch WHERE {practices}.id = batch.id) "
    "INSERT INTO {days} (practice_id, day, views) SELECT id, %s, views FROM batch "
    "ON CONFLICT (practice_id, day) DO UPDATE SET views = {days}.views + excluded.views"
)


def _redis():
    """The raw Redis client of the default cache, or None when the cache is not Redis."""
    default = caches["default"]
    if not isinstance(default, RedisCache):
        return None
    return default.client.get_client(write=True)


def _key(name: str) -> str:
    return cache.make_key(name)  # (the cache's prefix and version: tests keep apart)


def add_view(slug: str, day: date) -> None:
    """One view of the published practice `slug` on `day` (the site's date)."""
    client = _redis()
    if client is not None:
        try:
            client.hincrby(_key(f"{PENDING}{day.isoformat()}"), slug, 1)
            return
        except RedisError as exc:
            logger.warning("practice views: Redis did not answer (%s); written at once", exc)
    _write(day, {slug: 1})


def flush() -> int:
    """Add the buffered views to the database; the number of views added. Batches a flush
    left half done first (see the module's docstring)."""
    client = _redis()
    if client is None:
        return 0
    added = 0
    for key in sorted(client.scan_iter(match=_key(f"{FLUSHING}*"))):
        added += _flush_batch(client, key.decode())
    for key in sorted(client.scan_iter(match=_key(f"{PENDING}*"))):
        day = key.decode().rsplit(":", 1)[-1]
        batch = _key(f"{FLUSHING}{day}:{secrets.token_hex(8)}")
        try:
            client.rename(key, batch)
        except RedisError:  # (another flush took it first)
            continue
        added += _flush_batch(client, batch)
    PracticeViewFlush.objects.filter(flushed_at__lt=timezone.now() - FLUSH_MARKS_KEPT).delete()
    return added


def _flush_batch(client, key: str) -> int:
    counts = {slug.decode(): int(n) for slug, n in client.hgetall(key).items()}
    day = date.fromisoformat(key.split(FLUSHING, 1)[1].split(":", 1)[0])
    try:
        with transaction.atomic():
            if PracticeViewFlush.objects.filter(key=key).exists():
                counts = {}  # added by a flush that died before deleting the key
            else:
                PracticeViewFlush.objects.create(key=key)
                _write(day, counts)
    except IntegrityError:  # another flush is adding this batch
        return 0
    client.delete(key)
    return sum(counts.values())


def _write(day: date, counts: dict[str, int]) -> None:
    """Add `counts` (slug → views) to the practices' totals and their rows of `day`."""
    if not counts:
        return
    days = connection.ops.quote_name(PracticeViewDay._meta.db_table)
    if connection.vendor == "postgresql":  # one statement: atomic by itself
        practices = connection.ops.quote_name(Practice._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                _ADD_ALL_VIEWS.format(practices=practices, days=days),
                [list(counts), list(counts.values()), day],
            )
        return
    # SQLite (the embedded default): two statements a practice, in one transaction
    ids = dict(Practice.objects.filter(slug__in=list(counts)).values_list("slug", "pk"))
    with transaction.atomic(), connection.cursor() as cursor:
        for slug, pk in ids.items():
            Practice.objects.filter(pk=pk).update(view_count=F("view_count") + counts[slug])
            cursor.execute(_ADD_VIEWS_OF_THE_DAY.format(days=days), [pk, day, counts[slug]])
