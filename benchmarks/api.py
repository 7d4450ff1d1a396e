"""The open-data API (#17) and the bulk datasets at 100,000 published practices, on PostgreSQL.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5432/api_bench \\
    REDIS_URL=redis://127.0.0.1:6379/40 \\
        .venv/bin/python benchmarks/api.py [--n 100000] [--keep] [--requests 100]

Outside the test suite. Data and server as benchmarks/load.py has them: Django's test-database
machinery creates `test_<name>_api` beside the database DATABASE_URL names (never written),
benchmarks/_practices_data.py fills it (N published practices in ten languages, ~20,000 SMEs,
topics, tools, a review backlog); dropped at the end unless --keep (then reused by the next run
of the same --n). `gunicorn skillup.wsgi` with benchmarks.load_settings (production settings,
Redis cache on REDIS_URL, 2 sync workers, persistent connections), behind the benchmark acting as
the TLS proxy. Every request comes from its own address (X-Forwarded-For), so the API's
per-client rate limit, which is on as in production, never answers 429 here; the API's cache of
practices answers is off (API_CACHE_SECONDS=0): every request is worked out.

Measured one request at a time (p50, p95, max over --requests each, after warm-up):
  floor        /bench/ping/: the same server and middleware, a view that does nothing (baseline)
  list         /api/v1/practices/?page=k                      (k varies: 1..20)
  filters      /api/v1/practices/?country=XX&audience=YY      (two filters; values vary)
  search       /api/v1/practices/?q=<word in ~1% of practices>&lang=<each interface language>
               (each word in each language once: never seen, its ranked ids worked out)
  detail       /api/v1/practices/<slug>/                      (a new practice each time)

Queries per request: each kind is requested in this process through Django's test client with
page sizes 10 and 100, each URL once before it is counted (a process's first request builds its
facet index), and must run the same number of queries (the suite checks the same at two
database sizes).

Export: opendata.datasets.regenerate() in a child process (the files of every dataset written to
a temporary directory): its wall time and peak memory (the child's resident high-water mark, Django
and the libraries included), beside the time of reading the same published practices' rows
with values_list() alone (baseline).

Last line:
    api: n=<N> list_p95_ms=… search_p95_ms=… detail_p95_ms=… export_s=… export_peak_mb=…
list_p95_ms is the worse of list and filters. Targets (issue #17): list and search ≤ 40 ms,
detail ≤ 20 ms, export ≤ 30 s and ≤ 200 MB.
"""

import argparse
import concurrent.futures
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402 (the path above first)
    HOST,
    _environment,
    _free_port,
    _get,
    _load,
    _pct,
    _redis_client,
    _start_gunicorn,
    _stop,
    _tail,
    _wait_ready,
)

API = "/api/v1"
LIST_TARGET_MS = 40.0
DETAIL_TARGET_MS = 20.0
EXPORT_TARGET_S = 30.0
EXPORT_TARGET_MB = 200.0
# every interface language: ~130 searches, so that the p95 is not the third slowest of 57
SEARCH_LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "nl")


def _fail(message: str) -> None:
    print(f"benchmarks/api.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="published practices")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database, reuse its data")
    parser.add_argument("--requests", type=int, default=100, help="measured requests per kind")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    if args.n < 100:
        parser.error("--n must be at least 100")
    args.worker_class, args.threads = "sync", 1
    return args


def _create_database(keep: bool) -> str:
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    if old_name.startswith(("skillup", "test_skillup")):
        _fail(f"{old_name!r}: choose a database name of the benchmark's own (e.g. api_bench)")
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_api"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
    return old_name


def _collectstatic() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


