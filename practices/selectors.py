"""Reads for calls and practices, with their joins applied (list pages stay at a fixed number
of queries whatever the data size)."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Membership

from .enums import PracticeState
from .models import (
    Call,
    DeadlineExtension,
    DetailRequest,
    Practice,
    PracticeSearch,
    PracticeTransition,
    Topic,
    TrainingTool,
)

# Practices are written in many EU languages: no stemming, no language-specific stop words.
SEARCH_CONFIG = "simple"


def calls_listed() -> QuerySet[Call]:
    """Calls the public sees: listed, open now or opening later (soonest deadline first)."""
    return Call.objects.filter(is_listed=True, closes_at__gt=timezone.now()).order_by(
        "closes_at", "pk"
    )


def published_practices_listed() -> QuerySet[Practice]:
    """Published practices with what their card on the public list (and their entry in the
    feed) shows: the SME, the topics; not the call, the tools or the long answers: the list's
    page reads half as much."""
    return (
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .select_related("organisation")
        .defer(
            "online_learning",
            "methodology",
            "keep_learning",
            "other_tools",
            "pending_decision_comment",
        )
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
    )


def published_practices() -> QuerySet[Practice]:
    return (
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .select_related("organisation", "call")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            Prefetch("tools", queryset=TrainingTool.objects.order_by("name")),
        )
    )


# A search's ranked ids are kept this long per practices version (a publication starts afresh):
# the next pages of the same search, and the same words typed by the next visitor, rank nothing.
SEARCH_CACHE_SECONDS = 300


def _search_text(text: str) -> str:
    return " ".join(text.split())


def search_cache_key(text: str, version: int) -> str:
    # (websearch syntax and the "simple" configuration both ignore case: so does the key)
    digest = hashlib.sha256(_search_text(text).lower().encode()).hexdigest()[:40]
    return f"practices:search:{version}:{digest}"


def ranked_search(text: str, version: int) -> list[int]:
    """The ids of the published practices a keyword search matches, best first: PostgreSQL
    full-text search in the narrow PracticeSearch table (GIN index), ranked on the titles and
    descriptions, ties newest first; on SQLite a LIKE, newest first. Cached per practices
    version for SEARCH_CACHE_SECONDS."""
    text = _search_text(text)
    if not text:
        return []
    key = search_cache_key(text, version)
    ids = cache.get(key)
    if ids is None:
        ids = _ranked_ids(text)
        cache.set(key, ids, SEARCH_CACHE_SECONDS)
    return ids


def _ranked_ids(text: str) -> list[int]:
    if connection.vendor != "postgresql":
        matching = Practice.objects.filter(state=PracticeState.PUBLISHED).filter(_like(text))
        return list(matching.order_by("-published_at", "-pk").values_list("pk", flat=True))
    from django.contrib.postgres.search import SearchQuery, SearchRank

    query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    ranked = (
        PracticeSearch.objects.filter(document=query)
        .annotate(rank=SearchRank(F("rank_document"), query))
        .order_by("-rank", "-published_at", "-practice_id")
        .values_list("practice_id", flat=True)
    )
    with connection.cursor() as cursor:
        # The planner reads a common word's matches with a sequential scan, which unpacks every
        # document (half a second at 100,000 practices); the GIN index never does (60 ms).
        cursor.execute("SET enable_seqscan = off")
        try:
            return list(ranked)
        finally:
            cursor.execute("RESET enable_seqscan")


def _like(text: str) -> Q:
    condition = Q()
    for word in text.split()[:10]:
        condition &= (
            Q(public_title__icontains=word)
            | Q(title__icontains=word)
            | Q(public_description__icontains=word)
            | Q(short_description__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return condition


def search_practices(queryset: QuerySet[Practice], text: str) -> QuerySet[Practice]:
    """The practices of `queryset` a keyword search matches (in SQL, unordered: see
    ranked_search for the ranked ids)."""
    text = _search_text(text)
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.filter(
            pk__in=PracticeSearch.objects.filter(document=query).values("practice_id")
        )
    return queryset.filter(_like(text))


def submissions_of_user(user) -> QuerySet[Practice]:
    """Every practice of every SME the user belongs to, for the dashboard."""
    return (
        Practice.objects.filter(organisation__memberships__user=user)
        .select_related("call", "organisation")
        .prefetch_related(
            Prefetch(
                "detail_requests",
                queryset=DetailRequest.objects.filter(answered_at__isnull=True),
                to_attr="open_detail_requests",
            )
        )
        .order_by("-updated_at", "-pk")
    )


def extensions_of_user(user) -> QuerySet[DeadlineExtension]:
    return DeadlineExtension.objects.filter(organisation__memberships__user=user).select_related(
        "call", "organisation"
    )


def practices_for_staff(user) -> QuerySet[Practice]:
    """What programme staff may review: never a draft, never their own organisation's."""
    own = Membership.objects.filter(user=user, organisation=OuterRef("organisation"))
    return Practice.objects.exclude(
        state__in=(PracticeState.DRAFT, PracticeState.WITHDRAWN)
    ).exclude(Exists(own))


# --------------------------------------------------------------------------------------------
# Retention
# --------------------------------------------------------------------------------------------
PURGED_STATES = (PracticeState.DRAFT, PracticeState.DECLINED)


def practices_with_purge_date() -> QuerySet[Practice]:
    """Drafts and declined submissions, annotated with `purge_on`: when retention deletes them.

    A draft goes RETENTION_DRAFT_DAYS after its call closed for its SME (an extension counts);
    a declined submission RETENTION_DECLINED_DAYS after the decision (its last move to
    "declined"; its last change if the log has none).
    """
    extension = DeadlineExtension.objects.filter(
        call=OuterRef("call"), organisation=OuterRef("organisation")
    ).values("closes_at")[:1]
    declined_at = (
        PracticeTransition.objects.filter(practice=OuterRef("pk"), to_state=PracticeState.DECLINED)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    draft_days = Value(timedelta(days=settings.RETENTION_DRAFT_DAYS), DurationField())
    declined_days = Value(timedelta(days=settings.RETENTION_DECLINED_DAYS), DurationField())
    return Practice.objects.filter(state__in=PURGED_STATES).annotate(
        purge_on=Case(
            When(
                state=PracticeState.DRAFT,
                then=ExpressionWrapper(
                    Coalesce(Subquery(extension), F("call__closes_at")) + draft_days,
                    output_field=DateTimeField(),
                ),
            ),
            default=ExpressionWrapper(
                Coalesce(Subquery(declined_at), F("updated_at")) + declined_days,
                output_field=DateTimeField(),
            ),
            output_field=DateTimeField(),
        )
    )


def practices_due_for_purge(*, now=None) -> QuerySet[Practice]:
    return practices_with_purge_date().filter(purge_on__lte=now or timezone.now())
