"""Load benchmark: gunicorn on PostgreSQL with 100,000 published practices, a realistic mix at a
fixed rate, then each page at full speed against a trivial view (the floor) on the same server.

    DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5433/load_bench \\
    REDIS_URL=redis://127.0.0.1:6380/12 \\
        .venv/bin/python benchmarks/load.py [--keep] [--n 100000] [--rate 50] [--duration 60]

Outside the test suite. All traffic goes to 127.0.0.1; every loop is bounded in count and time;
gunicorn, wrk and the static files are stopped or removed at the end, on error too.

Database: as benchmarks/practices_browse.py does — the database DATABASE_URL names is never
written; Django's test-database machinery creates `test_<name>_load` beside it, migrated, and
benchmarks/_practices_data.py fills it (practices_browse._fill_big: N published practices, SMEs,
calls, a review backlog). It is dropped at the end unless --keep; with --keep an earlier run's
data of the same --n is reused (the fill takes a few minutes). Added on top, idempotently:
SIGNIN_USERS people who can sign in (Argon2 password, verified address) and, for CONTACT_TARGETS
practices, an SME administrator who receives the contact messages (so a contact post writes the
message, an outbox row and a Celery publish, as in production).

Server: `gunicorn skillup.wsgi` with DJANGO_SETTINGS_MODULE=benchmarks.load_settings, which is
skillup.settings.production unchanged except for ROOT_URLCONF (benchmarks.load_urls: the
product's URLs plus /bench/ping/, the floor) and STATIC_ROOT (this run's collectstatic). DEBUG
off, persistent connections (CONN_MAX_AGE 60), Redis cache and Celery broker on REDIS_URL (a
database of its own, which must be empty at the start and is flushed at the end: nothing
consumes the queued notification tasks). Nothing is relaxed for plain http: the benchmark is
the TLS-terminating proxy (X-Forwarded-Proto: https, X-Forwarded-For with one address per
simulated visitor, TRUSTED_PROXY_COUNT=1), so SSL redirect, HSTS, __Host- Secure cookies, CSRF
with Origin checks and the per-address rate limits are those of production. --workers 2 sync
workers by default (--worker-class gthread --threads N to compare).

The mix (open loop): a fixed schedule of --rate requests a second for --duration seconds, each
request sent at its slot whatever the earlier ones are doing (threads; a visitor's next step
waits for its previous one only, which is 0.2 to 0.8 s earlier in the schedule). Visits:
  browse   list page → facets (country & audience) → list page k → detail        (60%)
  search   search (a word in ~1% of practices) → detail                         (15%)
  contact  detail → contact form POST with the page's CSRF token                 (10%)
  sign-in  log-in page → log-in POST (CSRF) → dashboard                          (15%)
Since #18 the contact form is a page of its own: a contact visit reads it (its CSRF token)
between the practice and the post.
--mix launch (#18, a launch day; run it with --rate 300; gunicorn as production runs it, gthread
with 4 threads a worker, unless --worker-class says otherwise): visits of
  land     a practice from a shared link (then the list, half the time)              (40%)
  home     home → list → detail                                                       (15%)
  browse, search as above                                                             (15% each)
  sign-in  as above                                                                   (3.5%)
  contact  as above                                                                   (5.75%)
  sign-up  sign-up page → sign-up POST (a new address: Argon2, the verification email) (5.75%)
which make about 90 % of the requests anonymous pages, 5 % signing in and 5 % posts (the
shares achieved are printed). Its last line:
    load_launch: rps=… p95_ms=… post_p95_ms=… errors=… detail_rps_vs_floor=…
Targets (issue #18): pages p95 ≤ 100 ms, posts p95 ≤ 300 ms, 0 errors, and at full speed the
practice page, the home page and the Pledge Viewer each at ≥ 0.40 of the floor.
After the mix, its CPU account (from /proc): the cores gunicorn, PostgreSQL, Redis and this
driver used during it, the server's CPU per request, and the whole machine's cores busy, idle
and stolen by the host (a virtual machine's 2 cores are not always 2). The mix's table says,
per page, the share served from the page cache ("cached"). Times the rate, that says whether the
machine can carry a mix at all, whatever the code's latency.
Each visitor has its own cookie jar and address. Latency is measured from sending to the last
byte; "late" is how far a send slipped behind its slot (the open loop held if it stays small).
Errors: a connection error or time-out, any 5xx, and any other status than the expected one
(200 for pages, 302 to the dashboard / the practice for the posts).

Full speed (once the server is idle again after the mix, and with the cores the host took
back meanwhile: "stolen"): wrk -t2 -c16 -d15s (--wrk-seconds) on the floor, the list page, a
facet page, a search, a detail page, the home page, the Pledge Viewer and the log-in page, then
the floor again (with --bump S, also the home page and the practice page while the practices
version is bumped every S seconds, as a coordinator publishing does); list_rps_vs_floor is the list
page's req/s over the mean of the two floor runs (the machine is shared and noisy: compare
within one run).

Last line:
    load: rps=<mix rate achieved> p95_ms=<p95 of the mix's pages> errors=<n> \\
        list_rps_vs_floor=<ratio>
Targets (issue #7): pages p95 < 200 ms, form posts p95 < 500 ms, 0 errors, ratio ≥ 0.40.
"""

