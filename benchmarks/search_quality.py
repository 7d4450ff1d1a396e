"""Whether the public practice search finds what people type: hand-written target practices in
eight languages among generated background practices, and queries with inflections, missing
accents, one typo, several words, and another language's word for the same thing.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5432/skillup_bench \
        .venv/bin/python benchmarks/search_quality.py [--keep] [--show 5]

PostgreSQL only (the search it measures is PostgreSQL full-text search). The database
DATABASE_URL names is never written: Django's test-database machinery creates
`test_<name>_search_quality` beside it (dropped at the end unless --keep). The data is written
afresh on every run (a few seconds). Settings: skillup.settings.test, visitors' whole-page cache
off, the cache emptied before the queries (no search is answered from an earlier one).

Data (benchmarks/_search_quality_data.py): TARGETS, 16 short practices in English, French,
German, Spanish, Italian, Polish, Dutch and Portuguese; BACKGROUND_PER_LANGUAGE generated
practices in each of those languages that share the targets' common words; all published, with
their `language` set, each under an SME of a country speaking it; the search documents built by
the portal's own service (practices.services.search_documents_refresh), as a publication does.

Each query goes through the public list page as a visitor's browser sends it,
/<lang>/practices/?q=<words> (the query's language where the interface has it, English
otherwise), and the practices the page shows are read from its HTML in their order (the cards'
`id="practice-<pk>-title"`, wherever on the page they are: "Did you mean" results included).
A query is found when one of its expected targets is among the first 10 practices shown; its
rank is that of the best one. recall_at_10 is the share of queries found, mrr the mean of
1/rank over all queries (0 when not among the first 10).

Baseline, same data, same run: the ranking the portal used before issue #16, written out here
(PostgreSQL's `simple` configuration, the titles A, descriptions and SME name B, websearch
syntax, ranked by ts_rank then newest), so that the two figures can be compared. It is computed
in SQL, not through the page (the page only has the project's current search).

The run prints each query's rank or "miss" for both, the recall per kind of query, a baseline
line, and then, last, the project's figures (target: recall_at_10 >= 0.95):

    search_quality: queries=<n> recall_at_10=<0.xx> mrr=<0.xx>
"""

import argparse
import os
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOP = 10
TARGET_RECALL = 0.95
CARD_ID = re.compile(r'id="practice-(\d+)-title"')

# The search before issue #16 (practices/services/search.py and selectors._ranked_ids as they
# were): kept here, frozen, as the baseline.
BASELINE_DOCUMENTS_SQL = """
CREATE TEMPORARY TABLE bench_simple_search AS
SELECT p.id AS practice_id, p.published_at,
       setweight(to_tsvector('simple', COALESCE(p.public_title, '')), 'A')
       || setweight(to_tsvector('simple', COALESCE(p.title, '')), 'A')
       || setweight(to_tsvector('simple', COALESCE(p.public_description, '')), 'B')
       || setweight(to_tsvector('simple', COALESCE(p.short_description, '')), 'B')
       || setweight(to_tsvector('simple', COALESCE(o.name, '')), 'B') AS rank_document,
       setweight(to_tsvector('simple', COALESCE(p.public_title, '')), 'A')
       || setweight(to_tsvector('simple', COALESCE(p.title, '')), 'A')
       || setweight(to_tsvector('simple', COALESCE(p.public_description, '')), 'B')
       || setweight(to_tsvector('simple', COALESCE(p.short_description, '')), 'B')
       || setweight(to_tsvector('simple', COALESCE(o.name, '')), 'B')
       || setweight(to_tsvector('simple', COALESCE(p.online_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.methodology, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.keep_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.other_tools, '')), 'C') AS document
FROM practices_practice p JOIN accounts_organisation o ON o.id = p.organisation_id
WHERE p.state = %s
"""
BASELINE_QUERY_SQL = """
SELECT practice_id FROM bench_simple_search, websearch_to_tsquery('simple', %s) query
WHERE document @@ query
ORDER BY ts_rank(rank_document, query) DESC, published_at DESC, practice_id DESC
LIMIT %s
"""