# ---------------------------------------------------------------------------------------------
# What is requested
# ---------------------------------------------------------------------------------------------
def _paths(args, rng: random.Random) -> dict[str, list[str]]:
    from django.db.models import Count

    from benchmarks._practices_data import SEARCH_WORDS
    from benchmarks.practices_browse import _rare
    from practices.enums import PracticeState
    from practices.models import Practice

    published = Practice.objects.filter(state=PracticeState.PUBLISHED)
    count = published.count()
    slugs = list(published.order_by("?").values_list("slug", flat=True)[: args.requests * 2])
    # pairs of filter values that find practices (as the list page's benchmark picks them)
    combos = list(
        published.values_list("organisation__country", "audience")
        .annotate(rows=Count("pk"))
        .order_by("organisation__country", "audience")
    )
    words = _rare(list(SEARCH_WORDS), published, count)
    needed = args.warmup + args.requests

    def cycle(items: list[str]) -> list[str]:
        return [items[i % len(items)] for i in range(needed)]

    searches = [
        f"{API}/practices/?q={word}&lang={language}"
        for word in words
        for language in SEARCH_LANGUAGES
    ]
    rng.shuffle(searches)
    return {
        "floor": cycle(["/bench/ping/"]),
        "list": cycle([f"{API}/practices/?page={k}" for k in range(1, 21)]),
        "filters": [
            f"{API}/practices/?country={country}&audience={audience}"
            for country, audience, _rows in (rng.choice(combos) for _ in range(needed))
        ],
        # never seen: each search once; the warm-up searches words no practice has, in each
        # language (a worker builds its cross-language expansion map on its first search and
        # reads a language's catalogue on its first request in it, once per process)
        "search": [
            f"{API}/practices/?q=warmup{k}&lang={SEARCH_LANGUAGES[k % len(SEARCH_LANGUAGES)]}"
            for k in range(args.warmup)
        ]
        + searches[: args.requests],
        "detail": [f"{API}/practices/{slug}/" for slug in slugs[:needed]],
    }


def _warm_workers(port: int, paths: dict[str, list[str]], workers: int) -> float:
    """Every worker builds its facet index, its search expansion map and reads each language's
    catalogue before the measurement: each kind's warm-up requests sent several at a time, so
    that every worker gets some (one at a time, one worker may take them all). The slowest
    (ms) is reported apart."""
    warm = [
        path
        for name, kind_paths in paths.items()
        if name != "floor"
        for path in [*kind_paths[:4], *kind_paths[-4:]] * workers
    ]
    warm = [
        f"{API}/practices/?q=warmup-{k}&lang={language}"
        for k in range(workers * 2)
        for language in SEARCH_LANGUAGES
    ] + [p for p in warm if "?q=" not in p]  # (measured searches stay never seen)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers * 2) as pool:
        results = list(pool.map(lambda p: _timed(port, p, "10.253.0.1"), warm))
    for status, _ms, path in results:
        if status != 200:
            _fail(f"warm-up: GET {path} answered {status}")
    return max(ms for _status, ms, _path in results)


def _timed(port: int, path: str, ip: str) -> tuple[int, float, str]:
    began = time.perf_counter()
    status, _body, _headers = _get(port, path, ip=ip)
    return status, (time.perf_counter() - began) * 1000, path


def _measure(
    port: int, paths: list[str], warmup: int
) -> tuple[list[float], list[str], list[tuple[float, str]]]:
    """The measured requests' times (ms), the errors, and the slowest two (ms, path)."""
    timings, errors, slowest = [], [], []
    for index, path in enumerate(paths):
        status, elapsed, _path = _timed(port, path, f"10.{index // 250 % 250}.{index % 250}.9")
        if status != 200:
            errors.append(f"{status} {path}")
        elif index >= warmup:
            timings.append(elapsed)
            slowest = sorted([*slowest, (elapsed, path)], reverse=True)[:2]
    return timings, errors, slowest


