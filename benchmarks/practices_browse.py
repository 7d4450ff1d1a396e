"""How fast the public practice pages and the reviewers' admin list answer with 100,000 published
practices, and whether their SQL query count stays the same from 10 to 100,000 practices.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5440/skillup_bench \
        .venv/bin/python benchmarks/practices_browse.py [--n 100000]

PostgreSQL only, sized as for production: at 100,000 practices the tables and indexes take about
1 GB, so give the server shared_buffers of at least 1GB (the default 128MB evicts the search
table between pages; the header line prints the setting). The database DATABASE_URL names is
never written: Django's test-database machinery creates `test_<name>_browse` beside it (dropped
at the end unless --keep; with --keep an earlier run's data of the same --n is reused, which
saves the fill).

Settings: skillup.settings.test — DEBUG False, the locmem cache the tests use, visitors'
whole-page cache off (a render's cost is measured, not a cache hit), persistent
database connection. Requests go through Django's test Client, in this process (no network,
no server), so the figures are the view + ORM + template time a worker spends on a request.

Data (benchmarks/_practices_data.py): N published practices written in ten languages (each
with its `language` set and its text made of that language's words; the shares are printed),
~20,000 SMEs in the 30 EU/EEA countries, three closed calls and one just closed, topics, tools,
view counts, publication over three years, and a review backlog of ~3% of N in the review states
with 1 to 3 reviews each by 20 reviewers. The reviewers' admin list is read as one of them.

Pages, each with warm-up requests and then --requests measured ones (p50, p95, and the SQL
queries per request):
  list        /en/practices/?page=k                                (page varies)
  facets      /en/practices/?country=XX&audience=YY                (values vary)
  search      /en/practices/?q=<word found in ~1% of practices>    (word varies; its ranked
                                                                    ids forgotten first: never seen;
                                                                    words finding more than 3% as
                                                                    the search reads them are left
                                                                    out, their shares printed)
  search more /en/practices/?q=<word>&page=2 or 3                  (ranked ids cached)
  search common /en/practices/?q=<word in ~half the practices>     (never seen; 20 requests)
  detail      /en/practices/<slug>/                                (a new practice each time)
  admin       /admin/practices/practice/?state__exact=in_review&p=k, 100 a page
  review      /admin/practices/practice/<id>/review/, as a reviewer    (a practice in review)
  programme   /admin/ as a coordinator: the programme overview (every figure of every call) as
              coordinators meet it, counted ahead by beat's skillup.count_overview every 5
              minutes (here by the warm-up request) and read from the cache
  programme count  the same page with the counted overview forgotten before each request: the
              cost of the count itself (what beat pays; a request only without beat); reported
              apart, left out of the targets and the last line, its query count compared too
"search common" is reported but left out of the targets and the last line: the issue's search
is a word found in ~1% of practices; a word in half of them costs more (all its ids are read).
Facet counts are not cached per query: every list, facet and search request counts its facets
afresh in the facet index (practices/facets.py), so those figures are the uncached cost of a
query never seen before. What is reused is the facet index itself, built once per "practices
version" (each publication) and process: "rebuild" measures a list request right after a
publication (cache emptied, index rebuilt; 5 requests), reported apart and left out of the
targets and the last line, since a process pays it once per publication, not per request.
list_p95_ms is the worse of the list and facet pages, search_p95_ms of the two search pages.

Query-count baseline, same run: before measuring at N, the same pages are requested on a
10-practice database (see _small_phase) and the per-request query counts are compared page by
page. The run ends with a "targets" line (every p95 < 60 ms, admin < 150 ms, programme and
review <= 150 ms, same query counts) and then:

    practices_browse: n=<N> list_p95_ms=<ms> search_p95_ms=<ms> detail_p95_ms=<ms> \
        admin_p95_ms=<ms> max_queries=<n> programme_p95_ms=<ms> review_p95_ms=<ms>

Options: --n N (100000), --requests R (50), --warmup W (5), --seed S, --keep, --explain (EXPLAIN
ANALYZE the slowest SELECT of each page at N), --skip-small, --only PAGE,… and --profile
'PAGE NAME' (cProfile of its requests at N), for debugging. --compare-simple: after the pages,
the search's SQL alone compared with the search before issue #16 on the same data and server
(`simple` configuration documents built in a temporary table with a GIN index, about a minute
at 100,000): the median time of the ranked ids of the ~1% words and of a common word, each
way, and how many practices each finds (printed before the table; not in the last line).
"""