import argparse
import concurrent.futures
import contextlib
import http.client
import math
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
PAGE_TARGET_MS = 200.0
FORM_TARGET_MS = 500.0
RATIO_TARGET = 0.40
SIGNIN_USERS = 20
SIGNIN_EMAIL = "load-visitor-{}@bench.skillup.example.eu"
SME_ADMIN_EMAIL = "load-sme-admin-{}@bench.skillup.example.eu"
CONTACT_TARGETS = 50
LIST_PAGES = 20  # list pages visited: 1..20 (page 1 most often)
REQUEST_TIMEOUT_S = 30.0
WRK_HEADERS = ("X-Forwarded-Proto: https", "X-Forwarded-For: 10.255.0.1")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VISITS = (("browse", 0.60), ("search", 0.15), ("contact", 0.10), ("signin", 0.15))
# Launch day (#18): 90 % of the requests anonymous pages (a practice landed on from a shared
# link or a newsletter, the home page, the list, its filters, a search), about 5 % signing in,
# about 5 % posts (a contact message, a sign-up); the shares achieved are printed.
VISITS_LAUNCH = (
    ("land", 0.40),
    ("home", 0.15),
    ("browse", 0.15),
    ("search", 0.15),
    ("signin", 0.035),
    ("contact", 0.0575),
    ("signup", 0.0575),
)
LAUNCH_PAGE_TARGET_MS = 100.0
LAUNCH_POST_TARGET_MS = 300.0
SIGNUP_EMAIL = "launch-{run}-{visitor}@bench.skillup.example.eu"


def _fail(message: str) -> None:
    print(f"benchmarks/load.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="published practices")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database, reuse its data")
    parser.add_argument("--rate", type=float, default=50.0, help="mix: requests a second")
    parser.add_argument("--duration", type=float, default=60.0, help="mix: seconds")
    parser.add_argument("--wrk-seconds", type=int, default=15)
    parser.add_argument("--wrk-connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--worker-class",
        choices=("sync", "gthread"),
        help="sync by default; gthread (production's) with --mix launch",
    )
    parser.add_argument(
        "--threads", type=int, help="gthread threads per worker (4 with --mix launch)"
    )
    parser.add_argument("--skip-wrk", action="store_true", help="the mix only (for debugging)")
    parser.add_argument(
        "--bump",
        type=float,
        metavar="SECONDS",
        help="full speed: also the home page and a practice page while the practices version is "
        "bumped every SECONDS (as publications do)",
    )
    parser.add_argument(
        "--mix",
        default="default",
        choices=("default", "launch"),
        help="default: #7's visits; launch: #18's launch day (see the module's docstring)",
    )
    args = parser.parse_args()
    # A launch day's sign-ups and log-ins hash passwords (Argon2, 30 ms of CPU each, the GIL
    # released): run as production does (the Dockerfile's gthread workers), so that a hash
    # does not hold the pages behind it. #7's mix keeps its sync workers.
    launch = args.mix == "launch"
    args.worker_class = args.worker_class or ("gthread" if launch else "sync")
    args.threads = args.threads or (4 if args.worker_class == "gthread" else 1)
    if not (1 <= args.rate <= 500 and 1 <= args.duration <= 600 and 1 <= args.wrk_seconds <= 120):
        parser.error("--rate 1..500, --duration 1..600, --wrk-seconds 1..120")
    if args.bump is not None and not 0.1 <= args.bump <= 60:
        parser.error("--bump 0.1..60")
    if args.n < 100:
        parser.error("--n must be at least 100")
    return args


# ---------------------------------------------------------------------------------------------
# Environment, database and data
# ---------------------------------------------------------------------------------------------
def _environment(port: int, static_root: str) -> dict[str, str]:
    """What the production settings need (read by this process and by gunicorn alike)."""
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://", "pgsql://")):
        _fail(
            "this benchmark runs on PostgreSQL: set DATABASE_URL, e.g.\n"
            "  DATABASE_URL=postgres://skillup:skillup@127.0.0.1:5433/load_bench \\\n"
            "  REDIS_URL=redis://127.0.0.1:6380/12 .venv/bin/python benchmarks/load.py"
        )
    redis = os.environ.get("REDIS_URL", "")
    if not redis.startswith("redis://"):
        _fail("set REDIS_URL to an empty Redis database, e.g. redis://127.0.0.1:6380/12")
    for url in (database, redis):
        if urllib.parse.urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            _fail(f"{url.split('@')[-1]}: only services on 127.0.0.1 are used")
    return {
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}:{port}",
        "REDIS_URL": redis,
        "CELERY_BROKER_URL": redis,
        "TRUSTED_PROXY_COUNT": "1",
        "LOAD_STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": database,
    }


def _redis_client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=5)


def _create_database(keep: bool) -> str:
    """A database of our own beside the named one (as practices_browse.py does)."""
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    if old_name.startswith("skillup") or old_name.startswith("test_skillup"):
        _fail(f"{old_name!r}: choose a database name of the benchmark's own (e.g. load_bench)")
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_load"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
    return old_name


