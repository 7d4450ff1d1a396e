"""Reads for calls and practices, with their joins applied (list pages stay at a fixed number
of queries whatever the data size)."""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Avg,
    Case,
    Count,
    DateTimeField,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.db.models.lookups import Contains
from django.utils import timezone
from django.utils.translation import get_language

from accounts.models import User
from accounts.permissions import is_coordinator
from accounts.roles import REVIEWERS

from .cache import per_request
from .calibration import ScoreSums, calibrated_scores_by_call
from .enums import PracticeState, Rsvp
from .formats import format_deadline
from .models import (
    Call,
    DeadlineExtension,
    DetailRequest,
    Event,
    EventInvitation,
    Practice,
    PracticeTransition,
    Review,
    ReviewAssignment,
    Topic,
    TrainingTool,
)
from .permissions import exclude_conflicts, in_conflict_condition, is_editable_now
from .search_expansion import Term, expand, fold
from .translation import localized_names

# Practices are written in many EU languages. Each is indexed with its language's text search
# configuration where PostgreSQL stems it and with SEARCH_CONFIG (accents folded, no stemming)
# too; a query is read with SEARCH_CONFIG and with the configuration of every language the
# published practices and the visitor speak. The configurations are made by migration 0014.
SEARCH_CONFIG = "skillup_simple"
STEMMED_CONFIGS = {
    code: f"skillup_{name}"
    for code, name in {
        "da": "danish",
        "de": "german",
        "el": "greek",
        "en": "english",
        "es": "spanish",
        "fi": "finnish",
        "fr": "french",
        "ga": "irish",
        "hu": "hungarian",
        "it": "italian",
        "lt": "lithuanian",
        "nl": "dutch",
        "no": "norwegian",
        "pt": "portuguese",
        "ro": "romanian",
        "sv": "swedish",
    }.items()
}


def calls_listed() -> QuerySet[Call]:
    """Calls the public sees: listed, open now or opening later (soonest deadline first)."""
    return Call.objects.filter(is_listed=True, closes_at__gt=timezone.now()).order_by(
        "closes_at", "pk"
    )


# What a page that only names or lists practices never shows: their long answers and the
# reviewers' pending comment.
NOT_ON_CARDS = (
    "online_learning",
    "methodology",
    "keep_learning",
    "other_tools",
    "pending_decision_comment",
)


