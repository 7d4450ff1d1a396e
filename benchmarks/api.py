"""The open-data API (#17) on PostgreSQL with 100,000 published practices, through gunicorn: the
practices list (plain, two filters, a search) and a practice's detail, their p95 and SQL queries
per request, and the bulk export's time and peak memory.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5433/api_bench \\
    REDIS_URL=redis://127.0.0.1:6380/12 \\
        .venv/bin/python benchmarks/api.py [--n 100000] [--requests 200] [--keep]

Outside the test suite; everything on 127.0.0.1, bounded in count and time; gunicorn stopped
and the Redis database flushed at the end, on error too. Built on benchmarks/load.py (read it
first): the same database of its own beside the one DATABASE_URL names (`test_<name>_load`,
kept with --keep and then reused for the same --n), filled by practices_browse._fill_big; the
same gunicorn on benchmarks.load_settings (production settings: Redis cache, DEBUG off), with
the benchmark as the TLS-terminating proxy. The API's rate limit is off for the server
(API_RATE_LIMIT empty): one address sends every request; so is its cache of practices answers
(API_CACHE_SECONDS=0): every request is worked out, as for an address nobody asked before in
the current practices version.

Measured, one request at a time after --warmup requests each (sequential: the latency of one
request, not the throughput; load.py measures throughput), from sending to the last byte:
  list     /api/v1/practices/?page=k                          (k = 1..20)
  filters  /api/v1/practices/?country=XX&audience=YY          (values vary)
  search   /api/v1/practices/?q=<word found in ~1% of them>   (word varies)
  detail   /api/v1/practices/<slug>/                          (a new practice each time)
No If-None-Match is sent (no 304) and no answer is kept (above); the server's other caches are
those of production (a search's ranked ids stay cached for 5 minutes, as on the list page).

Queries per request: the same URLs requested in this process through Django's test client with
the queries captured, at N and on a narrow filter (a country and an audience with few rows):
"constant" when each endpoint's count is the same for both.

Export: opendata.datasets.regenerate() (the bulk datasets of #17) in this process, timed, with
its peak Python memory (tracemalloc); "export: not available" until that module exists.

Last line:
    api: n=<N> list_p95_ms=<worse of list and filters> search_p95_ms=<ms> detail_p95_ms=<ms> \\
        export_s=<s> export_peak_mb=<MB>
Targets (issue #17): list and search ≤ 40 ms, detail ≤ 20 ms, export ≤ 30 s and ≤ 200 MB.
"""

import argparse
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402 (after the path above)
    _create_database,
    _environment,
    _fail,
    _free_port,
    _get,
    _pct,
    _redis_client,
    _start_gunicorn,
    _stop,
    _tail,
    _wait_ready,
)

LIST_TARGET_MS = 40.0
DETAIL_TARGET_MS = 20.0
EXPORT_TARGET_S = 30.0
EXPORT_TARGET_MB = 200.0
API = "/api/v1/practices/"


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="published practices")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database, reuse its data")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    # what load.py's gunicorn helper reads
    args.worker_class, args.threads = "sync", 1
    if args.n < 100:
        parser.error("--n must be at least 100")
    if not 1 <= args.requests <= 5000:
        parser.error("--requests 1..5000")
    return args


def _urls(rng: random.Random, count: int) -> dict[str, list[str]]:
    """Warm-up and measured URLs of each page (distinct ones, cycled when fewer)."""
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Count

    from benchmarks._practices_data import SEARCH_WORDS
    from benchmarks.practices_browse import _rare
    from practices.enums import PracticeState
    from practices.models import Practice, PracticeSearch
    from practices.selectors import SEARCH_CONFIG

    published = Practice.objects.filter(state=PracticeState.PUBLISHED)
    combos = list(
        published.values_list("organisation__country", "audience")
        .annotate(rows=Count("pk"))
        .order_by("organisation__country", "audience")
    )
    words = [
        w
        for w in SEARCH_WORDS
        if PracticeSearch.objects.filter(document=SearchQuery(w, config=SEARCH_CONFIG)).exists()
    ]
    words = _rare(words, published, published.count())
    slugs = list(published.order_by("?").values_list("slug", flat=True)[:count])
    rng.shuffle(combos)
    rng.shuffle(words)
    return {
        "list": [f"{API}?page={1 + i % 20}" for i in range(count)],
        "filters": [f"{API}?country={c}&audience={a}" for c, a, _rows in combos],
        "search": [f"{API}?q={word}" for word in words],
        "detail": [f"{API}{slug}/" for slug in slugs],
        # a narrow filter: the fewest rows (for the query counts)
        "narrow": [
            f"{API}?country={c}&audience={a}" for c, a, _r in sorted(combos, key=lambda x: x[2])
        ],
    }


def _measure(port: int, urls: list[str], warmup: int, requests: int) -> list[float]:
    times = []
    for i in range(warmup + requests):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        status, _body, _headers = _get(port, url)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200:
            _fail(f"GET {url} answered {status}")
        if i >= warmup:
            times.append(elapsed)
    return times