def _people() -> list[tuple[str, str]]:
    """The sign-in accounts (email, password) and the SME administrators of the contact
    targets; idempotent (a kept database is reused)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.enums import MembershipRole
    from accounts.models import Membership, User
    from practices.enums import PracticeState
    from practices.models import Practice

    accounts = []
    for index in range(SIGNIN_USERS):
        email = SIGNIN_EMAIL.format(index)
        password = f"load-bench-{index}-{secrets.token_hex(8)}"
        user, _created = User.objects.get_or_create(
            email=email, defaults={"full_name": f"Load visitor {index}"}
        )
        user.password = make_password(password, hasher="argon2")  # production's hasher
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts.append((email, password))
    for index, organisation_id in enumerate(
        _contact_targets().values_list("organisation_id", flat=True)
    ):
        admin, _created = User.objects.get_or_create(
            email=SME_ADMIN_EMAIL.format(index), defaults={"full_name": f"SME admin {index}"}
        )
        Membership.objects.get_or_create(
            user=admin, organisation_id=organisation_id, defaults={"role": MembershipRole.ADMIN}
        )
    assert Practice.objects.filter(state=PracticeState.PUBLISHED).exists()
    return accounts


def _contact_targets():
    from practices.enums import PracticeState
    from practices.models import Practice

    published = Practice.objects.filter(state=PracticeState.PUBLISHED).order_by("pk")
    pks = list(published.values_list("pk", flat=True))
    step = max(1, len(pks) // CONTACT_TARGETS)
    return published.filter(pk__in=pks[::step][:CONTACT_TARGETS])


@dataclass
class Urls:
    list_url: str
    login_url: str
    dashboard_url: str
    home_url: str
    pledges_url: str
    signup_url: str
    signed_up_url: str
    combos: list[tuple[str, str]]
    words: list[str]
    detail_slugs: list[str]
    contact_slugs: list[str]

    def detail(self, slug: str) -> str:
        return f"{self.list_url}{slug}/"

    def contact(self, slug: str) -> str:
        return f"{self.list_url}{slug}/contact/"


def _urls(rng: random.Random) -> Urls:
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from benchmarks._practices_data import SEARCH_WORDS
    from practices.enums import PracticeState
    from practices.models import Practice, PracticeSearch
    from practices.selectors import SEARCH_CONFIG

    published = Practice.objects.filter(state=PracticeState.PUBLISHED)
    with translation.override("en"):
        list_url = reverse("practices:practice_list")
        login_url = reverse("account_login")
        dashboard_url = reverse("dashboard")
        home_url = reverse("home")
        pledges_url = reverse("volunteers:pledge_list")
        signup_url = reverse("account_signup")
        signed_up_url = reverse("account_email_verification_sent")
        probe = reverse("practices:practice_detail", kwargs={"slug": "x"})
    if probe != f"{list_url}x/":
        _fail(f"unexpected detail URL {probe} (the driver builds them from {list_url})")
    combos = [
        (country, audience)
        for country, audience, _rows in published.values_list("organisation__country", "audience")
        .annotate(rows=Count("pk"))
        .order_by("organisation__country", "audience")
    ]
    words = [
        w
        for w in SEARCH_WORDS
        if PracticeSearch.objects.filter(document=SearchQuery(w, config=SEARCH_CONFIG)).exists()
    ]
    slugs = list(published.order_by("?").values_list("slug", flat=True)[:2000])
    contact = list(_contact_targets().values_list("slug", flat=True))
    rng.shuffle(slugs)
    return Urls(
        list_url,
        login_url,
        dashboard_url,
        home_url,
        pledges_url,
        signup_url,
        signed_up_url,
        combos,
        words,
        slugs,
        contact,
    )


def _collectstatic() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


# ---------------------------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# gunicorn's own advice for its worker heartbeat files: tmpfs, where it creates them with mkstemp
WORKER_TMP_DIR = "/dev/shm"  # nosec B108


def _start_gunicorn(args, env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "skillup.wsgi:application",
        "--bind", f"{HOST}:{port}",
        "--workers", str(args.workers),
        "--worker-class", args.worker_class,
        "--threads", str(args.threads),
        "--timeout", "60", "--graceful-timeout", "5",
        "--worker-tmp-dir", WORKER_TMP_DIR,
        "--no-control-socket",
        "--log-level", "warning", "--error-logfile", str(log_path),
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen | None, name: str) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        print(f"{name} did not stop in 15 s: killing it", file=sys.stderr)
        process.kill()
        process.wait(timeout=5)


def _wait_ready(port: int, server: subprocess.Popen, log_path: Path) -> None:
    from benchmarks.load_urls import PING_PATH

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            _fail(f"gunicorn exited ({server.returncode}):\n{_tail(log_path)}")
        try:
            status, _body, _headers = _get(port, PING_PATH)
            if status == 200:
                return
            _fail(f"GET {PING_PATH} answered {status}:\n{_tail(log_path)}")
        except OSError:
            time.sleep(0.2)
    _fail(f"gunicorn did not answer within 60 s:\n{_tail(log_path)}")


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _get(port: int, path: str, ip: str = "10.255.0.2"):
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    try:
        connection.request("GET", path, headers=_proxy_headers(ip))
        response = connection.getresponse()
        return response.status, response.read(), response.headers
    finally:
        connection.close()


def _proxy_headers(ip: str) -> dict[str, str]:
    return {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": ip,
        "User-Agent": "benchmarks/load.py",
        "Accept-Language": "en",
    }


# ---------------------------------------------------------------------------------------------
# The mix: visitors, steps, the open-loop schedule
# ---------------------------------------------------------------------------------------------
@dataclass
class Visitor:
    number: int
    kind: str
    ip: str
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""  # the token of the last form page seen
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class Step:
    slot: int
    visitor: Visitor
    kind: str  # list, facets, search, detail, login page, dashboard, login POST, contact POST
    method: str
    path: str
    expect: int
    expect_location: str = ""
    form: dict | None = None  # POST fields (the CSRF token is added when sent)
    previous: "Step | None" = None
    done: threading.Event = field(default_factory=threading.Event)
    # results
    sent: float = 0.0
    ms: float = float("nan")
    status: int = 0
    error: str = ""
    cache: str = ""  # X-Page-Cache: "hit" or "stale" (from the page cache), "miss", "" (neither)


def _plan(args, urls: Urls, accounts: list[tuple[str, str]], rng: random.Random) -> list[Step]:
    """Slots 0..rate*duration-1, each given the next ready step of a visit in progress or the
    first step of a new visit. A visit's steps are 10 to 40 slots apart (0.2 to 0.8 s at 50/s)."""
    total = int(args.rate * args.duration)
    kinds, weights = zip(*(VISITS_LAUNCH if args.mix == "launch" else VISITS), strict=True)
    run = secrets.token_hex(4)  # (sign-up addresses of this run: a kept database has others)
    waiting: list[tuple[int, int, list[Step]]] = []  # (ready slot, visitor number, steps left)
    steps: list[Step] = []
    visitors = 0

    def new_visit(slot: int) -> list[Step]:
        nonlocal visitors
        visitors += 1
        kind = rng.choices(kinds, weights)[0]
        ip = f"10.{visitors // 65536 % 256}.{visitors // 256 % 256}.{visitors % 256}"
        visitor = Visitor(visitors, kind, ip)
        if kind == "browse":
            country, audience = rng.choice(urls.combos)
            page = min(LIST_PAGES, 1 + int(rng.expovariate(0.4)))
            first = "" if rng.random() < 0.6 else f"?page={page}"
            chain = [
                ("list", "GET", urls.list_url + first, 200),
                ("facets", "GET", f"{urls.list_url}?country={country}&audience={audience}", 200),
                ("list", "GET", f"{urls.list_url}?page={rng.randint(2, LIST_PAGES)}", 200),
                ("detail", "GET", urls.detail(rng.choice(urls.detail_slugs)), 200),
            ]
        elif kind == "search":
            chain = [
                ("search", "GET", f"{urls.list_url}?q={rng.choice(urls.words)}", 200),
                ("detail", "GET", urls.detail(rng.choice(urls.detail_slugs)), 200),
            ]
        elif kind == "contact":  # (the form is a page of its own since #18)
            slug = rng.choice(urls.contact_slugs)
            chain = [("detail", "GET", urls.detail(slug), 200),
                     ("contact page", "GET", urls.contact(slug), 200),
                     ("contact POST", "POST", urls.contact(slug), 302)]  # fmt: skip
        elif kind == "land":  # from a link: the practice, then often the list
            chain = [("detail", "GET", urls.detail(rng.choice(urls.detail_slugs)), 200)]
            if rng.random() < 0.5:
                chain.append(("list", "GET", urls.list_url, 200))
        elif kind == "home":
            chain = [
                ("home", "GET", urls.home_url, 200),
                ("list", "GET", urls.list_url, 200),
                ("detail", "GET", urls.detail(rng.choice(urls.detail_slugs)), 200),
            ]
        elif kind == "signup":
            chain = [("signup page", "GET", urls.signup_url, 200),
                     ("signup POST", "POST", urls.signup_url, 302)]  # fmt: skip
        else:
            chain = [
                ("login page", "GET", urls.login_url, 200),
                ("login POST", "POST", urls.login_url, 302),
                ("dashboard", "GET", urls.dashboard_url, 200),
            ]
        made, previous = [], None
        for name, method, path, expect in chain:
            step = Step(slot, visitor, name, method, path, expect, previous=previous)
            if name == "contact POST":
                step.expect_location = urls.detail(slug)
                step.form = {
                    "name": f"Visitor {visitor.number}",
                    "email": f"visitor-{visitor.number}@example.org",
                    "message": "We run a similar programme and would like to compare notes.",
                    "homepage": "",
                }
            elif name == "login POST":
                email, password = rng.choice(accounts)
                step.expect_location = urls.dashboard_url
                step.form = {"login": email, "password": password}
            elif name == "signup POST":
                password = f"Launch-{secrets.token_urlsafe(12)}"
                step.expect_location = urls.signed_up_url
                step.form = {
                    "email": SIGNUP_EMAIL.format(run=run, visitor=visitor.number),
                    "password1": password,
                    "password2": password,
                    "full_name": f"Launch visitor {visitor.number}",
                    "accept_terms": "on",
                }
            made.append(step)
            previous = step
        return made

    for slot in range(total):
        waiting.sort(key=lambda item: (item[0], item[1]))
        if waiting and waiting[0][0] <= slot:
            _ready, _number, chain = waiting.pop(0)
        else:
            chain = new_visit(slot)
        step = chain.pop(0)
        step.slot = slot
        steps.append(step)
        if chain:
            waiting.append((slot + rng.randint(10, 40), chain[0].visitor.number, chain))
    return steps