import argparse
import math
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 60.0
TARGET_ADMIN_MS = 150.0
SMALL_N = 10
RARE_SHARE = 0.03  # a "search" word finds at most this share of the practices (~1% planted)
ADMIN_PAGE_SIZE = 100


def _fail(message: str) -> None:
    print(f"benchmarks/practices_browse.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database, reuse its data")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE slow queries")
    parser.add_argument("--skip-small", action="store_true", help="no 10-practice baseline")
    parser.add_argument("--only", default="", help="comma-separated page names (for debugging)")
    parser.add_argument("--profile", default="", help="cProfile the measured requests of a page")
    parser.add_argument(
        "--compare-simple", action="store_true", help="time the search before #16 alongside"
    )
    args = parser.parse_args()
    if args.n < SMALL_N:
        parser.error(f"--n must be at least {SMALL_N}")
    return args


def _setup_django() -> str:
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        _fail(
            "this benchmark runs on PostgreSQL (full-text search, GIN index): set DATABASE_URL, "
            "e.g.\n  DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5432/skillup_bench \\\n"
            "  .venv/bin/python benchmarks/practices_browse.py"
            + (f"\n(DATABASE_URL is {database!r})" if database else "")
        )
    os.environ["DJANGO_SETTINGS_MODULE"] = "skillup.settings.test"
    import django
    from django.conf import settings

    django.setup()
    # the figures are a render's cost: visitors' whole-page cache (skillup/pagecache.py) would
    # answer every repeated list URL from memory
    settings.PAGE_CACHE_ENABLED = False
    # the benchmark's people all write from one domain, as the demo's do: a shared domain, so
    # that the measured reviewer's conflicts are only the organisations the data gives them
    settings.REVIEW_CONFLICT_SHARED_DOMAINS = [
        *settings.REVIEW_CONFLICT_SHARED_DOMAINS,
        "bench.skillup.example.eu",
    ]
    return database


def _create_database(keep: bool) -> str:
    """A database of our own beside the named one (never the pytest one, test_<name>)."""
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_browse"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
    return old_name


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
@dataclass
class Page:
    name: str
    urls: list[str]  # warm-up URLs first, then the measured ones (cycled if fewer)
    warmup: int
    clear_cache: bool = False
    client: str = "anonymous"
    requests: int | None = None  # measured requests (default: --requests)
    expect_sql: str = ""  # a fragment the SQL must contain (the parameters were understood)
    forget_search: bool = False  # forget the search's cached ranked ids: a search never seen
    forget_overview: bool = False  # forget the counted programme overview: counted afresh


@dataclass
class Result:
    name: str
    ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    sql_ms: list[float] = field(default_factory=list)  # time spent in SQL, per request
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (ms, sql), top 3
    # the SQL of the first request with each query count: what a varying count adds
    sql_by_count: dict[int, list[str]] = field(default_factory=dict)

    def p(self, q: float) -> float:
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def _request(client, url: str, index: int, page: Page):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if page.clear_cache:
        cache.clear()
    if page.forget_overview:
        from skillup.overview import forget_programme_overview

        forget_programme_overview()
    if page.forget_search:
        from urllib.parse import parse_qs, urlsplit

        from practices.cache import practices_version
        from practices.selectors import search_cache_key

        words = parse_qs(urlsplit(url).query)["q"][0]
        cache.delete(search_cache_key(words, practices_version(), *_search_language(url)))
    # a different visitor address each time: each detail view is a new, counted view
    remote = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url, REMOTE_ADDR=remote, HTTP_USER_AGENT="practices_browse")
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        _fail(
            f"{page.name}: GET {url} answered {response.status_code}"
            + (f" → {response.get('Location')}" if response.has_header("Location") else "")
            + " (is the page written yet?)"
        )
    return elapsed, captured.captured_queries


