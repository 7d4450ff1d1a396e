"""What the browser journeys share besides fixtures (those are in conftest.py): finding parts of
a page, logging in, ticking rows in the admin, waiting for an email."""

import re

from playwright.sync_api import expect

from matching.models import Skill
from tests.factories import PASSWORD, totp_code

# crispy-forms adds a "*" to required fields' labels ("Password*")
PASSWORD_LABEL = re.compile(r"^\s*Password\s*\*?\s*$")
INTERNAL = re.compile(r"^This practice is internal")


def watch(page) -> list[dict]:
    """What the harness's `csp_violations` does, for a page of another context."""
    seen: list[dict] = []
    page.expose_function("__e2eReportCsp", lambda v: seen.append(v))
    page.add_init_script(
        """
        document.addEventListener("securitypolicyviolation", (e) => {
          const v = {page: document.location.href, directive: e.effectiveDirective,
                     blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber};
          if (window.__e2eReportCsp) window.__e2eReportCsp(v);
        });
        """
    )
    page.on(
        "pageerror",
        lambda exc: seen.append({"page": page.url, "directive": "pageerror", "error": str(exc)}),
    )
    return seen


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def status(page, text: str):
    return page.get_by_role("status").filter(has_text=text)


def alert(page, text: str):
    return page.get_by_role("alert").filter(has_text=text)


def log_in(page, email: str) -> None:
    """Fill the site's login form (already on the page, or opened from the menu)."""
    if not page.get_by_role("heading", level=1, name="Log in").is_visible():
        main_nav(page).get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(main_nav(page).get_by_role("link", name="Log out")).to_be_visible()


def staff_log_in(page, site: str, email: str, axe_check_admin) -> None:
    """A reviewer or coordinator opens the admin: its log-in sends them to the site's, which
    asks for the password and then the code of their authenticator app (staff must use
    two-factor authentication; the factory gave them one on TOTP_SECRET)."""
    page.goto(f"{site}/admin/")
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("heading", level=1, name="Enter your authenticator code")
    ).to_be_visible()
    axe_check_admin(page, "staff-login-code")
    page.get_by_label(re.compile(r"^\s*Code")).fill(totp_code())
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1, name="Review and coordination")).to_be_visible()


def mail_about(smtp_sink, to: str, subject: str, timeout: float = 10.0):
    """The next email to `to` whose subject contains `subject` (others to `to` are skipped)."""
    skipped = []
    while True:
        try:
            message = smtp_sink.wait_for(to, timeout=timeout)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; skipped before: {skipped}") from None
        if subject in message["Subject"]:
            return message
        skipped.append(message["Subject"])


def admin_bulk_action(page, row_name: str, action: str) -> None:
    """On a changelist: tick the object's row, choose the action, press Go."""
    page.get_by_role("checkbox", name=f"Select this object for an action - {row_name}").check()
    page.get_by_label("Action:").select_option(label=action)
    page.get_by_role("button", name="Go").click()


def admin_row(page, link_text: str):
    """The changelist's row that links to `link_text`."""
    return page.locator("#result_list tbody tr").filter(
        has=page.get_by_role("link", name=link_text, exact=True)
    )


def skill(code: str) -> Skill:
    return Skill.objects.get(code=code)