def _send(port: int, step: Step, started: float) -> None:
    visitor = step.visitor
    try:
        if step.previous is not None and not step.previous.done.wait(REQUEST_TIMEOUT_S * 2):
            step.error = "previous step never finished"
            return
        if step.previous is not None and (step.previous.error or step.previous.status >= 400):
            step.error = "previous step failed"
            return
        headers = _proxy_headers(visitor.ip)
        headers["User-Agent"] = f"benchmarks/load.py visitor {visitor.number}"
        with visitor.lock:
            if visitor.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in visitor.cookies.items())
            body = None
            if step.method == "POST":
                fields = {**(step.form or {}), "csrfmiddlewaretoken": visitor.csrf}
                body = urllib.parse.urlencode(fields).encode()
                origin = f"https://{HOST}:{port}"
                referer_step = step.previous
                headers.update({
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin,
                    "Referer": origin + (referer_step.path if referer_step else "/"),
                })  # fmt: skip
        connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
        step.sent = time.perf_counter()
        try:
            connection.request(step.method, step.path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            step.ms = (time.perf_counter() - step.sent) * 1000
            step.status = response.status
            step.cache = response.headers.get("X-Page-Cache", "")
        finally:
            connection.close()
        with visitor.lock:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for name, morsel in cookie.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        visitor.cookies.pop(name, None)
                    else:
                        visitor.cookies[name] = morsel.value
            token = CSRF_INPUT.search(content.decode("utf-8", "replace"))
            if token:
                visitor.csrf = token.group(1)
        if step.status != step.expect:
            step.error = f"status {step.status}"
        elif step.expect_location and step.expect_location not in response.headers.get(
            "Location", ""
        ):
            step.error = f"redirected to {response.headers.get('Location')}"
    except (OSError, http.client.HTTPException) as exc:
        step.error = f"{type(exc).__name__}: {exc}"
        if not step.sent:
            step.sent = time.perf_counter()
    finally:
        step.done.set()


def run_mix(args, port: int, steps: list[Step]) -> tuple[float, float]:
    """Send every step at its slot. Returns (start, end) on the perf_counter clock."""
    interval = 1.0 / args.rate
    # threads enough for every request in flight over REQUEST_TIMEOUT_S at the rate, capped
    workers = min(512, max(64, int(args.rate * 4)))
    started = time.perf_counter() + 0.5
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = []
        for step in steps:
            delay = started + step.slot * interval - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(_send, port, step, started + step.slot * interval))
        _done, not_done = concurrent.futures.wait(futures, timeout=REQUEST_TIMEOUT_S * 3 + 5)
        for future in not_done:
            future.cancel()
        for step in steps:
            if not step.done.is_set() and not step.error:
                step.error = "not finished in time"
    finished = [s.sent + s.ms / 1000 for s in steps if not math.isnan(s.ms)]
    return started, max(finished, default=time.perf_counter())