COUNTRY_OF = {"en": "IE", "fr": "FR", "de": "DE", "es": "ES", "it": "IT", "pl": "PL",
              "nl": "NL", "pt": "PT"}  # fmt: skip


def _fail(message: str) -> None:
    print(f"benchmarks/search_quality.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--show", type=int, default=0, help="print the first N titles shown")
    return parser.parse_args()


def _setup_django() -> str:
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        _fail(
            "this benchmark runs on PostgreSQL (full-text search): set DATABASE_URL, e.g.\n"
            "  DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5432/skillup_bench \\\n"
            "  .venv/bin/python benchmarks/search_quality.py"
            + (f"\n(DATABASE_URL is {database!r})" if database else "")
        )
    os.environ["DJANGO_SETTINGS_MODULE"] = "skillup.settings.test"
    import django
    from django.conf import settings

    django.setup()
    settings.PAGE_CACHE_ENABLED = False  # every query is searched, never a cached page
    return database


def _create_database(keep: bool) -> str:
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_search_quality"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
    return old_name


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
def fill(seed: int) -> dict[str, int]:
    """Write the targets and the background (published), build their search documents with the
    portal's service. Returns target key → practice id."""
    from django.db import connection
    from django.utils import timezone
    from django.utils.text import slugify

    from accounts.enums import SizeBand
    from accounts.models import Organisation
    from benchmarks import _search_quality_data as data
    from benchmarks._practices_data import empty, explicit_timestamps, no_style
    from practices.enums import Audience, PracticeState
    from practices.models import Call, Practice, Topic
    from practices.services import search_documents_refresh

    rng = random.Random(seed)
    now = timezone.now()
    empty()
    call = Call.objects.create(
        title="Digital SkillUp (search quality)",
        slug="digital-skillup-search-quality",
        introduction="Benchmark call.",
        opens_at=now - timedelta(days=900),
        closes_at=now - timedelta(days=800),
    )
    organisations = {}
    for language in data.LANGUAGES:
        organisations[language] = [
            Organisation.objects.create(
                name=f"SQ {language.upper()} {index}",
                kind="sme",
                country=COUNTRY_OF[language],
                sector="C",
                size_band=SizeBand.SMALL,
            )
            for index in range(5)
        ]
    topics = dict(Topic.objects.values_list("slug", "pk"))
    rows: list[tuple[str | None, str, str, str, tuple[str, ...]]] = [
        (key, language, title, description, topic_slugs)
        for key, (language, title, description, topic_slugs) in data.TARGETS.items()
    ]
    rows += [(None, *row, ()) for row in data.background(rng)]
    rng.shuffle(rows)  # ids and dates say nothing about which are targets
    practices, through, keys = [], [], {}
    for pk, (key, language, title, description, topic_slugs) in enumerate(rows, start=1):
        published = now - timedelta(days=rng.randint(1, 700), seconds=rng.randint(0, 86_400))
        practices.append(
            Practice(
                pk=pk,
                call=call,
                organisation=rng.choice(organisations[language]),
                state=PracticeState.PUBLISHED,
                language=language,
                title=title,
                short_description=description,
                online_learning="",
                methodology="",
                keep_learning="",
                audience=rng.choice(Audience.values),
                employees_reached=rng.randint(2, 80),
                since_year=rng.randint(2015, now.year),
                internal_confirmed=True,
                publication_consent=True,
                publication_consent_at=published - timedelta(days=30),
                submitted_at=published - timedelta(days=30),
                public_version_approved_at=published,
                published_at=published,
                slug=f"{slugify(title)[:90] or 'practice'}-{pk}",
                created_at=published - timedelta(days=40),
                updated_at=published,
            )
        )
        through += [
            Practice.topics.through(practice_id=pk, topic_id=topics[slug])
            for slug in topic_slugs
            if slug in topics
        ]
        if key:
            keys[key] = pk
    with explicit_timestamps(Practice):
        Practice.objects.bulk_create(practices)
    Practice.topics.through.objects.bulk_create(through)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Practice]):
            cursor.execute(sql)
    search_documents_refresh()
    return keys


