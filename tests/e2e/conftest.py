"""Browser journeys: headless Chromium (Playwright) against pytest-django's live server.

What this harness gives a test under tests/e2e/:

- `page`            pytest-playwright's page; on failure its screenshot and HTML are saved to
                    test-artifacts/<test name>.png / .html
- `site`            the live server's base URL (also SITE_URL, so emails link to it)
- `smtp_sink`       a real SMTP server the live server sends through (the real mail path)
- `axe_check`       axe-core scan of the current page, failing on serious/critical violations
- `csp_violations`  every `securitypolicyviolation` and uncaught page error seen by `page`
- `axe_check_admin` axe_check for Django admin pages (axe's CSSOM preload off)
- `new_person`      new_person() -> (page, csp_violations): another person's browser, watched
- `html_checker`    the Nu HTML Checker (vnu-jar, one JVM per process): .errors(html)

Helpers the journeys share (logging in, finding parts of a page, waiting for an email) are in
tests/e2e/helpers.py.

Every test here is marked `e2e`. Works under pytest-xdist (each worker has its own live server,
SMTP port and browser) and on SQLite or PostgreSQL (DATABASE_URL).
"""

import email
import email.policy
import json
import logging
import os
import re
import socket
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.e2e.helpers import watch

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_BLOCKING_IMPACTS = {"serious", "critical"}


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")[:150] or "unnamed"


# ---------------------------------------------------------------------------------------------
# Marker and failure reports
# ---------------------------------------------------------------------------------------------
@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Mark the browser tests `e2e`, then run them after every other test of the process.

    The marker goes on before the other implementations run (so `-m e2e` / `-m "not e2e"`
    select on it); the reordering comes after them (after pytest-django's own sort).
    Browser tests go last because from the first one on, the process has Playwright's event
    loop running in its main thread and DJANGO_ALLOW_ASYNC_UNSAFE set (see below) until the
    session ends: tests that follow would inherit both (subprocesses they start included).
    """
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.e2e)
    result = yield
    items[:] = [i for i in items if not _is_browser_test(i)] + [
        i for i in items if _is_browser_test(i)
    ]
    return result


def _is_browser_test(item) -> bool:
    return E2E_DIR in Path(str(item.path)).resolve().parents


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item (rep_setup, rep_call) for the `page` fixture."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def _failed(node) -> bool:
    return any(
        getattr(getattr(node, f"rep_{when}", None), "failed", False) for when in ("setup", "call")
    )


def save_failure_artifacts(request, page, suffix: str) -> None:
    """After a failed test, a screenshot and the HTML of `page` in test-artifacts/ (the test's
    name, then `-suffix` for a second person's page)."""
    if not _failed(request.node):
        return
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    stem = ARTIFACTS_DIR / "-".join(filter(None, [_safe_name(request.node.name), suffix]))
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(f"<!-- {page.url} -->\n{page.content()}", "utf-8")
    except Exception as exc:  # a crashed page must not hide the test's own failure
        print(f"could not save failure artifacts for {request.node.nodeid}: {exc}")
    else:
        print(f"failure artifacts: {stem}.png, {stem}.html (page {page.url})")


# ---------------------------------------------------------------------------------------------
# Browser
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in the main thread while it lives (the
    whole session), and Django refuses ORM calls from such a thread (SynchronousOnlyOperation):
    the live server's shutdown, the test database's teardown, a test's own queries.

    Set from the first browser test on rather than at import: set at import, the variable would
    reach every subprocess the rest of the suite starts, and `manage.py check --deploy` there
    fails with async.E001 (tests/test_settings.py).
    """
    name = "DJANGO_ALLOW_ASYNC_UNSAFE"
    previous = os.environ.get(name)
    os.environ[name] = "true"
    yield
    if previous is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = previous


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(pytestconfig):
    """Replaces pytest-playwright's fallback `base_url`: that one is a session fixture defined
    as an instance method, which pytest 9 deprecates (an error under filterwarnings=error).
    Tests use `site` (the live server) rather than a base URL."""
    return pytestconfig.getoption("--base-url", default=None) or None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A fixed language and window, so a journey reads the same on every machine.
    return {
        **browser_context_args,
        "locale": "en-GB",
        "viewport": {"width": 1280, "height": 900},
        # no colour transitions (Bootstrap's 0.15 s on buttons honours it): axe measured a button
        # mid-transition when a swap left the pointer over it, a contrast no person sees
        "reduced_motion": "reduce",
    }


@pytest.fixture
def page(page, request):
    """pytest-playwright's page, plus a screenshot and the HTML when the test fails."""
    page.set_default_timeout(10_000)
    yield page
    save_failure_artifacts(request, page, "")


@pytest.fixture
def csp_violations(page):
    """Every Content-Security-Policy violation and uncaught JavaScript error `page` meets.

    The init script records violations in `window.__cspViolations` (one list per document) and
    forwards each to Python, so the returned list covers the whole journey across navigations.
    """
    seen: list[dict] = []
    page.expose_function("__e2eReportCsp", lambda v: seen.append(v))
    page.add_init_script(
        """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) => {
          const v = {
            page: document.location.href,
            directive: e.effectiveDirective || e.violatedDirective,
            blocked: e.blockedURI,
            source: e.sourceFile,
            line: e.lineNumber,
            sample: e.sample,
          };
          window.__cspViolations.push(v);
          if (window.__e2eReportCsp) window.__e2eReportCsp(v);
        });
        """
    )
    page.on(
        "pageerror",
        lambda exc: seen.append({"page": page.url, "directive": "pageerror", "error": str(exc)}),
    )
    return seen


# ---------------------------------------------------------------------------------------------
# The live site
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def site(live_server, settings) -> str:
    """The live server's base URL ("http://localhost:PORT"); emails link to it too."""
    settings.SITE_URL = live_server.url
    return live_server.url


# ---------------------------------------------------------------------------------------------
# SMTP sink: the live server sends real SMTP to it
# ---------------------------------------------------------------------------------------------
class _CollectingHandler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, [r.lower() for r in envelope.rcpt_tos]))
        return "250 Message accepted for delivery"