def _search_language(url: str) -> tuple[str, ...]:
    """The language a search's ranked ids are cached under (the page's, /en/…), where the
    cache key has one (since issue #16)."""
    import inspect

    from practices.selectors import search_cache_key

    if "language" not in inspect.signature(search_cache_key).parameters:
        return ()
    return (url.split("/")[1],)


def run_page(clients: dict, page: Page, requests: int, profile: bool = False) -> Result:
    client = clients[page.client]
    result = Result(page.name)
    counter = random.randrange(1 << 20)
    for index in range(page.warmup):
        _request(client, page.urls[index % len(page.urls)], counter + index, page)
    measured = page.urls[page.warmup :] or page.urls
    seen_sql = False
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for index in range(requests):
        elapsed, queries = _request(
            client, measured[index % len(measured)], counter + page.warmup + index, page
        )
        result.ms.append(elapsed)
        result.queries.append(len(queries))
        result.sql_ms.append(sum(float(q["time"]) for q in queries) * 1000)
        seen_sql = seen_sql or any(page.expect_sql in q["sql"] for q in queries)
        result.sql_by_count.setdefault(len(queries), [q["sql"] for q in queries])
        for query in queries:
            result.slowest.append((float(query["time"]) * 1000, query["sql"]))
        result.slowest = sorted(result.slowest, reverse=True)[:3]
    if profiler:
        import pstats

        profiler.disable()
        print(f"\n--- profile of {page.name}, {requests} requests ---")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        stats.print_callers("gettext")
    if page.expect_sql and not seen_sql:
        print(f"  WARNING {page.name}: no query contains {page.expect_sql!r} — are the "
              "parameter names right? (the page may ignore them)")  # fmt: skip
    return result