def _query_counts(paths: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Queries of one request of each kind with 10 and with 100 results a page (test client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.254.0.1")
    counts = {}
    for name in ("list", "filters", "search", "detail"):
        path = paths[name][-1]
        per_size = []
        for size in (10, 100):
            joiner = "&" if "?" in path else "?"
            url = path if name == "detail" else f"{path}{joiner}page_size={size}"
            client.get(url, secure=True)  # a first request fills the process's caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, secure=True)
            if response.status_code != 200:
                _fail(f"{url} answered {response.status_code}: {response.content[:300]!r}")
            per_size.append(len(queries))
        counts[name] = tuple(per_size)
    return counts


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------
# The child's peak is VmHWM of /proc/self/status (its own memory's high-water mark), not
# getrusage's ru_maxrss: that one survives exec and would report this process's size at the fork.
EXPORT_CHILD = textwrap.dedent(
    """
    import re, sys, time
    def peak_mb():
        status = open("/proc/self/status").read()
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024
    import django
    django.setup()
    from opendata.datasets import regenerate
    baseline_mb = peak_mb()
    began = time.perf_counter()
    regenerate(directory=sys.argv[1])
    elapsed = time.perf_counter() - began
    print(f"{baseline_mb:.1f} {elapsed:.3f} {peak_mb():.1f}")
    """
)


def _export(env: dict[str, str], db_name: str) -> tuple[float, float, float, str]:
    directory = tempfile.mkdtemp(prefix="skillup-api-export-")
    url = urllib.parse.urlsplit(env["DATABASE_URL"])
    child_env = {
        **os.environ,
        **env,
        "DATABASE_URL": url._replace(path=f"/{db_name}").geturl(),
        "PYTHONPATH": str(ROOT),
    }
    try:
        done = subprocess.run(
            [sys.executable, "-c", EXPORT_CHILD, directory],
            cwd=ROOT,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            return float("nan"), float("nan"), float("nan"), done.stderr.strip()[-1500:]
        baseline, seconds, peak = (float(x) for x in done.stdout.split()[-3:])
        files = sorted(Path(directory).rglob("*"))
        listing = ", ".join(
            f"{f.name} {f.stat().st_size / 1e6:.1f} MB" for f in files if f.is_file()
        )
        return seconds, peak, baseline, listing
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _read_baseline() -> float:
    """Reading the published practices' public columns alone, as the export reads them."""
    from practices.enums import PracticeState
    from practices.models import Practice

    began = time.perf_counter()
    rows = Practice.objects.filter(state=PracticeState.PUBLISHED).values_list(
        "pk", "slug", "title", "public_title", "short_description", "public_description"
    )
    for _row in rows.iterator(chunk_size=2000):
        pass
    return time.perf_counter() - began


# ---------------------------------------------------------------------------------------------
def _row(name: str, timings: list[float], errors: list[str]) -> tuple[float, str]:
    p95 = _pct(timings, 0.95)
    line = (
        f"{name:<10}{len(timings):>6}{_pct(timings, 0.5):>9.1f}{p95:>9.1f}"
        f"{max(timings, default=float('nan')):>9.1f}{len(errors):>8}"
    )
    return p95, line


def main() -> None:
    args = _parse()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="skillup-api-"))
    port = _free_port()
    # every answer worked out, here and in gunicorn: the API keeps practices answers for
    # API_CACHE_SECONDS (a repeated page would be a cache read); the rate limit stays on (one
    # address a request)
    env = {**_environment(port, str(work / "static")), "API_CACHE_SECONDS": "0"}
    os.environ.update(env)
    redis = _redis_client(env["REDIS_URL"])
    if redis.dbsize():
        shutil.rmtree(work, ignore_errors=True)
        _fail(f"{env['REDIS_URL']} is not empty: give the benchmark an unused Redis database")
    server = None
    old_name = None
    connection = None

    def terminate(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    try:
        import django

        django.setup()
        from django.db import connection

        from benchmarks.practices_browse import _fill_big

        began = time.perf_counter()
        old_name = _create_database(args.keep)
        db_name = connection.settings_dict["NAME"]
        print(f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}  database {db_name}  "
              f"settings benchmarks.load_settings (production)  {_load()}")  # fmt: skip
        _fill_big(args)
        paths = _paths(args, rng)
        _collectstatic()
        counts = _query_counts(paths)
        print(f"prepared in {time.perf_counter() - began:.0f}s")
        connection.close()

        url = urllib.parse.urlsplit(env["DATABASE_URL"])
        server_env = {**env, "DATABASE_URL": url._replace(path=f"/{db_name}").geturl()}
        log_path = work / "gunicorn.log"
        server = _start_gunicorn(args, server_env, port, log_path)
        _wait_ready(port, server, log_path)
        print(f"gunicorn on {HOST}:{port}: {args.workers} sync workers")
        first_ms = _warm_workers(port, paths, args.workers)
        print(f"workers warmed up (slowest first request {first_ms:.0f} ms: facet index, "
              f"expansion map, catalogues, connection)")  # fmt: skip

        print(f"\n{'request':<10}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}")
        p95s, all_errors, slowest = {}, [], []
        for name, kind_paths in paths.items():
            timings, errors, kind_slowest = _measure(port, kind_paths, args.warmup)
            p95s[name], line = _row(name, timings, errors)
            all_errors += errors
            slowest += [(name, ms, path) for ms, path in kind_slowest]
            print(line)
        print("slowest: " + "; ".join(f"{name} {ms:.0f} ms {path}" for name, ms, path in slowest))
        for error in all_errors[:10]:
            print(f"  error: {error}")
        print("queries per request (page size 10 / 100): " + ", ".join(
            f"{name} {small}/{large}" for name, (small, large) in counts.items()
        ))  # fmt: skip
        same_queries = all(small == large for small, large in counts.values())

        export_s = export_mb = float("nan")
        if not args.skip_export:
            _stop(server, "gunicorn")
            baseline_s = _read_baseline()
            export_s, export_mb, setup_mb, detail = _export(env, db_name)
            print(f"\nexport: {export_s:.1f} s, peak {export_mb:.0f} MB resident, of which "
                  f"{setup_mb:.0f} MB before it began (Django and the apps' libraries); reading "
                  f"the practices' rows alone: {baseline_s:.1f} s")  # fmt: skip
            print(f"  {detail}")
        log = _tail(log_path, 10)
        if log.strip():
            print(f"\ngunicorn log (last lines):\n{log}")
        list_p95 = max(p95s["list"], p95s["filters"])
        print(f"\n{_load()}; run time {time.perf_counter() - began:.0f}s; "
              f"floor p95 {p95s['floor']:.1f} ms")  # fmt: skip
        verdicts = [
            f"list and search ≤ {LIST_TARGET_MS:.0f} ms: "
            + ("pass" if max(list_p95, p95s["search"]) <= LIST_TARGET_MS else "FAIL"),
            f"detail ≤ {DETAIL_TARGET_MS:.0f} ms: "
            + ("pass" if p95s["detail"] <= DETAIL_TARGET_MS else "FAIL"),
            f"export ≤ {EXPORT_TARGET_S:.0f} s and ≤ {EXPORT_TARGET_MB:.0f} MB: "
            + ("pass" if export_s <= EXPORT_TARGET_S and export_mb <= EXPORT_TARGET_MB
               else "FAIL"),
            "same queries at page sizes 10 and 100: " + ("pass" if same_queries else "FAIL"),
            "0 errors: " + ("pass" if not all_errors else f"FAIL ({len(all_errors)})"),
        ]  # fmt: skip
        print("targets: " + "; ".join(verdicts))
        print(f"api: n={args.n} list_p95_ms={list_p95:.1f} search_p95_ms={p95s['search']:.1f} "
              f"detail_p95_ms={p95s['detail']:.1f} export_s={export_s:.1f} "
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


if __name__ == "__main__":
    main()