def check_crosslang_links() -> dict[str, str]:
    """Each cross-language query → the competence of the skill taxonomy that holds both it and
    its linked words (in different languages); a query without one is an error in the data."""
    from benchmarks._search_quality_data import CROSSLANG_LINKS, QUERIES
    from skillup.plain_skills import LANGUAGES, SKILL_KEYS, plain_skill

    def terms(key, language):
        plain = plain_skill(*key, language)
        return {plain.label.lower(), *(s.strip().lower() for s in plain.synonyms)}

    found = {}
    for query, _lang, kind, _targets in QUERIES:
        if kind != "crosslang":
            continue
        for key in SKILL_KEYS:
            by_language = {language: terms(key, language) for language in LANGUAGES}
            home = [lang for lang, words in by_language.items() if query.lower() in words]
            linked = all(
                any(word in words for lang, words in by_language.items() if lang not in home)
                for word in CROSSLANG_LINKS[query]
            )
            if home and linked:
                found[query] = f"{key[0]} {key[1]}"
                break
        else:
            _fail(f"the taxonomy does not link {query!r} to {CROSSLANG_LINKS[query]}")
    return found


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    rank: int | None  # of the best expected target among the first TOP shown, 1-based
    shown: list[int]  # the practices shown, in their order
    note: str = ""


def page_language(language: str) -> str:
    from django.conf import settings

    return language if language in dict(settings.LANGUAGES) else "en"


def ask_page(client, query: str, language: str, targets: set[int], index: int) -> Outcome:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(page_language(language)):
        url = f"{reverse('practices:practice_list')}?{urlencode({'q': query})}"
    response = client.get(url, REMOTE_ADDR=f"10.16.{index // 256}.{index % 256}")
    if response.status_code != 200:
        _fail(f"GET {url} answered {response.status_code}")
    html = response.content.decode()
    shown = list(dict.fromkeys(int(pk) for pk in CARD_ID.findall(html)))
    rank = next((i + 1 for i, pk in enumerate(shown[:TOP]) if pk in targets), None)
    # "Did you mean …?" (the filter's correction the page shows), read from the page's context
    suggestion = getattr((response.context or {}).get("filter"), "suggestion", None)
    note = f"did you mean: {suggestion}" if suggestion else ""
    return Outcome(rank, shown, note)


def ask_baseline(query: str, targets: set[int]) -> Outcome:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(BASELINE_QUERY_SQL, [query, TOP])
        shown = [row[0] for row in cursor.fetchall()]
    rank = next((i + 1 for i, pk in enumerate(shown) if pk in targets), None)
    return Outcome(rank, shown)


def figures(outcomes: list[Outcome]) -> tuple[float, float]:
    found = [o for o in outcomes if o.rank]
    return len(found) / len(outcomes), sum(1 / o.rank for o in found) / len(outcomes)


def _rank(outcome: Outcome) -> str:
    return f"{outcome.rank:>4}" if outcome.rank else "miss"