def pages(args, rng: random.Random) -> list[Page]:
    """The page set, its varying parameters drawn from the data present (so that at 10
    practices too, every facet combination and search word finds at least one row)."""
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from benchmarks._practices_data import COMMON_WORDS, SEARCH_WORDS
    from practices.enums import REVIEW_STATES, PracticeState
    from practices.models import Practice, PracticeSearch
    from practices.selectors import SEARCH_CONFIG

    published = Practice.objects.filter(state=PracticeState.PUBLISHED)
    total = args.requests + args.warmup
    with translation.override("en"):
        list_url = reverse("practices:practice_list")
        admin_url = reverse("admin:practices_practice_changelist")
        slugs = list(published.order_by("?").values_list("slug", flat=True)[: max(total, 200)])
        detail_urls = [reverse("practices:practice_detail", kwargs={"slug": s}) for s in slugs]
    count = published.count()
    # ~20 a page at most: pages that exist at 10 practices and at N alike
    list_pages = max(1, min(20, count // 100))
    combos = list(
        published.values_list("organisation__country", "audience")
        .annotate(rows=Count("pk"))
        .order_by("organisation__country", "audience")
    )

    def present(candidates):
        documents = PracticeSearch.objects.all()
        return [
            w
            for w in candidates
            if documents.filter(document=SearchQuery(w, config=SEARCH_CONFIG)).exists()
        ]

    words = present(SEARCH_WORDS)
    common = present(COMMON_WORDS)
    if not words or not common:
        _fail("no search word is in the data")
    words = _rare(words, published, count)
    in_review = Practice.objects.filter(state=PracticeState.IN_REVIEW).count()
    review_states = list(
        Practice.objects.filter(state__in=REVIEW_STATES).values_list("state", flat=True).distinct()
    )

    def sample(make, k):
        return [make() for _ in range(k)]

    def list_url_for():
        page = rng.randint(1, list_pages)
        return list_url if page == 1 else f"{list_url}?page={page}"

    def facets_url():
        country, audience, _rows = rng.choice(combos)
        return f"{list_url}?country={country}&audience={audience}"

    def search_url():
        return f"{list_url}?q={rng.choice(words)}"

    def search_more_url():
        return f"{list_url}?q={rng.choice(words)}&page={rng.randint(2, 3)}"

    def common_url():
        return f"{list_url}?q={rng.choice(common)}"

    # review pages of practices in the review states that the measured reviewer may read
    from accounts.models import User
    from benchmarks._practices_data import REVIEWER_EMAIL
    from practices.selectors import practices_for_staff

    reviewer = User.objects.get(email=REVIEWER_EMAIL.format(0))
    with translation.override("en"):
        review_urls = [
            reverse("admin:practices_practice_review", args=[pk])
            for pk in practices_for_staff(reviewer)
            .filter(state__in=REVIEW_STATES)
            .order_by("?")
            .values_list("pk", flat=True)[: max(total, 50)]
        ]
        programme_url = reverse("admin:index")

    def admin_url_for():
        if rng.random() < 0.8:
            pages_ = max(1, math.ceil(in_review / ADMIN_PAGE_SIZE))
            return f"{admin_url}?state__exact=in_review&p={rng.randint(1, pages_)}"
        return f"{admin_url}?state__exact={rng.choice(review_states)}"

    result = [
        Page("rebuild", [list_url], 0, clear_cache=True, requests=5,
             expect_sql="practices_practice_topics"),
    ]  # fmt: skip
    for name, make, expect in (
        ("list", list_url_for, "practices_practice"),
        ("facets", facets_url, "country"),
    ):
        result.append(Page(name, sample(make, total), args.warmup, expect_sql=expect))
    # a search never seen (its ranked ids forgotten before each request), then further pages
    # of searches seen before (ranked ids cached: only the page's rows are read)
    result.append(Page("search", sample(search_url, total), args.warmup, forget_search=True,
                       expect_sql="practicesearch"))  # fmt: skip
    # (its warm-up asks for every word once, so that every measured request finds it ranked)
    warm_every_word = [f"{list_url}?q={word}&page=2" for word in words]
    result.append(Page("search more", warm_every_word + sample(search_more_url, args.requests),
                       len(warm_every_word)))  # fmt: skip
    # a word in about half of all practices, never seen: not in the targets (see the docstring)
    result.append(Page("search common", sample(common_url, total), args.warmup,
                       forget_search=True, requests=20, expect_sql="practicesearch"))  # fmt: skip
    result.append(Page("detail", detail_urls, args.warmup, expect_sql="view_count"))
    result.append(Page("admin", sample(admin_url_for, total), args.warmup, client="reviewer",
                       expect_sql="practices_review"))  # fmt: skip
    result.append(Page("review", review_urls, args.warmup, client="reviewer",
                       expect_sql="practices_practice"))  # fmt: skip
    # the overview as coordinators meet it: counted ahead by beat (skillup.count_overview;
    # here the warm-up counts it), read from the cache; and the count itself, reported apart
    result.append(Page("programme", [programme_url], args.warmup, client="coordinator",
                       expect_sql="django_session"))  # fmt: skip
    result.append(Page("programme count", [programme_url], 1, client="coordinator", requests=5,
                       forget_overview=True, expect_sql="practices_practice"))  # fmt: skip
    return result


def _rare(words: list[str], published, count: int) -> list[str]:
    """The search words that find at most RARE_SHARE of the practices as the page reads them:
    a word planted in ~1% may find more once the search stems ("mentoring" also finds every
    "mentor" of the English, Spanish, Dutch… texts). Prints each word's share."""
    from django.utils import translation

    from practices.selectors import search_practices

    if count < 1000:  # (the 10-practice baseline: every word is "common" there)
        return words
    with translation.override("en"):
        shares = {w: search_practices(published, w).count() / max(count, 1) for w in words}
    print("search words (share of practices found): " + ", ".join(
        f"{w} {share:.1%}" for w, share in sorted(shares.items(), key=lambda item: item[1])
    ))  # fmt: skip
    rare = [w for w in words if shares[w] <= RARE_SHARE]
    if not rare:
        print(f"  WARNING no search word finds {RARE_SHARE:.0%} or less: all of them are used")
    return rare or words


def _with_authenticator(user) -> None:
    """Staff need a second factor (accounts.mfa): the measured reviewer has one, as in real life
    (the middleware's lookup of it is part of every staff request)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())


def clients():
    from django.contrib.auth.models import Group
    from django.test import Client

    from accounts.models import User
    from accounts.roles import COORDINATORS
    from benchmarks._practices_data import REVIEWER_EMAIL

    reviewer = Client()
    user = User.objects.get(email=REVIEWER_EMAIL.format(0))
    _with_authenticator(user)
    reviewer.force_login(user)
    coordinator = Client()
    lead, created = User.objects.get_or_create(
        email="coordinator@bench.skillup.example.eu",
        defaults={"full_name": "Coordinator", "is_staff": True},
    )
    if created:
        lead.groups.add(Group.objects.get(name=COORDINATORS))
    _with_authenticator(lead)
    coordinator.force_login(lead)
    return {"anonymous": Client(), "reviewer": reviewer, "coordinator": coordinator}


def run_all(args, rng, *, profile: bool = False) -> dict[str, Result]:
    from django.core.cache import cache

    cache.clear()
    page_set = pages(args, rng)
    the_clients = clients()
    if args.only:
        wanted = set(args.only.split(","))
        page_set = [page for page in page_set if page.name.split(" ")[0] in wanted]
    results = {}
    for page in page_set:
        profiled = profile and page.name == args.profile
        results[page.name] = run_page(the_clients, page, page.requests or args.requests, profiled)
    return results


# ---------------------------------------------------------------------------------------------
# Phases
# ---------------------------------------------------------------------------------------------
def _fill_big(args) -> None:
    from benchmarks import _practices_data as data
    from practices.enums import PracticeState
    from practices.models import Practice

    present = Practice.objects.filter(state=PracticeState.PUBLISHED).count()
    if args.keep and present == args.n:
        print(f"reusing the {present} published practices of an earlier run (--keep)")
        _print_languages()
        return
    started = time.perf_counter()
    data.empty()
    print(f"filling {args.n} published practices …")
    data.fill(args.n, seed=args.seed)
    vacuum_started = time.perf_counter()
    data.analyse(vacuum=True)
    print(f"  vacuum analyse in {time.perf_counter() - vacuum_started:.1f}s")
    print(f"filled and analysed in {time.perf_counter() - started:.1f}s")
    _print_languages()


def _print_languages() -> None:
    from benchmarks import _practices_data as data

    shares = data.language_shares()
    print(f"languages of the published practices ({len(shares)}): "
          + ", ".join(f"{language} {share:.0%}" for language, share in shares))  # fmt: skip


def _small_phase(args) -> dict[str, Result]:
    """The same pages on a database of SMALL_N practices, for the query counts.

    Why this way: a 10-row *slice* of the big database (a filter matching few rows) would run
    other SQL than the pages measured at N, and the facet counts and paginator would still see
    100,000 rows. Instead the big data is emptied and a complete 10-practice dataset (same
    generator: SMEs, calls, topics, tools, a review backlog with reviews) is written INSIDE A
    TRANSACTION that is rolled back afterwards — TRUNCATE is transactional in PostgreSQL, so
    the 100,000 rows come back untouched and need no second fill. The requests run on the same
    connection, inside that transaction, and see exactly the small dataset."""
    from django.db import transaction

    from benchmarks import _practices_data as data

    started = time.perf_counter()
    with transaction.atomic():
        data.empty()
        data.fill(SMALL_N, seed=args.seed, log=lambda *_: None)
        data.analyse(vacuum=False)
        results = run_all(args, random.Random(args.seed))
        transaction.set_rollback(True)
    print(f"n={SMALL_N}: measured in {time.perf_counter() - started:.1f}s (rolled back)")
    return results


def _explain(results: dict[str, Result]) -> None:
    from django.db import connection

    for name, result in results.items():
        for ms, sql in result.slowest[:1]:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            print(f"\n--- {name}: slowest query {ms:.1f} ms ---\n{sql}\n")
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                print("\n".join(row[0] for row in cursor.fetchall()))


# The search before issue #16 (practices/services/search.py and selectors._ranked_ids as they
# were), for --compare-simple
SIMPLE_DOCUMENTS_SQL = """
CREATE TEMPORARY TABLE bench_simple_search AS
SELECT p.id AS practice_id, p.published_at, ranked.doc AS rank_document,
       ranked.doc || setweight(to_tsvector('simple', concat_ws(' ', p.online_learning,
           p.methodology, p.keep_learning, p.other_tools)), 'C') AS document
FROM practices_practice p JOIN accounts_organisation o ON o.id = p.organisation_id
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('simple', COALESCE(p.public_title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.public_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(p.short_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(o.name, '')), 'B') AS doc
) ranked
WHERE p.state = 'published'
"""
SIMPLE_RANKED_SQL = """
SELECT practice_id FROM bench_simple_search, websearch_to_tsquery('simple', %s) query
WHERE document @@ query
ORDER BY ts_rank(rank_document, query) DESC, published_at DESC, practice_id DESC
"""


def _compare_simple() -> None:
    """The search's SQL now and before #16, same data, same server (see the docstring)."""
    from django.core.cache import cache
    from django.db import connection
    from django.utils import translation

    from benchmarks._practices_data import COMMON_WORDS, SEARCH_WORDS
    from practices import selectors
    from practices.cache import practices_version

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_simple_search")
        cursor.execute(SIMPLE_DOCUMENTS_SQL)
        cursor.execute("CREATE INDEX ON bench_simple_search USING gin (document)")
        cursor.execute("ANALYZE bench_simple_search")
    print(f"\nsearch before #16 (simple documents) built in {time.perf_counter() - started:.0f}s")

    def before(word: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # (as the search before did)
            cursor.execute(SIMPLE_RANKED_SQL, [word])
            found = len(cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
        return found

    def now(word: str) -> int:
        version = practices_version()
        cache.delete(selectors.search_cache_key(word, version, *_search_language("/en/")))
        with translation.override("en"):
            return len(selectors.ranked_search(word, version))

    rare = [w for w in SEARCH_WORDS if w != "mentoring"][:8]
    for label, words in (
        ("~1% words", rare),
        (f"common {COMMON_WORDS[3]!r}", [COMMON_WORDS[3]] * 4),
    ):
        for name, search in (("before #16", before), ("now", now)):
            search(words[0])  # (warm)
            times, found = [], []
            for word in words * 2:
                began = time.perf_counter()
                found.append(search(word))
                times.append((time.perf_counter() - began) * 1000)
            print(f"  search SQL, {label:<17}{name:<11} median {statistics.median(times):7.1f} ms"
                  f"  max {max(times):7.1f} ms  finds {statistics.median(found):.0f}")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_simple_search")


def _report(n: int, small: dict[str, Result] | None, big: dict[str, Result]) -> None:
    print()
    header = f"{'page':<16}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'SQL p50':>9}   queries at n={n}"
    print(header + (f"   at n={SMALL_N}" if small else ""))
    differ = []
    for name, result in big.items():
        counts = sorted(set(result.queries))
        line = (
            f"{name:<16}{result.p(0.5):>9.1f}{result.p(0.95):>9.1f}{max(result.ms):>9.1f}"
            f"{statistics.median(result.sql_ms):>9.1f}   "
            f"{'/'.join(map(str, counts)):<14}"
        )
        if small:
            small_counts = sorted(set(small[name].queries))
            same = max(small_counts) == max(counts)
            line += f"   {'/'.join(map(str, small_counts)):<10}{'' if same else '  DIFFERS'}"
            if not same:
                differ.append(name)
        print(line)
    print("(queries: the distinct per-request counts; a page DIFFERS when its highest count at")
    print(f" n={SMALL_N} is not its highest at n={n})")
    for size, results in ((n, big), (SMALL_N, small or {})):
        for name, result in results.items():
            if len(result.sql_by_count) > 1:
                fewest = result.sql_by_count[min(result.sql_by_count)]
                most = result.sql_by_count[max(result.sql_by_count)]
                known = {" ".join(sql.split())[:60] for sql in fewest}  # (parameters vary)
                extra = [sql for sql in most if " ".join(sql.split())[:60] not in known]
                extra = extra or most[len(fewest) :]
                for sql in extra:
                    print(f"  {name} at n={size}, a request with {max(result.sql_by_count)} "
                          f"queries also ran: {' '.join(sql.split())[:140]}")  # fmt: skip
    print(f"slowest SQL per page at n={n}:")
    for name, result in big.items():
        if not result.slowest:
            continue
        ms, sql = result.slowest[0]
        print(f"  {name:<14}{ms:7.1f} ms  {' '.join(sql.split())[:160]}")

    def worst(*names):
        return max((big[name].p(0.95) for name in names if name in big), default=float("nan"))

    list_p95 = worst("list", "facets")
    search_p95 = worst("search", "search more")
    detail_p95 = worst("detail")
    admin_p95 = worst("admin")
    programme_p95 = worst("programme")
    review_p95 = worst("review")
    public_slow = [
        f"{name} {result.p(0.95):.1f}"
        for name, result in big.items()
        if name
        not in ("admin", "review", "programme", "programme count", "rebuild", "search common")
        and result.p(0.95) >= TARGET_MS
    ]
    admin_ok = not admin_p95 >= TARGET_ADMIN_MS  # nan (not measured) passes
    staff_slow = [
        f"{name} {p95:.1f}"
        for name, p95 in (("programme", programme_p95), ("review", review_p95))
        if p95 >= TARGET_ADMIN_MS
    ]
    verdicts = [
        f"public p95 < {TARGET_MS:.0f} ms: "
        + ("pass" if not public_slow else f"FAIL ({', '.join(public_slow)})"),
        f"admin p95 < {TARGET_ADMIN_MS:.0f} ms: "
        + ("pass" if admin_ok else f"FAIL ({admin_p95:.1f})"),
        f"programme and review p95 <= {TARGET_ADMIN_MS:.0f} ms: "
        + ("pass" if not staff_slow else f"FAIL ({', '.join(staff_slow)})"),
    ]
    if small:
        verdicts.append(
            f"same query count at {SMALL_N} and {n}: "
            + ("pass" if not differ else f"FAIL ({', '.join(differ)})")
        )
    else:
        verdicts.append(f"same query count at {SMALL_N} and {n}: not measured (--skip-small)")
    print("targets: " + "; ".join(verdicts))
    max_queries = max(max(result.queries) for result in big.values())
    print(f"practices_browse: n={n} list_p95_ms={list_p95:.1f} search_p95_ms={search_p95:.1f} "
          f"detail_p95_ms={detail_p95:.1f} admin_p95_ms={admin_p95:.1f} "
          f"max_queries={max_queries} programme_p95_ms={programme_p95:.1f} "
          f"review_p95_ms={review_p95:.1f}")  # fmt: skip


def _load() -> str:
    """Other work on the machine slows every figure: say how much there was."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def main() -> None:
    args = _parse()
    database = _setup_django()
    from django.db import connection

    began = time.perf_counter()
    old_name = _create_database(args.keep)
    server = database.split("@")[-1].rsplit("/", 1)[0]
    with connection.cursor() as cursor:
        cursor.execute("SHOW shared_buffers")
        buffers = cursor.fetchone()[0]
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}  database: {server}/"
          f"{connection.settings_dict['NAME']} (shared_buffers {buffers})  settings: "
          f"skillup.settings.test (DEBUG False, locmem cache)  {_load()}")  # fmt: skip
    try:
        _fill_big(args)
        small = None if args.skip_small else _small_phase(args)
        started = time.perf_counter()
        big = run_all(args, random.Random(args.seed + 1), profile=True)
        print(f"n={args.n}: measured in {time.perf_counter() - started:.1f}s")
        if args.explain:
            _explain(big)
        if args.compare_simple:
            _compare_simple()
        print(f"run time {time.perf_counter() - began:.0f}s; {_load()}")
        _report(args.n, small, big)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
