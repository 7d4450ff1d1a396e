"""The Nu HTML Checker (vnu-jar) for the browser suite, and the 360-px overflow measure.

`make install` fetches the checker with npm into .tools/vnu/ (see the Makefile); it runs with
Java. Starting its JVM takes seconds, so each test process starts it once, as the checker's
documented web service (`java -cp vnu.jar nu.validator.servlet.Main PORT`) on a free port of
127.0.0.1, and POSTs each page to it (a few milliseconds a page).

A missing jar or Java fails the test that needs them, with what to install: no skip.
"""

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = REPO_ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
START_TIMEOUT = 90  # seconds for the JVM to answer (a busy 2-core CI machine)
HOST = "127.0.0.1"


class HtmlChecker:
    """One Nu HTML Checker web service for the test process, started on first use.

    errors(html) -> the checker's errors in `html` (bytes as the server sent them), one line each
    ("line 12: message: “extract”"); warnings and info messages are left out.
    """

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.log = None
        self.ready = False

    def start(self) -> None:
        """Start the JVM (without waiting for it to answer: `errors` waits)."""
        if self.process is not None:
            return
        if not VNU_JAR.is_file():
            pytest.fail(
                f"The Nu HTML Checker is missing ({VNU_JAR.relative_to(REPO_ROOT)}): run "
                "`make install` (it needs npm: apt-get install npm, or Node.js with npm).",
                pytrace=False,
            )
        java = shutil.which("java")
        if java is None:
            pytest.fail(
                "The Nu HTML Checker needs Java: apt-get install default-jre-headless.",
                pytrace=False,
            )
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        self.url = f"http://{HOST}:{port}/"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                java,
                "-Xss4m",  # the checker's schema code recurses deeply (StackOverflowError at 512k)
                # a short-lived helper on a 2-core machine: the quick compiler only and one GC
                # thread start it in about 60 % of the time and check the first pages faster
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                f"-Dnu.validator.servlet.bind-address={HOST}",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(port),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                pytest.fail(
                    f"The Nu HTML Checker stopped (exit {self.process.returncode}):\n"
                    f"{self._log_tail()}",
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(self.url, timeout=2):  # its form page
                    self.ready = True
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"The Nu HTML Checker did not answer on {self.url} within {START_TIMEOUT} s:\n"
                    f"{self._log_tail()}",
                    pytrace=False,
                )
            time.sleep(0.2)

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-2000:]

    def messages(self, html: bytes) -> list[dict]:
        self.start()
        if not self.ready:
            self._wait_until_ready()
        request = urllib.request.Request(
            f"{self.url}?out=json",
            data=html,
            headers={"Content-Type": "text/html; charset=utf-8"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.load(answer)["messages"]

    def errors(self, html: bytes) -> list[str]:
        found = []
        for message in self.messages(html):
            if message["type"] not in ("error", "non-document-error"):
                continue
            line = message.get("lastLine", "?")
            extract = " ".join(message.get("extract", "").split())
            found.append(
                f"line {line}: {message['message']}" + (f": “{extract}”" if extract else "")
            )
        return found

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()
        self.process = None


# ---------------------------------------------------------------------------------------------
# Sideways scroll on a phone
# ---------------------------------------------------------------------------------------------
PHONE_WIDTH = 360

# The page's width and, when it is wider than the window, the elements that stick out (the
# deepest ones first, outside any box that scrolls or clips on its own): what to fix.
_OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const culprits = [];
  if (scrollWidth > width) {
    const clips = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    // first outside boxes that clip; then anywhere (an absolutely positioned element escapes
    // a clipping box that is not its containing block)
    for (const skipClipped of [true, false]) {
      for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5 || (skipClipped && clips(el))) continue;
        if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
        const id = el.id ? "#" + el.id : "";
        const cls = typeof el.className === "string" && el.className.trim()
          ? "." + el.className.trim().split(/\\s+/).join(".") : "";
        const text = (el.innerText || el.value || "").trim().slice(0, 40);
        const tag = el.tagName.toLowerCase();
        culprits.push(`<${tag}${id}${cls}> right edge ${Math.round(box.right)} px`
                      + (text ? ` "${text}"` : ""));
        if (culprits.length === 6) break;
      }
      if (culprits.length) break;
    }
  }
  return {scrollWidth, width, culprits};
}"""


def phone_overflow(page, width: int = PHONE_WIDTH) -> str | None:
    """None when the page fits `width` px with no sideways scroll; else what sticks out.

    The window is narrowed to `width` for the measure and given back its size after.
    """
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": before["height"] if before else 800})
    try:
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
        measure = page.evaluate(_OVERFLOW)
    finally:
        if before:
            page.set_viewport_size(before)
    if measure["scrollWidth"] <= width:
        return None
    return (
        f"the page scrolls sideways at {width} px: it is {measure['scrollWidth']} px wide; "
        "sticking out:\n    " + "\n    ".join(measure["culprits"] or ["(no single element found)"])
    )