def main() -> None:
    args = _parse()
    database = _setup_django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from benchmarks._search_quality_data import QUERIES, TARGETS
    from practices.enums import PracticeState
    from practices.models import Practice

    began = time.perf_counter()
    old_name = _create_database(args.keep)
    server = database.split("@")[-1].rsplit("/", 1)[0]
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}  database: {server}/"
          f"{connection.settings_dict['NAME']}  settings: skillup.settings.test")  # fmt: skip
    try:
        keys = fill(args.seed)
        languages = sorted(
            set(
                Practice.objects.filter(state=PracticeState.PUBLISHED).values_list(
                    "language", flat=True
                )
            )
        )
        total = Practice.objects.filter(state=PracticeState.PUBLISHED).count()
        print(f"data: {total} published practices ({len(TARGETS)} targets, {total - len(TARGETS)} "
              f"background) in {len(languages)} languages: {', '.join(languages)}; ready in "
              f"{time.perf_counter() - began:.1f}s")  # fmt: skip
        from practices import selectors

        stemmed = len(getattr(selectors, "STEMMED_CONFIGS", {}))
        suggests = "yes" if hasattr(selectors, "search_suggestion") else "no"
        print(f"search under test: SEARCH_CONFIG {selectors.SEARCH_CONFIG}, {stemmed} stemmed "
              f"configurations, suggestions {suggests}")  # fmt: skip
        links = check_crosslang_links()
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_DOCUMENTS_SQL, [PracticeState.PUBLISHED])
        cache.clear()
        setup_test_environment()  # responses carry their template context
        client = Client()
        titles = dict(Practice.objects.values_list("pk", "title"))
        project, baseline = [], []
        by_kind: dict[str, list[tuple[Outcome, Outcome]]] = defaultdict(list)
        print(f"\n{'#':>3}  {'kind':<10} {'page':<4} {'query':<36} {'rank':>4} {'shown':>5}"
              f"  {'simple':>6}   expected")  # fmt: skip
        started = time.perf_counter()
        for index, (query, language, kind, expected) in enumerate(QUERIES, start=1):
            targets = {keys[key] for key in expected}
            ours = ask_page(client, query, language, targets, index)
            theirs = ask_baseline(query, targets)
            project.append(ours)
            baseline.append(theirs)
            by_kind[kind].append((ours, theirs))
            note = [ours.note] if ours.note else []
            if kind == "crosslang":
                note.append(f"taxonomy {links[query]}")
            print(f"{index:>3}  {kind:<10} {page_language(language):<4} {query:<36} "
                  f"{_rank(ours)} {len(ours.shown):>5}  {_rank(theirs):>6}   {', '.join(expected)}"
                  + (f"  ({'; '.join(note)})" if note else ""))  # fmt: skip
            for pk in ours.shown[: args.show]:
                print(f"{'':>21}{'*' if pk in targets else ' '} {titles[pk][:70]}")
        elapsed = time.perf_counter() - started
        print(f"\n{'kind':<11}{'queries':>8}{'recall@10':>11}{'mrr':>7}{'simple':>9}{'mrr':>7}")
        for kind, pairs in by_kind.items():
            ours_recall, ours_mrr = figures([p[0] for p in pairs])
            theirs_recall, theirs_mrr = figures([p[1] for p in pairs])
            print(f"{kind:<11}{len(pairs):>8}{ours_recall:>11.2f}{ours_mrr:>7.2f}"
                  f"{theirs_recall:>9.2f}{theirs_mrr:>7.2f}")  # fmt: skip
        recall, mrr = figures(project)
        base_recall, base_mrr = figures(baseline)
        same_word = [
            o for o, query in zip(project, QUERIES, strict=True) if query[2] != "crosslang"
        ]
        suggested = sum(1 for o in project if o.note)
        print(f"without the cross-language queries: queries={len(same_word)} "
              f"recall_at_10={figures(same_word)[0]:.2f}; the page offered \"Did you mean\" "
              f"for {suggested}")  # fmt: skip
        print(f"\n{len(QUERIES)} queries through the page in {elapsed:.1f}s; run time "
              f"{time.perf_counter() - began:.0f}s")  # fmt: skip
        print(
            f"target recall_at_10 >= {TARGET_RECALL:.2f}: "
            + ("pass" if recall >= TARGET_RECALL else f"FAIL ({recall:.2f})")
        )
        print(
            f"baseline (simple configuration, before #16): queries={len(QUERIES)} "
            f"recall_at_10={base_recall:.2f} mrr={base_mrr:.2f}"
        )
        print(f"search_quality: queries={len(QUERIES)} recall_at_10={recall:.2f} mrr={mrr:.2f}")
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