class SmtpSink:
    URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")

    def __init__(self, handler: _CollectingHandler, host: str, port: int) -> None:
        self._handler = handler
        self.host = host
        self.port = port
        self._taken: set[int] = set()

    @property
    def messages(self) -> list[EmailMessage]:
        with self._handler.lock:
            return list(self._handler.messages)

    def wait_for(self, to: str, timeout: float = 10.0) -> EmailMessage:
        """The next message to `to` not returned before; waits (polling) up to `timeout` s."""
        to = to.lower()
        deadline = time.monotonic() + timeout
        while True:
            with self._handler.lock:
                for index, (_sender, rcpts) in enumerate(self._handler.envelopes):
                    if index not in self._taken and to in rcpts:
                        self._taken.add(index)
                        return self._handler.messages[index]
                summary = [(m["To"], m["Subject"]) for m in self._handler.messages]
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no email to {to} reached the SMTP sink within {timeout:.0f} s; "
                    f"it holds: {summary or 'nothing'}"
                )
            time.sleep(0.1)

    @staticmethod
    def text_of(message: EmailMessage) -> str:
        body = message.get_body(preferencelist=("plain",))
        assert body is not None, f"email {message['Subject']!r} has no text/plain part"
        return body.get_content()

    def wait_for_text(self, to: str, timeout: float = 10.0) -> str:
        return self.text_of(self.wait_for(to, timeout=timeout))

    @classmethod
    def first_url(cls, text: str) -> str:
        match = cls.URL_RE.search(text)
        assert match, f"no http(s) link in the email:\n{text}"
        return match.group(0)


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on 127.0.0.1 (a free port); Django sends through it over SMTP."""
    from aiosmtpd.controller import Controller

    # aiosmtpd logs every SMTP command at INFO: keep failure reports readable
    mail_log = logging.getLogger("mail.log")
    previous_level = mail_log.level
    mail_log.setLevel(logging.WARNING)

    host = "127.0.0.1"
    handler = _CollectingHandler()
    controller, error = None, None
    for _attempt in range(5):  # another worker may grab the port between probe and bind
        port = _free_port(host)
        candidate = Controller(handler, hostname=host, port=port, ready_timeout=5)
        try:
            candidate.start()
        except Exception as exc:
            error = exc
            continue
        controller = candidate
        break
    assert controller is not None, f"could not start the SMTP sink: {error!r}"

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = host
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield SmtpSink(handler, host, port)
    finally:
        controller.stop()
        mail_log.setLevel(previous_level)


# ---------------------------------------------------------------------------------------------
# Accessibility: axe-core inside the page
# ---------------------------------------------------------------------------------------------
def _describe(violation: dict) -> str:
    targets = [", ".join(map(str, node.get("target", []))) for node in violation["nodes"][:3]]
    more = len(violation["nodes"]) - len(targets)
    return (
        f"  [{violation.get('impact')}] {violation['id']}: {violation['help']}\n"
        f"      {violation.get('helpUrl', '')}\n"
        f"      at: {' | '.join(targets)}{f' (+{more} more)' if more > 0 else ''}"
    )


@pytest.fixture(scope="session")
def _axe_js() -> str:
    """axe-core as bundled by axe-playwright-python (no network, no npm)."""
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def axe_check(_axe_js, request):
    """axe_check(page, "label"): scan the page for WCAG 2.1 A/AA problems.

    Serious and critical violations fail the test; minor and moderate ones are printed. The full
    axe result goes to test-artifacts/axe-<label>.json. axe is injected with page.evaluate, which
    the page's Content-Security-Policy does not apply to.
    """
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    findings: list[str] = []

    def check(page, label: str) -> dict:
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(_axe_js)
        result = page.evaluate(
            """async (tags) => await window.axe.run(document, {
                   runOnly: {type: "tag", values: tags},
               })""",
            AXE_TAGS,
        )
        (ARTIFACTS_DIR / f"axe-{_safe_name(label)}.json").write_text(
            json.dumps(result, indent=2), encoding="utf-8"
        )
        violations = result["violations"]
        blocking = [v for v in violations if v.get("impact") in AXE_BLOCKING_IMPACTS]
        others = [v for v in violations if v.get("impact") not in AXE_BLOCKING_IMPACTS]
        for v in violations:
            findings.append(f"{label}: {v.get('impact')} {v['id']}")
        if others:
            print(f"axe warnings on {label} ({page.url}):\n" + "\n".join(map(_describe, others)))
        if blocking:
            pytest.fail(
                f"axe: {len(blocking)} serious/critical accessibility violation(s) on {label} "
                f"({page.url}):\n" + "\n".join(map(_describe, blocking)),
                pytrace=False,
            )
        return result

    yield check
    request.node.user_properties.append(("axe", findings))


@pytest.fixture
def axe_check_admin(axe_check, _axe_js):
    """axe_check for Django admin pages, with axe's CSSOM preload off.

    The preload re-parses an @import-ed stylesheet (admin/css/forms.css imports widgets.css)
    by inserting a <style> element, which our Content-Security-Policy blocks: a violation
    caused by the instrument, not by the page (checked: none without axe, none with
    preload off). Without the preload only css-orientation-lock goes unchecked ("incomplete").
    """

    def check(page, label: str) -> dict:
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(_axe_js)
        page.evaluate(
            """() => {
                 if (window.axe.__withoutPreload) return;
                 const run = window.axe.run.bind(window.axe);
                 window.axe.run = (context, options) => run(context, {...options, preload: false});
                 window.axe.__withoutPreload = true;
               }"""
        )
        return axe_check(page, label)

    return check


# ---------------------------------------------------------------------------------------------
# HTML: the Nu HTML Checker
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def html_checker():
    """The Nu HTML Checker as a web service, started once for the test process (its JVM takes
    seconds to start; each page then takes milliseconds). See tests/e2e/htmlcheck.py."""
    from tests.e2e.htmlcheck import HtmlChecker

    checker = HtmlChecker()
    checker.start()
    yield checker
    checker.stop()


# ---------------------------------------------------------------------------------------------
# Other people at other computers
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def new_person(browser, browser_context_args, request):
    """new_person() -> (page, csp_violations): a page in a fresh browser context (another
    person at another computer), watched like `page`: the list collects its CSP violations and
    script errors. A screenshot and the HTML of each such page on failure."""
    opened = []

    def open_page():
        context = browser.new_context(**browser_context_args)
        other = context.new_page()
        other.set_default_timeout(10_000)
        opened.append((context, other, watch(other)))
        return other, opened[-1][2]

    yield open_page
    for index, (context, other, _seen) in enumerate(opened, start=1):
        save_failure_artifacts(request, other, f"person{index}")
        context.close()
