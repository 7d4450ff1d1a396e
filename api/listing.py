"""The rows the API's practice answers are made of: plain values, not model instances.

A page of 20 practices as model instances (the practice, its SME, its call with its texts in
every language, its topics through a prefetch) was half of a list answer's time at 100,000
practices; the same page as values is two queries and a few dictionaries:

- the practices with their SME's public facts, and their public title, description and text
  language worked out in SQL by the model's own expressions (DISPLAY_TITLE, TEXT_LANGUAGE…);
- their topics (slug and name), in name order;
- the calls' slugs and titles, read once per practices version and language (a call's new
  title bumps the version: practices/cache.py).

A row is a dict with the keys of ROW_KEYS; row_of() makes the same row from a practice loaded
as a model (the detail answer, which shows more of it).
"""

from collections import defaultdict

from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from practices.cache import practices_version
from practices.enums import PracticeState
from practices.models import Call, Practice
from practices.models.practices import DISPLAY_DESCRIPTION, DISPLAY_TITLE, TEXT_LANGUAGE
from practices.translation import localized_names

ROW_KEYS = (
    "pk",
    "slug",
    "display_title",
    "display_description",
    "text_language",
    "audience",
    "published_at",
    "call_id",
    "sme_name",
    "sme_country",
    "sme_sector",
    "sme_size_band",
    "topics",  # [(slug, name)], name order
)

_COLUMNS = {
    "display_title": DISPLAY_TITLE,
    "display_description": DISPLAY_DESCRIPTION,
    "text_language": TEXT_LANGUAGE,
    "sme_name": F("organisation__name"),
    "sme_country": F("organisation__country"),
    "sme_sector": F("organisation__sector"),
    "sme_size_band": F("organisation__size_band"),
}


def _practices(ids):
    return Practice.objects.filter(pk__in=ids, state=PracticeState.PUBLISHED).values(
        "pk", "slug", "audience", "published_at", "call_id", **_COLUMNS
    )


def _topics(ids):
    return (
        Practice.topics.through.objects.filter(practice_id__in=ids)
        .order_by("practice_id", "topic__name", "topic_id")
        .values("practice_id", "topic__slug", "topic__name")
    )


class _Compiled:
    """A values() query of a list of ids, compiled to SQL once per process (PostgreSQL: the ids
    go in as one array parameter): building and compiling the two queries was a third of a
    page's rows' time. Its rows are the values() query's dicts, the same keys and values (a
    test compares both); on another database the query is built each time."""

    def __init__(self, query_of) -> None:
        self.query_of = query_of
        self.compiled: tuple[str, list, int, list[str]] | None = None

    def __call__(self, ids: list[int]) -> list[dict]:
        if connection.vendor != "postgresql":
            return list(self.query_of(ids))
        if self.compiled is None:
            self.compiled = self._compile()
        sql, params, position, names = self.compiled
        params = [*params[:position], ids, *params[position + 1 :]]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _compile(self):
        marker = [0]
        queryset = self.query_of(RawSQL("SELECT unnest(%s::bigint[])", (marker,)))
        query = queryset.query
        sql, params = query.sql_with_params()
        position = next(index for index, param in enumerate(params) if param is marker)
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, list(params), position, names


_practice_rows = _Compiled(_practices)
_topic_rows = _Compiled(_topics)


def listed_rows(ids) -> list[dict]:
    """The published practices of `ids`, in that order (two queries); ids no longer published
    are left out."""
    ids = [int(pk) for pk in ids]  # (ids from the facet index are NumPy integers)
    if not ids:
        return []
    found = {row["pk"]: row for row in _practice_rows(ids)}
    topics = defaultdict(list)
    for pair in _topic_rows(list(found)):
        topics[pair["practice_id"]].append((pair["topic__slug"], pair["topic__name"]))
    rows = []
    for pk in ids:
        if (row := found.get(pk)) is not None:
            row["topics"] = topics[pk]
            rows.append(row)
    return rows


def row_of(practice: Practice) -> dict:
    """The row of a practice loaded as a model with its SME and its topics prefetched."""
    organisation = practice.organisation
    return {
        "pk": practice.pk,
        "slug": practice.slug,
        "display_title": practice.display_title,
        "display_description": practice.display_description,
        "text_language": practice.text_language,
        "audience": practice.audience,
        "published_at": practice.published_at,
        "call_id": practice.call_id,
        "sme_name": organisation.name,
        "sme_country": organisation.country.code,
        "sme_sector": organisation.sector,
        "sme_size_band": organisation.size_band,
        "topics": [(topic.slug, topic.name) for topic in practice.topics.all()],
    }


# (practices version, language) → {call id: (slug, title in that language)}; the latest
# version's only
_CALLS: dict[tuple[int, str], dict[int, tuple[str, str]]] = {}


def calls_by_id(needed=()) -> dict[int, tuple[str, str]]:
    """Every call's slug and title in the active language (one query per version and
    language in each process; again when one of the `needed` ids is not known yet)."""
    key = (practices_version(), get_language() or "")
    calls = _CALLS.get(key)
    if calls is None or any(pk not in calls for pk in needed):
        if any(version != key[0] for version, _language in list(_CALLS)):  # (threads)
            _CALLS.clear()
        calls = _CALLS[key] = {
            call.pk: (call.slug, call.title)
            for call in Call.objects.only("slug", *localized_names("title"))
        }
    return calls