# ---------------------------------------------------------------------------------------------
# Where the machine's CPU went during the mix (Linux /proc): the server, the database, Redis
# and this driver. A mix the cores cannot carry shows here as CPU per request times the rate.
# ---------------------------------------------------------------------------------------------
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
PARTS = ("server", "postgres", "redis", "driver")
MACHINE = ("busy", "idle", "stolen")


def _process_cpu(pid: int) -> tuple[str, int, float]:
    """(command name, parent pid, user + system CPU seconds) of one process."""
    with open(f"/proc/{pid}/stat") as stat:
        text = stat.read()
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    return name, int(fields[1]), (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by gunicorn (its master and workers), PostgreSQL's processes,
    Redis and this process; empty where /proc is missing."""
    if not os.path.isdir("/proc"):
        return {}
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                table[int(entry)] = _process_cpu(int(entry))
            except (OSError, ValueError, IndexError):  # gone meanwhile
                continue
    totals = dict.fromkeys(PARTS, 0.0)
    for pid, (name, parent, seconds) in table.items():
        if pid == server_pid or parent == server_pid:
            totals["server"] += seconds
        elif name.startswith("postgres"):
            totals["postgres"] += seconds
        elif name.startswith("redis-server"):
            totals["redis"] += seconds
        elif pid == os.getpid():
            totals["driver"] += seconds
    return totals | _machine_seconds()


def _machine_seconds() -> dict[str, float]:
    """The whole machine's CPU seconds so far (Linux /proc/stat, all cores): busy, idle, and
    stolen (a virtual machine's cores running another guest: time this machine did not
    have); empty where /proc/stat is missing."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return {}
    fields += [0] * (8 - len(fields))
    user, nice, system, idle, iowait, irq, softirq, steal = fields[:8]
    return {
        "busy": (user + nice + system + irq + softirq) / CLOCK_TICKS,
        "idle": (idle + iowait) / CLOCK_TICKS,
        "stolen": steal / CLOCK_TICKS,
    }


def _report_cpu(before: dict, after: dict, seconds: float, steps: list[Step]) -> None:
    """The cores each part used during the mix and the server's CPU per request (processes
    that ended meanwhile are not counted: a worker restarted shows as less), then the whole
    machine's: a virtual machine whose host takes cores back ("stolen") carries less than
    its core count says."""
    if not before or not after or seconds <= 0:
        return
    used = {part: after[part] - before[part] for part in before if part in PARTS}
    cores = os.cpu_count() or 1
    parts = ", ".join(f"{part} {value / seconds:.2f}" for part, value in used.items())
    total = sum(used.values()) / seconds
    per_request = used["server"] * 1000 / max(len(steps), 1)
    print(f"CPU during the mix (cores of {cores}): {parts}; all {total:.2f}; "
          f"server {per_request:.1f} ms of CPU per request")  # fmt: skip
    machine = {part: after[part] - before[part] for part in MACHINE if part in before}
    if machine:
        print("the machine during the mix (cores): " + ", ".join(
            f"{part} {value / seconds:.2f}" for part, value in machine.items()
        ))  # fmt: skip


IDLE_CORES = 0.05  # the server counts as idle below this
IDLE_WAIT_S = 300


def _wait_idle(server_pid: int) -> None:
    """Wait (at most IDLE_WAIT_S) until the server is idle again before the full-speed table:
    after a mix it could not carry, it still works through requests whose visitors gave up
    (gunicorn cannot know), and a table measured meanwhile shares the cores with that backlog
    (a floor of 733 req/s after the mix against 1,839 before it, in #18's runs)."""
    began = time.perf_counter()
    last = _cpu_seconds(server_pid).get("server")
    while last is not None and time.perf_counter() - began < IDLE_WAIT_S:
        time.sleep(2)
        now = _cpu_seconds(server_pid)["server"]
        if (now - last) / 2 < IDLE_CORES:
            break
        last = now
    waited = time.perf_counter() - began
    if waited >= 3:
        print(f"waited {waited:.0f} s for the server to finish the mix's backlog")


def _warm_up(port: int, urls: Urls, workers: int) -> float:
    """Every worker builds its facet index, loads templates and opens its DB connection before
    the measurement: concurrent rounds on the list, then each page once. Returns the slowest
    first request (ms), reported apart."""
    slowest = 0.0
    paths = [urls.list_url] * (workers * 3)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers * 2) as pool:
        for status, ms, path in pool.map(lambda p: _timed_get(port, p), paths):
            slowest = max(slowest, ms)
            if status != 200:
                _fail(f"warm-up: GET {path} answered {status}")
    country, audience = urls.combos[0]
    for path in (
        f"{urls.list_url}?country={country}&audience={audience}",
        f"{urls.list_url}?q={urls.words[0]}",
        urls.detail(urls.detail_slugs[0]),
        urls.contact(urls.contact_slugs[0]),
        urls.home_url,
        urls.pledges_url,
        urls.login_url,
        urls.signup_url,
    ) * workers:
        status, _ms, _path = _timed_get(port, path)
        if status != 200:
            _fail(f"warm-up: GET {path} answered {status}")
    return slowest