def published_practices_listed() -> QuerySet[Practice]:
    """Published practices with what their card on the public list (and their entry in the
    feed) shows: the SME, the topics; not the call, the tools or the long answers: the list's
    page reads half as much."""
    return (
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .select_related("organisation")
        .defer(*NOT_ON_CARDS)
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


def published_practices_named() -> QuerySet[Practice]:
    """Published practices with their SME, for a page that only names them (the contact
    form): no call, topics, tools or long answers."""
    return (
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .select_related("organisation")
        .defer(*NOT_ON_CARDS)
    )


def published_practice_for_image(slug: str) -> Practice | None:
    """A published practice with what its Open Graph image shows (its SME), or None."""
    return (
        Practice.objects.filter(state=PracticeState.PUBLISHED, slug=slug)
        .select_related("organisation")
        .only(
            "pk", "slug", "state", "title", "public_title", "organisation__name",
            "organisation__country",
        )
        .first()
    )  # fmt: skip


RELATED_PRACTICES = 3
# Related practices are picked among the newest RELATED_CANDIDATES published practices of each of
# the practice's topics and tools (walked backwards in the (topic, practice) indexes of
# migration 0018), not among all of them: a topic is shared by a tenth of 100,000 practices,
# and counting every practice's overlap took 1.4 s a page.
RELATED_CANDIDATES = 100


def _shared(through, field: str, ids: list[int]):
    """How many of `ids` a practice is filed under (a topic or tool through table)."""
    if not ids:
        return Value(0)
    shared = (
        through.objects.filter(practice_id=OuterRef("pk"), **{f"{field}__in": ids})
        .order_by()
        .values("practice_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), 0)


def _related_candidates(practice: Practice, topic_ids: list[int], tool_ids: list[int]) -> RawSQL:
    """The ids of the best RELATED_PRACTICES among the newest RELATED_CANDIDATES published
    practices filed under each of these topics and tools: those found under the most of them
    first, then the newest. One branch per topic or tool (PostgreSQL and SQLite alike)."""
    branches, params = [], []
    for table, column, ids in (
        (Practice.topics.through._meta.db_table, "topic_id", topic_ids),
        (Practice.tools.through._meta.db_table, "trainingtool_id", tool_ids),
    ):
        for pk in ids:
            branches.append(
                f"SELECT * FROM (SELECT f.practice_id, p.published_at FROM {table} f "  # noqa: S608
                f"JOIN practices_practice p ON p.id = f.practice_id "
                f"WHERE f.{column} = %s AND f.practice_id <> %s AND p.state = %s "
                f"ORDER BY f.practice_id DESC LIMIT {RELATED_CANDIDATES}) AS b{len(branches)}"
            )
            params += [pk, practice.pk, PracticeState.PUBLISHED]
    sql = (
        f"SELECT c.practice_id FROM ({' UNION ALL '.join(branches)}) AS c "  # noqa: S608
        "GROUP BY c.practice_id, c.published_at "
        f"ORDER BY count(*) DESC, c.published_at DESC, c.practice_id DESC LIMIT {RELATED_PRACTICES}"
    )
    return RawSQL(sql, params)  # noqa: S611 (table and column names are the models' own)


def related_practices(practice: Practice, count: int = RELATED_PRACTICES) -> QuerySet[Practice]:
    """Other published practices filed under the same topics or tools as `practice`, those
    sharing the most first, then the newest, among the newest of each topic and tool
    (RELATED_CANDIDATES): one query (its topics and tools are read from its prefetched rows,
    see published_practices), none when it has neither."""
    topic_ids = [topic.pk for topic in practice.topics.all()]
    tool_ids = [tool.pk for tool in practice.tools.all()]
    if not topic_ids and not tool_ids:
        return Practice.objects.none()
    return (
        Practice.objects.filter(pk__in=_related_candidates(practice, topic_ids, tool_ids))
        .select_related("organisation")
        .only(
            "pk", "slug", "state", "title", "public_title", "published_at",
            "language", "public_language", "public_description",
            "organisation__name", "organisation__country",
        )
        .alias(
            shared=_shared(Practice.topics.through, "topic", topic_ids)
            + _shared(Practice.tools.through, "trainingtool", tool_ids)
        )
        .order_by("-shared", "-published_at", "-pk")[:count]
    )  # fmt: skip


# A search's ranked ids are kept this long per practices version (a publication starts afresh):
# the next pages of the same search, and the same words typed by the next visitor, rank nothing.
SEARCH_CACHE_SECONDS = 300
# "Did you mean …?" is offered when a search finds fewer practices than this, from the words of
# the published practices at least this similar (pg_trgm) to a word typed that none of them has.
SUGGEST_BELOW = 3
SUGGEST_SIMILARITY = 0.4
SUGGEST_WORDS = 20  # at most this many words of a search are looked up
_NOTHING = "-"  # a cached "no suggestion"


def _search_text(text: str) -> str:
    return " ".join(text.split())


def _language(language: str | None) -> str:
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def search_cache_key(text: str, version: int, language: str | None = None) -> str:
    # (websearch syntax and the configurations all ignore case: so does the key)
    digest = hashlib.sha256(_search_text(text).lower().encode()).hexdigest()[:40]
    return f"practices:search:{version}:{_language(language)}:{digest}"


def _corrections_key(text: str, version: int) -> str:
    return search_cache_key(text, version, "-").replace(":search:", ":corrections:", 1)


# The query is read with SEARCH_CONFIG and every stemming configuration, OR'd: whatever the
# language typed in, its inflections meet those of the practices written in it. (All of them
# rather than those of the languages published: at the programme's scale every language is.)
# The readings are deduplicated (most configurations leave a word as it is: the index is then
# read once per distinct form, not 17 times).
SEARCH_CONFIGS = [SEARCH_CONFIG, *sorted(set(STEMMED_CONFIGS.values()))]
_READINGS = """(
    SELECT COALESCE(string_agg(DISTINCT '(' || reading::text || ')', ' | ')::tsquery, ''::tsquery)
    FROM (
        SELECT websearch_to_tsquery(config::regconfig, %({text})s) AS reading
        FROM unnest(%(configs)s::text[]) AS config
    ) readings
    WHERE numnode(reading) > 0
)"""
_TSQUERY = _READINGS.format(text="text")
# Polish has no stemmer in PostgreSQL: for a visitor whose language has none, each word of six
# letters or more also matches any word starting with all but its last two letters
# ("szkolenie" → szkolen:* finds "Szkolenia"), as one more reading of the whole query (every
# word must still match). The cross-language words of the skill taxonomy
# (practices.search_expansion) are OR'd in a tier below: the query's other words AND, for each
# taxonomy term typed, that term or one of its words in other languages ("spreadsheet",
# "tableur", … for "Tabellenkalkulation"); words of a language with no stemmer by prefix.
PREFIX_MIN_LETTERS = 6
PREFIX_DROPPED = 2
_TYPED_TSQUERY = f"""(
    {_TSQUERY} || CASE WHEN %(prefixes)s = '' THEN ''::tsquery
                       ELSE to_tsquery('{SEARCH_CONFIG}', %(prefixes)s) END
)"""
_EXPANDED_TSQUERY = f"""(
    SELECT CASE WHEN count(*) = 0 THEN ''::tsquery ELSE {_READINGS.format(text="rest")}
        && string_agg('(' || alternatives.q::text || ')', ' & ')::tsquery END
    FROM (
        SELECT string_agg('(' || CASE WHEN term.prefix
                                      THEN to_tsquery('{SEARCH_CONFIG}', term.text || ':*')
                                      ELSE phraseto_tsquery('{SEARCH_CONFIG}', term.text)
                                 END::text || ')', ' | ')::tsquery AS q
        FROM unnest(%(terms)s::text[], %(term_prefixes)s::boolean[], %(term_groups)s::int[])
            AS term(text, prefix, group_number)
        GROUP BY term.group_number
    ) alternatives
)"""  # noqa: S608 (constants: the configurations' names)


def ranked_search(text: str, version: int, language: str | None = None) -> list[int]:
    """The ids of the published practices a keyword search matches, best first: PostgreSQL
    full-text search in the narrow PracticeSearch table (GIN index), with the skill
    taxonomy's words in other languages and, for a visitor whose language has no stemmer,
    prefixes (see _TYPED_TSQUERY): title matches first, then matches of the words as typed,
    then practices in the visitor's language (`language`, default the active one), then the
    rank on titles and descriptions, ties newest first; on SQLite a LIKE ignoring case and
    accents, newest first. Cached per practices version and language for
    SEARCH_CACHE_SECONDS; so are the corrections search_suggestion reads, worked out in the
    same statement when the search finds fewer than SUGGEST_BELOW."""
    text = _search_text(text)
    if not text:
        return []
    key = search_cache_key(text, version, language)
    return per_request(key, lambda: _ranked_search(key, text, version, language))


def _ranked_search(key: str, text: str, version: int, language: str | None) -> list[int]:
    ids = cache.get(key)
    if ids is None:
        ids, corrections = _ranked_ids(text, _language(language))
        corrections_key = _corrections_key(text, version)
        cache.set_many({key: ids, corrections_key: corrections}, SEARCH_CACHE_SECONDS)
        per_request(corrections_key, lambda: corrections)  # (search_suggestion reads them next)
    return ids


# One statement: the ranked ids (a match in a title, weight A, first; then the words as typed
# before the taxonomy's words in other languages; then the visitor's language; then the rank;
# newest first) and, when they are few, for each word typed that no
# published practice has, the most similar word they have (`%` finds the candidates in the
# trigram index at pg_trgm's threshold, 0.3; the similarity keeps those close enough; the most
# similar, then the most frequent, wins).
# The rank (ts_rank reads each match's titles and descriptions) is worked out for the first
# RANKED_AT_MOST matches in the order of the other keys only: a word found in most practices
# ("digital": 75,000 of 100,000) would otherwise rank them all (0.45 s) for pages nobody turns
# to; past those, matches follow newest first within their group (title match, as typed,
# visitor's language: those keys order every match). Below RANKED_AT_MOST matches (any search
# of a few words, the quality set's included) the order is exactly the full ranking. 300 is 15
# pages; a word in 1 % of 100,000 practices (1,000 matches) ranked them all in about 6 ms more
# (the API's search, #17: a never-seen search's SQL went from about 17 to 11 ms).
RANKED_AT_MOST = 300
RANKED_SQL = f"""
WITH query AS MATERIALIZED (
    SELECT typed.q AS typed, typed.q || {_EXPANDED_TSQUERY} AS q,
           cardinality(%(terms)s::text[]) > 0 AS expanded
    FROM (SELECT {_TYPED_TSQUERY} AS q) typed
), matches AS MATERIALIZED (
    SELECT s.practice_id, s.title_document @@ query.q AS in_title,
           NOT query.expanded OR s.document @@ query.typed AS as_typed,
           s.language = %(language)s AS visitors, s.published_at
    FROM practices_practicesearch s, query
    WHERE s.document @@ query.q
), placed AS MATERIALIZED (
    SELECT m.*, row_number() OVER (
        ORDER BY in_title DESC, as_typed DESC, visitors DESC, published_at DESC, practice_id DESC
    ) AS position
    FROM matches m
)
SELECT ARRAY(
    SELECT p.practice_id
    FROM placed p
    JOIN practices_practicesearch s ON s.practice_id = p.practice_id, query
    WHERE p.position <= %(ranked_at_most)s
    ORDER BY p.in_title DESC, p.as_typed DESC, p.visitors DESC,
             ts_rank(s.rank_document, query.q) DESC, p.position
) || ARRAY(
    SELECT practice_id FROM placed WHERE position > %(ranked_at_most)s ORDER BY position
), CASE WHEN (SELECT count(*) FROM matches) < %(below)s THEN ARRAY(
    SELECT CASE WHEN length(typed.folded) >= 3 AND NOT EXISTS (
        SELECT 1 FROM practices_practicesearchword w WHERE w.word = typed.folded
    ) THEN (
        SELECT w.word FROM practices_practicesearchword w
        WHERE w.word %% typed.folded AND similarity(w.word, typed.folded) >= %(similarity)s
        ORDER BY similarity(w.word, typed.folded) DESC, w.ndoc DESC, w.word
        LIMIT 1
    ) END
    FROM (
        SELECT n, lower(unaccent(word)) AS folded
        FROM unnest(%(words)s::text[]) WITH ORDINALITY AS t(word, n)
    ) typed
    ORDER BY typed.n
) END
"""  # noqa: S608 (the f-string's parts are constants: the configurations' names)
_WORD = re.compile(r"[^\W\d_]+")


# A quoted phrase, a word left out, OR: the visitor wrote websearch syntax; the typed readings
# keep it, the prefix reading and the taxonomy's words (which read words only) are left out.
_WEBSEARCH_SYNTAX = re.compile(r'"|(?:^|\s)-|\bor\b', re.IGNORECASE)


def _prefix(word: str) -> str:
    """A word to_tsquery reads as a prefix when it is long enough ("szkolenie" → "szkolen:*")."""
    if len(word) < PREFIX_MIN_LETTERS:
        return word
    return f"{word[:-PREFIX_DROPPED]}:*"


def _prefixes(text: str) -> str:
    """The query's words ANDed, the long ones as prefixes (to_tsquery syntax: letters only)."""
    if _WEBSEARCH_SYNTAX.search(text):
        return ""
    return " & ".join(_prefix(word.lower()) for word in _WORD.findall(text)[:SUGGEST_WORDS])


def _by_prefix(term: Term) -> bool:
    """An added one-word term of a language PostgreSQL does not stem is matched by prefix."""
    return (
        term.language not in STEMMED_CONFIGS
        and " " not in term.text
        and len(term.text) >= PREFIX_MIN_LETTERS
        and _WORD.fullmatch(term.text) is not None
    )


def _query_params(text: str, language: str) -> dict:
    """The parameters of _TYPED_TSQUERY and _EXPANDED_TSQUERY."""
    expansion = None if _WEBSEARCH_SYNTAX.search(text) else expand(text, language)
    groups = expansion.groups if expansion else ()
    terms = [term for group in groups for term in group]
    return {
        "text": text,
        "configs": SEARCH_CONFIGS,
        "prefixes": _prefixes(text) if language not in STEMMED_CONFIGS else "",
        "rest": expansion.rest if expansion else "",
        "terms": [term.text[:-PREFIX_DROPPED] if _by_prefix(term) else term.text for term in terms],
        "term_prefixes": [_by_prefix(term) for term in terms],
        "term_groups": [number for number, group in enumerate(groups) for _term in group],
    }


# The practices a search matches, as a subquery (search_practices: the list in another order).
_MATCHING_SQL = f"""
SELECT s.practice_id
FROM practices_practicesearch s, (SELECT typed.q || {_EXPANDED_TSQUERY} AS q
                                  FROM (SELECT {_TYPED_TSQUERY} AS q) typed) query
WHERE s.document @@ query.q
"""  # noqa: S608 (constants: the configurations' names)
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _ranked_ids(text: str, language: str) -> tuple[list[int], list[str | None]]:
    """The ranked ids, and the correction of each word of the text (None: none, or not
    looked for)."""
    if connection.vendor != "postgresql":
        matching = Practice.objects.filter(state=PracticeState.PUBLISHED).filter(_like(text))
        return list(matching.order_by("-published_at", "-pk").values_list("pk", flat=True)), []
    params = {
        **_query_params(text, language),
        "language": language,
        "below": SUGGEST_BELOW,
        "ranked_at_most": RANKED_AT_MOST,
        "similarity": SUGGEST_SIMILARITY,
        "words": _WORD.findall(text)[:SUGGEST_WORDS],
    }
    with connection.cursor() as cursor:
        # The planner reads a common word's matches with a sequential scan, which unpacks every
        # document (half a second at 100,000 practices); the GIN index never does (60 ms).
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(RANKED_SQL, params)
            ids, corrections = cursor.fetchone()
            return ids, corrections or []
        finally:
            cursor.execute("RESET enable_seqscan")


_SEARCHED_COLUMNS = (
    "public_title",
    "title",
    "public_description",
    "short_description",
    "organisation__name",
)


def _like(text: str) -> Q:
    """Every word in one of the searched columns, case and accents ignored (fold(), registered
    as skillup_fold on each SQLite connection by practices.signals.sqlite_connected; SQLite's
    own LIKE folds ASCII letters only)."""
    condition = Q()
    for word in text.split()[:10]:
        either = Q()
        for column in _SEARCHED_COLUMNS:
            either |= Q(Contains(Func(F(column), function="skillup_fold"), fold(word)))
        condition &= either
    return condition


def search_practices(queryset: QuerySet[Practice], text: str) -> QuerySet[Practice]:
    """The practices of `queryset` a keyword search matches (in SQL, unordered: see
    ranked_search for the ranked ids)."""
    text = _search_text(text)
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        # the same readings as ranked_search (the typed words, prefixes, the taxonomy's words)
        params = _query_params(text, _language(None))
        names: list[str] = []
        sql = _PLACEHOLDER.sub(lambda m: names.append(m[1]) or "%s", _MATCHING_SQL)
        matching = RawSQL(sql, [params[name] for name in names])  # noqa: S611 (constants)
        return queryset.filter(pk__in=matching)
    return queryset.filter(_like(text))


def search_suggestion(text: str, version: int, language: str | None = None) -> str | None:
    """ "Did you mean …?": the search text with each word no published practice has replaced
    by the most similar word they have (pg_trgm similarity at least SUGGEST_SIMILARITY), when
    the text finds fewer than SUGGEST_BELOW practices and the correction finds more; else
    None. No query unless there is a correction to try (ranked_search found the words);
    PostgreSQL only; cached per practices version and language."""
    text = _search_text(text)
    if not text:
        return None
    typed = ranked_search(text, version, language)
    corrections_key = _corrections_key(text, version)
    corrections = per_request(corrections_key, lambda: cache.get(corrections_key))
    if corrections is None:  # evicted: rank again
        corrections = _ranked_ids(text, _language(language))[1]
        cache.set(_corrections_key(text, version), corrections, SEARCH_CACHE_SECONDS)
    if not any(corrections):
        return None
    position = iter(corrections)
    corrected = _WORD.sub(lambda m: next(position, None) or m.group(), text)
    if corrected != text and len(ranked_search(corrected, version, language)) > len(typed):
        return corrected
    return None


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


def latest_draft(call: Call, organisations) -> Practice | None:
    """The draft of `call` one of these SMEs changed last (None if they have none): where a
    second "Submit a practice" takes its SME back to."""
    return (
        Practice.objects.filter(
            call=call, organisation__in=organisations, state=PracticeState.DRAFT
        )
        .order_by("-updated_at", "-pk")
        .first()
    )


def extensions_of_user(user) -> QuerySet[DeadlineExtension]:
    return DeadlineExtension.objects.filter(organisation__memberships__user=user).select_related(
        "call", "organisation"
    )


def practice_deadline() -> Coalesce:
    """Call.window_for's deadline in SQL, for a query over many practices: the extension of the
    practice's SME if it has one, else its call's own deadline."""
    extension = DeadlineExtension.objects.filter(
        call=OuterRef("call"), organisation=OuterRef("organisation")
    ).values("closes_at")[:1]
    return Coalesce(Subquery(extension), F("call__closes_at"))


def practices_for_staff(user) -> QuerySet[Practice]:
    """What programme staff may review: never a draft or a withdrawn practice, never one they
    are in conflict of interest with (their organisation's, a declared conflict, their email
    domain: see practices.permissions). Every staff queryset of practices starts here."""
    return exclude_conflicts(
        Practice.objects.exclude(state__in=(PracticeState.DRAFT, PracticeState.WITHDRAWN)), user
    )


def review_queue(user) -> QuerySet[Practice]:
    """A reviewer's queue: the practices assigned to them that they may review and have not
    reviewed yet, oldest assignment first. EXISTS and a subquery rather than joins: one row per
    practice however many reviewers it is assigned to."""
    mine = ReviewAssignment.objects.filter(practice=OuterRef("pk"), reviewer=user.pk)
    reviewed = Review.objects.filter(practice=OuterRef("pk"), reviewer=user.pk)
    return (
        practices_for_staff(user)
        .filter(Exists(mine))
        .exclude(Exists(reviewed))
        .annotate(assigned_at=Subquery(mine.values("created_at")[:1]))
        .order_by("assigned_at", "pk")
    )


@dataclass(frozen=True)
class QueueProgress:
    """Where a reviewer stands: their assignments reviewed, of all assigned to them, and the
    next practice of their queue (None when nothing is left)."""

    reviewed: int
    assigned: int
    next_pk: int | None


def queue_progress(user, *, skip: int | None = None) -> QueueProgress:
    """Two queries: the figures over the practices assigned to `user` that they may review,
    and the first practice of review_queue(user) other than `skip`."""
    figures = (
        practices_for_staff(user)
        .filter(assignments__reviewer=user)
        .aggregate(
            assigned=Count("pk", distinct=True),
            reviewed=Count(
                "pk",
                distinct=True,
                filter=Exists(Review.objects.filter(practice=OuterRef("pk"), reviewer=user.pk)),
            ),
        )
    )
    return QueueProgress(
        reviewed=figures["reviewed"],
        assigned=figures["assigned"],
        next_pk=next_in_queue(user, skip=skip),
    )


def next_in_queue(user, *, skip: int | None = None) -> int | None:
    """The id of the first practice of the reviewer's queue other than `skip` (one query)."""
    queue = review_queue(user)
    if skip is not None:
        queue = queue.exclude(pk=skip)
    return queue.values_list("pk", flat=True).first()


def visible_practices(user, practices) -> list[Practice]:
    """The practices of a list (e.g. the similar practices a review page warns about) that
    `user` may see as staff: those they are in conflict with left out (one query)."""
    practices = list(practices)
    if not practices:
        return []
    visible = set(
        practices_for_staff(user)
        .filter(pk__in=[p.pk for p in practices])
        .values_list("pk", flat=True)
    )
    return [p for p in practices if p.pk in visible]


# --------------------------------------------------------------------------------------------
# Assignment of reviewers (practices/assignment.py decides, services/assignment.py writes)
# --------------------------------------------------------------------------------------------
# Practices still awaiting a decision take reviewers: submitted, in review, shortlisted, asked
# for more detail or with the detail received, and no decision recorded to announce. Selected,
# published and declined ones are decided: they are neither assigned nor counted as lacking.
ASSIGNABLE_STATES = (
    PracticeState.SUBMITTED,
    PracticeState.IN_REVIEW,
    PracticeState.SHORTLISTED,
    PracticeState.DETAIL_REQUESTED,
    PracticeState.DETAIL_RECEIVED,
)


def assignable_practices(call) -> QuerySet[Practice]:
    """The practices of `call` that take reviewers (ASSIGNABLE_STATES), oldest first."""
    return Practice.objects.filter(
        call=call, state__in=ASSIGNABLE_STATES, pending_decision=""
    ).order_by("submitted_at", "pk")


def reviewer_pool() -> QuerySet[User]:
    """Who may be given practices to review: active staff in the Reviewers group."""
    return (
        User.objects.filter(is_active=True, is_staff=True, groups__name=REVIEWERS)
        .distinct()
        .order_by("full_name", "email", "pk")
    )


def reviewer_pool_with_queues() -> QuerySet[User]:
    """reviewer_pool, each with `to_review`: their assignments not reviewed yet, in practices
    still awaiting a decision (one query, for the hand assignment's choice)."""
    unreviewed = (
        ReviewAssignment.objects.filter(
            reviewer=OuterRef("pk"),
            practice__state__in=ASSIGNABLE_STATES,
            practice__pending_decision="",
        )
        .exclude(
            Exists(
                Review.objects.filter(practice=OuterRef("practice"), reviewer=OuterRef("reviewer"))
            )
        )
        .order_by()
        .values("reviewer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return reviewer_pool().annotate(
        to_review=Coalesce(Subquery(unreviewed, output_field=IntegerField()), Value(0))
    )


def call_holders(call) -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, set[int]]]:
    """Who holds which practice of `call` (two queries): {practice id: reviewer ids} of the
    assignments, of the reviews, and of both together (every practice of the call, decided
    ones too: a reviewer's load counts all their assignments in the call)."""
    assigned: dict[int, set[int]] = defaultdict(set)
    reviewed: dict[int, set[int]] = defaultdict(set)
    for practice, reviewer in ReviewAssignment.objects.filter(practice__call=call).values_list(
        "practice_id", "reviewer_id"
    ):
        assigned[practice].add(reviewer)
    for practice, reviewer in Review.objects.filter(practice__call=call).values_list(
        "practice_id", "reviewer_id"
    ):
        reviewed[practice].add(reviewer)
    both = {p: assigned.get(p, set()) | reviewed.get(p, set()) for p in {*assigned, *reviewed}}
    return dict(assigned), dict(reviewed), both


def conflicted_practice_ids(user, practice_ids) -> set[int]:
    """Which of these practices `user` is in conflict with (one query)."""
    return set(
        Practice.objects.filter(pk__in=list(practice_ids))
        .filter(in_conflict_condition(user))
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class ReviewerLoad:
    reviewer: User
    assigned: int  # practices of the call assigned to them (or reviewed without assignment)
    reviewed: int  # of which they have reviewed
    in_pool: bool  # still an active reviewer

    @property
    def to_review(self) -> int:
        return self.assigned - self.reviewed


@dataclass(frozen=True)
class CallAssignments:
    """A call's assignment at a glance (the Call admin's "Reviewers" page)."""

    call: Call
    per_practice: int
    practice_count: int  # practices awaiting a decision
    covered: int  # of which have per_practice reviewers or more
    loads: list[ReviewerLoad]
    lacking: list[tuple[Practice, int, int]]  # (practice, reviewers it has, reviewers needed)

    @property
    def load_range(self) -> tuple[int, int] | None:
        pool = [load.assigned for load in self.loads if load.in_pool]
        return (min(pool), max(pool)) if pool else None


def call_assignments(call) -> CallAssignments:
    """Per reviewer, their practices in the call and how many they reviewed; the practices
    awaiting a decision that have fewer reviewers than the call asks. Five queries whatever the
    size of the call."""
    _assigned, reviewed, holders = call_holders(call)
    pool = list(reviewer_pool())
    pool_ids = {user.pk for user in pool}
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for practice, reviewers in holders.items():
        for reviewer in reviewers:
            counts[reviewer][0] += 1
            if reviewer in reviewed.get(practice, ()):
                counts[reviewer][1] += 1
    others = {u.pk: u for u in User.objects.filter(pk__in=set(counts) - pool_ids)}
    people = [*pool, *sorted(others.values(), key=lambda u: (u.full_name, u.email, u.pk))]
    loads = [
        ReviewerLoad(user, *counts.get(user.pk, (0, 0)), in_pool=user.pk in pool_ids)
        for user in people
    ]
    practices = list(
        assignable_practices(call)
        .select_related("organisation")
        .only("pk", "title", "state", "submitted_at", "organisation__name", "organisation__country")
    )
    per_practice = call.reviewers_per_practice
    lacking = [
        (practice, len(holders.get(practice.pk, ())), per_practice)
        for practice in practices
        if len(holders.get(practice.pk, ())) < per_practice
    ]
    return CallAssignments(
        call=call,
        per_practice=per_practice,
        practice_count=len(practices),
        covered=len(practices) - len(lacking),
        loads=loads,
        lacking=lacking,
    )


# --------------------------------------------------------------------------------------------
# The reviewers' list (admin)
# --------------------------------------------------------------------------------------------
def annotate_for_review(queryset, user):
    """Add what the reviewers' list shows, one correlated subquery each, computed for the rows
    of the page only:

    - review_count, and reviews_needed: the practice's assigned reviewers, or its call's
      reviewers_per_practice when nobody is assigned;
    - own_review (has `user` reviewed it) and own_score (their average score, NULL before);
    - average_score: a reviewer sees it only once they have reviewed the practice themselves
      (coordinators always); a hidden average is NULL, so sorting by it reveals nothing either.
    """
    reviews = Review.objects.filter(practice=OuterRef("pk")).order_by().values("practice")
    count = reviews.annotate(n=Count("pk")).values("n")
    average = reviews.annotate(a=Avg("score")).values("a")
    assigned = (
        ReviewAssignment.objects.filter(practice=OuterRef("pk"))
        .order_by()
        .values("practice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    own = Review.objects.filter(practice=OuterRef("pk"), reviewer=user.pk)
    queryset = queryset.annotate(
        review_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        reviews_needed=Coalesce(
            Subquery(assigned), F("call__reviewers_per_practice"), output_field=IntegerField()
        ),
        own_review=Exists(own),
        own_score=Subquery(own.values("score")[:1]),
    )
    average_field = DecimalField(max_digits=3, decimal_places=2)
    if is_coordinator(user):
        return queryset.annotate(average_score=Subquery(average, output_field=average_field))
    return queryset.annotate(
        average_score=Case(
            When(own_review=True, then=Subquery(average, output_field=average_field)),
            default=Value(None),
            output_field=average_field,
        )
    )


def attach_calibrated_scores(practices, user) -> None:
    """Set `calibrated_score` on each practice (None where its scores are hidden), from two
    queries whatever the size of the calls: each reviewer's score sums per call (grouped in
    the database), and the reviews of these practices."""
    practices = list(practices)
    if not practices:
        return
    call_of = {p.pk: p.call_id for p in practices}
    sums = {
        (row["practice__call_id"], row["reviewer_id"]): ScoreSums(
            row["count"], row["total"], row["total_of_squares"]
        )
        for row in Review.objects.filter(practice__call_id__in=set(call_of.values()))
        .order_by()
        .values("practice__call_id", "reviewer_id")
        .annotate(
            count=Count("pk"),
            total=Sum("score"),
            total_of_squares=Sum(F("score") * F("score")),
        )
    }
    reviews = Review.objects.filter(practice_id__in=call_of).values_list(
        "reviewer_id", "practice_id", "score"
    )
    calibrated = calibrated_scores_by_call(
        sums,
        ((call_of[practice], reviewer, practice, score) for reviewer, practice, score in reviews),
    )
    coordinator = is_coordinator(user)
    for practice in practices:
        visible = coordinator or practice.own_review
        practice.calibrated_score = calibrated.get(practice.pk) if visible else None


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
                    practice_deadline() + draft_days,
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


# The retention page lists at most this many declined submissions (soonest first).
RETENTION_PAGE_LISTED = 500


def retention_schedule(user) -> tuple[list[Practice], list[tuple[date, str, int]]]:
    """What retention will delete, and when, as the admin's retention page shows it: the
    declined submissions `user` may review, one by one, soonest first; the drafts, which staff
    never read, only counted per day and call ((day, call title, count), in that order)."""
    dated = practices_with_purge_date()
    declined = list(
        dated.filter(state=PracticeState.DECLINED, pk__in=practices_for_staff(user))
        .select_related("organisation", "call")
        .only("pk", "title", "state", "organisation__name", *localized_names("call__title"))
        .order_by("purge_on", "pk")[:RETENTION_PAGE_LISTED]
    )
    drafts: dict[tuple, int] = {}
    calls = {call.pk: call.title for call in Call.objects.only(*localized_names("title"))}
    for call_id, purge_on in dated.filter(state=PracticeState.DRAFT).values_list(
        "call_id", "purge_on"
    ):
        key = (timezone.localdate(purge_on), calls[call_id])
        drafts[key] = drafts.get(key, 0) + 1
    return declined, [(day, call, count) for (day, call), count in sorted(drafts.items())]


def sme_dashboard(user, smes) -> dict:
    """The SME side of a person's dashboard: its practices and their state, what is asked of it
    (details, public versions to approve, event invitations), its extensions, the views of its
    published practices and the calls it can submit to. A fixed number of queries however many
    practices the person's SMEs have."""
    now = timezone.now()
    extensions = list(extensions_of_user(user).order_by("closes_at"))
    extended = {(e.call_id, e.organisation_id): e.closes_at for e in extensions}
    submissions = list(submissions_of_user(user))
    for practice in submissions:
        window = practice.call.window_for(practice.organisation, now, extensions=extended)
        practice.deadline_at = window.deadline
        practice.deadline_text = format_deadline(window.deadline)
        practice.editable_now = is_editable_now(practice, window=window)
        # selected and its public version to approve, or published with a new text to approve
        practice.awaits_approval = (
            practice.awaits_public_version_approval or practice.awaits_public_text_approval
        )
    invitations = list(
        EventInvitation.objects.filter(
            practice__organisation__in=smes, rsvp=Rsvp.PENDING, event__starts_at__gt=now
        )
        .select_related("event", "practice")
        .order_by("event__starts_at", "pk")
    )
    open_calls = {call.pk: call for call in calls_listed() if call.window_for(None, now).is_open}
    for extension in extensions:  # a call closed for everyone but still open for this SME
        if extension.call.window_for(extension.organisation, now, extensions=extended).is_open:
            open_calls.setdefault(extension.call_id, extension.call)
    for extension in extensions:
        extension.deadline_text = format_deadline(extension.closes_at)
    return {
        "submissions": submissions,
        "detail_requests": [
            (practice, request)
            for practice in submissions
            for request in practice.open_detail_requests
        ],
        "approvals": [practice for practice in submissions if practice.awaits_approval],
        # published before the consent named the open licence: one click puts them under it
        "licence_renewals": [p for p in submissions if p.awaits_licence_renewal],
        "invitations": invitations,
        "extensions": [e for e in extensions if e.closes_at > now],
        "published": [p for p in submissions if p.state == PracticeState.PUBLISHED],
        "submit_calls": sorted(open_calls.values(), key=lambda call: (call.closes_at, call.pk)),
        "time_zone": timezone.get_current_timezone_name(),
    }


# --------------------------------------------------------------------------------------------
# The home page
# --------------------------------------------------------------------------------------------
def public_figures() -> dict[str, int]:
    """Published practices and the countries of their SMEs (one query)."""
    return Practice.objects.filter(state=PracticeState.PUBLISHED).aggregate(
        practices=Count("pk"), countries=Count("organisation__country", distinct=True)
    )


def latest_published(count: int = 3) -> QuerySet[Practice]:
    """The practices published last, as their public cards show them."""
    return published_practices_listed().order_by("-published_at", "-pk")[:count]


def calls_closed() -> QuerySet[Call]:
    """Listed calls whose deadline has passed, the latest first (the calls page's archive)."""
    return Call.objects.filter(is_listed=True, closes_at__lte=timezone.now()).order_by(
        "-closes_at", "-pk"
    )


# --------------------------------------------------------------------------------------------
# Public events
# --------------------------------------------------------------------------------------------
def _presented_practices() -> Prefetch:
    """An event's invitations whose practice is published and whose SME said it attends, as
    `event.presented` (sorted by the practice's public title), with what their link shows. Never
    a practice that is not published: who else was invited is confidential."""
    invitations = (
        EventInvitation.objects.filter(practice__state=PracticeState.PUBLISHED, rsvp=Rsvp.YES)
        .select_related("practice__organisation")
        .only(
            "event_id",
            "practice__state",
            "practice__slug",
            "practice__title",
            "practice__public_title",
            "practice__public_description",
            "practice__language",
            "practice__public_language",
            "practice__organisation__name",
        )
        .order_by(Coalesce(NullIf("practice__public_title", Value("")), "practice__title"), "pk")
    )
    return Prefetch("invitations", queryset=invitations, to_attr="presented")


def events_public() -> QuerySet[Event]:
    """Events coordinators list publicly, with the practices presented there (one query more,
    whatever their number)."""
    return Event.objects.filter(is_public=True).prefetch_related(_presented_practices())


def _is_upcoming(now) -> Q:
    """Not over yet: it ends later, or, without an end, starts later (Event.is_over)."""
    return Q(ends_at__gt=now) | Q(ends_at__isnull=True, starts_at__gt=now)


def _is_over(now) -> Q:
    return Q(ends_at__lte=now) | Q(ends_at__isnull=True, starts_at__lte=now)


def events_upcoming(*, now=None) -> QuerySet[Event]:
    """Public events not over yet, the soonest first."""
    now = now or timezone.now()
    return events_public().filter(_is_upcoming(now)).order_by("starts_at", "pk")


def events_past(*, now=None) -> QuerySet[Event]:
    """Public events that are over, the latest first."""
    now = now or timezone.now()
    return events_public().filter(_is_over(now)).order_by("-starts_at", "-pk")


def event_public(slug: str) -> Event | None:
    """One public event, with its description and the practices presented there."""
    return events_public().filter(slug=slug).first()