def _queries(urls: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Per page: (queries of its first URL, of another URL of it), in this process. The list's
    second is a narrow filter, the detail's another practice."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.load import HOST, _proxy_headers

    client = Client(HTTP_HOST=HOST, **{
        f"HTTP_{k.upper().replace('-', '_')}": v for k, v in _proxy_headers("10.255.0.3").items()
    })  # fmt: skip

    def count(url: str) -> int:
        client.get(url, secure=True)  # warm: the facet index, the choices, the search's ids
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, secure=True)
        if response.status_code != 200:
            _fail(f"GET {url} (in process) answered {response.status_code}")
        return len(captured)

    pairs = {
        "list": (urls["list"][0], urls["narrow"][0]),
        "filters": (urls["filters"][0], urls["narrow"][0]),
        "search": (urls["search"][0], urls["search"][-1]),
        "detail": (urls["detail"][0], urls["detail"][-1]),
    }
    return {name: (count(a), count(b)) for name, (a, b) in pairs.items()}


def _export() -> tuple[float, float] | None:
    """(seconds, peak MB) of opendata.datasets.regenerate(), or None before it exists."""
    try:
        from opendata.datasets import regenerate
    except ImportError:
        return None
    tracemalloc.start()
    started = time.perf_counter()
    regenerate()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1024 / 1024


def main() -> None:
    args = _parse()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="skillup-api-bench-"))
    port = _free_port()
    env = _environment(port, str(work / "static"))
    env["API_RATE_LIMIT"] = ""  # one address sends everything
    env["API_CACHE_SECONDS"] = "0"  # each answer's own cost, never a cached body
    os.environ.update(env)
    redis = _redis_client(env["REDIS_URL"])
    if redis.dbsize():
        shutil.rmtree(work, ignore_errors=True)
        _fail(f"{env['REDIS_URL']} is not empty: give the benchmark an unused Redis database")
    server = old_name = connection = None

    def terminate(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from benchmarks.practices_browse import _fill_big

        began = time.perf_counter()
        old_name = _create_database(args.keep)
        db_name = connection.settings_dict["NAME"]
        print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}  database {db_name}  "
              f"settings benchmarks.load_settings (production)  {_load()}")  # fmt: skip
        _fill_big(args)
        urls = _urls(rng, args.warmup + args.requests)
        call_command("collectstatic", interactive=False, verbosity=0)
        queries = _queries(urls)
        print(f"prepared in {time.perf_counter() - began:.0f}s")
        connection.close()

        url = urllib.parse.urlsplit(env["DATABASE_URL"])
        server_env = {**env, "DATABASE_URL": url._replace(path=f"/{db_name}").geturl()}
        log_path = work / "gunicorn.log"
        server = _start_gunicorn(args, server_env, port, log_path)
        _wait_ready(port, server, log_path)
        print(f"gunicorn on 127.0.0.1:{port}: {args.workers} sync workers")

        p95 = {}
        for name in ("list", "filters", "search", "detail"):
            times = _measure(port, urls[name], args.warmup, args.requests)
            p95[name] = _pct(times, 0.95)
            a, b = queries[name]
            print(f"  {name:8} p50 {_pct(times, 0.5):7.1f} ms  p95 {p95[name]:7.1f} ms  "
                  f"queries {a} / {b}{'' if a == b else '  NOT CONSTANT'}")  # fmt: skip
        _stop(server, "gunicorn")
        log = _tail(log_path, 10)
        if log.strip():
            print(f"gunicorn log (last lines):\n{log}")

        export = _export()
        if export is None:
            print("export: not available")
            export_s = export_mb = float("nan")
        else:
            export_s, export_mb = export
            print(f"  export   {export_s:.1f} s, peak {export_mb:.0f} MB (tracemalloc)")

        list_p95 = max(p95["list"], p95["filters"])
        constant = all(a == b for a, b in queries.values())
        verdicts = [
            f"list ≤ {LIST_TARGET_MS:.0f} ms: "
            + ("pass" if list_p95 <= LIST_TARGET_MS else f"FAIL ({list_p95:.1f})"),
            f"search ≤ {LIST_TARGET_MS:.0f} ms: "
            + ("pass" if p95["search"] <= LIST_TARGET_MS else f"FAIL ({p95['search']:.1f})"),
            f"detail ≤ {DETAIL_TARGET_MS:.0f} ms: "
            + ("pass" if p95["detail"] <= DETAIL_TARGET_MS else f"FAIL ({p95['detail']:.1f})"),
            "constant queries: " + ("pass" if constant else "FAIL"),
        ]
        if export is not None:
            verdicts.append(
                f"export ≤ {EXPORT_TARGET_S:.0f} s and ≤ {EXPORT_TARGET_MB:.0f} MB: "
                + ("pass" if export_s <= EXPORT_TARGET_S and export_mb <= EXPORT_TARGET_MB
                   else f"FAIL ({export_s:.1f} s, {export_mb:.0f} MB)")
            )  # fmt: skip
        print(f"\n{_load()}; run time {time.perf_counter() - began:.0f}s")
        print("targets: " + "; ".join(verdicts))
        print(f"api: n={args.n} list_p95_ms={list_p95:.1f} search_p95_ms={p95['search']:.1f} "
              f"detail_p95_ms={p95['detail']:.1f} export_s={export_s:.1f} "
              f"export_peak_mb={export_mb:.0f}")  # fmt: skip
    finally:
        _stop(server, "gunicorn")
        try:
            redis.flushdb()
        except Exception as exc:  # cleanup goes on whatever failed
            print(f"could not flush {env['REDIS_URL']}: {exc}", file=sys.stderr)
        if old_name is not None and connection is not None and not args.keep:
            connection.close()
            connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(work, ignore_errors=True)


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


if __name__ == "__main__":
    main()