def _timed_get(port: int, path: str) -> tuple[int, float, str]:
    began = time.perf_counter()
    status, _body, _headers = _get(port, path)
    return status, (time.perf_counter() - began) * 1000, path


# ---------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------
@dataclass
class WrkResult:
    name: str
    path: str
    rps: float = float("nan")
    p50_ms: float = float("nan")
    p99_ms: float = float("nan")
    requests: int = 0
    non_2xx: int = 0
    socket_errors: str = ""
    stolen: float = float("nan")  # cores the host took back meanwhile (/proc/stat's steal)


def _wrk_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


@contextlib.contextmanager
def _practices_version_bumped(every: float):
    """Bump the practices version every `every` seconds meanwhile, as publications do: each
    bump makes every cached page out of date (skillup/pagecache.py renders it again once)."""
    from practices.cache import practices_version_bump

    stop = threading.Event()

    def bump() -> None:
        while not stop.wait(every):
            practices_version_bump()

    thread = threading.Thread(target=bump, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_wrk(args, port: int, name: str, path: str) -> WrkResult:
    command = ["wrk", "-t2", f"-c{args.wrk_connections}", f"-d{args.wrk_seconds}s", "--latency",
               "--timeout", "10s"]  # fmt: skip
    for header in WRK_HEADERS:
        command += ["-H", header]
    command.append(f"http://{HOST}:{port}{path}")
    result = WrkResult(name, path)
    machine = _machine_seconds()
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=args.wrk_seconds + 60, check=False
    )
    if machine:
        result.stolen = (_machine_seconds()["stolen"] - machine["stolen"]) / args.wrk_seconds
    out = completed.stdout
    if completed.returncode != 0:
        result.socket_errors = f"wrk exited {completed.returncode}: {completed.stderr.strip()}"
        return result
    if match := re.search(r"Requests/sec:\s+([\d.]+)", out):
        result.rps = float(match.group(1))
    if match := re.search(r"^\s+50%\s+(\S+)", out, re.M):
        result.p50_ms = _wrk_ms(match.group(1))
    if match := re.search(r"^\s+99%\s+(\S+)", out, re.M):
        result.p99_ms = _wrk_ms(match.group(1))
    if match := re.search(r"(\d+) requests in", out):
        result.requests = int(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        result.non_2xx = int(match.group(1))
    if match := re.search(r"Socket errors:\s+(.*)", out):
        result.socket_errors = match.group(1).strip()
    return result


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def _report_mix(args, steps: list[Step], started: float, ended: float) -> dict:
    order = ["home", "list", "facets", "search", "detail", "login page", "dashboard",
             "contact page", "signup page",
             "login POST", "contact POST", "signup POST"]  # fmt: skip
    visitors = len({s.visitor.number for s in steps})
    print(
        f"\nmix: open loop, {args.rate:g} req/s for {args.duration:g} s "
        f"({len(steps)} requests, {visitors} visitors)"
    )
    # cached: the share of the answers served from the page cache (X-Page-Cache: hit, or stale
    # while another request renders the page again: skillup/pagecache.py); a page
    # rendered for each visitor (a form's CSRF token, a signed-in page) shows "-"
    print(
        f"{'request':<16}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}"
        f"{'cached':>8}"
    )

    def row(name: str, chosen: list[Step]) -> None:
        ms = [s.ms for s in chosen if not s.error]
        errors = sum(1 for s in chosen if s.error)
        top = max(ms, default=float("nan"))
        answered = [s for s in chosen if s.status == 200]
        hits = sum(s.cache in ("hit", "stale") for s in answered)
        cached = f"{hits / len(answered):.0%}" if any(s.cache for s in answered) else "-"
        print(
            f"{name:<16}{len(chosen):>6}{_pct(ms, 0.5):>9.1f}{_pct(ms, 0.95):>9.1f}"
            f"{_pct(ms, 0.99):>9.1f}{top:>9.1f}{errors:>8}{cached:>8}"
        )

    for name in order:
        if chosen := [s for s in steps if s.kind == name]:
            row(name, chosen)
    pages = [s for s in steps if s.method == "GET"]
    forms = [s for s in steps if s.method == "POST"]
    row("pages (GET)", pages)
    row("forms (POST)", forms)
    row("all", steps)
    signing_in = sum(s.kind in ("login page", "login POST", "dashboard") for s in steps)
    posts = sum(s.method == "POST" and s.kind != "login POST" for s in steps)
    anonymous = len(steps) - signing_in - posts
    print(f"shares of the requests: anonymous pages {anonymous / len(steps):.1%}, signing in "
          f"{signing_in / len(steps):.1%}, posts {posts / len(steps):.1%}")  # fmt: skip
    late = [(s.sent - (started + s.slot / args.rate)) * 1000 for s in steps if s.sent]
    answered = [s for s in steps if s.status]
    rps = len(answered) / (ended - started) if ended > started else float("nan")
    print(f"achieved {rps:.1f} req/s over {ended - started:.1f} s; sends behind their slot: "
          f"p95 {_pct(late, 0.95):.1f} ms, max {max(late, default=0):.1f} ms")  # fmt: skip
    errors = [s for s in steps if s.error]
    if errors:
        kinds: dict[str, int] = {}
        for s in errors:
            key = f"{s.kind} {s.method} → {s.error}"
            kinds[key] = kinds.get(key, 0) + 1
        print("errors:")
        for key, count in sorted(kinds.items(), key=lambda item: -item[1])[:10]:
            print(f"  {count:>5} × {key}")
    return {
        "rps": rps,
        "page_p95": _pct([s.ms for s in pages if not s.error], 0.95),
        "form_p95": _pct([s.ms for s in forms if not s.error], 0.95),
        "errors": len(errors),
    }


def _launch_verdicts(mix: dict, ratios: dict[str, float]) -> None:
    """The launch mix's targets (issue #18) and its last line."""
    landing = {name: ratios.get(name, float("nan")) for name in ("detail", "home", "pledges")}
    verdicts = [
        f"pages p95 ≤ {LAUNCH_PAGE_TARGET_MS:.0f} ms: "
        + ("pass" if mix["page_p95"] <= LAUNCH_PAGE_TARGET_MS else f"FAIL ({mix['page_p95']:.1f})"),
        f"posts p95 ≤ {LAUNCH_POST_TARGET_MS:.0f} ms: "
        + ("pass" if mix["form_p95"] <= LAUNCH_POST_TARGET_MS else f"FAIL ({mix['form_p95']:.1f})"),
        "0 errors: " + ("pass" if mix["errors"] == 0 else f"FAIL ({mix['errors']})"),
        *(
            f"{name} ≥ {RATIO_TARGET:.2f} × floor: "
            + ("pass" if value >= RATIO_TARGET else f"FAIL ({value:.2f})")
            for name, value in landing.items()
        ),
    ]
    print("targets: " + "; ".join(verdicts))
    print(f"load_launch: rps={mix['rps']:.1f} p95_ms={mix['page_p95']:.1f} "
          f"post_p95_ms={mix['form_p95']:.1f} errors={mix['errors']} "
          f"detail_rps_vs_floor={landing['detail']:.2f}")  # fmt: skip


def _report_wrk(args, results: list[WrkResult]) -> dict[str, float]:
    floors = [r.rps for r in results if r.name.startswith("floor") and not math.isnan(r.rps)]
    floor = statistics.mean(floors) if floors else float("nan")
    print(f"\nfull speed: wrk -t2 -c{args.wrk_connections} -d{args.wrk_seconds}s per URL "
          f"(one fixed URL each; wrk shares the 2 CPUs with the server)")  # fmt: skip
    print(f"{'page':<15}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'requests':>10}{'non-2xx':>9}"
          f"{'vs floor':>10}{'stolen':>8}  URL / socket errors")  # fmt: skip
    for r in results:
        print(f"{r.name:<15}{r.rps:>9.1f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}{r.requests:>10}"
              f"{r.non_2xx:>9}{r.rps / floor:>10.2f}{r.stolen:>8.2f}  {r.path}"
              + (f"  [{r.socket_errors}]" if r.socket_errors else ""))  # fmt: skip
    return {r.name: (r.rps / floor if floor else float("nan")) for r in results}


# ---------------------------------------------------------------------------------------------
def main() -> None:
    args = _parse()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="skillup-load-"))
    port = _free_port()
    env = _environment(port, str(work / "static"))
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
        accounts = _people()
        urls = _urls(rng)
        _collectstatic()
        steps = _plan(args, urls, accounts, rng)
        print(f"prepared in {time.perf_counter() - began:.0f}s")
        connection.close()

        url = urllib.parse.urlsplit(env["DATABASE_URL"])
        server_env = {**env, "DATABASE_URL": url._replace(path=f"/{db_name}").geturl()}
        log_path = work / "gunicorn.log"
        server = _start_gunicorn(args, server_env, port, log_path)
        _wait_ready(port, server, log_path)
        threads = f" × {args.threads} threads" if args.worker_class == "gthread" else ""
        print(f"gunicorn on {HOST}:{port}: {args.workers} {args.worker_class} workers{threads}")
        first_ms = _warm_up(port, urls, args.workers)
        print(f"warm-up done (slowest first list request {first_ms:.0f} ms: facet index, "
              f"templates, connection)")  # fmt: skip

        cpu_before = _cpu_seconds(server.pid)
        mix_started, mix_ended = run_mix(args, port, steps)
        cpu_after = _cpu_seconds(server.pid)
        mix = _report_mix(args, steps, mix_started, mix_ended)
        _report_cpu(cpu_before, cpu_after, mix_ended - mix_started, steps)

        ratios: dict[str, float] = {}
        if not args.skip_wrk:
            from benchmarks.load_urls import PING_PATH

            _wait_idle(server.pid)
            country, audience = urls.combos[len(urls.combos) // 2]
            targets = [
                ("floor", PING_PATH),
                ("list", urls.list_url),
                ("facets", f"{urls.list_url}?country={country}&audience={audience}"),
                ("search", f"{urls.list_url}?q={urls.words[0]}"),
                ("detail", urls.detail(urls.detail_slugs[0])),
                ("home", urls.home_url),
                ("pledges", urls.pledges_url),
                ("login page", urls.login_url),
            ]
            results = [run_wrk(args, port, name, path) for name, path in targets]
            if args.bump:
                paths = dict(targets)
                for name in ("home", "detail"):
                    with _practices_version_bumped(every=args.bump):
                        results.append(run_wrk(args, port, f"{name}, bumped", paths[name]))
            results.append(run_wrk(args, port, "floor again", PING_PATH))
            ratios = _report_wrk(args, results)
        if server.poll() is not None:
            print(f"gunicorn exited during the run ({server.returncode})", file=sys.stderr)
        log = _tail(log_path, 10)
        if log.strip():
            print(f"\ngunicorn log (last lines):\n{log}")
        print(f"\n{_load()}; run time {time.perf_counter() - began:.0f}s")
        nan = float("nan")
        ratio = ratios.get("list", nan)
        if args.mix == "launch":
            _launch_verdicts(mix, ratios)
            return
        verdicts = [
            f"pages p95 < {PAGE_TARGET_MS:.0f} ms: "
            + ("pass" if mix["page_p95"] < PAGE_TARGET_MS else f"FAIL ({mix['page_p95']:.1f})"),
            f"forms p95 < {FORM_TARGET_MS:.0f} ms: "
            + ("pass" if mix["form_p95"] < FORM_TARGET_MS else f"FAIL ({mix['form_p95']:.1f})"),
            "0 errors: " + ("pass" if mix["errors"] == 0 else f"FAIL ({mix['errors']})"),
            f"list ≥ {RATIO_TARGET:.2f} × floor: "
            + ("pass" if ratio >= RATIO_TARGET else f"FAIL ({ratio:.2f})"),
        ]
        print("targets: " + "; ".join(verdicts))
        print(f"load: rps={mix['rps']:.1f} p95_ms={mix['page_p95']:.1f} errors={mix['errors']} "
              f"list_rps_vs_floor={ratio:.2f}")  # fmt: skip
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
